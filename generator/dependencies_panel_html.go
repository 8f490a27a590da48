package generator

import "fmt"

// writeNeighbourhoodPanel writes the default theme's "deps-neighbourhood" panel
// (layouts/_dependencies.html) in Go (fastlayout.go): a blueprint's map and
// tables of what it depends on and what depends on it.
func writeNeighbourhoodPanel(pg *PanelPage, w htmlWriter) error {
	nb, ok := pg.Data.(*Neighbourhood)
	if !ok {
		return fmt.Errorf("deps-neighbourhood: data is %T, not *Neighbourhood", pg.Data)
	}
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
