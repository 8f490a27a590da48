package reviews

import (
	"html/template"
	"strings"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// reviewsContent is the content of the reviews pages.
var reviewsContent = markup.New[render.PageData[*ReviewsPage]]("reviews-content", render.ContentWriter(reviewsHTML))

// reviewsHTML writes the "reviews-content" component (layout.go): the
// reviews due, the conditions past due and every review, or a continuation
// page of one of these lists.
func reviewsHTML(pg *render.Page, r *ReviewsPage) (template.HTML, error) {
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	if r.Part != "" {
		pager.Heading(w, pg.Rel("reviews/"), "Reviews", pg.Title)
		writeReviewsPart(w, pg, r, r.Part)
		w.Raw("\n")
		return pg.Lend(buf), nil
	}
	w.Raw("\n<h1>Reviews</h1>\n<p class=\"lede\">")
	w.Int(len(r.Reviews))
	w.Raw(" design, implementation and periodic reviews as of ")
	w.Date(pg.Site.Today)
	w.Raw(": ")
	w.Int(len(r.Overdue))
	w.Raw(" overdue, ")
	w.Int(len(r.Upcoming))
	w.Raw(" upcoming, ")
	w.Text(generator.Plural(len(r.Conditions), "condition", "conditions"))
	w.Raw(" past due.</p>\n<nav aria-label=\"On this page\"><ul class=\"page-links\">\n<li><a href=\"#overdue\">Overdue</a></li><li><a href=\"#upcoming\">Upcoming</a></li><li><a href=\"#conditions\">Conditions past due</a></li><li><a href=\"#all-reviews\">All reviews</a></li>\n</ul></nav>\n")
	for _, part := range reviewParts {
		w.Raw("\n")
		writeReviewsPart(w, pg, r, part.Part)
		w.Raw("\n")
	}
	return pg.Lend(buf), nil
}

// writeReviewsPart writes the page's part of one list of the reviews view,
// in its section, with the links to its other pages.
func writeReviewsPart(w markup.Writer, pg *render.Page, r *ReviewsPage, part string) {
	k, l := r.page(part), r.Lists[part]
	from, to := l.Range(k)
	for _, p := range reviewParts {
		if p.Part == part {
			w.Raw("<section aria-labelledby=\"")
			w.Text(p.ID)
			w.Raw("\">\n<h2 id=\"")
			w.Text(p.ID)
			w.Raw("\">")
			w.Text(p.Title)
			w.Raw("</h2>")
			l.Nav(w, pg.Rel, k, "Pages of "+strings.ToLower(p.Title), noun(part))
		}
	}
	switch part {
	case "overdue", "upcoming":
		due := r.Overdue
		if part == "upcoming" {
			due = r.Upcoming
		}
		switch {
		case len(due) > 0:
			w.Raw("\n")
			writeDueTable(w, pg, due[from:to], part == "overdue")
		case part == "overdue":
			w.Raw("\n<p>No review is overdue.</p>")
		default:
			w.Raw("\n<p>No review is scheduled.</p>")
		}
	case "conditions":
		if len(r.Conditions) > 0 {
			writeConditionsDue(w, pg, r.Conditions[from:to])
		} else {
			w.Raw("\n<p>Every condition with a due date in the past has been met.</p>")
		}
	default:
		if len(r.Reviews) > 0 {
			w.Raw("\n")
			render.PutPagedFilters(w, "review-table", r.Filters, "h3", &render.PagedFilters{List: l, Page: k, Noun: "reviews", Rel: pg.Rel})
			writeReviewTable(w, pg, r, l, r.Reviews[from:to])
		} else {
			w.Raw("\n<p>No reviews yet. Create one with <code>archfolio new review ID</code>.</p>")
		}
	}
	w.Raw("\n</section>")
}

// noun names the items of a list of the reviews view.
func noun(part string) string {
	if part == "conditions" {
		return "conditions"
	}
	return "reviews"
}

// writeDueTable writes reviews due: overdue (late) or upcoming.
func writeDueTable(w markup.Writer, pg *render.Page, due []ReviewDue, late bool) {
	w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Due</th><th scope=\"col\">")
	if late {
		w.Raw("Late")
	} else {
		w.Raw("In")
	}
	w.Raw("</th><th scope=\"col\">Review</th></tr></thead>\n<tbody>")
	for _, u := range due {
		w.Raw("\n<tr><td>")
		putSubject(w, pg, u.Review)
		w.Raw("</td>\n<td class=\"nowrap\">")
		w.Date(u.Due)
		w.Raw("</td>\n<td>")
		if u.Overdue {
			putLate(w, u.Days)
		} else {
			w.Text(generator.Plural(u.Days, "day", "days"))
		}
		w.Raw("</td>\n<td>")
		if u.Scheduled {
			w.Raw("Scheduled: ")
		} else {
			w.Raw("Follows ")
		}
		w.Link(pg.Rel(u.Review.Doc.URL), u.Review.Doc.Title)
		w.Raw(" (")
		w.Text(generator.Humanize(u.Review.Stage))
		w.Raw(")</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n")
}

// writeReviewRow writes a review's row of the list of every review.
func writeReviewRow(w markup.Writer, pg *render.Page, filters []render.Filter, rv *ReviewInfo) {
	w.Raw("\n<tr")
	render.PutFilterAttrs(w, filters, rv.FilterValue)
	w.Raw(">\n<td class=\"nowrap\">")
	if !rv.Date.IsZero() {
		w.Date(rv.Date)
	}
	w.Raw("</td>\n<td")
	render.PutSortKey(w, rv.Doc.Title)
	w.Raw(">")
	w.Link(pg.Rel(rv.Doc.URL), rv.Doc.Title)
	w.Raw(" ")
	render.PutStatus(w, rv.Doc.Status)
	w.Raw("</td>\n<td")
	render.PutSortRank(w, pg.EnumValues("review", "stage"), rv.Stage)
	w.Raw(">")
	w.Text(generator.Humanize(rv.Stage))
	w.Raw("</td>\n<td>")
	putSubject(w, pg, rv)
	w.Raw("</td>\n<td")
	render.PutSortRank(w, pg.EnumValues("review", "outcome"), rv.Outcome)
	w.Raw(">")
	reviewOutcomeBlock.Put(w, rv.Outcome)
	w.Raw("</td>\n<td class=\"num\">")
	w.Int(len(rv.Findings))
	w.Raw("</td>\n<td>")
	writeConditionCounts(w, rv)
	w.Raw("</td>\n<td class=\"nowrap\">")
	writeNext(w, rv)
	w.Raw("</td>\n</tr>")
}

// putSubject writes the reviewed blueprint, linked, or its id as written.
func putSubject(w markup.Writer, pg *render.Page, r *ReviewInfo) {
	if r.Subject != nil {
		w.Link(pg.Rel(r.Subject.URL), r.Subject.Title)
	} else {
		w.Text(r.SubjectName())
	}
}

// writeConditionsDue writes unmet conditions past their due date.
func writeConditionsDue(w markup.Writer, pg *render.Page, conditions []ConditionDue) {
	w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Condition</th><th scope=\"col\">Review</th><th scope=\"col\">Blueprint</th><th scope=\"col\">Due</th><th scope=\"col\">Late</th></tr></thead>\n<tbody>")
	for _, c := range conditions {
		w.Raw("\n<tr><td>")
		w.Text(c.Condition.Text)
		w.Raw("</td><td>")
		w.Link(pg.Rel(c.Review.Doc.URL), c.Review.Doc.Title)
		w.Raw("</td>\n<td>")
		if s := c.Review.Subject; s != nil {
			w.Link(pg.Rel(s.URL), s.Title)
		}
		w.Raw("</td>\n<td class=\"nowrap\">")
		w.Date(c.Condition.Due)
		w.Raw("</td><td>")
		putLate(w, c.Condition.DaysLate)
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>")
}

// writeReviewTable writes the page's rows of all reviews, newest first, each
// with its values for the filters.
func writeReviewTable(w markup.Writer, pg *render.Page, r *ReviewsPage, l pager.List, rows []*ReviewInfo) {
	w.Raw("\n<table class=\"data sortable\" id=\"review-table\"")
	render.PutSortRowsAttrs(w, l, "reviews", pg.Rel)
	w.Raw(">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Review</th><th scope=\"col\">Stage</th><th scope=\"col\">Blueprint</th><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\">Conditions</th><th scope=\"col\">Next</th></tr></thead>\n<tbody>")
	for _, rv := range rows {
		writeReviewRow(w, pg, r.Filters, rv)
	}
	w.Raw("\n</tbody>\n</table>")
}
