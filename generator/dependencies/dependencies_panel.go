package dependencies

import (
	"cmp"
	"html/template"
	"maps"
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
	Doc          *generator.Document
	SVG          template.HTML
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
	b := &neighbourMap{p: p, g: g, d: d, hrefs: map[string]string{}, docOf: map[string]string{}}
	centre := b.add("this", d.ID)
	u1, u2 := b.column("u1", up, 1), b.column("u2", up, 2)
	d1, d2 := b.column("d1", down, 1), b.column("d2", down, 2)
	b.link(u1, []string{centre})
	b.link(u2, u1)
	b.link([]string{centre}, d1)
	b.link(d1, d2)
	u1, d1 = b.order(u1, nil), b.order(d1, nil)
	cols := []diagram.Column{
		{Label: "Depended on by, 2 hops", IDs: b.order(u2, u1)},
		{Label: "Depended on by", IDs: u1},
		{Label: "This blueprint", IDs: []string{centre}},
		{Label: "Depends on", IDs: d1},
		{Label: "Depends on, 2 hops", IDs: b.order(d2, d1)},
	}
	view := b.collapse(cols, generator.RelURL(d.URL, impactURL(d)), "#dependency-list")
	cols = slices.DeleteFunc(cols, func(c diagram.Column) bool { return len(c.IDs) == 0 })
	nb.Aggregated = b.aggregated
	opt := diagram.DefaultOptions()
	opt.NodeWidth, opt.LayerGap = 168, 124
	m := &mapStyle{p: p, pageURL: d.URL, hrefs: b.hrefs, centre: d.ID}
	s := m.style("neighbourhood", "Dependency neighbourhood of "+d.Title,
		"Blueprints that depend on this one are on the left, those it depends on on the right; arrows point at what is depended on.")
	s.EdgeLabel = edgeLabel
	drawing := diagram.Columns(view, cols, opt)
	nb.SVG, nb.Legend = svgHTML(drawing, s), lineLegend(drawing, m.edgeClass, blueprintLines)
	return nb
}

func impactURL(d *generator.Document) string { return "dependencies/impact/" + d.ID + "/" }

// neighbourMap builds the graph a neighbourhood map shows, where a blueprint may
// appear twice (on both sides, when it is in a cycle with the centre), so its
// nodes have their own ids ("u1:payments-gateway") and carry the blueprint's in
// Attrs["doc"].
type neighbourMap struct {
	p          *generator.Portfolio
	g          *graph.Graph
	d          *generator.Document
	nodes      []graph.Node
	edges      []graph.Edge
	docOf      map[string]string // node id → blueprint id
	hrefs      map[string]string // links of the counting boxes
	aggregated int
}

func (b *neighbourMap) add(col, id string) string {
	n, _ := b.g.Node(id)
	n.Attrs = maps.Clone(n.Attrs)
	if n.Attrs == nil {
		n.Attrs = map[string]string{}
	}
	n.Attrs["doc"] = id
	n.ID = col + ":" + id
	b.nodes = append(b.nodes, n)
	b.docOf[n.ID] = id
	return n.ID
}

// column adds the reached blueprints at one depth as a column's nodes.
func (b *neighbourMap) column(col string, reach []graph.Reach, depth int) []string {
	var ids []string
	for _, r := range reach {
		if r.Depth == depth {
			ids = append(ids, b.add(col, r.ID))
		}
	}
	return ids
}

// link adds the dependencies from the nodes of one column to those of the next.
func (b *neighbourMap) link(from, to []string) {
	targets := map[string]string{}
	for _, id := range to {
		targets[b.docOf[id]] = id
	}
	for _, f := range from {
		for _, e := range b.g.Out(b.docOf[f]) {
			if t, ok := targets[e.To]; ok {
				e = withEnds([]graph.Edge{e})[0]
				e.From, e.To = f, t
				b.edges = append(b.edges, e)
			}
		}
	}
}

// order sorts a column: the first columns out from the centre by criticality then
// title; an outer column by where its neighbours in the inner one are, so that
// edges cross little.
func (b *neighbourMap) order(ids, inner []string) []string {
	at := map[string]int{}
	for i, id := range inner {
		at[id] = i
	}
	key := map[string]int{}
	for _, id := range ids {
		key[id] = len(inner)
	}
	for _, e := range b.edges {
		for _, pair := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
			if i, ok := at[pair[1]]; ok {
				if _, mine := key[pair[0]]; mine {
					key[pair[0]] = min(key[pair[0]], i)
				}
			}
		}
	}
	out := slices.Clone(ids)
	slices.SortFunc(out, func(x, y string) int {
		dx, dy := b.p.ByID[b.docOf[x]], b.p.ByID[b.docOf[y]]
		return cmp.Or(cmp.Compare(key[x], key[y]),
			cmp.Compare(criticalityRank(dy.Fields.String("criticality")), criticalityRank(dx.Fields.String("criticality"))),
			cmp.Compare(dx.Title, dy.Title), cmp.Compare(x, y))
	})
	return out
}

// collapse keeps the first maxColumn-1 boxes of a column that has too many and
// draws the rest as one counting box per domain (or one for all of them, when they
// span more than three domains); edges onto them are merged and counted.
func (b *neighbourMap) collapse(cols []diagram.Column, upHref, downHref string) *graph.Graph {
	key := map[string]string{}
	for ci := range cols {
		c := &cols[ci]
		if len(c.IDs) <= maxColumn {
			continue
		}
		rest, keep := c.IDs, 0
		for keep = maxColumn - 1; keep > 0; keep-- { // leave room for the counting boxes
			rest = c.IDs[keep:]
			if keep+b.groupCount(rest) <= maxColumn {
				break
			}
		}
		c.IDs = slices.Clone(c.IDs[:keep])
		domains := map[string]bool{}
		for _, id := range rest {
			domains[b.p.ByID[b.docOf[id]].Fields.String("domain")] = true
		}
		groups := map[string]bool{}
		for _, id := range rest {
			k := "more:" + strconv.Itoa(ci)
			if len(domains) <= 3 {
				k += ":" + b.p.ByID[b.docOf[id]].Fields.String("domain")
			}
			key[id], groups[k] = k, true
			b.hrefs[k] = downHref
			if ci < 2 {
				b.hrefs[k] = upHref
			}
		}
		c.IDs = append(c.IDs, generator.SortedKeys(groups)...)
		b.aggregated += len(rest)
	}
	return graph.Collapse(graph.New(b.nodes, b.edges), func(n graph.Node) string { return key[n.ID] },
		func(k string, ms []graph.Node) string {
			if strings.Count(k, ":") == 2 { // one domain
				return "+" + strconv.Itoa(len(ms)) + " more in " + domainLabel(ms[0].Group)
			}
			return "+" + strconv.Itoa(len(ms)) + " more blueprints"
		})
}

// groupCount is how many counting boxes the blueprints need: one per domain, or
// one for all when they span more than three.
func (b *neighbourMap) groupCount(ids []string) int {
	domains := map[string]bool{}
	for _, id := range ids {
		domains[b.p.ByID[b.docOf[id]].Fields.String("domain")] = true
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
	for _, r := range reach {
		row := NeighbourRow{Doc: p.ByID[r.ID], Depth: r.Depth}
		if r.Depth == 2 {
			row.Through = p.ByID[r.Path[1]]
		}
		from, to := r.Path[len(r.Path)-2], r.ID
		if !down {
			from, to = to, from
		}
		for _, e := range g.Out(from) {
			if e.To == to {
				row.Via, row.Protocol, row.Data = e.Attrs["via"], e.Attrs["protocol"], e.Attrs["data"]
				break
			}
		}
		if down {
			row.Flag = docSunset(row.Doc)
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
		row.CriticalityTag = row.Doc.Fields.String("criticality")
		row.Criticality = generator.Humanize(row.CriticalityTag)
		row.Lifecycle = generator.Humanize(cmp.Or(row.Flag, row.Doc.Fields.String("lifecycle")))
		rows = append(rows, row)
	}
	return rows
}
