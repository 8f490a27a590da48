package dependencies

import (
	"cmp"
	"html/template"
	"slices"

	"archfolio/generator"
	"archfolio/generator/graph"
	"archfolio/generator/render"
)

// View is the dependency map: the blueprints' dependency graph, the
// portfolio and domain maps, a blueprint's neighbourhood panel and the impact
// page of each blueprint (every transitive dependent and its path).
var View = render.View{Name: "dependencies", Analyse: analyseDependencies,
	Menu:  &render.MenuItem{Label: "Dependencies", URL: "dependencies/", Section: "dependencies"},
	Pages: dependencyPages, Panels: dependencyPanels, Cards: dependencyCards, JSON: dependenciesJSON,
	Shows: []string{"blueprint.depends_on"},
	Funcs: template.FuncMap{"depsFrame": func(svg template.HTML, label, caption string) DepsFrameData {
		return DepsFrameData{SVG: svg, Label: label, Caption: caption}
	}}}

// DependenciesPage is the portfolio-wide dependency map: the domains, every
// blueprint, and the same again as tables.
type DependenciesPage struct {
	DomainMap, Map template.HTML
	Blueprints     int
	Edges          []DependencyRow
	Domains        []DomainDependencies
	Cycles         []CycleView
	RoadmapCycles  []CycleView
	Sunset         []DependencyRow
	Orphans        []*generator.Document
	Legend         []LegendEntry
}

// DependencyRow is one depends_on entry.
type DependencyRow struct {
	From, To            *generator.Document
	Via, Protocol, Data string
	// Flag says why To is going away ("retired", "end-of-life", "phase-out"), or "".
	Flag    string
	InCycle bool
}

// DomainDependencies is one domain's blueprints with their dependency counts.
type DomainDependencies struct {
	Name, Label, Anchor string
	Blueprints          []BlueprintDependencies
}

// BlueprintDependencies counts one blueprint's dependencies both ways.
type BlueprintDependencies struct {
	Doc                   *generator.Document
	DependsOn, DependedOn int
	Impact                int
	ImpactURL             string
}

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
	jobs := []render.PageJob{render.Content(render.PageJob{URL: url, Layout: "dependencies.html", Page: &render.Page{Title: "Dependency map", Section: "dependencies"}},
		dependenciesContent, func() *DependenciesPage { return dependenciesPage(p, url) })}
	for _, d := range p.ByKind["blueprint"] {
		jobs = append(jobs, render.Content(render.PageJob{URL: impactURL(d), Layout: "impact.html",
			Page: &render.Page{Title: "Impact of changing " + d.Title, Section: "dependencies", Doc: d}},
			impactContent, func() *ImpactPage { return &ImpactPage{Set: impactSet(p, d, false), url: impactURL(d)} }))
	}
	return jobs
}

// dependenciesPage is the data of the dependency map page at url.
func dependenciesPage(p *generator.Portfolio, url string) *DependenciesPage {
	deps := Of(p)
	page := &DependenciesPage{Blueprints: deps.Graph.Len(), Orphans: deps.Orphans, Legend: dependencyLegend(p)}
	if deps.Graph.Len() > 0 {
		page.DomainMap, page.Map = domainMap(p, url), portfolioMap(p, url)
	}
	for _, e := range deps.Graph.Edges() {
		row := dependencyRow(p, e)
		page.Edges = append(page.Edges, row)
		if row.Flag != "" {
			page.Sunset = append(page.Sunset, row)
		}
	}
	page.Domains = domainDependencies(p)
	page.Cycles = cycleViews(p, deps.Cycles)
	page.RoadmapCycles = cycleViews(p, deps.RoadmapCycles)
	return page
}

func dependencyRow(p *generator.Portfolio, e graph.Edge) DependencyRow {
	to := p.ByID[e.To]
	return DependencyRow{From: p.ByID[e.From], To: to, Via: e.Attrs["via"], Protocol: e.Attrs["protocol"], Data: e.Attrs["data"],
		Flag: docSunset(to), InCycle: Of(p).inCycle[e.From] && Of(p).inCycle[e.To]}
}

func domainDependencies(p *generator.Portfolio) []DomainDependencies {
	g := Of(p).Graph
	var out []DomainDependencies
	for _, dom := range Of(p).Domains {
		dd := DomainDependencies{Name: dom, Label: domainLabel(dom), Anchor: "table-domain-" + generator.Slug(cmp.Or(dom, "none"))}
		for _, n := range g.Nodes() {
			if n.Group != dom {
				continue
			}
			d := p.ByID[n.ID]
			dd.Blueprints = append(dd.Blueprints, BlueprintDependencies{Doc: d, DependsOn: g.OutDegree(n.ID), DependedOn: g.InDegree(n.ID),
				Impact: graph.CountDependents(g, n.ID), ImpactURL: impactURL(d)})
		}
		slices.SortStableFunc(dd.Blueprints, func(a, b BlueprintDependencies) int { return Of(p).byStake(a.Doc, b.Doc) })
		out = append(out, dd)
	}
	return out
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
	return append(out,
		LegendEntry{Class: "swatch crit-mission-critical", Label: "mission-critical (thickest border; the box also says so)"},
		LegendEntry{Class: "swatch crit-high", Label: "high criticality (thick border)"},
		LegendEntry{Class: "swatch sunset", Label: "retired, end-of-life or phase-out (dashed border, ⚠ in the box)", Symbol: "⚠"},
		LegendEntry{Class: "line flag", Label: "dependency onto a blueprint that is going away (dashed red)"},
		LegendEntry{Class: "line back", Label: "dependency that closes a cycle (dotted, pointing back)", Symbol: "↺"},
		LegendEntry{Class: "line many", Label: "several dependencies merged into one arrow (×N tells how many)", Symbol: "×N"},
	)
}
