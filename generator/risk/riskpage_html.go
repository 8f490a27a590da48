package risk

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"html/template"
	"slices"
)

// risksContent is the content of the risks page.
var risksContent = markup.New[render.PageData[*RiskPage]]("risks-content", render.ContentWriter(risksHTML))

// risksHTML writes the "risks-content" component (layout.go), the risk
// register, or a continuation page of one of its lists.
func risksHTML(pg *render.Page, r *RiskPage) (template.HTML, error) {
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	if r.Part != "" {
		pager.Heading(w, pg.Rel("risks/"), "Risk register", pg.Title)
		switch r.Part {
		case "threats":
			writeThreats(w, pg, r)
		case "residual":
			writeResidual(w, pg, r)
		default:
			writeGaps(w, pg, r)
		}
		w.Raw("\n")
		return pg.Lend(buf), nil
	}
	w.Raw("\n<h1>Risk register</h1>\n<p class=\"lede\">")
	w.Int(len(r.Threats))
	w.Raw(" threats in ")
	w.Int(len(r.Models))
	w.Raw(" threat models as of ")
	w.Date(pg.Site.Today)
	w.Raw(". Severity is computed from likelihood × impact (1–4 each): 1 low, up to 3 medium, up to 8 elevated, up to 12 high, 16 critical.</p>\n<p>")
	putRiskCounts(w, r.BySeverity)
	w.Raw("</p>\n<nav aria-label=\"On this page\"><ul class=\"page-links\">\n<li><a href=\"#heatmap\">Heatmap</a></li><li><a href=\"#all-threats\">All threats</a></li><li><a href=\"#residual\">Residual risk per blueprint</a></li><li><a href=\"#gaps\">Blueprints without a threat model</a></li>\n</ul></nav>\n\n<section aria-labelledby=\"heatmap\">\n<h2 id=\"heatmap\">Likelihood × impact</h2>\n<div class=\"risk-summary\">\n<div>")
	putHeatmap(w, r.Heatmap)
	w.Raw("</div>\n<div><h3>STRIDE</h3>")
	putStride(w, r.Stride)
	w.Raw("</div>\n</div>\n</section>\n\n")
	writeThreats(w, pg, r)
	w.Raw("\n\n")
	writeResidual(w, pg, r)
	w.Raw("\n\n")
	writeGaps(w, pg, r)
	w.Raw("\n")
	return pg.Lend(buf), nil
}

// page is the page of the list part this page shows: its PageNo on a
// continuation page of that list, else the first.
func (r *RiskPage) page(part string) int {
	if r.Part == part {
		return r.PageNo
	}
	return 0
}

// writeThreats writes the page's part of the list of every threat, highest
// score first.
func writeThreats(w markup.Writer, pg *render.Page, r *RiskPage) {
	w.Raw("<section aria-labelledby=\"all-threats\">\n<h2 id=\"all-threats\">All threats</h2>")
	if len(r.Threats) > 0 {
		k := r.page("threats")
		r.ThreatPages.Nav(w, pg.Rel, k, "Pages of all threats", "threats")
		from, to := r.ThreatPages.Range(k)
		w.Raw("\n")
		render.PutPagedFilters(w, "risk-table", r.Filters, "h3", &render.PagedFilters{List: r.ThreatPages, Page: k, Noun: "threats", Rel: pg.Rel})
		severities, statuses := threatRanks(pg)
		w.Raw("\n<div class=\"table-scroll\">\n<table class=\"data sortable threats\" id=\"risk-table\"")
		render.PutSortRowsAttrs(w, r.ThreatPages, "threats", pg.Rel)
		w.Raw(">\n<thead><tr><th scope=\"col\">Threat</th><th scope=\"col\">Title</th><th scope=\"col\">Blueprint</th><th scope=\"col\">STRIDE</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Mitigations and remediation</th></tr></thead>\n<tbody>")
		for _, t := range r.Threats[from:to] {
			writeThreatRow(w, pg, r.Filters, severities, statuses, t)
		}
		w.Raw("\n</tbody>\n</table>\n</div>")
	} else {
		w.Raw("\n<p>No threats yet. Create a threat model with <code>archfolio new threat-model ID</code>.</p>")
	}
	w.Raw("\n</section>")
}

// threatRanks are the orders the register's severity and status columns sort
// in: most severe first, as the schema lists severities, and statuses in the
// schema's order; neither alphabetically.
func threatRanks(pg *render.Page) (severities, statuses []string) {
	severities = slices.Clone(threatSeverities)
	slices.Reverse(severities)
	return severities, pg.EnumValues("threat-model", "threats.status")
}

// writeThreatRow writes a threat's row of the list of every threat.
func writeThreatRow(w markup.Writer, pg *render.Page, filters []render.Filter, severities, statuses []string, t *Threat) {
	w.Raw("\n<tr id=\"")
	w.Text(t.RegisterAnchor)
	w.Raw("\"")
	render.PutFilterAttrs(w, filters, t.FilterValue)
	w.Raw(">\n  <th scope=\"row\">")
	w.Link(pg.Rel(t.URL()), t.ID)
	w.Raw("</th>\n  <td")
	render.PutSortKey(w, t.Title)
	w.Raw(">")
	w.Text(t.Title)
	w.Raw("<br><span class=\"summary\">in ")
	w.Link(pg.Rel(t.Model.URL), t.Model.Title)
	if t.Target != "" {
		w.Raw(" · target ")
		putTarget(w, t, pg.Rel(t.Model.URL))
	}
	w.Raw("</span></td>\n  <td>")
	if t.Subject != nil {
		w.Link(pg.Rel(t.Subject.URL), t.Subject.Title)
	} else {
		w.Text(t.BlueprintName())
	}
	w.Raw("</td>\n  <td>")
	w.Text(generator.Humanize(t.Stride))
	w.Raw("</td>\n  <td class=\"num\">")
	w.Int(t.Score)
	w.Raw("</td>\n  <td")
	render.PutSortRank(w, severities, t.Severity)
	w.Raw(">")
	PutSeverity(w, t.Severity)
	w.Raw("</td>\n  <td")
	render.PutSortRank(w, statuses, t.Status)
	w.Raw(">")
	render.PutStatus(w, t.Status)
	w.Raw("</td>\n  <td>")
	putRiskDocs(w, pg, t.Addressed())
	w.Raw("</td>\n</tr>")
}

// writeResidual writes the page's part of the residual risk per blueprint.
func writeResidual(w markup.Writer, pg *render.Page, r *RiskPage) {
	w.Raw("<section aria-labelledby=\"residual\">\n<h2 id=\"residual\">Residual risk per blueprint</h2>\n<p>Residual risk is the threats still open, being mitigated or accepted.</p>")
	if len(r.Blueprints) > 0 {
		from, to := r.ResidualPages.Range(r.page("residual"))
		r.ResidualPages.Nav(w, pg.Rel, r.page("residual"), "Pages of the residual risk per blueprint", "blueprints")
		w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Criticality</th><th scope=\"col\">Threat models</th><th scope=\"col\" class=\"num\">Threats</th><th scope=\"col\" class=\"num\">Residual</th><th scope=\"col\">Residual by severity</th></tr></thead>\n<tbody>")
		for _, b := range r.Blueprints[from:to] {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Link(pg.Rel(b.Blueprint.URL), b.Blueprint.Title)
			w.Raw("</th>\n<td>")
			w.Text(generator.Humanize(b.Blueprint.Fields.String("criticality")))
			w.Raw("</td>\n<td>")
			for i, m := range b.Models {
				if i > 0 {
					w.Raw(", ")
				}
				w.Link(pg.Rel(m.URL), m.Title)
			}
			w.Raw("</td>\n<td class=\"num\">")
			w.Int(b.Threats)
			w.Raw("</td><td class=\"num\">")
			w.Int(len(b.Residual.Threats))
			w.Raw("</td>\n<td>")
			if len(b.Residual.Threats) > 0 {
				putRiskCounts(w, b.Residual.BySeverity)
			} else {
				w.Raw("None")
			}
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>")
	} else {
		w.Raw("\n<p>No blueprint has a threat model yet.</p>")
	}
	w.Raw("\n</section>")
}

// writeGaps writes the page's part of the blueprints without a threat model.
func writeGaps(w markup.Writer, pg *render.Page, r *RiskPage) {
	w.Raw("<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Blueprints without a threat model</h2>")
	if r.GapPages.Len() > 0 {
		w.Raw("\n<p>These blueprints are of criticality high or mission-critical and no threat model has them as its subject.</p>")
		r.GapPages.Nav(w, pg.Rel, r.page("gaps"), "Pages of the blueprints without a threat model", "blueprints")
		w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Criticality</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th></tr></thead>\n<tbody>")
		from, to := r.GapPages.Range(r.page("gaps"))
		for _, d := range r.Gaps[from:to] {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Link(pg.Rel(d.URL), d.Title)
			w.Raw("</th><td><span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
			w.Text(generator.Humanize(d.Fields.String("criticality")))
			w.Raw("</span></td><td>")
			render.PutStatus(w, d.Status)
			w.Raw("</td><td>")
			w.Text(d.Owner)
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>")
	} else {
		w.Raw("\n<p>Every blueprint of criticality high or above has a threat model.</p>")
	}
	w.Raw("\n</section>")
}
