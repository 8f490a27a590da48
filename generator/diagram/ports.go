package diagram

import (
	"cmp"
	"slices"
)

// portEnd is one end of an edge meeting a side of a box.
type portEnd struct {
	owner int     // the box (or vertex)
	side  int     // 0 right, 1 left
	h     float64 // the box's height
	other float64 // y of the edge's next point away from the box
	edge  int     // the edge
	which int     // 0 its start, 1 its end
}

// spreadPorts spreads the ends meeting one side of a box along that side, ordered by
// where their other end lies, so arrows do not pile up on one point. It returns the
// y offset of each (edge, which).
func spreadPorts(ends []portEnd) map[[2]int]float64 {
	slices.SortFunc(ends, func(a, b portEnd) int {
		return cmp.Or(cmp.Compare(a.owner, b.owner), cmp.Compare(a.side, b.side), cmp.Compare(a.other, b.other), cmp.Compare(a.edge, b.edge))
	})
	offset := make(map[[2]int]float64, len(ends))
	for start := 0; start < len(ends); {
		end := start
		for end < len(ends) && ends[end].owner == ends[start].owner && ends[end].side == ends[start].side {
			end++
		}
		n := end - start
		step := min(8, 0.6*ends[start].h/float64(n))
		for k := start; k < end; k++ {
			offset[[2]int{ends[k].edge, ends[k].which}] = (float64(k-start) - float64(n-1)/2) * step
		}
		start = end
	}
	return offset
}

// routes returns the points of every chain: out of the right side of its first
// vertex, through each dummy, into the left side of its last; reversed for a back
// edge, so a route always ends at the edge's To.
func (l *layered) routes(layerX func(int) float64) []Route {
	var ends []portEnd
	for i, c := range l.chains {
		first, last := c.verts[0], c.verts[len(c.verts)-1]
		ends = append(ends, portEnd{first, 0, l.vs[first].h, l.vs[c.verts[1]].y, i, 0},
			portEnd{last, 1, l.vs[last].h, l.vs[c.verts[len(c.verts)-2]].y, i, 1})
	}
	offset := spreadPorts(ends)
	w := l.opt.NodeWidth
	out := make([]Route, 0, len(l.chains))
	for i, c := range l.chains {
		pts := make([]Point, 0, 2*len(c.verts))
		for k, v := range c.verts {
			x, y := layerX(l.vs[v].layer), l.vs[v].y
			switch {
			case k == 0:
				pts = append(pts, Point{x + w, y + offset[[2]int{i, 0}]})
			case k == len(c.verts)-1:
				pts = append(pts, Point{x, y + offset[[2]int{i, 1}]})
			default:
				pts = append(pts, Point{x, y}, Point{x + w, y})
			}
		}
		if c.back {
			slices.Reverse(pts)
		}
		out = append(out, Route{Edge: c.edge, Points: pts, Back: c.back})
	}
	return out
}
