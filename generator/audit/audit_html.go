package audit

import (
	"strings"

	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/markup"
	"archfolio/generator/matrix"
	"archfolio/generator/render"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
)

// standardContent is the "audit-standard-content" component: one page of a
// standard's audit pack.
var standardContent = markup.New[render.PageData[*StandardPack]]("audit-standard-content", writeStandardPack)

// blueprintContent is the "audit-blueprint-content" component: a blueprint's
// audit pack.
var blueprintContent = markup.New[render.PageData[*BlueprintPack]]("audit-blueprint-content", writeBlueprintPack)

// writePackHeader writes what heads every pack: the kind, the title, the
// document's status and owner, the date the pack is as of, and the facts
// given as label and value pairs.
func writePackHeader(w markup.Writer, pg *render.Page, d *generator.Document, label string, facts ...string) {
	w.Raw("\n<article class=\"audit-pack\">\n<header class=\"doc-header\">\n  <p class=\"kind-label\">Audit pack · ")
	w.Text(label)
	w.Raw("</p>\n  <h1>")
	w.Text(d.Title)
	w.Raw("</h1>\n  <p class=\"doc-meta\">")
	render.PutStatus(w, d.Status)
	if d.Owner != "" {
		w.Raw(" · Owner: ")
		w.Text(d.Owner)
	}
	for i := 0; i+1 < len(facts); i += 2 {
		if facts[i+1] != "" {
			w.Raw(" · ")
			w.Text(facts[i])
			w.Raw(": ")
			w.Text(facts[i+1])
		}
	}
	w.Raw(" · as of ")
	w.Date(pg.Site.Today)
	w.Raw(" · <a class=\"screen-only\" href=\"")
	w.URL(pg.Rel(d.URL))
	w.Raw("\">The ")
	w.Text(strings.ToLower(label))
	w.Raw("'s page</a> · <code>")
	w.Text(d.ID)
	w.Raw("</code></p>\n</header>")
}

func writeStandardPack(w markup.Writer, pd render.PageData[*StandardPack]) {
	pg, sp := pd.Page, pd.Data
	col := sp.Column
	f := col.Doc.Fields
	writePackHeader(w, pg, col.Doc, "Standard", "Family", generator.Humanize(col.Family), "Version", f.String("version"))
	writeTally(w, col.Tally, "Adoption", "applicable blueprints implement it or meet it by an alternative")
	if sp.Page == 0 {
		writeStatements(w, col)
		writeFrameworks(w, sp.Frameworks)
	} else {
		w.Raw("\n<p>The statements and the framework controls are on the <a href=\"")
		w.URL(pg.Rel(sp.List.URL(0)))
		w.Raw("\">first page</a> of this pack.</p>")
	}
	w.Raw("\n<section aria-labelledby=\"blueprints\">\n<h2 id=\"blueprints\">Blueprints</h2>")
	sp.List.Nav(w, pg.Rel, sp.Page, "Pages of the audit pack", "blueprints")
	if len(sp.Rows) == 0 {
		w.Raw("\n<p>No blueprint records an alignment with this standard, and it applies to none.</p>")
	} else {
		w.Raw("\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Status</th><th scope=\"col\">Records: evidence, waivers and their expiry</th></tr></thead>\n<tbody>")
		for _, r := range sp.Rows {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Link(pg.Rel(r.Row.Doc.URL), r.Row.Doc.Title)
			if r.Row.Domain != "" {
				w.Raw("<br><span class=\"summary\">")
				w.Text(r.Row.Domain)
				w.Raw("</span>")
			}
			w.Raw("</th>\n<td>")
			writeCell(w, pg, r.Cell)
		}
		w.Raw("\n</tbody>\n</table>")
	}
	w.Raw("\n</section>\n</article>\n")
}

// writeCell writes a cell's status and records as the two last columns of a
// pack's row, and closes the row.
func writeCell(w markup.Writer, pg *render.Page, c *matrix.MatrixCell) {
	matrix.PutAlignment(w, c.Status)
	w.Raw("</td>\n<td>")
	for _, rec := range c.Records {
		matrix.PutRecord(w, pg, rec)
	}
	if len(c.Records) == 0 {
		w.Raw("<span class=\"summary\">No record yet, though the standard applies to the blueprint.</span>")
	}
	w.Raw("</td></tr>")
}

// writeTally writes a standard's adoption or a blueprint's score: the
// measure's name, its percentage, what it counts and the open gaps.
func writeTally(w markup.Writer, t matrix.AlignmentTally, measure, counted string) {
	w.Raw("\n<p>")
	w.Text(measure)
	w.Raw(" ")
	w.Int(t.Percent())
	w.Raw("%: ")
	w.Int(t.Adopted)
	w.Raw(" of ")
	w.Int(t.Applicable)
	w.Raw(" ")
	w.Text(counted)
	w.Raw("; ")
	w.Text(generator.Plural(t.Gaps, "open gap", "open gaps"))
	w.Raw(".</p>")
}

func writeStatements(w markup.Writer, col *matrix.MatrixColumn) {
	w.Raw("\n<section aria-labelledby=\"statements\">\n<h2 id=\"statements\">Statements</h2>")
	if len(col.Statements) == 0 {
		w.Raw("\n<p>The standard lists no statements: blueprints align with it as a whole.</p>\n</section>")
		return
	}
	w.Raw("\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Statement</th><th scope=\"col\">Requirement</th><th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Adoption</th></tr></thead>\n<tbody>")
	for i, s := range col.Statements {
		w.Raw("\n<tr><th scope=\"row\" class=\"nowrap\">")
		w.Text(s.ID)
		w.Raw("</th><td>")
		w.Text(s.Text)
		w.Raw("</td><td>")
		w.Text(generator.Humanize(s.Level))
		w.Raw("</td><td class=\"num\">")
		if st := col.StatementTallies[i]; st.Applicable > 0 {
			w.Int(st.Percent())
			w.Raw("% (")
			w.Int(st.Adopted)
			w.Raw(" of ")
			w.Int(st.Applicable)
			w.Raw(")")
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>")
}

func writeFrameworks(w markup.Writer, frameworks []FrameworkControls) {
	if len(frameworks) == 0 {
		return
	}
	w.Raw("\n<section aria-labelledby=\"controls\">\n<h2 id=\"controls\">Framework controls</h2>\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\">Controls the standard maps to</th></tr></thead>\n<tbody>")
	for _, fc := range frameworks {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Text(fc.Title)
		w.Raw("</th><td>")
		for i, c := range fc.Controls {
			if i > 0 {
				w.Raw("; ")
			}
			w.Text(matrix.ControlLabel(c.ID))
			if c.Title != "" {
				w.Raw(" ")
				w.Text(c.Title)
			}
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>")
}

func writeBlueprintPack(w markup.Writer, pd render.PageData[*BlueprintPack]) {
	pg, bp := pd.Page, pd.Data
	d := bp.Row.Doc
	f := d.Fields
	writePackHeader(w, pg, d, "Blueprint", "Domain", bp.Row.Domain, "Criticality", generator.Humanize(f.String("criticality")),
		"Lifecycle", generator.Humanize(f.String("lifecycle")))
	w.Raw("\n<section aria-labelledby=\"alignment\">\n<h2 id=\"alignment\">Standards alignment</h2>")
	writeTally(w, bp.Row.Tally, "Score", "applicable standards implemented or met by an alternative")
	if len(bp.Standards) > 0 {
		w.Raw("\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Status</th><th scope=\"col\">Records: evidence, waivers and their expiry</th></tr></thead>\n<tbody>")
		for _, s := range bp.Standards {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Link(pg.Rel(s.Column.Doc.URL), s.Column.Doc.Title)
			w.Raw("</th>\n<td>")
			writeCell(w, pg, s.Cell)
		}
		w.Raw("\n</tbody>\n</table>")
	}
	w.Raw("\n</section>")
	writeThreats(w, pg, bp.Threats)
	writeFindings(w, pg, bp.Findings)
	w.Raw("\n<section aria-labelledby=\"reviews\">\n<h2 id=\"reviews\">Reviews</h2>")
	reviews.PutHistory(w, pg, bp.Reviews)
	w.Raw("\n</section>\n</article>\n")
}

func writeThreats(w markup.Writer, pg *render.Page, threats []*risk.Threat) {
	w.Raw("\n<section aria-labelledby=\"threats\">\n<h2 id=\"threats\">Threats</h2>")
	if len(threats) == 0 {
		w.Raw("\n<p>No threat model of this blueprint lists a threat.</p>\n</section>")
		return
	}
	w.Raw("\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Threat</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Mitigated or remediated by</th></tr></thead>\n<tbody>")
	for _, t := range threats {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Link(pg.Rel(t.URL()), t.ID)
		w.Raw(" ")
		w.Text(t.Title)
		w.Raw("</th><td>")
		risk.PutSeverity(w, t.Severity)
		w.Raw("</td><td>")
		render.PutStatus(w, t.Status)
		w.Raw("</td><td>")
		for i, d := range t.Addressed() {
			if i > 0 {
				w.Raw(", ")
			}
			w.Link(pg.Rel(d.URL), d.Title)
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>")
}

func writeFindings(w markup.Writer, pg *render.Page, findings []OpenFinding) {
	w.Raw("\n<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Open findings</h2>")
	if len(findings) == 0 {
		w.Raw("\n<p>No review finding of this blueprint is open.</p>\n</section>")
		return
	}
	w.Raw("\n<table class=\"data pack-table\">\n<thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Severity</th><th scope=\"col\">Review</th><th scope=\"col\">Standard</th><th scope=\"col\">Remediation</th></tr></thead>\n<tbody>")
	for _, f := range findings {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Text(f.ID)
		w.Raw(" ")
		w.Text(f.Title)
		w.Raw("</th><td>")
		risk.PutSeverity(w, f.Severity)
		w.Raw("</td><td>")
		w.Link(pg.Rel(f.Review.URL), f.Review.Title)
		w.Raw("</td><td>")
		if f.Standard != nil {
			w.Link(pg.Rel(f.Standard.URL), f.Standard.Title)
		}
		w.Raw("</td><td>")
		writeRemediation(w, pg, f.Item)
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>")
}

// writeRemediation writes the backlog item that tracks a finding: its title,
// JIRA key, status and due date.
func writeRemediation(w markup.Writer, pg *render.Page, it *backlog.BacklogItem) {
	if it == nil {
		w.Raw("<span class=\"summary\">no remediation item</span>")
		return
	}
	w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
	if it.Jira != "" {
		w.Raw(" ")
		backlog.PutJira(w, it)
	}
	w.Raw("<br>")
	render.PutStatus(w, it.Status)
	w.Raw(" · due ")
	backlog.PutDue(w, it)
}
