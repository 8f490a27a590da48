package radar

import (
	"html/template"
	"math"
	"strconv"

	"archfolio/generator"
	"archfolio/generator/diagram"
)

// SVG draws the radar for the page at pageURL: the rings and their labels,
// the quadrants' edges and names, and each blip as a link to its document,
// numbered as the table numbers it, with its movement's mark. Colour tells
// the quadrants apart, which the position and the names say too; movement
// shows by the mark's shape. Every text from content is escaped by the writer.
func (r *Radar) SVG(pageURL string) template.HTML {
	l := layOut(r)
	w := &diagram.Writer{}
	num := diagram.Num
	w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "radar", "id", "radar",
		"viewBox", "0 0 "+num(l.Width)+" "+num(l.Height), "width", num(l.Width), "height", num(l.Height),
		"role", "group", "aria-labelledby", "radar-title", "font-size", num(ringSize))
	w.Newline()
	w.Text("title", "Technology radar: "+generator.Plural(len(r.Blips), "blip", "blips")+", numbered as in the table", "id", "radar-title")
	w.Newline()
	w.Open("g", "class", "rd-rings")
	for k := len(l.Radii) - 1; k >= 0; k-- {
		w.Empty("circle", "class", "rd-ring rd-ring-"+Rings[k], "cx", num(l.C.X), "cy", num(l.C.Y), "r", num(l.Radii[k]))
	}
	R := l.Radii[len(l.Radii)-1]
	if l.N > 1 {
		for q := range l.N {
			start, _ := sector(q, l.N)
			w.Empty("line", "class", "rd-edge", "x1", num(l.C.X), "y1", num(l.C.Y),
				"x2", num(l.C.X+R*math.Cos(start)), "y2", num(l.C.Y+R*math.Sin(start)))
		}
	}
	for _, lb := range l.RingLabels {
		b := lb.Box
		w.Empty("rect", "class", "rd-ring-label-bg", "x", num(b.X0), "y", num(b.Y0), "width", num(b.X1-b.X0), "height", num(b.Y1-b.Y0), "rx", "3")
		w.Text("text", lb.Text, "class", "rd-ring-label", "x", num(lb.At.X), "y", num(lb.At.Y), "text-anchor", lb.Anchor)
	}
	w.Close("g")
	w.Newline()
	w.Open("g", "class", "rd-quadrants")
	for q, lb := range l.QuadLabels {
		w.Text("text", lb.Text, "class", "rd-quadrant-label rq-"+strconv.Itoa(q), "x", num(lb.At.X), "y", num(lb.At.Y),
			"text-anchor", lb.Anchor, "font-size", num(lb.Size))
	}
	w.Close("g")
	w.Newline()
	w.Open("g", "class", "rd-blips")
	w.Newline()
	for i, b := range r.Blips {
		writeBlip(w, r, b, l.Blips[i], l.C, generator.RelURL(pageURL, b.Doc.URL))
	}
	w.Close("g")
	w.Newline()
	w.Close("svg")
	w.Newline()
	return w.HTML()
}

// writeBlip writes one blip: a link named by its number, title, quadrant,
// ring and movement, holding its disc, its number and its movement's mark.
func writeBlip(w *diagram.Writer, r *Radar, b *Blip, at, centre point, href string) {
	num := diagram.Num
	name := b.Name(r)
	cls := "rd-blip rq-" + strconv.Itoa(b.Quadrant)
	if m := b.Movement.Class(); m != "" {
		cls += " " + m
	}
	w.Open("a", "href", href, "class", cls, "aria-label", name)
	w.Text("title", name)
	w.Empty("circle", "class", "rd-dot", "cx", num(at.X), "cy", num(at.Y), "r", num(dotR))
	if d := markPath(b.Movement, at, centre); d != "" {
		w.Empty("path", "class", "rd-mark", "d", d, "fill", "none")
	}
	w.Text("text", strconv.Itoa(b.Number), "class", "rd-num", "x", num(at.X), "y", num(at.Y+numSize*0.35),
		"text-anchor", "middle", "font-size", num(numSize))
	w.Close("a")
	w.Newline()
}

// Name is how the picture and the table name a blip: "7. Keycloak: Platforms,
// adopt", then its movement when it is known.
func (b *Blip) Name(r *Radar) string {
	s := strconv.Itoa(b.Number) + ". " + b.Doc.Title + ": " + generator.Humanize(r.Quadrants[b.Quadrant]) + ", " + b.RingName()
	if m := b.Movement.String(); m != "" {
		s += ", " + m
		if r.Since != "" {
			s += " since " + r.Since
		}
	}
	return s
}

// markPath is the movement's mark around a blip at p: a whole ring when it is
// new, the half of a ring facing the centre when it moved in, the half facing
// away when it moved out; nothing when it is unchanged or not known.
func markPath(m Movement, p, centre point) string {
	num := diagram.Num
	if m == New {
		return "M" + num(p.X-markR) + " " + num(p.Y) + " a" + num(markR) + " " + num(markR) + " 0 1 0 " + num(2*markR) + " 0" +
			" a" + num(markR) + " " + num(markR) + " 0 1 0 " + num(-2*markR) + " 0"
	}
	if m != MovedIn && m != MovedOut {
		return ""
	}
	ux, uy := centre.X-p.X, centre.Y-p.Y // towards the centre
	if d := math.Hypot(ux, uy); d > 0 {
		ux, uy = ux/d, uy/d
	} else {
		ux, uy = -1, 0
	}
	px, py := -uy, ux // across
	// From p+across to p-across: sweeping the positive way passes the far
	// side (away from the centre), the other way the near side.
	sweep := "0"
	if m == MovedOut {
		sweep = "1"
	}
	return "M" + num(p.X+markR*px) + " " + num(p.Y+markR*py) + " A" + num(markR) + " " + num(markR) + " 0 0 " + sweep + " " +
		num(p.X-markR*px) + " " + num(p.Y-markR*py)
}
