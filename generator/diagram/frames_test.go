package diagram

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"archfolio/generator/graph"
)

// framed is a data-flow-like graph in nested frames: dc holds dmz and app,
// app holds db-zone (three deep), cloud holds nothing directly but vendor, and
// two nodes are outside every frame.
func framed() (*graph.Graph, *Drawing) {
	frames := []Frame{
		{ID: "dc", Label: "Data centre"}, {ID: "dmz", Label: "DMZ", Parent: "dc"},
		{ID: "app", Label: "Application zone", Parent: "dc"}, {ID: "db-zone", Label: "Database zone", Parent: "app"},
		{ID: "cloud", Label: "Cloud provider"}, {ID: "vendor", Label: "CRM vendor tenant", Parent: "cloud"},
		{ID: "empty", Label: "Holds nothing"},
	}
	group := map[string]string{"user": "", "partner": "", "portal": "dmz", "proxy": "dmz", "api": "app", "batch": "app",
		"db": "db-zone", "files": "db-zone", "crm": "vendor", "gw": "dc"}
	var nodes []graph.Node
	for id, g := range group {
		nodes = append(nodes, graph.Node{ID: id, Label: "Asset " + id, Group: g})
	}
	var edges []graph.Edge
	for _, e := range []string{"user>proxy", "proxy>portal", "portal>api", "api>db", "api>files", "batch>db", "api>crm",
		"partner>gw", "gw>api", "crm>batch", "db>api"} {
		from, to, _ := strings.Cut(e, ">")
		edges = append(edges, graph.Edge{From: from, To: to, Attrs: map[string]string{"protocol": "https"}})
	}
	g := graph.New(nodes, edges)
	opt := DefaultOptions()
	opt.Frames = frames
	return g, Layered(g, opt)
}

func TestFramesNestAndHoldTheirNodes(t *testing.T) {
	t.Parallel()
	_, d := framed()
	at := map[string]FrameBox{}
	var order []string
	for _, f := range d.Frames {
		at[f.ID] = f
		order = append(order, f.ID+":"+strconv.Itoa(f.Depth))
	}
	// preorder; the empty frame is not drawn
	if got := strings.Join(order, " "); got != "dc:1 dmz:2 app:2 db-zone:3 cloud:1 vendor:2" {
		t.Errorf("frames = %s", got)
	}
	inside := func(a rect, f FrameBox) bool {
		return a.x0 >= f.X && a.x1 <= f.X+f.W && a.y0 >= f.Y+frameLabelRoom && a.y1 <= f.Y+f.H
	}
	overlap := func(a, b rect) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
	frameRect := func(f FrameBox) rect { return rect{f.X, f.Y, f.X + f.W, f.Y + f.H} }
	for _, f := range d.Frames {
		if p, ok := at[f.Parent]; ok && !inside(frameRect(f), p) {
			t.Errorf("frame %s %v is not inside %s %v below its label", f.ID, frameRect(f), p.ID, frameRect(p))
		}
		for _, o := range d.Frames {
			if o.ID != f.ID && o.Parent == f.Parent && overlap(frameRect(f), frameRect(o)) {
				t.Errorf("sibling frames %s and %s overlap", f.ID, o.ID)
			}
		}
	}
	for _, b := range d.Boxes {
		box := rect{b.X, b.Y, b.X + b.W, b.Y + b.H}
		holders := map[string]bool{}
		for id := b.Node.Group; id != ""; id = at[id].Parent {
			holders[id] = true
		}
		for _, f := range d.Frames {
			if holders[f.ID] && !inside(box, f) {
				t.Errorf("%s is not inside its frame %s", b.Node.ID, f.ID)
			}
			if !holders[f.ID] && overlap(box, frameRect(f)) {
				t.Errorf("%s overlaps frame %s, which does not hold it", b.Node.ID, f.ID)
			}
		}
		if b.X < 0 || b.Y < 0 || b.X+b.W > d.Width || b.Y+b.H > d.Height {
			t.Errorf("%s lies outside the drawing", b.Node.ID)
		}
	}
	for _, f := range d.Frames {
		if f.X < 0 || f.Y < 0 || f.X+f.W > d.Width || f.Y+f.H > d.Height {
			t.Errorf("frame %s lies outside the drawing", f.ID)
		}
	}
}

var svgText = regexp.MustCompile(`<text class="(edge-label|frame-label)" x="([0-9.]+)" y="([0-9.]+)"( text-anchor="middle")?( font-size="([0-9.]+)")?[^>]*>([^<]*)</text>`)

// TestFramedSVGIsLegible holds a framed drawing to the maps' legibility rules:
// no text smaller than 11px at default zoom, and no label over another label,
// a box or a frame's label.
func TestFramedSVGIsLegible(t *testing.T) {
	t.Parallel()
	g, d := framed()
	s := testStyle("dfd")
	s.SmallSize = 11
	svg := svgOf(t, d, s)
	for _, m := range regexp.MustCompile(`font-size="([0-9.]+)"`).FindAllStringSubmatch(svg, -1) {
		if size, _ := strconv.ParseFloat(m[1], 64); size < 11 {
			t.Errorf("text of %vpx", size)
		}
	}
	var taken []rect
	for _, b := range d.Boxes {
		taken = append(taken, rect{b.X, b.Y, b.X + b.W, b.Y + b.H})
	}
	labels := svgText.FindAllStringSubmatch(svg, -1)
	edgeLabels := 0
	for _, m := range labels {
		x, _ := strconv.ParseFloat(m[2], 64)
		y, _ := strconv.ParseFloat(m[3], 64)
		size := fontSize
		if m[6] != "" {
			size, _ = strconv.ParseFloat(m[6], 64)
		}
		w := float64(len([]rune(html.UnescapeString(m[7])))) * charWidth * size / fontSize
		r := rect{x, y - size, x + w, y + 2}
		if m[4] != "" {
			r.x0, r.x1 = x-w/2, x+w/2
		}
		if m[1] == "edge-label" {
			edgeLabels++
		}
		for _, o := range taken {
			if r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1 {
				t.Errorf("%s %q at %v overlaps %v", m[1], m[7], r, o)
			}
		}
		taken = append(taken, r)
	}
	if len(labels)-edgeLabels != 6 || edgeLabels < len(g.Edges())/2 {
		t.Errorf("%d frame labels and %d edge labels for %d edges:\n%s", len(labels)-edgeLabels, edgeLabels, len(g.Edges()), svg)
	}
	golden(t, "frames.svg", svg)
}
