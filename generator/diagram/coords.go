package diagram

import (
	"cmp"
	"slices"

	"archfolio/generator/graph"
)

// run is the vertices of one band in one layer, top to bottom.
type run struct {
	verts []int
	band  int
}

// placeY gives every vertex its vertical centre: bands are stacked, each as tall as
// its fullest layer; within a band, a few passes pull each vertex towards the mean
// of its neighbours while keeping order and spacing.
func (l *layered) placeY() {
	runs := l.runs()
	for _, r := range runs {
		y := l.bandTop[r.band] + (l.bandRoom[r.band]-l.packed(r.verts))/2
		for k, v := range r.verts {
			if k > 0 {
				y += l.sep(r.verts[k-1], v)
			} else {
				y += l.vs[v].h / 2
			}
			l.vs[v].y = y
		}
	}
	desired := make([]float64, 0, 64)
	for pass := 0; pass < 4; pass++ {
		for _, r := range runs {
			desired = desired[:0]
			for _, v := range r.verts {
				desired = append(desired, l.meanNeighbourY(v))
			}
			l.fit(r, desired)
		}
		slices.Reverse(runs) // alternate the direction of the passes
	}
}

// runs splits every layer into its bands' runs and sizes the bands: each is as
// tall as its fullest layer, and they are stacked top to bottom.
func (l *layered) runs() []run {
	l.bandRoom = make([]float64, len(l.bands))
	var runs []run
	for _, layer := range l.layers {
		for start := 0; start < len(layer); {
			end := start
			b := l.vs[layer[start]].band
			for end < len(layer) && l.vs[layer[end]].band == b {
				end++
			}
			l.bandRoom[b] = max(l.bandRoom[b], l.packed(layer[start:end]))
			runs = append(runs, run{verts: layer[start:end:end], band: b})
			start = end
		}
	}
	l.bandTop = make([]float64, len(l.bands))
	y := margin
	for b := range l.bands {
		padTop, padBot := l.bandPad(b)
		l.bandTop[b] = y + padTop
		y += padTop + l.bandRoom[b] + padBot
	}
	l.height = y + margin
	return runs
}

// bandPad is the room above and below band b's nodes: for its label, or for
// the labels of the frames it starts and the edges of those it ends.
func (l *layered) bandPad(b int) (top, bottom float64) {
	switch {
	case l.frames != nil:
		return l.frames.pad(b)
	case l.opt.Bands:
		return bandPadTop, bandPadBot
	}
	return 0, 0
}

// packed is the height of vertices stacked with their minimum spacing.
func (l *layered) packed(verts []int) float64 {
	if len(verts) == 0 {
		return 0
	}
	h := l.vs[verts[0]].h/2 + l.vs[verts[len(verts)-1]].h/2
	for k := 1; k < len(verts); k++ {
		h += l.sep(verts[k-1], verts[k])
	}
	return h
}

// sep is the least distance between the centres of two vertices one above the other.
func (l *layered) sep(a, b int) float64 {
	gap := l.opt.NodeGap
	if l.vs[a].node < 0 || l.vs[b].node < 0 {
		gap = dummyGap
	}
	return l.vs[a].h/2 + gap + l.vs[b].h/2
}

func (l *layered) meanNeighbourY(v int) float64 {
	sum, n := 0.0, 0
	for _, adj := range [][]int{l.up[v], l.down[v]} {
		for _, w := range adj {
			sum += l.vs[w].y
			n++
		}
	}
	if n == 0 {
		return l.vs[v].y
	}
	return sum / float64(n)
}

// fit places a run's vertices as near the desired centres as their order and
// spacing allow (least squares, by pool-adjacent-violators), inside the band.
func (l *layered) fit(r run, desired []float64) {
	vs := r.verts
	off := make([]float64, len(vs))
	for k := 1; k < len(vs); k++ {
		off[k] = off[k-1] + l.sep(vs[k-1], vs[k])
	}
	// With z = y - off the constraints become z non-decreasing.
	type block struct {
		sum   float64
		count int
	}
	blocks := make([]block, 0, len(vs))
	for k := range vs {
		blocks = append(blocks, block{desired[k] - off[k], 1})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/float64(a.count) <= b.sum/float64(b.count) {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.count + b.count})
		}
	}
	top, room := l.bandTop[r.band], l.bandRoom[r.band]
	lo := top + l.vs[vs[0]].h/2
	hi := top + room - l.vs[vs[len(vs)-1]].h/2 - off[len(vs)-1]
	k := 0
	for _, b := range blocks {
		z := min(max(b.sum/float64(b.count), lo), hi)
		for range b.count {
			l.vs[vs[k]].y = z + off[k]
			k++
		}
	}
}

// drawing turns the placed vertices into boxes, bands and routes.
func (l *layered) drawing() *Drawing {
	w, left := l.opt.NodeWidth, margin
	if l.frames != nil {
		left += frameInset * float64(l.frames.deep)
	}
	layerX := func(layer int) float64 { return left + float64(layer)*(w+l.opt.LayerGap) }
	d := &Drawing{Width: 2*left + float64(len(l.layers))*w + float64(max(len(l.layers)-1, 0))*l.opt.LayerGap}
	for i, n := range l.nodes {
		v := l.vs[i]
		d.Boxes = append(d.Boxes, Box{Node: n, X: layerX(v.layer), Y: v.y - v.h/2, W: w, H: v.h})
	}
	d.Height = l.height
	if l.frames != nil {
		d.Frames = l.frames.boxes(l.bandTop, l.bandRoom, d.Width)
	} else if l.opt.Bands {
		for b, grp := range l.bands {
			d.Bands = append(d.Bands, Band{Group: grp, Y: l.bandTop[b] - bandPadTop, H: bandPadTop + l.bandRoom[b] + bandPadBot})
		}
	}
	d.Routes = l.routes(layerX)
	for _, e := range l.loops {
		d.Routes = append(d.Routes, Route{Edge: e, Points: loopPoints(d.Boxes[l.indexOf(e.From)])})
	}
	slices.SortStableFunc(d.Routes, func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Edge.From, b.Edge.From), cmp.Compare(a.Edge.To, b.Edge.To))
	})
	return d
}

func (l *layered) indexOf(id string) int {
	i, _ := slices.BinarySearchFunc(l.nodes, id, func(n graph.Node, id string) int { return cmp.Compare(n.ID, id) })
	return i
}

// loopPoints is a small loop on the right of a box, for a node that depends on itself.
func loopPoints(b Box) []Point {
	x, y := b.X+b.W, b.Y+b.H/2
	return []Point{{x, y - 8}, {x + 18, y - 8}, {x + 18, y + 8}, {x, y + 8}}
}
