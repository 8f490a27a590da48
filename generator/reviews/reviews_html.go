package reviews

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/render"
	"archfolio/generator/risk"
)

// The review panels (components, component.go): every blueprint page has its review history, every review
// page its findings.

// reviewHistoryPanel is the "review-history" panel component.
var reviewHistoryPanel = markup.New[render.PanelPage[[]*ReviewInfo]]("review-history", render.PanelWriter(writeReviewHistoryPanel))

// PutHistory writes the "review-history" panel's content for reviews of a
// blueprint (newest first) on any page, such as the blueprint's audit pack.
func PutHistory(w markup.Writer, pg *render.Page, reviews []*ReviewInfo) {
	reviewHistoryPanel.Put(w, render.PanelPage[[]*ReviewInfo]{Page: pg, Data: reviews})
}

// writeReviewHistoryPanel is the "review-history" panel.
func writeReviewHistoryPanel(pg render.PanelPage[[]*ReviewInfo], w markup.Writer) error {
	reviews := pg.Data
	if len(reviews) == 0 {
		w.Raw("\n<p>No reviews of this blueprint yet.</p>\n")
		return nil
	}
	w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Review</th><th scope=\"col\">Stage</th><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\">Conditions</th><th scope=\"col\">Next</th></tr></thead>\n<tbody>")
	for _, r := range reviews {
		w.Raw("\n<tr><td class=\"nowrap\">")
		if !r.Date.IsZero() {
			w.Date(r.Date)
		}
		w.Raw("</td>\n<td>")
		w.Link(pg.Rel(r.Doc.URL), r.Doc.Title)
		if r.Doc.Status == "scheduled" {
			w.Raw(" ")
			render.PutStatus(w, r.Doc.Status)
		}
		w.Raw("</td>\n<td>")
		w.Text(generator.Humanize(r.Stage))
		w.Raw("</td><td>")
		reviewOutcomeBlock.Put(w, r.Outcome)
		w.Raw("</td>\n<td class=\"num\">")
		w.Int(len(r.Findings))
		w.Raw("</td>\n<td>")
		writeConditionCounts(w, r)
		w.Raw("</td>\n<td class=\"nowrap\">")
		writeNext(w, r)
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n")
	return nil
}

// writeConditionCounts writes how many of a review's conditions are open and
// past due, or nothing when it has none.
func writeConditionCounts(w markup.Writer, r *ReviewInfo) {
	if len(r.Conditions) == 0 {
		return
	}
	w.Int(r.Open)
	w.Raw(" of ")
	w.Int(len(r.Conditions))
	w.Raw(" open")
	if r.Overdue != 0 {
		w.Raw(" ")
		reviewLateCountBlock.Put(w, r.Overdue)
	}
}

// writeNext writes a review's next date, flagged when it is overdue.
func writeNext(w markup.Writer, r *ReviewInfo) {
	if r.Next.IsZero() {
		return
	}
	w.Date(r.Next)
	if r.NextOverdue {
		w.Raw("<br>")
		putLate(w, r.NextLate)
	}
}

// reviewFindingsPanel is the "review-findings" panel component.
var reviewFindingsPanel = markup.New[render.PanelPage[*ReviewInfo]]("review-findings", render.PanelWriter(writeReviewFindingsPanel))

// writeReviewFindingsPanel is the "review-findings" panel: a review's outcome,
// findings and conditions.
func writeReviewFindingsPanel(pg render.PanelPage[*ReviewInfo], w markup.Writer) error {
	r := pg.Data
	w.Raw("\n<p>")
	w.Text(generator.Humanize(r.Stage))
	w.Raw(" review")
	if !r.Date.IsZero() {
		w.Raw(" of ")
		w.Date(r.Date)
	}
	if r.Subject != nil {
		w.Raw(" of ")
		w.Link(pg.Rel(r.Subject.URL), r.Subject.Title)
	}
	if r.Outcome != "" {
		w.Raw(": ")
		render.PutStatus(w, r.Outcome)
	}
	w.Raw(".")
	if !r.Next.IsZero() {
		w.Raw(" Next review: ")
		w.Date(r.Next)
		if r.NextOverdue {
			w.Raw(" ")
			putLate(w, r.NextLate)
		}
		w.Raw(".")
	}
	w.Raw("</p>")
	if len(r.Findings) > 0 {
		w.Raw("\n<h3>Findings</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Title</th><th scope=\"col\">Severity</th><th scope=\"col\">Standard</th><th scope=\"col\">Remediation</th></tr></thead>\n<tbody>")
		for _, f := range r.Findings {
			w.Raw("\n<tr id=\"finding-")
			w.Text(generator.Slug(f.ID))
			w.Raw("\"><th scope=\"row\">")
			w.Text(f.ID)
			w.Raw("</th><td>")
			w.Text(f.Title)
			w.Raw("</td><td>")
			risk.PutSeverity(w, f.Severity)
			w.Raw("</td>\n<td>")
			if s := f.Standard; s != nil {
				w.Link(pg.Rel(s.URL), s.Title)
			}
			w.Raw("</td>\n<td>")
			if rem := f.Remediation; rem != nil {
				w.Link(pg.Rel(rem.URL), rem.Title)
				w.Raw(" ")
				render.PutStatus(w, rem.Status)
				if jira := rem.Fields.String("jira"); jira != "" {
					w.Raw(" <code>")
					w.Text(jira)
					w.Raw("</code>")
				}
			}
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>")
	}
	if len(r.Conditions) > 0 {
		w.Raw("\n<h3>Conditions</h3>\n")
		reviewConditionsBlock.Put(w, r.Conditions)
	}
	w.Raw("\n")
	return nil
}

// reviewConditionsBlock is the "review-conditions" component: a review's
// conditions, met or not.
var reviewConditionsBlock = markup.New[[]Condition]("review-conditions", writeReviewConditions)

func writeReviewConditions(w markup.Writer, conditions []Condition) {
	w.Raw("\n<ul class=\"conditions\">")
	for _, c := range conditions {
		if c.Met {
			w.Raw("\n<li><span class=\"flag flag-ok\"><span aria-hidden=\"true\">✓ </span>Met</span>\n")
		} else {
			w.Raw("\n<li><span class=\"flag flag-open\"><span aria-hidden=\"true\">○ </span>Not met</span>\n")
		}
		w.Text(c.Text)
		if !c.Due.IsZero() {
			w.Raw(" <span class=\"summary\">due ")
			w.Date(c.Due)
			w.Raw("</span>")
		}
		if c.Overdue {
			w.Raw(" ")
			putLate(w, c.DaysLate)
		}
		w.Raw("</li>")
	}
	w.Raw("\n</ul>\n")
}

// reviewLateBlock is the "review-late" component: days late, flagged.
var reviewLateBlock = markup.New[int]("review-late", writeReviewLate)

// reviewLateCountBlock is the "review-late-count" component: conditions past due.
var reviewLateCountBlock = markup.New[int]("review-late-count", writeReviewLateCount)

// reviewOutcomeBlock is the "review-outcome" component: the same badge as a status.
var reviewOutcomeBlock = markup.New[string]("review-outcome", render.WriteStatus)

func writeReviewLateCount(w markup.Writer, n int) {
	w.Raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
	w.Int(n)
	w.Raw(" past due</span>")
}

func putLate(w markup.Writer, days int) { reviewLateBlock.Put(w, days) }

func writeReviewLate(w markup.Writer, days int) {
	w.Raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
	w.Int(days)
	if days == 1 {
		w.Raw(" day late</span>")
	} else {
		w.Raw(" days late</span>")
	}
}
