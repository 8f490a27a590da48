package dependencies

import (
	"cmp"
	"html/template"
	"strconv"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diagram"
	"archfolio/generator/graph"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// domainPalette is how many domain colours the theme defines (.dom-0 … .dom-7).
const domainPalette = 8

// mapStyle is how blueprint nodes and dependency edges look and link in every
// dependency map drawn on the page at pageURL. docs names the blueprint of a
// node whose own id differs (a neighbourhood map may show one twice: its node
// ids are "u1:ID"); hrefs lists the links of nodes that stand for several
// blueprints.
type mapStyle struct {
	p       *generator.Portfolio
	pageURL string
	hrefs   map[string]string
	docs    map[string]string
	centre  string
}

func (m *mapStyle) doc(n graph.Node) *generator.Document {
	if id, ok := m.docs[n.ID]; ok {
		return m.p.ByID[id]
	}
	return m.p.ByID[n.ID]
}

func (m *mapStyle) domainClass(domain string) string {
	for i, d := range Of(m.p).Domains {
		if d == domain {
			return "dom-" + strconv.Itoa(i%domainPalette)
		}
	}
	return "dom-none"
}

func (m *mapStyle) style(id, title, desc string) diagram.Style {
	return diagram.Style{
		ID: id, Title: title, Desc: desc,
		Href: func(n graph.Node) string {
			if h, ok := m.hrefs[n.ID]; ok {
				return h
			}
			if d := m.doc(n); d != nil {
				return generator.RelURL(m.pageURL, d.URL)
			}
			return ""
		},
		Tooltip: m.tooltip,
		Meta:    m.meta,
		NodeClass: func(n graph.Node) string {
			cls := []string{m.domainClass(n.Group)}
			if d := m.doc(n); d != nil {
				cls = append(cls, "crit-"+cmp.Or(d.Fields.String("criticality"), "none"))
				if s := docSunset(d); s != "" {
					cls = append(cls, "sunset")
				}
				if d.ID == m.centre {
					cls = append(cls, "this")
				}
			} else {
				cls = append(cls, "more")
			}
			return strings.Join(cls, " ")
		},
		EdgeClass: m.edgeClass,
		EdgeTitle: m.edgeTitle,
		BandLabel: m.label,
		BandID:    func(group string) string { return "domain-" + Of(m.p).domainSlug(group) },
	}
}

func domainLabel(domain string) string {
	if domain == "" {
		return generator.NoDomain
	}
	return generator.Humanize(domain)
}

// label is domainLabel, from the labels worked out once for the whole view.
func (m *mapStyle) label(domain string) string {
	if l, ok := Of(m.p).labels[domain]; ok {
		return l
	}
	return domainLabel(domain)
}

func (m *mapStyle) tooltip(n graph.Node) string {
	d := m.doc(n)
	if d == nil {
		return n.Label
	}
	// Title (domain, criticality: …, lifecycle: …, status: …, depends on N,
	// depended on by M), written in one go: a box each, on every blueprint page.
	var b strings.Builder
	b.Grow(len(d.Title) + 128)
	b.WriteString(d.Title)
	b.WriteString(" (")
	b.WriteString(m.label(d.Fields.String("domain")))
	for _, f := range [...]string{"criticality", "lifecycle"} {
		if v := d.Fields.String(f); v != "" {
			writeStrings(&b, ", ", f, ": ", generator.Humanize(v))
		}
	}
	if d.Status != "" {
		writeStrings(&b, ", status: ", generator.Humanize(d.Status))
	}
	g := Of(m.p).Graph
	b.WriteString(", depends on ")
	b.WriteString(strconv.Itoa(g.OutDegree(d.ID)))
	b.WriteString(", depended on by ")
	b.WriteString(strconv.Itoa(g.InDegree(d.ID)))
	b.WriteByte(')')
	return b.String()
}

// writeStrings writes the strings in turn, without joining them first.
func writeStrings(b *strings.Builder, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// meta is the small line under a box: criticality and, when it is going away, why
// (colour is never the only sign).
func (m *mapStyle) meta(n graph.Node) string {
	d := m.doc(n)
	if d == nil {
		return ""
	}
	parts := render.NonEmpty(generator.Humanize(d.Fields.String("criticality")))
	if s := docSunset(d); s != "" {
		parts = append(parts, "⚠ "+generator.Humanize(s))
	} else if l := d.Fields.String("lifecycle"); l != "" && l != "active" {
		parts = append(parts, generator.Humanize(l))
	}
	return strings.Join(parts, " · ")
}

func (m *mapStyle) edgeClass(e graph.Edge) string {
	var cls []string
	if to := m.p.ByID[e.Attrs["to"]]; to != nil && docSunset(to) != "" {
		cls = append(cls, "flag")
	}
	if e.Count > 1 {
		cls = append(cls, "many")
	}
	return strings.Join(cls, " ")
}

func (m *mapStyle) edgeTitle(e graph.Edge) string {
	from, to := m.p.ByID[e.Attrs["from"]], m.p.ByID[e.Attrs["to"]]
	if from == nil || to == nil {
		return strconv.Itoa(e.Count) + " dependencies"
	}
	var b strings.Builder
	b.Grow(len(from.Title) + len(to.Title) + 96)
	if e.Count > 1 {
		b.WriteString(strconv.Itoa(e.Count))
		b.WriteString(" dependencies, first: ")
	}
	writeStrings(&b, from.Title, " depends on ", to.Title)
	if v := e.Attrs["via"]; v != "" {
		writeStrings(&b, " via ", v)
	}
	if v := e.Attrs["protocol"]; v != "" {
		writeStrings(&b, " (", v, ")")
	}
	if v := e.Attrs["data"]; v != "" {
		writeStrings(&b, ": ", v)
	}
	if s := docSunset(to); s != "" {
		writeStrings(&b, " ⚠ ", to.Title, " is ", strings.ToLower(generator.Humanize(s)))
	}
	return b.String()
}

// edgeLabel is the short text drawn along an edge: how many it stands for, or its
// protocol (else its data).
func edgeLabel(e graph.Edge) string {
	if e.Count > 1 {
		return "×" + strconv.Itoa(e.Count)
	}
	return cmp.Or(e.Attrs["protocol"], e.Attrs["data"])
}

// withEnds records each edge's blueprint ids in its attributes, so they survive
// renaming and merging of nodes.
func withEnds(edges []graph.Edge) []graph.Edge {
	out := make([]graph.Edge, len(edges))
	for i, e := range edges {
		out[i] = withEnd(e)
	}
	return out
}

// withEnd is one edge of withEnds.
func withEnd(e graph.Edge) graph.Edge {
	attrs := make(map[string]string, 2+len(e.Attrs))
	attrs["from"], attrs["to"] = e.From, e.To
	for k, v := range e.Attrs {
		attrs[k] = v
	}
	e.Attrs = attrs
	return e
}

func svgHTML(d *diagram.Drawing, s diagram.Style) template.HTML {
	return template.HTML(diagram.SVG(d, s)) // every value is escaped by SVG
}

// portfolioMap draws every blueprint in bands by domain, parallel dependencies
// merged into one edge with a count. Labels along edges are drawn only while the
// map is small enough for them to be read; every edge has them in its <title> and
// in the table beside the map.
func portfolioMap(p *generator.Portfolio, pageURL string) template.HTML {
	deps := Of(p)
	g := graph.Collapse(graph.New(deps.Graph.Nodes(), withEnds(deps.Graph.Edges())), nil, nil)
	opt := diagram.DefaultOptions()
	opt.Bands = true
	opt.BandOrder = deps.Domains
	m := &mapStyle{p: p, pageURL: pageURL}
	s := m.style("portfolio-map", "Dependency map of every blueprint, grouped by domain",
		"Each box is a blueprint and links to its page; an arrow points from a blueprint to one it depends on.")
	if len(g.Edges()) <= 40 {
		s.EdgeLabel = edgeLabel
	} else {
		s.EdgeLabel = func(e graph.Edge) string {
			if e.Count > 1 {
				return edgeLabel(e)
			}
			return ""
		}
	}
	return svgHTML(diagram.Layered(g, opt), s)
}

// domainMap draws the domains as boxes and the dependencies between them as edges
// counting the blueprint dependencies they stand for; a domain's box tells how
// many of its blueprints depend on each other within it, and links to its band
// in the whole map when the page draws it (mapLimit), else to its table (on
// the page of tables where it starts). The legend explains its line styles.
func domainMap(p *generator.Portfolio, pageURL string, tables pager.List) (template.HTML, []LegendEntry) {
	deps := Of(p)
	withMap := deps.Graph.Len()+len(deps.Graph.Edges()) <= mapLimit
	href := func(n graph.Node) string {
		if withMap {
			return "#domain-" + deps.domainSlug(n.Group)
		}
		dom := n.Group
		at := ""
		if k := tables.PageOf(deps.domainStart(dom)); k > 0 {
			at = generator.RelURL(pageURL, tables.URL(k))
		}
		return at + "#" + deps.domainAnchor(dom)
	}
	byDomain := graph.Collapse(deps.Graph, func(n graph.Node) string { return "domain:" + cmp.Or(n.Group, "none") }, nil)
	internal := map[string]int{}
	var edges []graph.Edge
	for _, e := range byDomain.Edges() {
		if e.From == e.To {
			internal[e.From] += e.Count
			continue
		}
		edges = append(edges, e)
	}
	g := graph.New(byDomain.Nodes(), edges)
	s := diagram.Style{ID: "domain-map", Title: "Dependencies between domains",
		Desc: "Each box is a domain and links to its band in the map below; an arrow's number counts the dependencies it stands for.",
		Href: href,
		Meta: func(n graph.Node) string {
			return generator.Plural(n.Count, "blueprint", "blueprints") + " · " + strconv.Itoa(internal[n.ID]) + " within"
		},
		Tooltip: func(n graph.Node) string {
			return domainLabel(n.Group) + ": " + generator.Plural(n.Count, "blueprint", "blueprints") + ", " +
				generator.Plural(internal[n.ID], "dependency", "dependencies") + " within the domain"
		},
		NodeClass: func(n graph.Node) string { return (&mapStyle{p: p}).domainClass(n.Group) + " domain" },
		EdgeTitle: func(e graph.Edge) string {
			from, _ := g.Node(e.From)
			to, _ := g.Node(e.To)
			return domainLabel(from.Group) + " depends on " + domainLabel(to.Group) + ": " + generator.Plural(e.Count, "dependency", "dependencies")
		},
		EdgeLabel: func(e graph.Edge) string { return "×" + strconv.Itoa(e.Count) },
	}
	labelled := make([]graph.Node, 0, g.Len())
	for _, n := range g.Nodes() {
		n.Label = domainLabel(n.Group)
		labelled = append(labelled, n)
	}
	opt := diagram.DefaultOptions()
	opt.NodeHeight = 40
	d := diagram.Layered(graph.New(labelled, g.Edges()), opt)
	return svgHTML(d, s), lineLegend(d, nil, domainLines)
}

// The line styles of the maps, as lineLegend explains them: blueprint maps
// (the whole portfolio, a neighbourhood) and the domain map.
var (
	blueprintLines = map[string]string{
		"":     "a blueprint depends on the one the arrow points at (its label names the protocol)",
		"flag": "dependency onto a blueprint that is going away (dashed red)",
		"back": "dependency that closes a cycle of blueprints (dotted, pointing back)",
		"many": "several dependencies merged into one arrow (×N tells how many)",
	}
	domainLines = map[string]string{
		"":     "blueprints of one domain depend on blueprints of the other (×N counts the dependencies)",
		"back": "dotted, pointing back: the two domains depend on each other both ways",
	}
)

// lineOrder is the order of the line styles in a legend.
var lineOrder = []string{"", "flag", "back", "many"}

// lineLegend explains every line style d draws, in lineOrder: solid (""),
// and the classes among flag, back (an edge drawn right to left) and many that
// edgeClass gives an edge of d.
func lineLegend(d *diagram.Drawing, edgeClass func(graph.Edge) string, meaning map[string]string) []LegendEntry {
	used := map[string]bool{}
	for _, r := range d.Routes {
		classes := []string{}
		if edgeClass != nil {
			classes = strings.Fields(edgeClass(r.Edge))
		}
		if r.Back {
			classes = append(classes, "back")
		}
		if len(classes) == 0 {
			used[""] = true
		}
		for _, c := range classes {
			used[c] = true
		}
	}
	var out []LegendEntry
	for _, c := range lineOrder {
		if used[c] && meaning[c] != "" {
			out = append(out, LegendEntry{Class: strings.TrimSpace("line " + c), Label: meaning[c], Symbol: lineSymbol[c]})
		}
	}
	return out
}

// lineSymbol is the mark a legend key carries besides its line.
var lineSymbol = map[string]string{"back": "↺", "many": "×N"}
