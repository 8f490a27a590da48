package diagram

import (
	"cmp"
	"slices"

	"archfolio/generator/graph"
)

// Column is one column of a Columns drawing: a heading and the ids of its nodes,
// top to bottom.
type Column struct {
	Label string
	IDs   []string
}

// Columns lays out a small graph in the given columns, each stacked and centred
// vertically, in time linear in its nodes and edges (plus sorting the ends meeting
// each box side). Nodes of g in no column are not drawn, nor are edges touching
// them: the caller places every node it wants shown. An edge between columns runs
// from the right side of the left box to the left side of the right one; an edge
// within a column loops out to the right.
func Columns(g *graph.Graph, cols []Column, opt Options) *Drawing {
	opt = withDefaults(opt)
	w, h := opt.NodeWidth, opt.NodeHeight
	d := &Drawing{Headers: make([]Header, 0, len(cols))}
	tallest, boxes := 0, 0
	for _, c := range cols {
		tallest = max(tallest, len(c.IDs))
		boxes += len(c.IDs)
	}
	d.Boxes = make([]Box, 0, boxes)
	colHeight := func(n int) float64 { return float64(n)*h + float64(max(n-1, 0))*opt.NodeGap }
	top := margin + headerRoom
	at := make(map[string]int, boxes) // node id → box index
	col := make(map[string]int, boxes)
	for ci, c := range cols {
		x := margin + float64(ci)*(w+opt.LayerGap)
		d.Headers = append(d.Headers, Header{Label: c.Label, X: x, W: w})
		y := top + (colHeight(tallest)-colHeight(len(c.IDs)))/2
		for _, id := range c.IDs {
			n, ok := g.Node(id)
			if _, dup := at[id]; !ok || dup {
				continue
			}
			at[id], col[id] = len(d.Boxes), ci
			d.Boxes = append(d.Boxes, Box{Node: n, X: x, Y: y, W: w, H: h})
			y += h + opt.NodeGap
		}
	}
	d.Width = 2*margin + float64(len(cols))*w + float64(max(len(cols)-1, 0))*opt.LayerGap
	d.Height = top + colHeight(tallest) + margin
	d.Routes = columnRoutes(g, d.Boxes, at, col)
	return d
}

// columnRoutes draws each edge whose ends are both placed, with its ends spread
// along the sides they meet.
func columnRoutes(g *graph.Graph, boxes []Box, at, col map[string]int) []Route {
	type placed struct {
		e          graph.Edge
		from, to   int
		fromSide   int // 0 right, 1 left
		toSide     int
		back, loop bool
	}
	all := g.Edges()
	edges := make([]placed, 0, len(all))
	ends := make([]portEnd, 0, 2*len(all))
	centre := func(b int) float64 { return boxes[b].Y + boxes[b].H/2 }
	for _, e := range all {
		f, okF := at[e.From]
		t, okT := at[e.To]
		if !okF || !okT {
			continue
		}
		p := placed{e: e, from: f, to: t, fromSide: 0, toSide: 1}
		switch {
		case col[e.From] > col[e.To]:
			p.fromSide, p.toSide, p.back = 1, 0, true
		case col[e.From] == col[e.To]:
			p.toSide, p.loop = 0, true
		}
		i := len(edges)
		edges = append(edges, p)
		ends = append(ends, portEnd{f, p.fromSide, boxes[f].H, centre(t), i, 0},
			portEnd{t, p.toSide, boxes[t].H, centre(f), i, 1})
	}
	offset := spreadPorts(ends)
	side := func(b, s int, dy float64) Point {
		x := boxes[b].X + boxes[b].W
		if s == 1 {
			x = boxes[b].X
		}
		return Point{x, centre(b) + dy}
	}
	routes := make([]Route, 0, len(edges))
	for i, p := range edges {
		a, b := side(p.from, p.fromSide, offset[[2]int{i, 0}]), side(p.to, p.toSide, offset[[2]int{i, 1}])
		pts := []Point{a, b}
		if p.loop {
			x := a.X + 24
			pts = []Point{a, {x, a.Y}, {x, b.Y}, b}
		}
		routes = append(routes, Route{Edge: p.e, Points: pts, Back: p.back || p.loop})
	}
	slices.SortStableFunc(routes, func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Edge.From, b.Edge.From), cmp.Compare(a.Edge.To, b.Edge.To))
	})
	return routes
}
