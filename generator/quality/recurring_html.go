package quality

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

func writeRecurring(w markup.Writer, pg *render.Page, r *Report) {
	if !openSection(w, "recurring", "Recurring findings", len(r.Recurring),
		"No review finding, residual threat or remediation item concerns the same standard, STRIDE category or component type in two blueprints.") {
		return
	}
	w.Raw("\n<p>Review findings, remediation items and residual threats by the standard and the standard's statement they concern, residual threats also by STRIDE category and by the type of component they target, across blueprints. A gap found in ")
	w.Int(SystemicBlueprints)
	w.Raw(" blueprints or more is systemic: one fix for the engineering teams rather than one per blueprint. A row names its first ")
	w.Int(PerCell)
	w.Raw(" blueprints and open items; <code>archfolio check --quality</code> lists them all.</p>")
	tableHead(w, "Gap", "Standing", "Blueprints", "Found", "Open remediation", "Since")
	for _, g := range r.Recurring[:min(len(r.Recurring), PerList)] {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Text(g.How())
		w.Raw(": ")
		switch {
		case g.By == ByStatement:
			w.Link(pg.Rel(g.Standard.URL)+"#"+g.StatementAnchor, g.Name())
		case g.Standard != nil:
			w.Link(pg.Rel(g.Standard.URL), g.Standard.Title)
		default:
			w.Text(g.Name())
		}
		w.Raw("</th><td>")
		if g.Systemic() {
			w.Raw("<strong>⚠ Systemic</strong>")
		} else {
			w.Raw("Recurring")
		}
		w.Raw("</td><td>")
		w.Int(len(g.Blueprints))
		w.Raw(":")
		for i, bp := range g.Blueprints[:min(len(g.Blueprints), PerCell)] {
			if i > 0 {
				w.Raw(",")
			}
			w.Raw(" ")
			w.Link(pg.Rel(bp.URL), bp.Title)
		}
		putMore(w, len(g.Blueprints), " ")
		w.Raw("</td><td>")
		w.Text(generator.Plural(len(g.Findings), "review finding", "review findings"))
		w.Raw(", ")
		w.Text(generator.Plural(len(g.Threats), "residual threat", "residual threats"))
		w.Raw(", ")
		w.Text(generator.Plural(len(g.Items), "remediation item", "remediation items"))
		w.Raw("</td><td>")
		if len(g.Open) == 0 {
			w.Raw("None")
		}
		for i, it := range g.Open[:min(len(g.Open), PerCell)] {
			if i > 0 {
				w.Raw("<br>")
			}
			w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
			if it.Jira != "" {
				w.Raw(" (")
				w.LinkOrText(it.JiraURL, it.Jira)
				w.Raw(")")
			}
		}
		putMore(w, len(g.Open), "<br>")
		w.Raw("</td><td>")
		if !g.Since.IsZero() {
			w.Date(g.Since)
			w.Raw(", ")
			w.Text(generator.Plural(generator.DaysBetween(g.Since, r.Today), "day", "days"))
		}
		w.Raw("</td></tr>")
	}
	closeSection(w, len(r.Recurring))
}

// PerCell is how many blueprints and open items a recurring gap's row names,
// so that a gap across a thousand blueprints keeps the page bounded.
const PerCell = 5

// putMore says how many of a cell's n entries it leaves out, after sep.
func putMore(w markup.Writer, n int, sep string) {
	if n <= PerCell {
		return
	}
	w.Raw(sep)
	w.Raw("and ")
	w.Int(n - PerCell)
	w.Raw(" more")
}
