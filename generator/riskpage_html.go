package generator

import (
	"fmt"
	"html/template"
)

// RisksHTML writes the "risks-content" component (layout.go), the risk
// register.
func (pg *Page) RisksHTML() (template.HTML, error) {
	r, ok := pg.Data.(*RiskRegister)
	if !ok {
		return "", fmt.Errorf("risks.html: data is %T, not *RiskRegister", pg.Data)
	}
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<h1>Risk register</h1>\n<p class=\"lede\">")
	w.int(len(r.Threats))
	w.raw(" threats in ")
	w.int(len(r.Models))
	w.raw(" threat models as of ")
	w.date(pg.Site.Today)
	w.raw(". Severity is computed from likelihood × impact (1–4 each): 1 low, up to 3 medium, up to 8 elevated, up to 12 high, 16 critical.</p>\n<p>")
	w.riskCounts(r.BySeverity)
	w.raw("</p>\n<nav aria-label=\"On this page\"><ul class=\"page-links\">\n<li><a href=\"#heatmap\">Heatmap</a></li><li><a href=\"#all-threats\">All threats</a></li><li><a href=\"#residual\">Residual risk per blueprint</a></li><li><a href=\"#gaps\">Blueprints without a threat model</a></li>\n</ul></nav>\n\n<section aria-labelledby=\"heatmap\">\n<h2 id=\"heatmap\">Likelihood × impact</h2>\n<div class=\"risk-summary\">\n<div>")
	w.heatmap(r.Heatmap)
	w.raw("</div>\n<div><h3>STRIDE</h3>")
	w.stride(r.Stride)
	w.raw("</div>\n</div>\n</section>\n\n<section aria-labelledby=\"all-threats\">\n<h2 id=\"all-threats\">All threats</h2>")
	if len(r.Threats) > 0 {
		w.raw("\n")
		w.filters("risk-table", r.Filters, "h3")
		w.raw("\n<div class=\"table-scroll\">\n<table class=\"data sortable threats\" id=\"risk-table\">\n<thead><tr><th scope=\"col\">Threat</th><th scope=\"col\">Title</th><th scope=\"col\">Blueprint</th><th scope=\"col\">STRIDE</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Mitigations and remediation</th></tr></thead>\n<tbody>")
		for _, t := range r.Threats {
			w.raw("\n<tr id=\"")
			w.text(t.RegisterAnchor)
			w.raw("\"")
			w.filterAttrs(r.Filters, t.FilterValue)
			w.raw(">\n  <th scope=\"row\">")
			w.link(pg.Rel(t.URL()), t.ID)
			w.raw("</th>\n  <td>")
			w.text(t.Title)
			w.raw("<br><span class=\"summary\">in ")
			w.link(pg.Rel(t.Model.URL), t.Model.Title)
			if t.Target != "" {
				w.raw(" · target <code>")
				w.text(t.Target)
				w.raw("</code>")
			}
			w.raw("</span></td>\n  <td>")
			if t.Subject != nil {
				w.link(pg.Rel(t.Subject.URL), t.Subject.Title)
			} else {
				w.text(t.BlueprintName())
			}
			w.raw("</td>\n  <td>")
			w.text(Humanize(t.Stride))
			w.raw("</td>\n  <td class=\"num\">")
			w.int(t.Score)
			w.raw("</td>\n  <td>")
			w.severity(t.Severity)
			w.raw("</td>\n  <td>")
			w.status(t.Status)
			w.raw("</td>\n  <td>")
			w.riskDocs(pg, t.Addressed())
			w.raw("</td>\n</tr>")
		}
		w.raw("\n</tbody>\n</table>\n</div>")
	} else {
		w.raw("\n<p>No threats yet. Create a threat model with <code>archfolio new threat-model ID</code>.</p>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"residual\">\n<h2 id=\"residual\">Residual risk per blueprint</h2>\n<p>Residual risk is the threats still open or accepted.</p>")
	if len(r.Blueprints) > 0 {
		w.raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Criticality</th><th scope=\"col\">Threat models</th><th scope=\"col\" class=\"num\">Threats</th><th scope=\"col\" class=\"num\">Residual</th><th scope=\"col\">Residual by severity</th></tr></thead>\n<tbody>")
		for _, b := range r.Blueprints {
			w.raw("\n<tr><th scope=\"row\">")
			w.link(pg.Rel(b.Blueprint.URL), b.Blueprint.Title)
			w.raw("</th>\n<td>")
			w.text(Humanize(b.Blueprint.Fields.String("criticality")))
			w.raw("</td>\n<td>")
			for i, m := range b.Models {
				if i > 0 {
					w.raw(", ")
				}
				w.link(pg.Rel(m.URL), m.Title)
			}
			w.raw("</td>\n<td class=\"num\">")
			w.int(b.Threats)
			w.raw("</td><td class=\"num\">")
			w.int(len(b.Residual.Threats))
			w.raw("</td>\n<td>")
			if len(b.Residual.Threats) > 0 {
				w.riskCounts(b.Residual.BySeverity)
			} else {
				w.raw("None")
			}
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	} else {
		w.raw("\n<p>No blueprint has a threat model yet.</p>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Blueprints without a threat model</h2>")
	if len(r.Gaps) > 0 {
		w.raw("\n<p>These blueprints are of criticality high or mission-critical and no threat model has them as its subject.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Criticality</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th></tr></thead>\n<tbody>")
		for _, d := range r.Gaps {
			w.raw("\n<tr><th scope=\"row\">")
			w.link(pg.Rel(d.URL), d.Title)
			w.raw("</th><td><span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
			w.text(Humanize(d.Fields.String("criticality")))
			w.raw("</span></td><td>")
			w.status(d.Status)
			w.raw("</td><td>")
			w.text(d.Owner)
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	} else {
		w.raw("\n<p>Every blueprint of criticality high or above has a threat model.</p>")
	}
	w.raw("\n</section>\n")
	return pg.lend(buf), nil
}
