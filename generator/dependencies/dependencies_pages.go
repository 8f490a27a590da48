package dependencies

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/graph"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// View is the dependency map: the blueprints' dependency graph, the
// portfolio and domain maps, a blueprint's neighbourhood panel and the impact
// page of each blueprint (every transitive dependent and its path).
var View = render.View{Name: "dependencies", Analyse: analyseDependencies,
	Menu:  &render.MenuItem{Label: "Dependencies", URL: "dependencies/", Section: "dependencies"},
	Pages: dependencyPages, Panels: dependencyPanels, Cards: dependencyCards, JSON: dependenciesJSON, Files: dependencyFiles, Sorted: edgesSorted,
	Shows: []string{"blueprint.depends_on"},
	Funcs: template.FuncMap{"depsFrame": func(svg template.HTML, label, caption string) DepsFrameData {
		return DepsFrameData{SVG: svg, Label: label, Caption: caption}
	}}}

// DependenciesPage is the portfolio-wide dependency map: the domains, every
// blueprint, and the same again as tables. Its lists are cut into pages
// (Lists): the map's page shows the first page of each, and a continuation
// page (Part) one page of one list; the slices hold that page's items only.
type DependenciesPage struct {
	DomainMap, Map template.HTML
	DomainLegend   []LegendEntry // the domain map's line styles
	Blueprints     int
	// EdgeCount counts every dependency, listed on this page or not.
	EdgeCount int
	Edges     []DependencyRow
	// EdgeFilters are the filters of the list of every dependency (everyDependency).
	EdgeFilters []render.Filter
	// Tables are this page's rows of the domain tables, TableFilters the
	// filters of the whole list (domainTables).
	Tables        []BlueprintDependencies
	TableFilters  []render.Filter
	Cycles        []CycleView
	RoadmapCycles []CycleView
	Sunset        []DependencyRow
	// SunsetFilters are the filters of the list of the dependencies going
	// away (goingAway).
	SunsetFilters []render.Filter
	Orphans       []*generator.Document
	Legend        []LegendEntry
	// Lists are the page splits of the long lists; Part names the list a
	// continuation page shows ("" on the map's page), PageNo its page (from 0).
	Lists  Lists
	Part   string
	PageNo int
}

// Lists are the dependency map's long lists, each cut into pages: its first
// page on the map's page (dependencies/), the others at
// dependencies/PART/N/. A portfolio of any size or shape thus has no page that
// grows with it (see Per…).
type Lists struct {
	Blueprints, Edges, Sunset, Cycles, Orphans pager.List
}

// How many items a page of each list holds: with the domain map, the whole
// map (drawn only up to mapLimit) and the first page of each list, the map's
// page stays under a megabyte (the whole map is about 550 bytes per blueprint
// and dependency).
const (
	PerBlueprints = 100 // rows of the domain tables, about 700 bytes each
	PerEdges      = 150 // dependency rows, about 450 bytes
	PerSunset     = 100
	PerCycles     = 50 // a cycle shows at most cycleShown of its blueprints
	PerOrphans    = 200
	// mapLimit is how many blueprints and dependencies together the whole
	// portfolio's map is drawn for; beyond, it would be megabytes that no one
	// can read, and the domain map, the tables and each blueprint's
	// neighbourhood map show the same.
	mapLimit = 800
	// cycleShown is how many blueprints of a loop a cycle names, half from
	// each end; every dependency of a loop is flagged in the list of every
	// dependency.
	cycleShown = 24
)

// The continuation pages' parts, each a folder under dependencies/.
const (
	partBlueprints = "blueprints"
	partEdges      = "all"
	partSunset     = "sunset"
	partCycles     = "cycles"
	partOrphans    = "orphans"
)

// lists cuts the dependency view's lists into pages.
func lists(p *generator.Portfolio) Lists {
	deps := Of(p)
	list := func(part, id string, n, per int) pager.List {
		return pager.List{Split: pager.ByCount(n, per), First: "dependencies/", More: "dependencies/" + part + "/", Fragment: id}
	}
	return Lists{
		Blueprints: list(partBlueprints, "domain-tables", deps.Graph.Len(), PerBlueprints),
		Edges:      list(partEdges, "all-dependencies", len(deps.Graph.Edges()), PerEdges),
		Sunset:     list(partSunset, "sunset", len(deps.Flagged), PerSunset),
		Cycles:     list(partCycles, "cycles", len(deps.Cycles), PerCycles),
		Orphans:    list(partOrphans, "orphans", len(deps.Orphans), PerOrphans),
	}
}

// part returns the list of a part.
func (l Lists) part(name string) pager.List {
	switch name {
	case partBlueprints:
		return l.Blueprints
	case partEdges:
		return l.Edges
	case partSunset:
		return l.Sunset
	case partCycles:
		return l.Cycles
	}
	return l.Orphans
}

// goingAway returns the rows of the list of the dependencies onto blueprints
// going away, in the graph's order (the flagged edges: a blueprint's node
// holds its status and lifecycle), and its filters (listFilters, with which
// of retired, end of life and phase-out for notes). Both are made once per
// analysis: every page of the list and its rows files read them.
func goingAway(p *generator.Portfolio) ([]DependencyRow, []render.Filter) {
	deps := Of(p)
	deps.sunsetOnce.Do(func() {
		deps.sunsetRows = make([]DependencyRow, len(deps.Flagged))
		for i, f := range deps.Flagged {
			deps.sunsetRows[i] = dependencyRow(p, f.Edge)
		}
		deps.sunsetFilters = listFilters(deps, deps.sunsetRows, awayPrefix, "which", "Which is")
	})
	return deps.sunsetRows, deps.sunsetFilters
}

// DependencyRow is one depends_on entry.
type DependencyRow struct {
	From, To            *generator.Document
	Via, Protocol, Data string
	// FromDomain and ToDomain are each end's domain as written, or noDomain:
	// the values of the filters on domains, as on every list (?domain=payments).
	FromDomain, ToDomain string
	// Flag says why To is going away ("retired", "end-of-life", "phase-out"), or "".
	Flag string
	// InCycle: both ends are in the same cycle.
	InCycle bool
}

// inCycle is the note of a dependency of a loop, as the rows and the filter's
// values have it (the other notes are lifecycles: retired, end-of-life,
// phase-out); inCycleNote is how its option shows it.
const (
	inCycle     = "in-cycle"
	inCycleNote = "In a cycle"
)

// domainValue is the filters' value for a domain as written
// (generator.NoDomain for none, as on every list).
func domainValue(domain string) string { return cmp.Or(domain, generator.NoDomain) }

// showNote is the text of an option of the filter of the notes.
func showNote(v string) string {
	if v == inCycle {
		return inCycleNote
	}
	return generator.Humanize(v)
}

// FilterValue returns what the dependency offers to a filter of the list of
// every dependency (everyDependency): several notes joined by U+001F, as the
// rows' data- attributes hold them.
func (r DependencyRow) FilterValue(name string) string {
	switch name {
	case "domain":
		return r.FromDomain
	case "todomain":
		return r.ToDomain
	case "protocol":
		return r.Protocol
	case "which":
		return r.Flag
	case "note":
		var notes []string
		if r.Flag != "" {
			notes = append(notes, r.Flag)
		}
		if r.InCycle {
			notes = append(notes, inCycle)
		}
		return strings.Join(notes, "\x1f")
	}
	return ""
}

// everyDependency returns the rows of the list of every dependency, one per edge of
// the graph, and its filters (listFilters). Both are made once per analysis:
// every page of the list, its filters' rows file and its sort rows file read
// them.
func everyDependency(p *generator.Portfolio) ([]DependencyRow, []render.Filter) {
	deps := Of(p)
	deps.edgesOnce.Do(func() {
		edges := deps.Graph.Edges()
		deps.edgeRows = make([]DependencyRow, len(edges))
		for i, e := range edges {
			deps.edgeRows[i] = dependencyRow(p, e)
		}
		deps.edgeFilters = listFilters(deps, deps.edgeRows, "", "note", "Notes")
	})
	return deps.edgeRows, deps.edgeFilters
}

// awayPrefix starts the names of the filters of the list of the dependencies
// going away, but its notes' ("which"): that list shares the dependency map's
// page with the list of every dependency, and a filter's name is its key in
// the page's address (?awaydomain=claims against ?domain=claims).
const awayPrefix = "away"

// awayValue is FilterValue for the filters of the list of the dependencies
// going away.
func (r DependencyRow) awayValue(name string) string {
	return r.FilterValue(strings.TrimPrefix(name, awayPrefix))
}

// listFilters are the filters of a list of dependencies: the domain of each
// end (in the dependency map's order of domains), the protocol, and the
// notes, each offering the values some row has; prefix starts the names of
// the first three. notes names the filter of the notes, "note" (why the target
// is going away, and in a cycle) or "which" (why the target is going away),
// and label labels it.
func listFilters(deps *Dependencies, rows []DependencyRow, prefix, notes, label string) []render.Filter {
	from, to, protocols, noted := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		from[r.FromDomain], to[r.ToDomain] = true, true
		if r.Protocol != "" {
			protocols[r.Protocol] = true
		}
		for n := range strings.SplitSeq(r.FilterValue(notes), "\x1f") {
			if n != "" {
				noted[n] = true
			}
		}
	}
	inOrder := func(seen map[string]bool, order []string) []string {
		var out []string
		for _, v := range order {
			if seen[v] {
				out = append(out, v)
			}
		}
		return out
	}
	domains := deps.domainValues()
	return []render.Filter{
		{Name: prefix + "domain", Label: "Domain of the blueprint", Values: inOrder(from, domains), Show: generator.Humanize},
		{Name: prefix + "todomain", Label: "Domain of what it depends on", Values: inOrder(to, domains), Show: generator.Humanize},
		{Name: prefix + "protocol", Label: "Protocol", Values: caseless(generator.SortedKeys(protocols))},
		{Name: notes, Label: label, Values: inOrder(noted, []string{"retired", "end-of-life", "phase-out", inCycle}), Show: showNote},
	}
}

// edgesSorted are the domain tables, the list of every dependency and that of
// the dependencies going away, for sorting each whole (render.SortRows).
func edgesSorted(p *generator.Portfolio) []render.SortRows {
	if Of(p) == nil {
		return nil
	}
	own := []render.Overridable{dependenciesContent}
	return []render.SortRows{tablesSorted(p), {List: lists(p).Edges, Rows: func(pg *render.Page) func(markup.Writer, int) {
		rows, filters := everyDependency(p)
		return func(w markup.Writer, i int) { writeEdgeRow(w, pg, filters, rows[i]) }
	}, Components: own, Layout: "dependencies.html"}, {List: lists(p).Sunset, Rows: func(pg *render.Page) func(markup.Writer, int) {
		rows, filters := goingAway(p)
		return func(w markup.Writer, i int) { writeSunsetRow(w, pg, filters, rows[i]) }
	}, Components: own, Layout: "dependencies.html"}}
}

// caseless sorts values ignoring case ("gRPC over mTLS" among the g's), then
// as they are.
func caseless(values []string) []string {
	slices.SortStableFunc(values, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return values
}

// edgeRows is the rows file of the list of every dependency
// (render.FilterRows), written when the list has more than one page.
func edgeRows(p *generator.Portfolio) render.FilterRows {
	return render.FilterRows{List: lists(p).Edges, Filters: func() []render.Filter { _, f := everyDependency(p); return f },
		Value: func(i int, name string) string { rows, _ := everyDependency(p); return rows[i].FilterValue(name) }}
}

// sunsetRows is the rows file of the list of the dependencies going away
// (render.FilterRows), written when the list has more than one page.
func sunsetRows(p *generator.Portfolio) render.FilterRows {
	return render.FilterRows{List: lists(p).Sunset, Filters: func() []render.Filter { _, f := goingAway(p); return f },
		Value: func(i int, name string) string { rows, _ := goingAway(p); return rows[i].awayValue(name) }}
}

// BlueprintDependencies is a row of the domain tables: a blueprint, its
// domain (the filters' value: NoDomain for none) and its dependencies counted
// both ways. Anchor is set on its domain's first row, which the domain map
// links to.
type BlueprintDependencies struct {
	Doc                   *generator.Document
	Domain, Anchor        string
	DependsOn, DependedOn int
	Impact                int
	ImpactURL             string
}

// FilterValue returns what the blueprint offers to a filter of the domain
// tables (domainTables).
func (b BlueprintDependencies) FilterValue(name string) string {
	switch name {
	case tablePrefix + "domain":
		return b.Domain
	case tablePrefix + "criticality":
		return b.Doc.Fields.String("criticality")
	case tablePrefix + "lifecycle":
		return b.Doc.Fields.String("lifecycle")
	}
	return ""
}

// tablePrefix starts the names of the filters of the domain tables, which
// share the dependency map's page with two other filtered lists
// (?tabledomain=claims against ?domain=claims).
const tablePrefix = "table"

// CycleView is a cycle for a page: the loop and where it closes.
type CycleView struct {
	Path    []*generator.Document
	Members []*generator.Document
	Closing *generator.Document
	Field   string
}

// LegendEntry explains one colour or line style of the maps.
type LegendEntry struct {
	Class, Label, Symbol string
}

// dependencyPages lists the dependency map and a page per blueprint's impact
// set. Their data (the maps' layout, every impact set) is made when each page is
// rendered, so listing the pages costs nothing (the dev server lists them after
// every change and renders only those asked for).
func dependencyPages(p *generator.Portfolio) []render.PageJob {
	if Of(p) == nil {
		return nil
	}
	const url = "dependencies/"
	ls := lists(p)
	jobs := []render.PageJob{render.Content(render.PageJob{URL: url, Layout: "dependencies.html", Page: &render.Page{Title: "Dependency map", Section: "dependencies"}},
		dependenciesContent, func() *DependenciesPage { return dependenciesPage(p, url, ls, "", 0) })}
	for _, part := range []struct{ name, title string }{{partBlueprints, "Blueprints by domain"},
		{partEdges, "Every dependency"}, {partSunset, "Dependencies going away"}, {partCycles, "Cycles"},
		{partOrphans, "Unconnected blueprints"}} {
		l := ls.part(part.name)
		for k := 1; k < l.Pages(); k++ {
			title := l.Title(part.title, k)
			jobs = append(jobs, render.Content(render.PageJob{URL: l.URL(k), Layout: "dependencies.html",
				Page: &render.Page{Title: title, Section: "dependencies"}},
				dependenciesContent, func() *DependenciesPage { return dependenciesPage(p, l.URL(k), ls, part.name, k) }))
		}
	}
	for _, d := range p.ByKind["blueprint"] {
		jobs = append(jobs, render.Content(render.PageJob{URL: impactURL(d), Layout: "impact.html",
			Page: &render.Page{Title: "Impact of changing " + d.Title, Section: "dependencies", Doc: d}},
			impactContent, func() *ImpactPage { return &ImpactPage{deps: Of(p), sum: summarise(Of(p), d), url: impactURL(d)} }))
	}
	return jobs
}

// dependenciesPage is the data of the dependency map page at url: with part
// "", the map's page (the first page of every list), else page k of that list.
func dependenciesPage(p *generator.Portfolio, url string, ls Lists, part string, k int) *DependenciesPage {
	deps := Of(p)
	page := &DependenciesPage{Blueprints: deps.Graph.Len(), EdgeCount: len(deps.Graph.Edges()), Lists: ls, Part: part, PageNo: k}
	show := func(name string) (from, to int, ok bool) {
		if part != "" && part != name {
			return 0, 0, false
		}
		from, to = ls.part(name).Range(k)
		return from, to, true
	}
	if part == "" {
		page.Legend = dependencyLegend(p)
		if deps.Graph.Len() > 0 {
			page.DomainMap, page.DomainLegend = domainMap(p, url, ls.Blueprints)
			if deps.Graph.Len()+len(deps.Graph.Edges()) <= mapLimit {
				page.Map = portfolioMap(p, url)
			}
		}
		page.RoadmapCycles = cycleViews(p, deps.RoadmapCycles)
	}
	if from, to, ok := show(partEdges); ok {
		rows, filters := everyDependency(p)
		page.Edges, page.EdgeFilters = rows[from:to], filters
	}
	if from, to, ok := show(partSunset); ok {
		rows, filters := goingAway(p)
		page.Sunset, page.SunsetFilters = rows[from:to], filters
	}
	if from, to, ok := show(partBlueprints); ok {
		rows, filters := domainTables(p)
		page.Tables, page.TableFilters = rows[from:to], filters
	}
	if from, to, ok := show(partCycles); ok {
		page.Cycles = cycleViews(p, deps.Cycles[from:to])
	}
	if from, to, ok := show(partOrphans); ok {
		page.Orphans = deps.Orphans[from:to]
	}
	return page
}

func dependencyRow(p *generator.Portfolio, e graph.Edge) DependencyRow {
	deps := Of(p)
	to := p.ByID[e.To]
	from, _ := deps.Graph.Node(e.From)
	onto, _ := deps.Graph.Node(e.To)
	return DependencyRow{From: p.ByID[e.From], To: to, Via: e.Attrs["via"], Protocol: e.Attrs["protocol"], Data: e.Attrs["data"],
		FromDomain: domainValue(from.Group), ToDomain: domainValue(onto.Group),
		Flag: docSunset(to), InCycle: deps.inCycle[e.From] > 0 && deps.inCycle[e.From] == deps.inCycle[e.To]}
}

// domainTables returns the rows of the domain tables, every blueprint once
// (the domains in the map's order, each domain's blueprints most at stake
// first), and their filters: the domain, the criticality and the lifecycle,
// each offering the values some blueprint has, in the schema's order (most
// critical first; the lifecycle from plan to end of life), then any other
// sorted. Both are made once per analysis: every page of the tables, their
// filters' rows file and their sort rows file read them.
func domainTables(p *generator.Portfolio) ([]BlueprintDependencies, []render.Filter) {
	deps := Of(p)
	deps.tablesOnce.Do(func() {
		g := deps.Graph
		byDomain := deps.byDomain()
		crit, life := map[string]bool{}, map[string]bool{}
		for _, dom := range deps.Domains {
			for i, d := range byDomain[dom] {
				b := BlueprintDependencies{Doc: d, Domain: domainValue(dom), DependsOn: g.OutDegree(d.ID), DependedOn: g.InDegree(d.ID),
					Impact: deps.impactSize(d.ID), ImpactURL: impactURL(d)}
				if i == 0 {
					b.Anchor = deps.domainAnchor(dom)
				}
				if c := d.Fields.String("criticality"); c != "" {
					crit[c] = true
				}
				if l := d.Fields.String("lifecycle"); l != "" {
					life[l] = true
				}
				deps.tableRows = append(deps.tableRows, b)
			}
		}
		critOrder := slices.Clone(p.Schema.EnumValues("blueprint", "criticality"))
		slices.Reverse(critOrder)
		deps.tableFilters = []render.Filter{
			{Name: tablePrefix + "domain", Label: "Domain", Values: deps.domainValues(), Show: generator.Humanize},
			{Name: tablePrefix + "criticality", Label: "Criticality", Values: render.InOrder(critOrder, crit), Show: generator.Humanize},
			{Name: tablePrefix + "lifecycle", Label: "Lifecycle", Values: render.InOrder(p.Schema.EnumValues("blueprint", "lifecycle"), life), Show: generator.Humanize},
		}
	})
	return deps.tableRows, deps.tableFilters
}

// tablesSorted is the domain tables, for sorting the whole list
// (render.SortRows).
func tablesSorted(p *generator.Portfolio) render.SortRows {
	return render.SortRows{List: lists(p).Blueprints, Rows: func(pg *render.Page) func(markup.Writer, int) {
		rows, filters := domainTables(p)
		return func(w markup.Writer, i int) { writeTableRow(w, pg, filters, rows[i]) }
	}, Components: []render.Overridable{dependenciesContent}, Layout: "dependencies.html"}
}

// tableRows is the rows file of the domain tables' filters
// (render.FilterRows), written when the tables have more than one page.
func tableRows(p *generator.Portfolio) render.FilterRows {
	return render.FilterRows{List: lists(p).Blueprints, Filters: func() []render.Filter { _, f := domainTables(p); return f },
		Value: func(i int, name string) string { rows, _ := domainTables(p); return rows[i].FilterValue(name) }}
}

// domainAnchor is the id of a domain's first row in the table of every
// blueprint.
func (deps *Dependencies) domainAnchor(dom string) string {
	return "table-domain-" + deps.domainSlug(dom)
}

// domainSlug is the part of a domain's anchors that names it ("domain-SLUG",
// its band in the whole map; "table-domain-SLUG", its first row in the table
// of every blueprint): its slug ("none" for no domain), with -2, -3 … after
// the first domain of the same slug (Payments after payments; names of
// non-Latin letters, whose slugs are alike), so that no two domains share an
// anchor. Worked out once per analysis, in the domains' order.
func (deps *Dependencies) domainSlug(dom string) string {
	deps.slugsOnce.Do(func() {
		deps.slugs = make(map[string]string, len(deps.Domains))
		taken := map[string]bool{}
		for _, d := range deps.Domains {
			deps.slugs[d] = generator.UniqueAnchor(taken, generator.Slug(cmp.Or(d, "none")))
		}
	})
	return deps.slugs[dom]
}

// domainValues are the filters' values of the domains, in the map's order:
// each once, since a domain written "No domain" and none are the same to the
// filters (generator.NoDomain).
func (deps *Dependencies) domainValues() []string {
	var out []string
	for _, dom := range deps.Domains {
		if v := domainValue(dom); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// domainStart is where a domain's table starts: the index of its first
// blueprint in the domain tables.
func (deps *Dependencies) domainStart(dom string) int {
	at := 0
	for _, d := range deps.Domains {
		if d == dom {
			return at
		}
		at += len(deps.byDomain()[d])
	}
	return at
}

// byDomain returns each domain's blueprints, most at stake first, worked out
// once per analysis (every page of the domain tables reads it).
func (deps *Dependencies) byDomain() map[string][]*generator.Document {
	deps.domainsOnce.Do(func() {
		deps.domainDocs = map[string][]*generator.Document{}
		for _, n := range deps.Graph.Nodes() {
			if in := deps.info[n.ID]; in != nil {
				deps.domainDocs[n.Group] = append(deps.domainDocs[n.Group], in.doc)
			}
		}
		for _, docs := range deps.domainDocs {
			slices.SortStableFunc(docs, deps.byStake)
		}
	})
	return deps.domainDocs
}

func cycleViews(p *generator.Portfolio, cycles []graph.Cycle) []CycleView {
	var out []CycleView
	for _, c := range cycles {
		v := CycleView{Closing: p.ByID[c.Closing.From], Field: c.Closing.Source}
		for _, id := range c.Path {
			v.Path = append(v.Path, p.ByID[id])
		}
		for _, id := range c.Members {
			v.Members = append(v.Members, p.ByID[id])
		}
		out = append(out, v)
	}
	return out
}

// dependencyLegend explains the maps: a colour per domain (each band also carries
// its name), then what borders and line styles mean.
func dependencyLegend(p *generator.Portfolio) []LegendEntry {
	m := &mapStyle{p: p}
	var out []LegendEntry
	for _, dom := range Of(p).Domains {
		out = append(out, LegendEntry{Class: "swatch " + m.domainClass(dom), Label: domainLabel(dom)})
	}
	out = append(out,
		LegendEntry{Class: "swatch crit-mission-critical", Label: "mission-critical (thickest border; the box also says so)"},
		LegendEntry{Class: "swatch crit-high", Label: "high criticality (thick border)"},
		LegendEntry{Class: "swatch sunset", Label: "retired, end-of-life or phase-out (dashed border, ⚠ in the box)", Symbol: "⚠"},
	)
	for _, c := range lineOrder {
		out = append(out, LegendEntry{Class: strings.TrimSpace("line " + c), Label: blueprintLines[c], Symbol: lineSymbol[c]})
	}
	return out
}
