package dependencies

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"html/template"
)

// depsNeighbourhoodPanel is the "deps-neighbourhood" panel component.
var depsNeighbourhoodPanel = markup.New[render.PanelPage[*Neighbourhood]]("deps-neighbourhood", render.PanelWriter(writeNeighbourhoodPanel))

// writeNeighbourhoodPanel writes the "deps-neighbourhood" panel: a blueprint's map and
// tables of what it depends on and what depends on it.
func writeNeighbourhoodPanel(pg render.PanelPage[*Neighbourhood], w markup.Writer) error {
	nb := pg.Data
	if len(nb.Dependents) == 0 && len(nb.Dependencies) == 0 {
		w.Raw("\n<p>This blueprint neither depends on nor is depended on by another blueprint.</p>\n")
		return nil
	}
	w.Raw("\n<p>")
	if nb.Impact != 0 {
		w.Raw("A change here reaches <strong>")
		w.Int(nb.Impact)
		w.Raw("</strong> blueprint")
		if nb.Impact != 1 {
			w.Raw("s")
		}
		w.Raw(" that depend on it, directly or through others: <a href=\"")
		w.URL(nb.ImpactURL)
		w.Raw("\">see the impact analysis</a>.")
	} else {
		w.Raw("No blueprint depends on this one.")
	}
	if nb.Aggregated != 0 {
		w.Raw(" The map counts ")
		w.Int(nb.Aggregated)
		w.Raw(" of them in grouped boxes; the table lists every one.")
	}
	w.Raw("</p>\n")
	depsLegendBlock.Put(w, nb.Legend)
	w.Raw("\n<figure class=\"depmap-frame\" data-panzoom>\n  <div class=\"depmap-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	w.Text("Dependency neighbourhood of " + nb.Doc.Title)
	w.Raw(" (scroll to see all of it)\">")
	nb.writeSVG(w.Buffer)
	w.Raw("</div>\n  <figcaption>Left: what depends on this blueprint; right: what it depends on, up to two hops. Every box links to its blueprint.</figcaption>\n</figure>\n")
	w.Raw("\n<div class=\"deps-tables\" id=\"dependency-list\">\n  <div>\n  <h3>Depends on</h3>")
	if len(nb.Dependencies) > 0 {
		w.Raw("\n  <table class=\"data\">\n  <thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Hops</th><th scope=\"col\">How</th><th scope=\"col\">Criticality</th><th scope=\"col\">Lifecycle</th></tr></thead>\n  <tbody>")
		for _, r := range nb.Dependencies {
			putNeighbourRow(w, r)
			w.Raw("\n  <td")
			if r.Flag != "" {
				w.Raw(" class=\"sunset-flag\">⚠ ")
			} else {
				w.Raw(">")
			}
			w.Text(r.Lifecycle)
			w.Raw("</td></tr>")
		}
		w.Raw("\n  </tbody>\n  </table>")
	} else {
		w.Raw("<p>Nothing: this blueprint depends on no other.</p>")
	}
	w.Raw("\n  </div>\n  <div>\n  <h3>Depended on by</h3>")
	if len(nb.Dependents) > 0 {
		w.Raw("\n  <table class=\"data\">\n  <thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Hops</th><th scope=\"col\">How</th><th scope=\"col\">Criticality</th><th scope=\"col\">Owner</th></tr></thead>\n  <tbody>")
		for _, r := range nb.Dependents {
			putNeighbourRow(w, r)
			w.Raw("<td>")
			w.Text(r.Doc.Owner)
			w.Raw("</td></tr>")
		}
		w.Raw("\n  </tbody>\n  </table>")
	} else {
		w.Raw("<p>Nothing depends on this blueprint.</p>")
	}
	w.Raw("\n  </div>\n</div>\n<script src=\"")
	w.URL(pg.Rel("assets/panzoom.js"))
	w.Raw("\" defer></script>\n")
	return nil
}

// neighbourRow writes a neighbourhood table row up to its criticality cell.
func putNeighbourRow(w markup.Writer, r NeighbourRow) {
	w.Raw("\n  <tr><td>")
	w.Link(r.Href, r.Doc.Title)
	if r.Through != nil {
		w.Raw("<br><span class=\"summary\">through ")
		w.Link(r.ThroughHref, r.Through.Title)
		w.Raw("</span>")
	}
	w.Raw("</td>\n  <td class=\"num\">")
	w.Int(r.Depth)
	w.Raw("</td><td>")
	w.Text(r.How)
	w.Raw("</td><td class=\"crit crit-")
	w.Text(r.CriticalityTag)
	w.Raw("\">")
	w.Text(r.Criticality)
	w.Raw("</td>")
}

// depsCriticalityBlock is the "deps-criticality" component.
var depsCriticalityBlock = markup.New[string]("deps-criticality", writeDepsCriticality)

func putCriticality(w markup.Writer, c string) { depsCriticalityBlock.Put(w, c) }

func writeDepsCriticality(w markup.Writer, c string) {
	if c == "" {
		w.Raw("<span class=\"muted\">not set</span>")
		return
	}
	w.Raw("<span class=\"crit crit-")
	w.Text(c)
	w.Raw("\">")
	w.Text(generator.Humanize(c))
	w.Raw("</span>")
}

// depsLifecycleBlock is the "deps-lifecycle" component: end of life and
// phase-out flagged.
var depsLifecycleBlock = markup.New[string]("deps-lifecycle", writeDepsLifecycle)

func putLifecycle(w markup.Writer, l string) { depsLifecycleBlock.Put(w, l) }

func writeDepsLifecycle(w markup.Writer, l string) {
	switch {
	case l == "":
	case sunsetOf("", l) != "":
		w.Raw("<span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
		w.Text(generator.Humanize(l))
		w.Raw("</span>")
	default:
		w.Text(generator.Humanize(l))
	}
}

// DepsFrameData is what the "deps-frame" component receives: a map, its label
// and caption.
type DepsFrameData struct {
	SVG            template.HTML
	Label, Caption string
}

// depsFrameBlock is the "deps-frame" component: a map in its pan-and-zoom frame.
var depsFrameBlock = markup.New[DepsFrameData]("deps-frame", writeDepsFrame)

func putDepsFrame(w markup.Writer, svg template.HTML, label, caption string) {
	depsFrameBlock.Put(w, DepsFrameData{SVG: svg, Label: label, Caption: caption})
}

func writeDepsFrame(w markup.Writer, d DepsFrameData) {
	svg, label, caption := d.SVG, d.Label, d.Caption
	w.Raw("\n<figure class=\"depmap-frame\" data-panzoom>\n  <div class=\"depmap-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	w.Text(label)
	w.Raw(" (scroll to see all of it)\">")
	w.Raw(string(svg))
	w.Raw("</div>\n  <figcaption>")
	w.Text(caption)
	w.Raw("</figcaption>\n</figure>\n")
}

// depsEdgeBlock is the "deps-edge" component: via, protocol and data of a
// dependency.
var depsEdgeBlock = markup.New[DependencyRow]("deps-edge", writeDepsEdge)

func putEdge(w markup.Writer, r DependencyRow) { depsEdgeBlock.Put(w, r) }

func writeDepsEdge(w markup.Writer, r DependencyRow) {
	if r.Via != "" {
		w.Raw("via ")
		w.Text(r.Via)
	}
	if r.Protocol != "" {
		if r.Via != "" {
			w.Raw(" · ")
		}
		w.Text(r.Protocol)
	}
	if r.Data != "" {
		if r.Via != "" || r.Protocol != "" {
			w.Raw(" · ")
		}
		w.Text(r.Data)
	}
}

// putCyclePath writes a loop's documents, each linked, back to the first; of a
// loop longer than cycleShown, the first and last cycleShown/2 and how many
// are left out between them.
func putCyclePath(w markup.Writer, pg *render.Page, path []*generator.Document) {
	for i, d := range path {
		if len(path) > cycleShown && i >= cycleShown/2 && i < len(path)-cycleShown/2 {
			if i == cycleShown/2 {
				w.Raw(" → … ")
				w.Int(len(path) - cycleShown)
				w.Raw(" more blueprints (each of their dependencies is flagged in a cycle in the list of every dependency) …")
			}
			continue
		}
		if i > 0 {
			w.Raw(" → ")
		}
		w.Link(pg.Rel(d.URL), d.Title)
	}
	w.Raw(" → ")
	w.Link(pg.Rel(path[0].URL), path[0].Title)
}

// dependenciesContent is the content of the dependencies page.
var dependenciesContent = markup.New[render.PageData[*DependenciesPage]]("dependencies-content", render.ContentWriter(dependenciesHTML))

// dependenciesHTML writes the "dependencies-content" component (layout.go):
// on the map's page the domain map and tables, the whole map, cycles, sunset
// dependencies, unconnected blueprints and every dependency, each long list's
// first page; on a continuation page, one page of one list.
func dependenciesHTML(pg *render.Page, d *DependenciesPage) (template.HTML, error) {
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	if d.Part != "" {
		pager.Heading(w, pg.Rel("dependencies/"), "Dependency map", pg.Title)
		switch d.Part {
		case partBlueprints:
			writeDomainTables(w, pg, d)
		case partEdges:
			writeEdgeList(w, pg, d)
		case partSunset:
			writeSunset(w, pg, d)
		case partCycles:
			writeCycles(w, pg, d)
		case partOrphans:
			writeOrphans(w, pg, d)
		}
		w.Raw("\n")
		return pg.Lend(buf), nil
	}
	w.Raw("\n<h1>Dependency map</h1>\n<p class=\"lede\">")
	w.Int(d.Blueprints)
	w.Raw(" blueprint")
	if d.Blueprints != 1 {
		w.Raw("s")
	}
	w.Raw(" and ")
	w.Int(d.EdgeCount)
	if d.EdgeCount == 1 {
		w.Raw(" dependency")
	} else {
		w.Raw(" dependencies")
	}
	w.Raw(" between them, grouped by domain.\nAn arrow points from a blueprint to one it depends on; every box links to its page.</p>\n<nav class=\"page-toc\" aria-label=\"On this page\">\n<ul>\n  <li><a href=\"#domains\">Domains</a></li>\n  <li><a href=\"#map\">The whole portfolio</a></li>\n  <li><a href=\"#cycles\">Cycles (")
	w.Int(d.Lists.Cycles.Len())
	w.Raw(")</a></li>\n  <li><a href=\"#sunset\">Dependencies going away (")
	w.Int(d.Lists.Sunset.Len())
	w.Raw(")</a></li>\n  <li><a href=\"#orphans\">Unconnected blueprints (")
	w.Int(d.Lists.Orphans.Len())
	w.Raw(")</a></li>\n  <li><a href=\"#all-dependencies\">Every dependency</a></li>\n</ul>\n</nav>")
	if d.Blueprints == 0 {
		w.Raw("\n<p>There are no blueprints yet.</p>")
	} else {
		w.Raw("\n<section aria-labelledby=\"domains\">\n<h2 id=\"domains\">Domains</h2>\n<p>Each box is a domain; an arrow's number counts the dependencies between two domains, and each box says how many stay within it. Select a domain to go to ")
		if d.Map != "" {
			w.Raw("its band in the map below.</p>\n")
		} else {
			w.Raw("its first blueprint in the table below.</p>\n")
		}
		depsLegendBlock.Put(w, d.DomainLegend)
		putDepsFrame(w, d.DomainMap, "Dependencies between domains", "Dependencies between domains, counted.")
		writeDomainTables(w, pg, d)
		w.Raw("\n</section>\n\n<section aria-labelledby=\"map\">\n<h2 id=\"map\">The whole portfolio</h2>\n")
		if d.Map != "" {
			depsLegendBlock.Put(w, d.Legend)
			w.Raw("\n")
			putDepsFrame(w, d.Map, "Dependency map of every blueprint", "Every blueprint in a band for its domain. Where JavaScript runs, drag to pan and use the buttons or Ctrl + wheel to zoom.")
		} else {
			w.Raw("<p>A map of every blueprint is drawn while the portfolio has at most ")
			w.Int(mapLimit)
			w.Raw(" blueprints and dependencies together; this one has ")
			w.Int(d.Blueprints + d.EdgeCount)
			w.Raw(", which no one could read on one map. The domain map above, the tables and each blueprint's neighbourhood map show the same dependencies.</p>")
		}
		w.Raw("\n</section>")
	}
	w.Raw("\n\n")
	writeCycles(w, pg, d)
	w.Raw("\n\n")
	writeSunset(w, pg, d)
	w.Raw("\n\n")
	writeOrphans(w, pg, d)
	w.Raw("\n\n")
	writeEdgeList(w, pg, d)
	w.Raw("\n")
	return pg.Lend(buf), nil
}

// writeDomainTables writes the page's part of the domain tables: one table of
// every blueprint, the domains in the map's order and each domain's
// blueprints most at stake first, its domain's first row the anchor the
// domain map links to. Its filters and sort take the whole list.
func writeDomainTables(w markup.Writer, pg *render.Page, d *DependenciesPage) {
	// Under the map page's Domains (h2), or the page's own title.
	heading := "h3"
	if d.Part == partBlueprints {
		heading = "h2"
	}
	w.Raw("\n<div class=\"deps-domain-tables\" id=\"domain-tables\">\n<")
	w.Raw(heading)
	w.Raw(">Every blueprint, by domain</")
	w.Raw(heading)
	w.Raw(">\n<p>Domain by domain, each domain's blueprints most at stake first (criticality, then open critical risks).")
	if d.Lists.Blueprints.Pages() > 1 {
		w.Raw(" Where scripts run, filtering and sorting take every page of the list.")
	}
	w.Raw("</p>")
	pagedTable{list: d.Lists.Blueprints, id: "blueprint-table", noun: "blueprints", nav: "Pages of the domain tables", scroll: true, filters: d.TableFilters,
		head: `<th scope="col">Blueprint</th><th scope="col">Domain</th><th scope="col">Criticality</th><th scope="col">Lifecycle</th><th scope="col" class="num">Depends on</th><th scope="col" class="num">Depended on by</th><th scope="col" class="num">Impact</th>`,
	}.write(w, pg, d.PageNo, func() {
		for _, b := range d.Tables {
			writeTableRow(w, pg, d.TableFilters, b)
		}
	})
	w.Raw("\n</div>")
}

// pagedTable is one of the dependency map's lists that continue on other pages
// and filter and sort whole: its pages, its table's id, what its rows are
// (noun), the label of its pager, its filters and its header's cells; scroll
// wraps a wide table in a scrolling box.
type pagedTable struct {
	list          pager.List
	id, noun, nav string
	filters       []render.Filter
	head          string
	scroll        bool
}

// write writes the page's part of the list: the pager, the filters, the table
// with the rows rows writes, and the pager again.
func (t pagedTable) write(w markup.Writer, pg *render.Page, pageNo int, rows func()) {
	t.list.Nav(w, pg.Rel, pageNo, t.nav, t.noun)
	render.PutPagedFilters(w, t.id, t.filters, "h3", &render.PagedFilters{List: t.list, Page: pageNo, Noun: t.noun, Rel: pg.Rel})
	if t.scroll {
		w.Raw("\n<div class=\"table-scroll\">")
	}
	w.Raw("\n<table class=\"data sortable\" id=\"")
	w.Text(t.id)
	w.Raw("\"")
	render.PutSortRowsAttrs(w, t.list, t.noun, pg.Rel)
	w.Raw(">\n<thead><tr>")
	w.Raw(t.head)
	w.Raw("</tr></thead>\n<tbody>")
	rows()
	w.Raw("\n</tbody>\n</table>")
	if t.scroll {
		w.Raw("\n</div>")
	}
	t.list.Nav(w, pg.Rel, pageNo, t.nav+", again", t.noun)
}

// writeTableRow writes a blueprint's row of the domain tables.
func writeTableRow(w markup.Writer, pg *render.Page, filters []render.Filter, b BlueprintDependencies) {
	w.Raw("\n<tr")
	if b.Anchor != "" {
		w.Raw(" id=\"")
		w.Text(b.Anchor)
		w.Raw("\"")
	}
	render.PutFilterAttrs(w, filters, b.FilterValue)
	w.Raw("><td>")
	w.Link(pg.Rel(b.Doc.URL), b.Doc.Title)
	w.Raw("</td><td>")
	w.Text(generator.Humanize(b.Domain)) // as its filter option shows it
	crit := b.Doc.Fields.String("criticality")
	w.Raw("</td><td")
	render.PutSortRank(w, pg.EnumValues("blueprint", "criticality"), crit)
	w.Raw(">")
	putCriticality(w, crit)
	life := b.Doc.Fields.String("lifecycle")
	w.Raw("</td>\n<td")
	render.PutSortRank(w, pg.EnumValues("blueprint", "lifecycle"), life)
	w.Raw(">")
	putLifecycle(w, life)
	if b.Doc.Status == "retired" {
		w.Raw(" ")
		render.PutStatus(w, b.Doc.Status)
	}
	w.Raw("</td>\n<td class=\"num\">")
	w.Int(b.DependsOn)
	w.Raw("</td><td class=\"num\">")
	w.Int(b.DependedOn)
	w.Raw("</td><td class=\"num\"><a href=\"")
	w.URL(pg.Rel(b.ImpactURL))
	w.Raw("\" aria-label=\"Impact of changing ")
	w.Text(b.Doc.Title)
	w.Raw(": ")
	w.Text(generator.Plural(b.Impact, "blueprint", "blueprints"))
	w.Raw("\">")
	w.Int(b.Impact)
	w.Raw("</a></td></tr>")
}

// writeCycles writes the page's cycles. A long loop names cycleShown of its
// blueprints; the list of every dependency flags each of its dependencies.
func writeCycles(w markup.Writer, pg *render.Page, d *DependenciesPage) {
	w.Raw("<section aria-labelledby=\"cycles\">\n<h2 id=\"cycles\">Cycles</h2>")
	if d.Lists.Cycles.Len() > 0 {
		w.Raw("\n<p>Blueprints that depend on each other in a loop cannot be changed or recovered one at a time. <code>archfolio check</code> warns about each loop at the dependency that closes it.</p>")
		d.Lists.Cycles.Nav(w, pg.Rel, d.PageNo, "Pages of the cycles", "cycles")
		w.Raw("\n<ul>")
		for _, c := range d.Cycles {
			w.Raw("\n<li>")
			putCyclePath(w, pg, c.Path)
			w.Raw("\n <span class=\"summary\">(closed by <code>")
			w.Text(c.Field)
			w.Raw("</code> of <code>")
			w.Text(c.Closing.Path)
			w.Raw("</code>")
			if len(c.Members) > len(c.Path) {
				w.Raw("; ")
				w.Int(len(c.Members))
				w.Raw(" blueprints are in this loop")
			}
			w.Raw(")</span></li>")
		}
		w.Raw("\n</ul>")
	} else {
		w.Raw("\n<p>No blueprints depend on each other in a loop.</p>")
	}
	if len(d.RoadmapCycles) > 0 {
		w.Raw("\n<h3>Roadmap items</h3>\n<ul>")
		for _, c := range d.RoadmapCycles {
			w.Raw("\n<li>")
			putCyclePath(w, pg, c.Path)
			w.Raw("</li>")
		}
		w.Raw("\n</ul>")
	}
	w.Raw("\n</section>")
}

// writeSunset writes the page's dependencies onto blueprints going away.
func writeSunset(w markup.Writer, pg *render.Page, d *DependenciesPage) {
	w.Raw("<section aria-labelledby=\"sunset\">\n<h2 id=\"sunset\">Dependencies going away</h2>")
	if d.Lists.Sunset.Len() > 0 {
		w.Raw("\n<p>These blueprints depend on one that is retired, at end of life or being phased out: each needs a plan to move off it.</p>")
		pagedTable{list: d.Lists.Sunset, id: "sunset-table", noun: "dependencies", nav: "Pages of the dependencies going away", filters: d.SunsetFilters,
			head: `<th scope="col">Blueprint</th><th scope="col">Depends on</th><th scope="col">Which is</th><th scope="col">How</th>`,
		}.write(w, pg, d.PageNo, func() {
			for _, r := range d.Sunset {
				writeSunsetRow(w, pg, d.SunsetFilters, r)
			}
		})
	} else {
		w.Raw("\n<p>No blueprint depends on one that is retired, at end of life or being phased out.</p>")
	}
	w.Raw("\n</section>")
}

// writeSunsetRow writes a dependency's row of the list of the dependencies
// going away.
func writeSunsetRow(w markup.Writer, pg *render.Page, filters []render.Filter, r DependencyRow) {
	putRowEnds(w, pg, filters, r.awayValue, r)
	w.Raw("\n<td><span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
	w.Text(generator.Humanize(r.Flag))
	w.Raw("</span></td><td>")
	putEdge(w, r)
	w.Raw("</td></tr>")
}

// writeOrphans writes the page's blueprints without any dependency.
func writeOrphans(w markup.Writer, pg *render.Page, d *DependenciesPage) {
	w.Raw("<section aria-labelledby=\"orphans\">\n<h2 id=\"orphans\">Unconnected blueprints</h2>")
	if d.Lists.Orphans.Len() > 0 {
		w.Raw("\n<p>These blueprints neither depend on nor are depended on by another: check that their <code>depends_on</code> is complete.</p>")
		d.Lists.Orphans.Nav(w, pg.Rel, d.PageNo, "Pages of the unconnected blueprints", "blueprints")
		w.Raw("\n<ul class=\"grouplist\">")
		for _, o := range d.Orphans {
			w.Raw("<li>")
			w.Link(pg.Rel(o.URL), o.Title)
			w.Raw("</li>")
		}
		w.Raw("</ul>")
	} else {
		w.Raw("\n<p>Every blueprint is connected to at least one other.</p>")
	}
	w.Raw("\n</section>")
}

// writeEdgeList writes the page's part of the list of every dependency.
func writeEdgeList(w markup.Writer, pg *render.Page, d *DependenciesPage) {
	w.Raw("<section aria-labelledby=\"all-dependencies\">\n<h2 id=\"all-dependencies\">Every dependency</h2>")
	if d.Lists.Edges.Len() > 0 {
		pagedTable{list: d.Lists.Edges, id: "dependency-table", noun: "dependencies", nav: "Pages of every dependency", filters: d.EdgeFilters,
			head: `<th scope="col">Blueprint</th><th scope="col">Depends on</th><th scope="col">Via</th><th scope="col">Protocol</th><th scope="col">Data</th><th scope="col">Notes</th>`,
		}.write(w, pg, d.PageNo, func() {
			for _, r := range d.Edges {
				writeEdgeRow(w, pg, d.EdgeFilters, r)
			}
		})
	} else {
		w.Raw("\n<p>No blueprint declares a dependency yet (<code>depends_on</code>).</p>")
	}
	w.Raw("\n</section>")
}

// putRowEnds opens a dependency's row of a list with filters: its values for
// the filters (value), the blueprint and what it depends on.
func putRowEnds(w markup.Writer, pg *render.Page, filters []render.Filter, value func(string) string, r DependencyRow) {
	w.Raw("\n<tr")
	render.PutFilterAttrs(w, filters, value)
	w.Raw("><td>")
	w.Link(pg.Rel(r.From.URL), r.From.Title)
	w.Raw("</td><td>")
	w.Link(pg.Rel(r.To.URL), r.To.Title)
	w.Raw("</td>")
}

// writeEdgeRow writes a dependency's row of the list of every dependency.
func writeEdgeRow(w markup.Writer, pg *render.Page, filters []render.Filter, r DependencyRow) {
	putRowEnds(w, pg, filters, r.FilterValue, r)
	w.Raw("\n<td>")
	w.Text(r.Via)
	w.Raw("</td><td>")
	w.Text(r.Protocol)
	w.Raw("</td><td>")
	w.Text(r.Data)
	w.Raw("</td>\n<td>")
	if r.Flag != "" {
		w.Raw("<span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
		w.Text(generator.Humanize(r.Flag))
		w.Raw("</span>")
	}
	if r.InCycle {
		w.Raw(" <span class=\"cycle-flag\"><span aria-hidden=\"true\">↺ </span>in a cycle</span>")
	}
	w.Raw("</td></tr>")
}

// depsLegendBlock is the "deps-legend" component: what the map's colours and
// marks mean.
var depsLegendBlock = markup.New[[]LegendEntry]("deps-legend", writeDepsLegend)

// PutLegend writes a map's legend with the "deps-legend" component: the
// data-flow diagrams of threat models use it too.
func PutLegend(w markup.Writer, legend []LegendEntry) { depsLegendBlock.Put(w, legend) }

func writeDepsLegend(w markup.Writer, legend []LegendEntry) {
	w.Raw("\n<ul class=\"depmap-legend\" aria-label=\"Legend\">")
	for _, e := range legend {
		w.Raw("\n  <li><span class=\"legend-key ")
		w.Text(e.Class)
		w.Raw("\" aria-hidden=\"true\">")
		w.Text(e.Symbol)
		w.Raw("</span> ")
		w.Text(e.Label)
		w.Raw("</li>")
	}
	w.Raw("\n</ul>\n")
}
