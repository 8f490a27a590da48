package generator

// The review panels (components, component.go): every blueprint page has its review history, every review
// page its findings.

// reviewHistoryPanel is the "review-history" panel component.
var reviewHistoryPanel = Component[PanelPage[[]*ReviewInfo]]{Name: "review-history", slot: slotReviewHistory, write: panelWriter(writeReviewHistoryPanel)}

// writeReviewHistoryPanel is the "review-history" panel.
func writeReviewHistoryPanel(pg PanelPage[[]*ReviewInfo], w htmlWriter) error {
	reviews := pg.Data
	if len(reviews) == 0 {
		w.raw("\n<p>No reviews of this blueprint yet.</p>\n")
		return nil
	}
	w.raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Review</th><th scope=\"col\">Stage</th><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\">Conditions</th><th scope=\"col\">Next</th></tr></thead>\n<tbody>")
	for _, r := range reviews {
		w.raw("\n<tr><td class=\"nowrap\">")
		if !r.Date.IsZero() {
			w.date(r.Date)
		}
		w.raw("</td>\n<td>")
		w.link(pg.Rel(r.Doc.URL), r.Doc.Title)
		if r.Doc.Status == "scheduled" {
			w.raw(" ")
			w.status(r.Doc.Status)
		}
		w.raw("</td>\n<td>")
		w.text(Humanize(r.Stage))
		w.raw("</td><td>")
		reviewOutcomeBlock.put(w, r.Outcome)
		w.raw("</td>\n<td class=\"num\">")
		w.int(len(r.Findings))
		w.raw("</td>\n<td>")
		if len(r.Conditions) > 0 {
			w.int(r.Open)
			w.raw(" of ")
			w.int(len(r.Conditions))
			w.raw(" open")
			if r.Overdue != 0 {
				w.raw(" ")
				reviewLateCountBlock.put(w, r.Overdue)
			}
		}
		w.raw("</td>\n<td class=\"nowrap\">")
		if !r.Next.IsZero() {
			w.date(r.Next)
			if r.NextOverdue {
				w.raw("<br>")
				w.late(r.NextLate)
			}
		}
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n")
	return nil
}

// reviewFindingsPanel is the "review-findings" panel component.
var reviewFindingsPanel = Component[PanelPage[*ReviewInfo]]{Name: "review-findings", slot: slotReviewFindings, write: panelWriter(writeReviewFindingsPanel)}

// writeReviewFindingsPanel is the "review-findings" panel: a review's outcome,
// findings and conditions.
func writeReviewFindingsPanel(pg PanelPage[*ReviewInfo], w htmlWriter) error {
	r := pg.Data
	w.raw("\n<p>")
	w.text(Humanize(r.Stage))
	w.raw(" review")
	if !r.Date.IsZero() {
		w.raw(" of ")
		w.date(r.Date)
	}
	if r.Subject != nil {
		w.raw(" of ")
		w.link(pg.Rel(r.Subject.URL), r.Subject.Title)
	}
	if r.Outcome != "" {
		w.raw(": ")
		w.status(r.Outcome)
	}
	w.raw(".")
	if !r.Next.IsZero() {
		w.raw(" Next review: ")
		w.date(r.Next)
		if r.NextOverdue {
			w.raw(" ")
			w.late(r.NextLate)
		}
		w.raw(".")
	}
	w.raw("</p>")
	if len(r.Findings) > 0 {
		w.raw("\n<h3>Findings</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Title</th><th scope=\"col\">Severity</th><th scope=\"col\">Standard</th><th scope=\"col\">Remediation</th></tr></thead>\n<tbody>")
		for _, f := range r.Findings {
			w.raw("\n<tr id=\"finding-")
			w.text(slugify(f.ID))
			w.raw("\"><th scope=\"row\">")
			w.text(f.ID)
			w.raw("</th><td>")
			w.text(f.Title)
			w.raw("</td><td>")
			w.severity(f.Severity)
			w.raw("</td>\n<td>")
			if s := f.Standard; s != nil {
				w.link(pg.Rel(s.URL), s.Title)
			}
			w.raw("</td>\n<td>")
			if rem := f.Remediation; rem != nil {
				w.link(pg.Rel(rem.URL), rem.Title)
				w.raw(" ")
				w.status(rem.Status)
				if jira := rem.Fields.String("jira"); jira != "" {
					w.raw(" <code>")
					w.text(jira)
					w.raw("</code>")
				}
			}
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	}
	if len(r.Conditions) > 0 {
		w.raw("\n<h3>Conditions</h3>\n")
		reviewConditionsBlock.put(w, r.Conditions)
	}
	w.raw("\n")
	return nil
}

// reviewConditionsBlock is the "review-conditions" component: a review's
// conditions, met or not.
var reviewConditionsBlock = Component[[]Condition]{Name: "review-conditions", slot: slotReviewConditions, write: writeReviewConditions}

func writeReviewConditions(w htmlWriter, conditions []Condition) {
	w.raw("\n<ul class=\"conditions\">")
	for _, c := range conditions {
		if c.Met {
			w.raw("\n<li><span class=\"flag flag-ok\"><span aria-hidden=\"true\">✓ </span>Met</span>\n")
		} else {
			w.raw("\n<li><span class=\"flag flag-open\"><span aria-hidden=\"true\">○ </span>Not met</span>\n")
		}
		w.text(c.Text)
		if !c.Due.IsZero() {
			w.raw(" <span class=\"summary\">due ")
			w.date(c.Due)
			w.raw("</span>")
		}
		if c.Overdue {
			w.raw(" ")
			w.late(c.DaysLate)
		}
		w.raw("</li>")
	}
	w.raw("\n</ul>\n")
}

// reviewLateBlock is the "review-late" component: days late, flagged.
var reviewLateBlock = Component[int]{Name: "review-late", slot: slotReviewLate, write: writeReviewLate}

// reviewLateCountBlock is the "review-late-count" component: conditions past due.
var reviewLateCountBlock = Component[int]{Name: "review-late-count", slot: slotReviewLateCount, write: writeReviewLateCount}

// reviewOutcomeBlock is the "review-outcome" component: the same badge as a status.
var reviewOutcomeBlock = Component[string]{Name: "review-outcome", slot: slotReviewOutcome, write: writeStatus}

func writeReviewLateCount(w htmlWriter, n int) {
	w.raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
	w.int(n)
	w.raw(" past due</span>")
}

func (w htmlWriter) late(days int) { reviewLateBlock.put(w, days) }

func writeReviewLate(w htmlWriter, days int) {
	w.raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>")
	w.int(days)
	if days == 1 {
		w.raw(" day late</span>")
	} else {
		w.raw(" days late</span>")
	}
}
