package radar

import (
	"math"
	"unicode/utf8"

	"archfolio/generator"
)

// The radar's geometry, in SVG units (CSS pixels at the default zoom). The
// quadrants are sectors, the first starting at nine o'clock and going
// clockwise; the rings are bands from the centre out. Within a ring of a
// quadrant the blips sit on arcs (rows) a pitch apart, each row's blips at
// least a pitch apart along it and clear of the quadrant's edges, so no two
// blips overlap however many there are: a ring grows by a row until its
// fullest quadrant fits. The ring labels sit on the nine o'clock axis, which
// every blip keeps clear of; the quadrant names outside the circle.
const (
	dotR      = 10.0 // a blip's disc
	markR     = 12.5 // the arc or ring that shows its movement, 2 wide
	blipR     = 14.0 // what a blip covers: its disc, its mark and a hair
	pitch     = 2*blipR + 4
	axisClear = blipR + 10 // a blip's centre from a quadrant's edge, leaving room for a ring label
	ringPad   = 6.0        // between a ring's edge and its blips
	minBand   = 64.0       // a ring's least width
	numSize   = 11.0       // a blip's number
	ringSize  = 12.0       // a ring's label
	quadSize  = 13.0       // a quadrant's name
	charEm    = 0.66       // a wide character, in em, to size labels in any font
	canvasPad = 8.0
)

type point struct{ X, Y float64 }

type rect struct{ X0, Y0, X1, Y1 float64 }

func (a rect) overlaps(b rect) bool { return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1 }

// label is a text of the picture: where it is anchored, and the box it may cover.
type label struct {
	Text   string
	At     point // the anchor, on the baseline
	Anchor string
	Size   float64
	Box    rect
}

// layout is where everything of a radar goes.
type layout struct {
	Width, Height float64
	C             point     // the centre
	N             int       // quadrants
	Radii         []float64 // each ring's outer radius
	Blips         []point   // the centre of each blip, in Radar.Blips' order
	RingLabels    []label
	QuadLabels    []label
}

// sector returns the first angle of quadrant q of n and the sector's angle.
func sector(q, n int) (start, theta float64) {
	theta = 2 * math.Pi / float64(n)
	return math.Pi + float64(q)*theta, theta
}

// row is what an arc of radius rho of a sector of angle theta holds: the angle
// its blips may spread over, the least angle between two, and how many fit.
func row(rho, theta float64) (span, step float64, fits int) {
	if rho <= axisClear {
		return 0, 0, 0
	}
	span = theta - 2*math.Asin(axisClear/rho)
	if span < 0 {
		return 0, 0, 0
	}
	if pitch >= 2*rho {
		return span, 0, 1
	}
	step = 2 * math.Asin(pitch/(2*rho))
	return span, step, int(span/step+1e-9) + 1
}

// firstRow is the least radius from inner at which a row holds a blip.
func firstRow(inner, theta float64) float64 {
	rho := inner + ringPad + blipR
	least := axisClear/math.Sin(min(theta/2, math.Pi/2)) + 0.01
	return max(rho, least)
}

// layOut lays a radar out: rings wide enough for their fullest quadrant, each
// blip in the next place of its ring and quadrant.
func layOut(r *Radar) *layout {
	n := max(len(r.Quadrants), 1)
	_, theta := sector(0, n)
	cells := make([][][]int, n) // quadrant, ring → blip indexes, in order
	for q := range cells {
		cells[q] = make([][]int, len(Rings))
	}
	for i, b := range r.Blips {
		cells[b.Quadrant][b.Ring] = append(cells[b.Quadrant][b.Ring], i)
	}
	l := &layout{N: n, Blips: make([]point, len(r.Blips))}
	inner := 0.0
	for k := range Rings {
		most := 0
		for q := range cells {
			most = max(most, len(cells[q][k]))
		}
		rows, fits := rowsFor(most, inner, theta)
		outer := inner + minBand
		if len(rows) > 0 {
			outer = max(outer, rows[len(rows)-1]+blipR+ringPad)
		}
		for q := range cells {
			spread(l.Blips, cells[q][k], rows, fits, q, n)
		}
		l.Radii = append(l.Radii, outer)
		inner = outer
	}
	l.labels(r)
	l.fit()
	return l
}

// rowsFor returns the radii of the rows a ring starting at inner needs for
// count blips in a quadrant, and how many each holds.
func rowsFor(count int, inner, theta float64) (rows []float64, fits []int) {
	rho := firstRow(inner, theta)
	for total := 0; total < count; rho += pitch {
		_, _, f := row(rho, theta)
		rows, fits = append(rows, rho), append(fits, f)
		total += f
	}
	return rows, fits
}

// spread places the blips of one ring of quadrant q over the ring's rows:
// each row takes a share as large as its room, and spreads its share evenly
// along its arc, centred.
func spread(at []point, blips []int, rows []float64, fits []int, q, n int) {
	start, theta := sector(q, n)
	shares := shareOut(len(blips), fits)
	next := 0
	for j, m := range shares {
		if m == 0 {
			continue
		}
		span, step, _ := row(rows[j], theta)
		gap := max(step, span/float64(m))
		first := start + theta/2 - gap*float64(m-1)/2
		for i := range m {
			phi := first + gap*float64(i)
			at[blips[next]] = point{rows[j] * math.Cos(phi), rows[j] * math.Sin(phi)}
			next++
		}
	}
}

// shareOut divides count blips between rows in proportion to how many each
// holds (largest remainders, inner rows first on ties), using only as many
// rows, from the inside, as count needs. No row gets more than it holds.
func shareOut(count int, fits []int) []int {
	shares := make([]int, len(fits))
	room, used := 0, 0
	for used < len(fits) && room < count {
		room += fits[used]
		used++
	}
	if count == 0 {
		return shares
	}
	given := 0
	rest := make([]float64, used)
	for j := range used {
		exact := float64(count) * float64(fits[j]) / float64(room)
		shares[j] = int(exact)
		rest[j] = exact - float64(shares[j])
		given += shares[j]
	}
	for ; given < count; given++ {
		best := -1
		for j := range used {
			if shares[j] < fits[j] && (best < 0 || rest[j] > rest[best]) {
				best = j
			}
		}
		shares[best]++
		rest[best] = -1
	}
	return shares
}

// textBox is the box a text of size runes wide may cover, anchored at p.
func textBox(text string, p point, anchor string, size float64) rect {
	w := float64(utf8.RuneCountInString(text)) * charEm * size
	x0 := p.X
	switch anchor {
	case "middle":
		x0 -= w / 2
	case "end":
		x0 -= w
	}
	return rect{x0, p.Y - size, x0 + w, p.Y + size*0.3}
}

// labels places the ring labels on the nine o'clock axis, each in the middle
// of its ring, and each quadrant's name outside the circle at the middle of its
// sector, growing away from it.
func (l *layout) labels(r *Radar) {
	inner := 0.0
	for k, outer := range l.Radii {
		text := generator.Humanize(Rings[k])
		at := point{-(inner + outer) / 2, ringSize * 0.35}
		box := textBox(text, at, "middle", ringSize)
		box.X0, box.X1, box.Y0, box.Y1 = box.X0-4, box.X1+4, -ringSize*0.75, ringSize*0.75
		l.RingLabels = append(l.RingLabels, label{text, at, "middle", ringSize, box})
		inner = outer
	}
	outer := l.Radii[len(l.Radii)-1] + 14
	for q, name := range r.Quadrants {
		name = generator.Humanize(name)
		start, theta := sector(q, l.N)
		phi := start + theta/2
		c, s := math.Cos(phi), math.Sin(phi)
		at := point{outer * c, outer * s}
		anchor := "middle"
		switch {
		case c > 0.25:
			anchor = "start"
		case c < -0.25:
			anchor = "end"
		}
		switch {
		case s > 0.25:
			at.Y += quadSize
		case s >= -0.25:
			at.Y += quadSize * 0.35
		}
		l.QuadLabels = append(l.QuadLabels, label{name, at, anchor, quadSize, textBox(name, at, anchor, quadSize)})
	}
}

// fit moves everything so that the picture starts at 0,0 with a margin, and
// sizes it to the circle and its labels.
func (l *layout) fit() {
	R := l.Radii[len(l.Radii)-1]
	box := rect{-R, -R, R, R}
	for _, lb := range l.QuadLabels {
		box = rect{min(box.X0, lb.Box.X0), min(box.Y0, lb.Box.Y0), max(box.X1, lb.Box.X1), max(box.Y1, lb.Box.Y1)}
	}
	dx, dy := canvasPad-box.X0, canvasPad-box.Y0
	l.C = point{dx, dy}
	l.Width, l.Height = math.Ceil(box.X1-box.X0+2*canvasPad), math.Ceil(box.Y1-box.Y0+2*canvasPad)
	for i := range l.Blips {
		l.Blips[i].X += dx
		l.Blips[i].Y += dy
	}
	for _, ls := range [][]label{l.RingLabels, l.QuadLabels} {
		for i := range ls {
			ls[i].At.X, ls[i].At.Y = ls[i].At.X+dx, ls[i].At.Y+dy
			b := &ls[i].Box
			b.X0, b.X1, b.Y0, b.Y1 = b.X0+dx, b.X1+dx, b.Y0+dy, b.Y1+dy
		}
	}
}
