package generator

import (
	"fmt"
	"html/template"
)

// depsNeighbourhoodPanel is the "deps-neighbourhood" panel component.
var depsNeighbourhoodPanel = Component[PanelPage[*Neighbourhood]]{Name: "deps-neighbourhood", slot: slotDepsNeighbourhood, write: panelWriter(writeNeighbourhoodPanel)}

// writeNeighbourhoodPanel writes the "deps-neighbourhood" panel: a blueprint's map and
// tables of what it depends on and what depends on it.
func writeNeighbourhoodPanel(pg PanelPage[*Neighbourhood], w htmlWriter) error {
	nb := pg.Data
	if len(nb.Dependents) == 0 && len(nb.Dependencies) == 0 {
		w.raw("\n<p>This blueprint neither depends on nor is depended on by another blueprint.</p>\n")
		return nil
	}
	w.raw("\n<p>")
	if nb.Impact != 0 {
		w.raw("A change here reaches <strong>")
		w.int(nb.Impact)
		w.raw("</strong> blueprint")
		if nb.Impact != 1 {
			w.raw("s")
		}
		w.raw(" that depend on it, directly or through others: <a href=\"")
		w.url(nb.ImpactURL)
		w.raw("\">see the impact analysis</a>.")
	} else {
		w.raw("No blueprint depends on this one.")
	}
	if nb.Aggregated != 0 {
		w.raw(" The map counts ")
		w.int(nb.Aggregated)
		w.raw(" of them in grouped boxes; the table lists every one.")
	}
	w.raw("</p>\n\n<figure class=\"depmap-frame\" data-panzoom>\n  <div class=\"depmap-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	w.text("Dependency neighbourhood of " + nb.Doc.Title)
	w.raw(" (scroll to see all of it)\">")
	w.raw(string(nb.SVG))
	w.raw("</div>\n  <figcaption>Left: what depends on this blueprint; right: what it depends on, up to two hops. Every box links to its blueprint.</figcaption>\n</figure>\n")
	w.raw("\n<div class=\"deps-tables\" id=\"dependency-list\">\n  <div>\n  <h3>Depends on</h3>")
	if len(nb.Dependencies) > 0 {
		w.raw("\n  <table class=\"data\">\n  <thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Hops</th><th scope=\"col\">How</th><th scope=\"col\">Criticality</th><th scope=\"col\">Lifecycle</th></tr></thead>\n  <tbody>")
		for _, r := range nb.Dependencies {
			w.neighbourRow(r)
			w.raw("\n  <td")
			if r.Flag != "" {
				w.raw(" class=\"sunset-flag\">⚠ ")
			} else {
				w.raw(">")
			}
			w.text(r.Lifecycle)
			w.raw("</td></tr>")
		}
		w.raw("\n  </tbody>\n  </table>")
	} else {
		w.raw("<p>Nothing: this blueprint depends on no other.</p>")
	}
	w.raw("\n  </div>\n  <div>\n  <h3>Depended on by</h3>")
	if len(nb.Dependents) > 0 {
		w.raw("\n  <table class=\"data\">\n  <thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Hops</th><th scope=\"col\">How</th><th scope=\"col\">Criticality</th><th scope=\"col\">Owner</th></tr></thead>\n  <tbody>")
		for _, r := range nb.Dependents {
			w.neighbourRow(r)
			w.raw("<td>")
			w.text(r.Doc.Owner)
			w.raw("</td></tr>")
		}
		w.raw("\n  </tbody>\n  </table>")
	} else {
		w.raw("<p>Nothing depends on this blueprint.</p>")
	}
	w.raw("\n  </div>\n</div>\n<script src=\"")
	w.url(pg.Rel("assets/panzoom.js"))
	w.raw("\" defer></script>\n")
	return nil
}

// neighbourRow writes a neighbourhood table row up to its criticality cell.
func (w htmlWriter) neighbourRow(r NeighbourRow) {
	w.raw("\n  <tr><td>")
	w.link(r.Href, r.Doc.Title)
	if r.Through != nil {
		w.raw("<br><span class=\"summary\">through ")
		w.link(r.ThroughHref, r.Through.Title)
		w.raw("</span>")
	}
	w.raw("</td>\n  <td class=\"num\">")
	w.int(r.Depth)
	w.raw("</td><td>")
	w.text(r.How)
	w.raw("</td><td class=\"crit crit-")
	w.text(r.CriticalityTag)
	w.raw("\">")
	w.text(r.Criticality)
	w.raw("</td>")
}

// depsCriticalityBlock is the "deps-criticality" component.
var depsCriticalityBlock = Component[string]{Name: "deps-criticality", slot: slotDepsCriticality, write: writeDepsCriticality}

func (w htmlWriter) criticality(c string) { depsCriticalityBlock.put(w, c) }

func writeDepsCriticality(w htmlWriter, c string) {
	if c == "" {
		w.raw("<span class=\"muted\">not set</span>")
		return
	}
	w.raw("<span class=\"crit crit-")
	w.text(c)
	w.raw("\">")
	w.text(Humanize(c))
	w.raw("</span>")
}

// depsLifecycleBlock is the "deps-lifecycle" component: end of life and
// phase-out flagged.
var depsLifecycleBlock = Component[string]{Name: "deps-lifecycle", slot: slotDepsLifecycle, write: writeDepsLifecycle}

func (w htmlWriter) lifecycle(l string) { depsLifecycleBlock.put(w, l) }

func writeDepsLifecycle(w htmlWriter, l string) {
	switch {
	case l == "":
	case sunsetOf("", l) != "":
		w.raw("<span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
		w.text(Humanize(l))
		w.raw("</span>")
	default:
		w.text(Humanize(l))
	}
}

// DepsFrameData is what the "deps-frame" component receives: a map, its label
// and caption.
type DepsFrameData struct {
	SVG            template.HTML
	Label, Caption string
}

// depsFrameBlock is the "deps-frame" component: a map in its pan-and-zoom frame.
var depsFrameBlock = Component[DepsFrameData]{Name: "deps-frame", slot: slotDepsFrame, write: writeDepsFrame}

func (w htmlWriter) depsFrame(svg template.HTML, label, caption string) {
	depsFrameBlock.put(w, DepsFrameData{SVG: svg, Label: label, Caption: caption})
}

func writeDepsFrame(w htmlWriter, d DepsFrameData) {
	svg, label, caption := d.SVG, d.Label, d.Caption
	w.raw("\n<figure class=\"depmap-frame\" data-panzoom>\n  <div class=\"depmap-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	w.text(label)
	w.raw(" (scroll to see all of it)\">")
	w.raw(string(svg))
	w.raw("</div>\n  <figcaption>")
	w.text(caption)
	w.raw("</figcaption>\n</figure>\n")
}

// depsEdgeBlock is the "deps-edge" component: via, protocol and data of a
// dependency.
var depsEdgeBlock = Component[DependencyRow]{Name: "deps-edge", slot: slotDepsEdge, write: writeDepsEdge}

func (w htmlWriter) edge(r DependencyRow) { depsEdgeBlock.put(w, r) }

func writeDepsEdge(w htmlWriter, r DependencyRow) {
	if r.Via != "" {
		w.raw("via ")
		w.text(r.Via)
	}
	if r.Protocol != "" {
		if r.Via != "" {
			w.raw(" · ")
		}
		w.text(r.Protocol)
	}
	if r.Data != "" {
		if r.Via != "" || r.Protocol != "" {
			w.raw(" · ")
		}
		w.text(r.Data)
	}
}

// cyclePath writes a loop's documents, each linked, back to the first.
func (w htmlWriter) cyclePath(pg *Page, path []*Document) {
	for i, d := range path {
		if i > 0 {
			w.raw(" → ")
		}
		w.link(pg.Rel(d.URL), d.Title)
	}
	w.raw(" → ")
	w.link(pg.Rel(path[0].URL), path[0].Title)
}

// DependenciesHTML writes the "dependencies-content" component (layout.go): the domain map and tables, the whole map, cycles, sunset
// dependencies, unconnected blueprints and every dependency.
func (pg *Page) DependenciesHTML() (template.HTML, error) {
	d, ok := pg.Data.(*DependenciesPage)
	if !ok {
		return "", fmt.Errorf("dependencies.html: data is %T, not *DependenciesPage", pg.Data)
	}
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<h1>Dependency map</h1>\n<p class=\"lede\">")
	w.int(d.Blueprints)
	w.raw(" blueprint")
	if d.Blueprints != 1 {
		w.raw("s")
	}
	w.raw(" and ")
	w.int(len(d.Edges))
	if len(d.Edges) == 1 {
		w.raw(" dependency")
	} else {
		w.raw(" dependencies")
	}
	w.raw(" between them, grouped by domain.\nAn arrow points from a blueprint to one it depends on; every box links to its page.</p>\n<nav class=\"page-toc\" aria-label=\"On this page\">\n<ul>\n  <li><a href=\"#domains\">Domains</a></li>\n  <li><a href=\"#map\">The whole portfolio</a></li>\n  <li><a href=\"#cycles\">Cycles (")
	w.int(len(d.Cycles))
	w.raw(")</a></li>\n  <li><a href=\"#sunset\">Dependencies going away (")
	w.int(len(d.Sunset))
	w.raw(")</a></li>\n  <li><a href=\"#orphans\">Unconnected blueprints (")
	w.int(len(d.Orphans))
	w.raw(")</a></li>\n  <li><a href=\"#all-dependencies\">Every dependency</a></li>\n</ul>\n</nav>")
	if d.Blueprints == 0 {
		w.raw("\n<p>There are no blueprints yet.</p>")
	} else {
		w.raw("\n<section aria-labelledby=\"domains\">\n<h2 id=\"domains\">Domains</h2>\n<p>Each box is a domain; an arrow's number counts the dependencies between two domains, and each box says how many stay within it. Select a domain to go to its band in the map below.</p>\n")
		w.depsFrame(d.DomainMap, "Dependencies between domains", "Dependencies between domains, counted.")
		w.raw("\n<div class=\"deps-domain-tables\">")
		for _, dom := range d.Domains {
			w.raw("\n<section id=\"")
			w.text(dom.Anchor)
			w.raw("\" aria-labelledby=\"")
			w.text(dom.Anchor)
			w.raw("-title\">\n<h3 id=\"")
			w.text(dom.Anchor)
			w.raw("-title\">")
			w.text(dom.Label)
			w.raw("</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Criticality</th><th scope=\"col\">Lifecycle</th><th scope=\"col\" class=\"num\">Depends on</th><th scope=\"col\" class=\"num\">Depended on by</th><th scope=\"col\" class=\"num\">Impact</th></tr></thead>\n<tbody>")
			for _, b := range dom.Blueprints {
				w.raw("\n<tr><td>")
				w.link(pg.Rel(b.Doc.URL), b.Doc.Title)
				w.raw("</td><td>")
				w.criticality(b.Doc.Fields.String("criticality"))
				w.raw("</td>\n<td>")
				w.lifecycle(b.Doc.Fields.String("lifecycle"))
				if b.Doc.Status == "retired" {
					w.raw(" ")
					w.status(b.Doc.Status)
				}
				w.raw("</td>\n<td class=\"num\">")
				w.int(b.DependsOn)
				w.raw("</td><td class=\"num\">")
				w.int(b.DependedOn)
				w.raw("</td><td class=\"num\"><a href=\"")
				w.url(pg.Rel(b.ImpactURL))
				w.raw("\" aria-label=\"Impact of changing ")
				w.text(b.Doc.Title)
				w.raw(": ")
				w.int(b.Impact)
				w.raw(" blueprints\">")
				w.int(b.Impact)
				w.raw("</a></td></tr>")
			}
			w.raw("\n</tbody>\n</table>\n</section>")
		}
		w.raw("\n</div>\n</section>\n\n<section aria-labelledby=\"map\">\n<h2 id=\"map\">The whole portfolio</h2>\n")
		depsLegendBlock.put(w, d.Legend)
		w.raw("\n")
		w.depsFrame(d.Map, "Dependency map of every blueprint", "Every blueprint in a band for its domain. Where JavaScript runs, drag to pan and use the buttons or Ctrl + wheel to zoom.")
		w.raw("\n</section>")
	}
	w.raw("\n\n<section aria-labelledby=\"cycles\">\n<h2 id=\"cycles\">Cycles</h2>")
	if len(d.Cycles) > 0 {
		w.raw("\n<p>Blueprints that depend on each other in a loop cannot be changed or recovered one at a time. <code>archfolio check</code> warns about each loop at the dependency that closes it.</p>\n<ul>")
		for _, c := range d.Cycles {
			w.raw("\n<li>")
			w.cyclePath(pg, c.Path)
			w.raw("\n <span class=\"summary\">(closed by <code>")
			w.text(c.Field)
			w.raw("</code> of <code>")
			w.text(c.Closing.Path)
			w.raw("</code>")
			if len(c.Members) > len(c.Path) {
				w.raw("; ")
				w.int(len(c.Members))
				w.raw(" blueprints are in this loop")
			}
			w.raw(")</span></li>")
		}
		w.raw("\n</ul>")
	} else {
		w.raw("\n<p>No blueprints depend on each other in a loop.</p>")
	}
	if len(d.RoadmapCycles) > 0 {
		w.raw("\n<h3>Roadmap items</h3>\n<ul>")
		for _, c := range d.RoadmapCycles {
			w.raw("\n<li>")
			w.cyclePath(pg, c.Path)
			w.raw("</li>")
		}
		w.raw("\n</ul>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"sunset\">\n<h2 id=\"sunset\">Dependencies going away</h2>")
	if len(d.Sunset) > 0 {
		w.raw("\n<p>These blueprints depend on one that is retired, at end of life or being phased out: each needs a plan to move off it.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Depends on</th><th scope=\"col\">Which is</th><th scope=\"col\">How</th></tr></thead>\n<tbody>")
		for _, r := range d.Sunset {
			w.raw("\n<tr><td>")
			w.link(pg.Rel(r.From.URL), r.From.Title)
			w.raw("</td><td>")
			w.link(pg.Rel(r.To.URL), r.To.Title)
			w.raw("</td>\n<td><span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
			w.text(Humanize(r.Flag))
			w.raw("</span></td><td>")
			w.edge(r)
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	} else {
		w.raw("\n<p>No blueprint depends on one that is retired, at end of life or being phased out.</p>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"orphans\">\n<h2 id=\"orphans\">Unconnected blueprints</h2>")
	if len(d.Orphans) > 0 {
		w.raw("\n<p>These blueprints neither depend on nor are depended on by another: check that their <code>depends_on</code> is complete.</p>\n<ul class=\"grouplist\">")
		for _, o := range d.Orphans {
			w.raw("<li>")
			w.link(pg.Rel(o.URL), o.Title)
			w.raw("</li>")
		}
		w.raw("</ul>")
	} else {
		w.raw("\n<p>Every blueprint is connected to at least one other.</p>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"all-dependencies\">\n<h2 id=\"all-dependencies\">Every dependency</h2>")
	if len(d.Edges) > 0 {
		w.raw("\n<table class=\"data sortable\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Depends on</th><th scope=\"col\">Via</th><th scope=\"col\">Protocol</th><th scope=\"col\">Data</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>")
		for _, r := range d.Edges {
			w.raw("\n<tr><td>")
			w.link(pg.Rel(r.From.URL), r.From.Title)
			w.raw("</td><td>")
			w.link(pg.Rel(r.To.URL), r.To.Title)
			w.raw("</td>\n<td>")
			w.text(r.Via)
			w.raw("</td><td>")
			w.text(r.Protocol)
			w.raw("</td><td>")
			w.text(r.Data)
			w.raw("</td>\n<td>")
			if r.Flag != "" {
				w.raw("<span class=\"sunset-flag\"><span aria-hidden=\"true\">⚠ </span>")
				w.text(Humanize(r.Flag))
				w.raw("</span>")
			}
			if r.InCycle {
				w.raw(" <span class=\"cycle-flag\"><span aria-hidden=\"true\">↺ </span>in a cycle</span>")
			}
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	} else {
		w.raw("\n<p>No blueprint declares a dependency yet (<code>depends_on</code>).</p>")
	}
	w.raw("\n</section>\n")
	return pg.lend(buf), nil
}

// depsLegendBlock is the "deps-legend" component: what the map's colours and
// marks mean.
var depsLegendBlock = Component[[]LegendEntry]{Name: "deps-legend", slot: slotDepsLegend, write: writeDepsLegend}

func writeDepsLegend(w htmlWriter, legend []LegendEntry) {
	w.raw("\n<ul class=\"depmap-legend\" aria-label=\"Legend\">")
	for _, e := range legend {
		w.raw("\n  <li><span class=\"legend-key ")
		w.text(e.Class)
		w.raw("\" aria-hidden=\"true\">")
		w.text(e.Symbol)
		w.raw("</span> ")
		w.text(e.Label)
		w.raw("</li>")
	}
	w.raw("\n</ul>\n")
}
