package dependencies

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/graph"
	"archfolio/generator/render"
)

// result is where the dependencies analysis keeps its result on a Portfolio.
var result = generator.NewResult[*Dependencies]()

// Of returns the dependencies view's analysis of p.
func Of(p *generator.Portfolio) *Dependencies { return result.Get(p) }

// Dependencies is the dependency view's analysis: the graph of blueprints and their
// depends_on, the roadmap items' own depends_on graph, and what follows from them.
// Layout and SVG happen at render time (dependencies_map.go).
type Dependencies struct {
	// Graph has a node per blueprint (Group: its domain) and an edge per resolved
	// depends_on entry (Attrs: via, protocol, data; Source: "depends_on[i]").
	Graph *graph.Graph
	// Roadmap is the same for roadmap items.
	Roadmap *graph.Graph
	// Cycles and RoadmapCycles are each graph's cycles, each reported once.
	Cycles, RoadmapCycles []graph.Cycle
	// Flagged are the dependencies onto retired, end-of-life or phase-out blueprints.
	Flagged []graph.FlaggedEdge
	// Orphans are the blueprints that neither depend on nor are depended on by any.
	Orphans []*generator.Document
	// Domains are the blueprints' domains, sorted ("" last when some have none).
	Domains []string
	// inCycle numbers, from 1, the cycle each blueprint of a cycle is part of
	// (its strongly connected set); a dependency is in a cycle when both its
	// ends are in the same one.
	inCycle map[string]int
	// risks counts each blueprint's open critical risks.
	risks map[string]int
	// info is what an impact set says of each blueprint, read once: an impact
	// page per blueprint reads it for every dependent.
	info map[string]*blueprintInfo
	// labels names each domain for people ("Digital channels").
	labels map[string]string
	// domainDocs are each domain's blueprints, most at stake first: made on
	// first use (byDomain), since only the dependency map's pages read them.
	domainsOnce sync.Once
	domainDocs  map[string][]*generator.Document
	// slugs name each domain in its anchors, each a different name (domainSlug).
	slugsOnce sync.Once
	slugs     map[string]string
	// impactCodes number what the impact pages count, made on first use
	// (codes), since only the impact pages read them.
	codesOnce   sync.Once
	impactCodes *impactCodes
	// sunsetRows are the rows of the list of the dependencies onto blueprints
	// going away, and sunsetFilters its filters (goingAway).
	sunsetOnce    sync.Once
	sunsetRows    []DependencyRow
	sunsetFilters []render.Filter
	// edgeRows are the rows of the list of every dependency, one per edge of
	// Graph, and edgeFilters its filters (everyDependency).
	edgesOnce   sync.Once
	edgeRows    []DependencyRow
	edgeFilters []render.Filter
	// tableRows are the rows of the domain tables, every blueprint once, and
	// tableFilters their filters (domainTables).
	tablesOnce   sync.Once
	tableRows    []BlueprintDependencies
	tableFilters []render.Filter
	// parts are what the graphs were built from, for the next load to reuse.
	parts graphParts
}

// isDependsOnField reports whether a front-matter path is a depends_on
// reference's, ^depends_on\[\d+\](\.id)?$ ("depends_on[2].id" for a blueprint,
// "depends_on[2]" for a roadmap item); without a regular expression, since it
// runs for every reference of every document on every load.
func isDependsOnField(field string) bool {
	rest, ok := strings.CutPrefix(field, "depends_on[")
	if !ok {
		return false
	}
	i := 0
	for i < len(rest) && '0' <= rest[i] && rest[i] <= '9' {
		i++
	}
	rest, ok = strings.CutPrefix(rest[i:], "]")
	return i > 0 && ok && (rest == "" || rest == ".id")
}

// edgeAttrs are the attributes of a depends_on entry a dependency edge keeps.
var edgeAttrs = []string{"via", "protocol", "data", "description"}

// dependencyGraph builds the depends_on graph of the documents of one kind,
// reusing each document's node and edges from the last load's parts where
// they are unchanged (graphParts.reuse), and adding them all to parts.
func dependencyGraph(p *generator.Portfolio, kind string, earlier, parts graphParts) *graph.Graph {
	docs := p.ByKind[kind]
	nodes := make([]graph.Node, len(docs))
	got := make([]*graphPart, len(docs))
	n := 0
	for i, d := range docs {
		part := earlier.reuse(d, kind)
		if part == nil {
			part = newGraphPart(d, kind)
		}
		if d.Fields != nil {
			parts[d.Fields] = part
		}
		nodes[i], got[i] = part.node, part
		n += len(part.edges)
	}
	edges := make([]graph.Edge, 0, n)
	for _, part := range got {
		edges = append(edges, part.edges...)
	}
	return graph.New(nodes, edges)
}

// newGraphPart reads a document's node and the edges of its depends_on.
func newGraphPart(d *generator.Document, kind string) *graphPart {
	part := &graphPart{path: d.Path, node: graph.Node{ID: d.ID, Label: d.Title, Group: d.Fields.String("domain"), Attrs: map[string]string{
		"criticality": d.Fields.String("criticality"), "lifecycle": d.Fields.String("lifecycle"), "status": d.Status}}}
	for _, r := range d.Refs {
		if !dependsOn(r, kind) {
			continue
		}
		e := graph.Edge{From: d.ID, To: r.To.ID, Source: strings.TrimSuffix(r.Field, ".id")}
		// Read only by key, so an edge without attributes needs no map.
		for _, k := range edgeAttrs {
			if v := r.Attrs.String(k); v != "" {
				if e.Attrs == nil {
					e.Attrs = make(map[string]string, len(edgeAttrs))
				}
				e.Attrs[k] = v
			}
		}
		part.edges = append(part.edges, e)
	}
	return part
}

// dependsOn reports whether r is a resolved depends_on reference to a document
// of kind.
func dependsOn(r *generator.Ref, kind string) bool {
	return r.To != nil && r.To.Kind == kind && isDependsOnField(r.Field)
}

// analyseDependencies builds both dependency graphs and warns about each cycle at
// the depends_on entry that closes it.
func analyseDependencies(p *generator.Portfolio) diag.Diagnostics {
	var earlier graphParts
	if e := result.Earlier(p); e != nil {
		earlier = e.parts
	}
	parts := make(graphParts, len(p.ByKind["blueprint"])+len(p.ByKind["roadmap"]))
	deps := &Dependencies{Graph: dependencyGraph(p, "blueprint", earlier, parts), Roadmap: dependencyGraph(p, "roadmap", earlier, parts),
		inCycle: map[string]int{}, risks: map[string]int{}, parts: parts}
	for _, d := range p.ByKind["blueprint"] {
		deps.risks[d.ID] = openCriticalRisks(d)
	}
	deps.Cycles = graph.Cycles(deps.Graph)
	deps.RoadmapCycles = graph.Cycles(deps.Roadmap)
	deps.Flagged = graph.Flag(deps.Graph, sunset)
	for _, id := range graph.Orphans(deps.Graph) {
		deps.Orphans = append(deps.Orphans, p.ByID[id])
	}
	domains := map[string]bool{}
	for _, n := range deps.Graph.Nodes() {
		domains[n.Group] = true
	}
	deps.Domains = generator.SortedKeys(domains)
	deps.labels = map[string]string{}
	for _, dom := range deps.Domains {
		deps.labels[dom] = domainLabel(dom)
	}
	if len(deps.Domains) > 0 && deps.Domains[0] == "" {
		deps.Domains = append(deps.Domains[1:], "")
	}
	for k, c := range deps.Cycles {
		for _, id := range c.Members {
			deps.inCycle[id] = k + 1
		}
	}
	deps.info = blueprintInfos(p, deps)
	result.Set(p, deps)
	// Roadmap cycles are the roadmap view's errors; here only blueprint ones warn.
	var diags diag.Diagnostics
	for _, c := range deps.Cycles {
		diags = append(diags, cycleDiagnostic(p, c))
	}
	return diags
}

// cycleDiagnostic is the warning for one cycle, at the depends_on entry of the
// document that closes it.
func cycleDiagnostic(p *generator.Portfolio, c graph.Cycle) diag.Diagnostic {
	d := p.ByID[c.Closing.From]
	at := d.Pos(c.Closing.Source)
	loop := make([]string, 0, len(c.Path)+1)
	for _, id := range append(slices.Clone(c.Path), c.Path[0]) {
		loop = append(loop, generator.Quote(id))
	}
	msg := c.Closing.Source + ": dependency cycle " + generator.Elide(loop, " → ")
	if extra := len(c.Members) - len(c.Path); extra > 0 {
		var others []string
		for _, id := range c.Members {
			if !slices.Contains(c.Path, id) {
				others = append(others, generator.Quote(id))
			}
		}
		msg += " (the same loop also takes in " + generator.Elide(others, ", ") + ")"
	}
	msg += "; remove one of these dependencies, or move what both sides need into a blueprint of its own"
	return diag.NewDiagnostic(diag.CodeDependencyCycle, d.Path, at, msg)
}

// sunset says why a blueprint is going away ("retired", "end-of-life",
// "phase-out"), or "" when it is not, from its graph node.
func sunset(n graph.Node) string { return sunsetOf(n.Attrs["status"], n.Attrs["lifecycle"]) }

// docSunset is sunset for a blueprint's document, without building its node.
func docSunset(d *generator.Document) string { return sunsetOf(d.Status, d.Fields.String("lifecycle")) }

func sunsetOf(status, lifecycle string) string {
	switch {
	case status == "retired":
		return "retired"
	case lifecycle == "end-of-life" || lifecycle == "phase-out":
		return lifecycle
	}
	return ""
}

// criticalityRank orders criticality from most to least at stake.
func criticalityRank(c string) int {
	switch c {
	case "mission-critical":
		return 4
	case "high":
		return 3
	case "medium":
		return 2
	case "low":
		return 1
	}
	return 0
}

// openCriticalRisks counts what is at risk on a blueprint now: threats of critical
// severity (likelihood × impact above 12) in its threat models that are still
// open or being mitigated, and critical remediation items on it not yet done.
func openCriticalRisks(d *generator.Document) int {
	n := 0
	for _, r := range d.Backlinks {
		switch {
		case r.From.Kind == "threat-model" && r.Field == "subject":
			for _, t := range r.From.Fields.List("threats") {
				th, _ := t.(*generator.Object)
				l, _ := th.Get("likelihood").(int)
				i, _ := th.Get("impact").(int)
				if st := th.String("status"); l*i > 12 && (st == "open" || st == "mitigating") {
					n++
				}
			}
		case r.From.Kind == "remediation" && strings.HasPrefix(r.Field, "affects["):
			st := r.From.Status
			if r.From.Fields.String("severity") == "critical" && st != "done" && st != "risk-accepted" {
				n++
			}
		}
	}
	return n
}

func dependencyCards(p *generator.Portfolio) []render.Card {
	deps := Of(p)
	if deps == nil || deps.Graph.Len() == 0 {
		return nil
	}
	cycles := len(deps.Cycles)
	return []render.Card{
		{Title: "Dependency cycles", Value: strconv.Itoa(cycles), Detail: "loops between blueprints", URL: "dependencies/#cycles", Alert: render.AlertIf(cycles > 0, render.AlertWarning)},
		{Title: "Sunset dependencies", Value: strconv.Itoa(len(deps.Flagged)), Detail: "onto retired, end-of-life or phase-out blueprints",
			URL: "dependencies/#sunset", Alert: render.AlertIf(len(deps.Flagged) > 0, render.AlertWarning)},
	}
}

// dependencyJSON is the dependency view's part of portfolio.json.
type dependencyJSON struct {
	Edges   []dependencyEdgeJSON `json:"edges"`
	Cycles  [][]string           `json:"cycles"`
	Orphans []string             `json:"orphans"`
}

type dependencyEdgeJSON struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Via      string `json:"via,omitempty"`
	Protocol string `json:"protocol,omitempty"`
	Data     string `json:"data,omitempty"`
	Flag     string `json:"flag,omitempty"`
}

func dependenciesJSON(p *generator.Portfolio) any {
	deps := Of(p)
	out := dependencyJSON{Edges: []dependencyEdgeJSON{}, Cycles: [][]string{}, Orphans: []string{}}
	for _, e := range deps.Graph.Edges() {
		to, _ := deps.Graph.Node(e.To)
		out.Edges = append(out.Edges, dependencyEdgeJSON{From: e.From, To: e.To, Via: e.Attrs["via"],
			Protocol: e.Attrs["protocol"], Data: e.Attrs["data"], Flag: sunset(to)})
	}
	for _, c := range deps.Cycles {
		out.Cycles = append(out.Cycles, c.Path)
	}
	for _, d := range deps.Orphans {
		out.Orphans = append(out.Orphans, d.ID)
	}
	return out
}

// byStake orders blueprints from most to least at stake: criticality, then open
// critical risks, then id.
func (deps *Dependencies) byStake(a, b *generator.Document) int {
	return cmp.Or(cmp.Compare(criticalityRank(b.Fields.String("criticality")), criticalityRank(a.Fields.String("criticality"))),
		cmp.Compare(deps.risks[b.ID], deps.risks[a.ID]), cmp.Compare(a.ID, b.ID))
}
