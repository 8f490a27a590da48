package dependencies

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diagram"
	"archfolio/generator/graph"
	"archfolio/generator/render"
)

// maxColumn is how many boxes a column of a neighbourhood map shows; beyond it,
// blueprints are drawn as one box per domain that counts them ("+4 more in
// Claims"), and the table beside the map lists every one.
const maxColumn = 10

// Neighbourhood is a blueprint's dependency neighbourhood, one and two hops both
// ways: the map and the table that says the same in words.
type Neighbourhood struct {
	Doc *generator.Document
	// drawing and style are the map's: SVG draws it, and the panel's Go writer
	// draws it into the page's buffer (diagram.AppendSVG).
	drawing      *diagram.Drawing
	style        diagram.Style
	Legend       []LegendEntry  // the map's line styles
	Dependents   []NeighbourRow // what depends on Doc, nearest first
	Dependencies []NeighbourRow // what Doc depends on, nearest first
	// Aggregated counts the blueprints the map shows only within a counting box.
	Aggregated int
	// Impact counts every blueprint that depends on Doc, at any depth.
	Impact    int
	ImpactURL string
}

// NeighbourRow is one blueprint of a neighbourhood.
type NeighbourRow struct {
	Doc   *generator.Document
	Depth int
	// Through is the blueprint in between, at depth 2.
	Through *generator.Document
	// Edge is the dependency that links it (to Doc, or to Through).
	Via, Protocol, Data string
	// Flag says why a dependency is going away ("end-of-life"), or "".
	Flag string
	// Href and ThroughHref link to Doc and Through from the blueprint's page; How
	// joins via, protocol and data.
	Href, ThroughHref, How      string
	Criticality, CriticalityTag string
	Lifecycle                   string
}

func dependencyPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	if d.Kind != "blueprint" || Of(p) == nil || !Of(p).Graph.Has(d.ID) {
		return nil
	}
	return []render.Panel{render.NewPanel(depsNeighbourhoodPanel, "dependencies", "Dependencies", neighbourhood(p, d))}
}

// neighbourhood builds a blueprint's neighbourhood map with the linear Columns
// layout: dependents two hops away, dependents, the blueprint, its dependencies,
// theirs.
func neighbourhood(p *generator.Portfolio, d *generator.Document) *Neighbourhood {
	g := Of(p).Graph
	nb := &Neighbourhood{Doc: d, ImpactURL: generator.RelURL(d.URL, impactURL(d))}
	up, down := graph.Dependents(g, d.ID, 2), graph.Dependencies(g, d.ID, 2)
	nb.Impact = Of(p).impactSize(d.ID)
	nb.Dependents = neighbourRows(p, g, up, false)
	nb.Dependencies = neighbourRows(p, g, down, true)
	if len(up) == 0 && len(down) == 0 {
		return nb
	}
	b := &neighbourMap{p: p, g: g, hrefs: map[string]string{}, docs: map[string]string{}}
	u1 := b.order(depth(up, 1), nil, false)
	d1 := b.order(depth(down, 1), nil, false)
	cols := []diagram.Column{
		{Label: "Depended on by, 2 hops", IDs: b.order(depth(up, 2), u1, false)},
		{Label: "Depended on by", IDs: u1},
		{Label: "This blueprint", IDs: []string{d.ID}},
		{Label: "Depends on", IDs: d1},
		{Label: "Depends on, 2 hops", IDs: b.order(depth(down, 2), d1, true)},
	}
	view := b.view(cols, generator.RelURL(d.URL, impactURL(d)), "#dependency-list")
	cols = slices.DeleteFunc(cols, func(c diagram.Column) bool { return len(c.IDs) == 0 })
	nb.Aggregated = b.aggregated
	opt := diagram.DefaultOptions()
	opt.NodeWidth, opt.LayerGap = 168, 124
	m := &mapStyle{p: p, pageURL: d.URL, hrefs: b.hrefs, docs: b.docs, centre: d.ID}
	s := m.style("neighbourhood", "Dependency neighbourhood of "+d.Title,
		"Blueprints that depend on this one are on the left, those it depends on on the right; arrows point at what is depended on.")
	s.EdgeLabel = edgeLabel
	drawing := diagram.Columns(view, cols, opt)
	nb.drawing, nb.style, nb.Legend = drawing, s, lineLegend(drawing, m.edgeClass, blueprintLines)
	return nb
}

// SVG is the neighbourhood's map, or "" when it has none (no blueprint depends
// on Doc or is depended on by it).
func (nb *Neighbourhood) SVG() template.HTML {
	if nb.drawing == nil {
		return ""
	}
	return svgHTML(nb.drawing, nb.style)
}

// writeSVG draws the map, if there is one, at the end of b.
func (nb *Neighbourhood) writeSVG(b *bytes.Buffer) {
	if nb.drawing != nil {
		diagram.AppendSVG(b, nb.drawing, nb.style)
	}
}

func impactURL(d *generator.Document) string { return "dependencies/impact/" + d.ID + "/" }

// neighbourMap builds the graph a neighbourhood map shows. A blueprint may appear
// twice (on both sides, when it is in a cycle with the centre), so a node's id is
// its column's and the blueprint's ("u1:payments-gateway"), and docs maps it to
// the blueprint's. Only the boxes drawn become nodes: the blueprints a
// counting box stands for are counted, not copied, and the dependencies onto it
// are merged as they are read, so that a hub's map costs the dependencies of its
// neighbourhood and no graph of it.
type neighbourMap struct {
	p          *generator.Portfolio
	g          *graph.Graph
	hrefs      map[string]string // links of the counting boxes
	docs       map[string]string // the blueprint of each box (its node id is the column's prefix and the blueprint's id)
	aggregated int
}

// columnPrefixes start the node ids of the map's five columns, in their order:
// dependents two hops away, dependents, the blueprint, its dependencies, theirs.
// Every dependency drawn goes from one column to the next.
var columnPrefixes = [...]string{"u2:", "u1:", "this:", "d1:", "d2:"}

// depth returns the ids of the blueprints reached at one depth.
func depth(reach []graph.Reach, n int) []string {
	var ids []string
	for _, r := range reach {
		if r.Depth == n {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// order sorts a column: the first columns out from the centre by criticality then
// title; an outer column by where its neighbours in the inner one are, so that
// edges cross little. The blueprints of an outer column of dependents (down false)
// depend on the inner column's; those of an outer column of dependencies (down
// true) are depended on by them.
func (b *neighbourMap) order(ids, inner []string, down bool) []string {
	key := make(map[string]int, len(ids))
	for _, id := range ids {
		key[id] = len(inner)
	}
	if down {
		for i, from := range inner {
			for e := range b.g.OutEdges(from) {
				if k, mine := key[e.To]; mine && i < k {
					key[e.To] = i
				}
			}
		}
	} else if len(inner) > 0 {
		at := make(map[string]int, len(inner))
		for i, id := range inner {
			at[id] = i
		}
		for _, id := range ids {
			for e := range b.g.OutEdges(id) {
				if i, ok := at[e.To]; ok && i < key[id] {
					key[id] = i
				}
			}
		}
	}
	// Each blueprint's sort key is read once, not at each comparison.
	type sortKey struct {
		id, title   string
		inner, rank int
	}
	keys := make([]sortKey, len(ids))
	for i, id := range ids {
		d := b.p.ByID[id]
		keys[i] = sortKey{id, d.Title, key[id], criticalityRank(d.Fields.String("criticality"))}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		return cmp.Or(cmp.Compare(x.inner, y.inner), cmp.Compare(y.rank, x.rank),
			cmp.Compare(x.title, y.title), cmp.Compare(x.id, y.id))
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.id
	}
	return out
}

// view returns the graph the map draws and turns the columns' blueprint ids into
// its node ids. A column of more than maxColumn blueprints keeps its first
// maxColumn-1 (or fewer) as boxes and draws the rest as one counting box per
// domain, or one for all of them when they span more than three domains. The
// dependencies between neighbouring columns that end on the same boxes are merged
// into one edge that counts them and keeps the attributes of the first (by the ids
// of the blueprints it links, then as the graph lists them).
func (b *neighbourMap) view(cols []diagram.Column, upHref, downHref string) *graph.Graph {
	boxes := make([]map[string]string, len(cols)) // a column's blueprint id → its box's node id
	shown := make([][]string, len(cols))
	drawn := 0
	for _, c := range cols {
		drawn += min(len(c.IDs), maxColumn)
	}
	nodes := make([]graph.Node, 0, drawn)
	for ci, c := range cols {
		boxes[ci] = make(map[string]string, len(c.IDs))
		keep := len(c.IDs)
		if keep > maxColumn {
			for keep = maxColumn - 1; keep > 0; keep-- { // leave room for the counting boxes
				if keep+b.groupCount(c.IDs[keep:]) <= maxColumn {
					break
				}
			}
		}
		for _, id := range c.IDs[:keep] {
			n := b.node(columnPrefixes[ci], id)
			boxes[ci][id] = n.ID
			nodes = append(nodes, n)
			shown[ci] = append(shown[ci], n.ID)
		}
		if rest := c.IDs[keep:]; len(rest) > 0 {
			for _, n := range b.countingBoxes(ci, rest, boxes[ci]) {
				b.hrefs[n.ID] = downHref
				if ci < 2 {
					b.hrefs[n.ID] = upHref
				}
				nodes = append(nodes, n)
				shown[ci] = append(shown[ci], n.ID)
			}
			b.aggregated += len(rest)
		}
	}
	type merged struct {
		ends  [2]string // node ids
		first graph.Edge
		count int
	}
	at := map[[2]string]int{}
	var edges []merged
	for ci := 0; ci+1 < len(cols); ci++ {
		for _, from := range cols[ci].IDs {
			for e := range b.g.OutEdges(from) {
				to, ok := boxes[ci+1][e.To]
				if !ok {
					continue
				}
				ends := [2]string{boxes[ci][from], to}
				i, seen := at[ends]
				if !seen {
					at[ends] = len(edges)
					edges = append(edges, merged{ends: ends, first: *e})
					i = len(edges) - 1
				} else if m := &edges[i]; cmp.Or(cmp.Compare(e.From, m.first.From), cmp.Compare(e.To, m.first.To)) < 0 {
					m.first = *e
				}
				edges[i].count += max(1, e.Count)
			}
		}
	}
	out := make([]graph.Edge, len(edges))
	for i, m := range edges {
		out[i] = withEnd(m.first)
		out[i].From, out[i].To, out[i].Count = m.ends[0], m.ends[1], m.count
	}
	for ci := range cols {
		cols[ci].IDs = shown[ci]
	}
	return graph.New(nodes, out)
}

// node is the box of blueprint id in the column whose node ids start with
// prefix; docs gets which blueprint it is. Its Attrs are the graph's, shared.
func (b *neighbourMap) node(prefix, id string) graph.Node {
	n, _ := b.g.Node(id)
	n.ID = prefix + id
	b.docs[n.ID] = id
	return n
}

// countingBoxes returns the counting boxes of column ci for the blueprints rest,
// sorted by id, and records each blueprint's box in boxes.
func (b *neighbourMap) countingBoxes(ci int, rest []string, boxes map[string]string) []graph.Node {
	domains := map[string]bool{}
	for _, id := range rest {
		domains[b.p.ByID[id].Fields.String("domain")] = true
	}
	type box struct {
		graph.Node
		first   string // the member with the smallest id: its domain names the box
		members int
	}
	byKey := map[string]*box{}
	for _, id := range rest {
		k := "more:" + strconv.Itoa(ci)
		if len(domains) <= 3 {
			k += ":" + b.p.ByID[id].Fields.String("domain")
		}
		boxes[id] = k
		n, _ := b.g.Node(id)
		bx := byKey[k]
		if bx == nil {
			bx = &box{Node: graph.Node{ID: k, Group: n.Group}, first: id}
			byKey[k] = bx
		} else if id < bx.first {
			bx.first = id
		}
		bx.members++
		bx.Count += max(1, n.Count)
		if n.Group != bx.Group {
			bx.Group = ""
		}
	}
	out := make([]graph.Node, 0, len(byKey))
	for _, k := range generator.SortedKeys(byKey) {
		bx := byKey[k]
		if len(domains) <= 3 { // one domain
			first, _ := b.g.Node(bx.first)
			bx.Label = "+" + strconv.Itoa(bx.members) + " more in " + domainLabel(first.Group)
		} else {
			bx.Label = "+" + strconv.Itoa(bx.members) + " more blueprints"
		}
		out = append(out, bx.Node)
	}
	return out
}

// groupCount is how many counting boxes the blueprints need: one per domain, or
// one for all when they span more than three.
func (b *neighbourMap) groupCount(ids []string) int {
	domains := map[string]bool{}
	for _, id := range ids {
		domains[b.p.ByID[id].Fields.String("domain")] = true
	}
	if len(domains) > 3 {
		return 1
	}
	return len(domains)
}

// neighbourRows lists the reached blueprints for the table beside the map, with the
// dependency that brings each in.
func neighbourRows(p *generator.Portfolio, g *graph.Graph, reach []graph.Reach, down bool) []NeighbourRow {
	rows := make([]NeighbourRow, 0, len(reach))
	var from0 string // the page the rows are shown on
	if len(reach) > 0 {
		from0 = p.ByID[reach[0].Path[0]].URL
	}
	info := Of(p).info
	for _, r := range reach {
		in := info[r.ID]
		if in == nil {
			continue // the graph holds blueprints only
		}
		row := NeighbourRow{Doc: in.doc, Depth: r.Depth}
		if r.Depth == 2 {
			row.Through = p.ByID[r.Path[1]]
		}
		from, to := r.Path[len(r.Path)-2], r.ID
		if !down {
			from, to = to, from
		}
		for e := range g.OutEdges(from) {
			if e.To == to {
				row.Via, row.Protocol, row.Data = e.Attrs["via"], e.Attrs["protocol"], e.Attrs["data"]
				break
			}
		}
		if down {
			row.Flag = sunsetOf(in.doc.Status, in.lifecycle)
		}
		row.Href = generator.RelURL(from0, row.Doc.URL)
		if row.Through != nil {
			row.ThroughHref = generator.RelURL(from0, row.Through.URL)
		}
		var how []string
		if row.Via != "" {
			how = append(how, "via "+row.Via)
		}
		row.How = strings.Join(append(how, render.NonEmpty(row.Protocol)...), " · ")
		if row.Data != "" {
			row.How = strings.Join(append(render.NonEmpty(row.How), row.Data), " · ")
		}
		row.CriticalityTag = in.criticality
		row.Criticality = generator.Humanize(row.CriticalityTag)
		row.Lifecycle = generator.Humanize(cmp.Or(row.Flag, in.lifecycle))
		rows = append(rows, row)
	}
	return rows
}
