package diagram

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archfolio/generator/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// small builds a graph from "a>b" pairs and bare ids; a node's group is the part of
// its id before a dash.
func small(items ...string) *graph.Graph {
	var nodes []graph.Node
	var edges []graph.Edge
	node := func(id string) graph.Node {
		grp, _, _ := strings.Cut(id, "-")
		return graph.Node{ID: id, Label: "Blueprint " + id, Group: grp}
	}
	for _, it := range items {
		if from, to, ok := strings.Cut(it, ">"); ok {
			nodes = append(nodes, node(from), node(to))
			edges = append(edges, graph.Edge{From: from, To: to, Attrs: map[string]string{"protocol": "REST"}})
		} else {
			nodes = append(nodes, node(it))
		}
	}
	return graph.New(nodes, edges)
}

func testStyle(id string) Style {
	return Style{ID: id, Title: "Test map " + id,
		Href:      func(n graph.Node) string { return "../" + n.ID + "/" },
		Meta:      func(n graph.Node) string { return n.Group },
		NodeClass: func(n graph.Node) string { return "grp-" + n.Group },
		EdgeTitle: func(e graph.Edge) string { return e.From + " depends on " + e.To },
		EdgeLabel: func(e graph.Edge) string { return e.Attrs["protocol"] },
		BandID:    func(g string) string { return "band-" + g },
	}
}

func svgOf(t *testing.T, d *Drawing, s Style) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSVG(&buf, d, s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./generator/diagram -update and review the diff\ngot:\n%s", name, got)
	}
}

func TestGoldenSVG(t *testing.T) {
	t.Parallel()
	bands := DefaultOptions()
	bands.Bands = true
	for _, tc := range []struct {
		name string
		d    *Drawing
	}{
		{"chain.svg", Layered(small("pay-a>pay-b", "pay-b>core-c", "core-c>core-d", "web-e>pay-b"), bands)},
		{"cycle.svg", Layered(small("x>y", "y>z", "z>x", "w>x"), DefaultOptions())},
		{"columns.svg", Columns(small("u1>c", "u2>c", "u3>u1", "c>d1", "d1>d2"), []Column{
			{Label: "Two hops", IDs: []string{"u3"}}, {Label: "Dependents", IDs: []string{"u1", "u2"}},
			{Label: "This", IDs: []string{"c"}}, {Label: "Dependencies", IDs: []string{"d1"}}, {Label: "Two hops", IDs: []string{"d2"}},
		}, DefaultOptions())},
	} {
		t.Run(tc.name, func(t *testing.T) { golden(t, tc.name, svgOf(t, tc.d, testStyle(strings.TrimSuffix(tc.name, ".svg")))) })
	}
}

func TestSVGEscapesEveryText(t *testing.T) {
	t.Parallel()
	evil := `<script>alert("x")</script> & 'q'`
	g := graph.New([]graph.Node{{ID: "a", Label: evil, Group: evil}, {ID: "b", Label: "B"}},
		[]graph.Edge{{From: "a", To: "b", Attrs: map[string]string{"protocol": evil}}})
	s := Style{ID: `m"x`, Title: evil, Desc: evil,
		Href:      func(graph.Node) string { return `../"onmouseover="x` },
		Tooltip:   func(graph.Node) string { return evil },
		Meta:      func(graph.Node) string { return evil },
		NodeClass: func(graph.Node) string { return `c" onclick="x` },
		EdgeClass: func(graph.Edge) string { return `e"><script>` },
		EdgeTitle: func(graph.Edge) string { return evil },
		EdgeLabel: func(graph.Edge) string { return "<b>&" },
		BandLabel: func(string) string { return evil },
		BandID:    func(string) string { return `"><x` },
	}
	opt := DefaultOptions()
	opt.Bands = true
	opt.LayerGap = 300 // room for the edge label
	out := svgOf(t, Layered(g, opt), s)
	for _, bad := range []string{"<script", `"onmouseover`, `" onclick`, `"><x`, "<b>", `"x"`} {
		if strings.Contains(out, bad) {
			t.Errorf("SVG contains unescaped %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39;", "&lt;b&gt;&amp;", `href="../&#34;onmouseover=&#34;x"`} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks escaped %q:\n%s", want, out)
		}
	}
}

func TestLayeredIsDeterministicWhateverTheInputOrder(t *testing.T) {
	t.Parallel()
	a := small("p-1>p-2", "p-2>q-3", "q-4>p-2", "q-4>q-3", "r-5>q-4", "r-5>p-1")
	b := small("r-5>p-1", "r-5>q-4", "q-4>q-3", "q-4>p-2", "p-2>q-3", "p-1>p-2")
	opt := DefaultOptions()
	opt.Bands = true
	if x, y := svgOf(t, Layered(a, opt), testStyle("m")), svgOf(t, Layered(b, opt), testStyle("m")); x != y {
		t.Errorf("the same graph given in another order draws differently")
	}
}

func TestBarycentreRemovesAvoidableCrossings(t *testing.T) {
	t.Parallel()
	// In id order a→z and b→y cross; ordering by barycentre uncrosses them.
	d := Layered(small("a>z", "b>y", "c>x"), DefaultOptions())
	if d.Crossings != 0 {
		t.Errorf("crossings = %d, want 0", d.Crossings)
	}
	y := map[string]float64{}
	for _, b := range d.Boxes {
		y[b.Node.ID] = b.Y
	}
	if !(y["z"] < y["y"] && y["y"] < y["x"]) {
		t.Errorf("targets not in the order of their sources: %v", y)
	}
}

func TestLayoutGeometry(t *testing.T) {
	t.Parallel()
	g := syntheticPortfolio(60, 150, 7)
	opt := DefaultOptions()
	opt.Bands = true
	d := Layered(g, opt)
	band := map[string]Band{}
	for _, b := range d.Bands {
		band[b.Group] = b
	}
	for i, a := range d.Boxes {
		bd := band[a.Node.Group]
		if a.Y < bd.Y || a.Y+a.H > bd.Y+bd.H {
			t.Errorf("%s (%v..%v) lies outside its band %q (%v..%v)", a.Node.ID, a.Y, a.Y+a.H, bd.Group, bd.Y, bd.Y+bd.H)
		}
		if a.X < 0 || a.Y < 0 || a.X+a.W > d.Width || a.Y+a.H > d.Height {
			t.Errorf("%s lies outside the drawing", a.Node.ID)
		}
		for _, b := range d.Boxes[i+1:] {
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				t.Errorf("%s and %s overlap", a.Node.ID, b.Node.ID)
			}
		}
	}
	if len(d.Routes) != len(g.Edges()) {
		t.Errorf("%d routes for %d edges: every edge must be drawn", len(d.Routes), len(g.Edges()))
	}
	at := map[string]Box{}
	for _, b := range d.Boxes {
		at[b.Node.ID] = b
	}
	for _, r := range d.Routes {
		end, to := r.Points[len(r.Points)-1], at[r.Edge.To]
		if (end.X != to.X && end.X != to.X+to.W) || end.Y < to.Y || end.Y > to.Y+to.H {
			t.Errorf("route %s→%s ends at %v, not on a side of %s", r.Edge.From, r.Edge.To, end, r.Edge.To)
		}
	}
}

func TestWrap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		width int
		lines int
		want  string
	}{
		{"Claims document management", 20, 2, "Claims document|management"},
		{"Claims document management", 26, 2, "Claims document management"},
		{"short", 10, 2, "short"},
		{"a very long title that will not fit in two lines", 12, 2, "a very long|title that…"},
		{"Supercalifragilisticexpialidocious", 10, 2, "Supercalif|ragilisti…"},
		{"", 10, 2, ""},
	} {
		if got := strings.Join(wrap(tc.text, tc.width, tc.lines), "|"); got != tc.want {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", tc.text, tc.width, tc.lines, got, tc.want)
		}
	}
}

// BenchmarkLayered300 is the layered layout and SVG of 300 nodes and 900 edges in
// bands, without the portfolio around it.
func BenchmarkLayered300(b *testing.B) {
	g := syntheticPortfolio(300, 900, 1)
	opt := DefaultOptions()
	opt.Bands = true
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		d := Layered(g, opt)
		_ = WriteSVG(&buf, d, testStyle("m"))
	}
	b.ReportMetric(float64(buf.Len()), "svg-bytes")
}
