package diagram

import (
	"bytes"
	"cmp"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"archfolio/generator/graph"
)

// Style says what a drawing's parts say and link to. Every function may be nil.
// WriteSVG escapes every string it gets from here.
type Style struct {
	// ID prefixes the ids inside the SVG; it must be unique within the page.
	ID string
	// Title is the picture's accessible name; Desc an optional longer description.
	Title, Desc string
	// Href is a node's link; a node without one is drawn without a link.
	Href func(graph.Node) string
	// Tooltip is a node's <title>, read by screen readers and shown on hover
	// (default: its label).
	Tooltip func(graph.Node) string
	// Meta is a small line of details under a node's label ("" for none).
	Meta      func(graph.Node) string
	NodeClass func(graph.Node) string
	EdgeClass func(graph.Edge) string
	// EdgeTitle is an edge's <title>; EdgeLabel the short text drawn along it.
	EdgeTitle, EdgeLabel func(graph.Edge) string
	BandLabel, BandClass func(group string) string
	// BandID is the anchor id of a band, so that a page can link to it.
	BandID func(group string) string
	// FrameID and FrameClass are a frame's anchor id and classes.
	FrameID, FrameClass func(frame string) string
	// SmallSize is the font size of edge labels and a box's line of details;
	// 0 means metaSize.
	SmallSize float64
}

// Text sizes, in SVG units. A map opens at its actual size (one unit a CSS
// pixel), so no text is smaller than 11 px at the browser's default zoom.
const (
	fontSize   = 12.0
	lineHeight = 14.0
	metaSize   = 11.0
	metaHeight = 13.0
	charWidth  = 7.0 // an average width of a character at fontSize, to wrap labels
	// labelCharEm is a wide character of an edge label, in em (DejaVu Sans,
	// the widest common sans-serif, averages about 0.6 em), so that a label
	// drawn whole keeps clear of what is around it in every font a reader may get.
	labelCharEm  = 0.66
	maxLabelText = 40 // an edge label longer than this is left to the edge's <title> and the table
)

// WriteSVG writes d as an SVG element for inlining in an HTML page: bands, then
// edges with arrowheads and labels, then boxes, each box a link with a <title>.
func WriteSVG(w io.Writer, d *Drawing, s Style) error {
	_, err := io.WriteString(w, SVG(d, s))
	return err
}

// SVG returns what WriteSVG writes, for a page that keeps it.
func SVG(d *Drawing, s Style) string {
	var b bytes.Buffer
	b.Grow(1024 + 600*len(d.Boxes) + 400*len(d.Routes))
	AppendSVG(&b, d, s)
	return b.String()
}

// AppendSVG writes what WriteSVG writes to the end of b: a page's own buffer,
// so that a map drawn on every page of a kind (a blueprint's neighbourhood)
// costs no buffer and no copy of its own.
func AppendSVG(b *bytes.Buffer, d *Drawing, s Style) {
	id := s.ID
	if id == "" {
		id = "map"
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="depmap" id="` + esc(id) + `" viewBox="0 0 ` +
		num(d.Width) + " " + num(d.Height) + `" width="` + num(d.Width) + `" height="` + num(d.Height) +
		`" role="group" aria-labelledby="` + esc(id) + `-title" font-family="system-ui, sans-serif" font-size="` + num(fontSize) + `">` + "\n")
	b.WriteString(`<title id="` + esc(id) + `-title">` + esc(s.Title) + "</title>\n")
	if s.Desc != "" {
		b.WriteString("<desc>" + esc(s.Desc) + "</desc>\n")
	}
	writeBands(b, d, s)
	writeFrames(b, d, s)
	for _, h := range d.Headers {
		b.WriteString(`<text class="col-head" x="` + num(h.X+h.W/2) + `" y="` + num(margin+14) + `" text-anchor="middle" font-weight="600">` + esc(h.Label) + "</text>\n")
	}
	b.WriteString(`<g class="edges">` + "\n")
	labels := &labelSpace{size: cmp.Or(s.SmallSize, metaSize)}
	for _, bx := range d.Boxes {
		labels.taken = append(labels.taken, rect{bx.X, bx.Y, bx.X + bx.W, bx.Y + bx.H})
	}
	for _, f := range d.Frames {
		labels.taken = append(labels.taken, f.labelRect())
	}
	for _, r := range d.Routes {
		writeRoute(b, r, s, labels)
	}
	b.WriteString("</g>\n" + `<g class="nodes">` + "\n")
	for _, bx := range d.Boxes {
		writeBox(b, bx, s)
	}
	b.WriteString("</g>\n</svg>\n")
}

func writeBands(b *bytes.Buffer, d *Drawing, s Style) {
	if len(d.Bands) == 0 {
		return
	}
	b.WriteString(`<g class="bands">` + "\n")
	for _, band := range d.Bands {
		b.WriteString(`<g class="band` + class(call(s.BandClass, band.Group)) + `"`)
		if id := call(s.BandID, band.Group); id != "" {
			b.WriteString(` id="` + esc(id) + `"`)
		}
		b.WriteString(`><rect x="` + num(margin/2) + `" y="` + num(band.Y) + `" width="` + num(d.Width-margin) +
			`" height="` + num(band.H) + `" rx="6" fill="#f6f8fa" stroke="#d0d7de"/>`)
		label := call(s.BandLabel, band.Group)
		if label == "" {
			label = band.Group
		}
		b.WriteString(`<text class="band-label" x="` + num(margin) + `" y="` + num(band.Y+17) + `" font-weight="600">` + esc(label) + "</text></g>\n")
	}
	b.WriteString("</g>\n")
}

func writeRoute(b *bytes.Buffer, r Route, s Style, labels *labelSpace) {
	if len(r.Points) < 2 {
		return
	}
	cls := call(s.EdgeClass, r.Edge)
	if r.Back {
		cls = strings.TrimSpace(cls + " back")
	}
	writeAll(b, `<g class="edge`, class(cls), `">`)
	if t := call(s.EdgeTitle, r.Edge); t != "" {
		writeAll(b, "<title>", esc(t), "</title>")
	}
	p := r.Points
	b.WriteString(`<path class="line" d="M`)
	writeNums(b, p[0].X, p[0].Y)
	for k := 1; k < len(p); k++ {
		mx := (p[k-1].X + p[k].X) / 2
		b.WriteString(" C")
		writeNums(b, mx, p[k-1].Y, mx, p[k].Y, p[k].X, p[k].Y)
	}
	b.WriteString(`" fill="none" stroke="#8c959f"/><path class="head" d="`)
	writeArrowhead(b, p[len(p)-2], p[len(p)-1])
	b.WriteString(`" fill="#8c959f"/>`)
	if label := call(s.EdgeLabel, r.Edge); label != "" && utf8.RuneCountInString(label) <= maxLabelText {
		if at, text, ok := labels.place(p, label); ok {
			b.WriteString(`<text class="edge-label" x="`)
			writeNum(b, at.X)
			b.WriteString(`" y="`)
			writeNum(b, at.Y)
			b.WriteString(`" text-anchor="middle" font-size="`)
			writeNum(b, labels.size)
			writeAll(b, `">`, esc(text), "</text>")
		}
	}
	b.WriteString("</g>\n")
}

// writeArrowhead writes the path of a small triangle with its tip at to,
// pointing the way the last segment arrives (horizontally, or vertically when
// it has no width).
func writeArrowhead(b *bytes.Buffer, from, to Point) {
	dx, dy := 1.0, 0.0
	switch {
	case to.X < from.X:
		dx = -1
	case to.X == from.X && to.Y < from.Y:
		dx, dy = 0, -1
	case to.X == from.X:
		dx, dy = 0, 1
	}
	bx, by := to.X-8*dx, to.Y-8*dy // the base's centre
	px, py := -dy*4, dx*4          // half the base, across the direction
	b.WriteByte('M')
	writeNums(b, to.X, to.Y)
	b.WriteString(" L")
	writeNums(b, bx+px, by+py)
	b.WriteString(" L")
	writeNums(b, bx-px, by-py)
	b.WriteByte('z')
}

func writeBox(b *bytes.Buffer, bx Box, s Style) {
	n := bx.Node
	href := call(s.Href, n)
	cls := class(call(s.NodeClass, n))
	if href != "" {
		writeAll(b, `<a href="`, esc(href), `" class="node`, cls, `">`)
	} else {
		writeAll(b, `<g class="node`, cls, `">`)
	}
	tip := n.Label
	if s.Tooltip != nil {
		tip = s.Tooltip(n)
	}
	writeAll(b, "<title>", esc(tip), "</title>", `<rect x="`)
	writeNum(b, bx.X)
	b.WriteString(`" y="`)
	writeNum(b, bx.Y)
	b.WriteString(`" width="`)
	writeNum(b, bx.W)
	b.WriteString(`" height="`)
	writeNum(b, bx.H)
	b.WriteString(`" rx="4" fill="#ffffff" stroke="#57606a"/>`)
	meta := call(s.Meta, n)
	maxLines := int(max(1, (bx.H-6-boolf(meta != "")*metaHeight)/lineHeight))
	lines := wrap(n.Label, int((bx.W-12)/charWidth), min(maxLines, 2))
	block := float64(len(lines))*lineHeight + boolf(meta != "")*metaHeight
	cx := bx.X + bx.W/2
	y := bx.Y + (bx.H-block)/2 + lineHeight - 3
	b.WriteString(`<text class="label" x="`)
	writeNum(b, cx)
	b.WriteString(`" text-anchor="middle">`)
	for _, line := range lines {
		b.WriteString(`<tspan x="`)
		writeNum(b, cx)
		b.WriteString(`" y="`)
		writeNum(b, y)
		writeAll(b, `">`, esc(line), "</tspan>")
		y += lineHeight
	}
	b.WriteString("</text>")
	if meta != "" {
		b.WriteString(`<text class="meta" x="`)
		writeNum(b, cx)
		b.WriteString(`" y="`)
		writeNum(b, y-2)
		size := cmp.Or(s.SmallSize, metaSize)
		b.WriteString(`" text-anchor="middle" font-size="`)
		writeNum(b, size)
		writeAll(b, `">`, esc(truncate(meta, int((bx.W-8)/(charWidth*size/fontSize)))), "</text>")
	}
	if href != "" {
		b.WriteString("</a>\n")
	} else {
		b.WriteString("</g>\n")
	}
}

// writeAll writes the strings in turn, without joining them first.
func writeAll(b *bytes.Buffer, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// writeNums writes numbers separated by spaces, as num writes them.
func writeNums(b *bytes.Buffer, vs ...float64) {
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeNum(b, v)
	}
}

// writeNum writes num(v) without making a string of it.
func writeNum(b *bytes.Buffer, v float64) {
	var buf [32]byte
	b.Write(appendNum(buf[:0], v))
}

func call[T any](f func(T) string, v T) string {
	if f == nil {
		return ""
	}
	return f(v)
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// class returns " " + the class names, escaped, or "".
func class(c string) string {
	c = strings.TrimSpace(c)
	if c == "" {
		return ""
	}
	return " " + esc(c)
}

// esc escapes text and attribute values (Escape).
func esc(s string) string { return Escape(s) }

// num formats a coordinate with at most one decimal.
func num(v float64) string { return string(appendNum(nil, v)) }

// appendNum appends v rounded to one decimal, without a trailing .0: what
// strconv.AppendFloat(dst, v, 'f', -1, 64) writes for it, from the whole number
// of tenths, which is faster.
func appendNum(dst []byte, v float64) []byte {
	v = math.Round(v*10) / 10
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, '0')
	}
	tenths := math.Round(v * 10)
	if math.Abs(tenths) >= 1<<53 {
		return strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	n := int64(tenths)
	if n < 0 {
		dst, n = append(dst, '-'), -n
	}
	dst = strconv.AppendInt(dst, n/10, 10)
	if d := n % 10; d != 0 {
		dst = append(dst, '.', byte('0'+d))
	}
	return dst
}

// labelSpace remembers where edge labels and boxes were drawn, so that a label
// goes where it overlaps none of them: whole, just above the middle of one of
// its route's segments, the middle one first. A label with no free place is not
// drawn along the edge, rather than cut; it remains in the edge's <title> and in
// the table beside every map.
type labelSpace struct {
	taken []rect
	size  float64 // the labels' font size
}

type rect struct{ x0, y0, x1, y1 float64 }

func (ls *labelSpace) place(p []Point, label string) (Point, string, bool) {
	cw := labelCharEm * ls.size
	n := len(p) - 1
	for k := range n {
		// middle segment first, then alternately after and before it
		seg := n/2 + (k+1)/2*(1-2*(k%2))
		if seg < 0 || seg >= n {
			continue
		}
		a, c := p[seg], p[seg+1]
		if math.Abs(c.X-a.X) < 5*cw {
			continue
		}
		w := float64(utf8.RuneCountInString(label))*cw + 6
		at := Point{(a.X + c.X) / 2, (a.Y+c.Y)/2 - 3}
		r := rect{at.X - w/2, at.Y - ls.size, at.X + w/2, at.Y + 4} // the baseline at at.Y, descenders under it
		if !ls.overlaps(r) {
			ls.taken = append(ls.taken, r)
			return at, label, true
		}
	}
	return Point{}, "", false
}

func (ls *labelSpace) overlaps(r rect) bool {
	for _, t := range ls.taken {
		if r.x0 < t.x1 && t.x0 < r.x1 && r.y0 < t.y1 && t.y0 < r.y1 {
			return true
		}
	}
	return false
}
