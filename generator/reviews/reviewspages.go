package reviews

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// ReviewsPage is a page of the reviews view: reviews/ (the first page of
// every list) or a continuation page of one list (Part, PageNo from 0).
type ReviewsPage struct {
	*ReviewSchedule
	Lists  map[string]pager.List // by part: overdue, upcoming, conditions, all
	Part   string
	PageNo int
}

// How many rows a page of each list of the reviews view holds, so that no
// reviews page grows with the portfolio: the reviews due (overdue and
// upcoming, a row each) and the conditions past due, and all reviews (a
// longer row). PerReviews is under render.KindIndexPerPage, so the pages of
// all reviews take every address the review kind's own index would have
// had (documents/reviews/N/, linked to reviews/, which this view replaces).
const (
	PerDue        = 200
	PerConditions = 200
	PerReviews    = 150
)

// reviewParts are the reviews view's lists in page order: their part name
// (in their continuation pages' address), the id of their section on each
// page, and their title.
var reviewParts = []struct{ Part, ID, Title string }{
	{"overdue", "overdue", "Overdue reviews"}, {"upcoming", "upcoming", "Upcoming reviews"},
	{"conditions", "conditions", "Conditions past due"}, {"all", "all-reviews", "All reviews"}}

// reviewLists cuts each list of s into pages. Their continuation pages are
// under documents/reviews/, since any name under reviews/ may be a review's
// id: all reviews at documents/reviews/N/ (where the review kind's index
// continues), the others at documents/reviews/PART/N/.
func reviewLists(s *ReviewSchedule) map[string]pager.List {
	splits := map[string]pager.Split{"overdue": pager.ByCount(len(s.Overdue), PerDue),
		"upcoming": pager.ByCount(len(s.Upcoming), PerDue), "conditions": pager.ByCount(len(s.Conditions), PerConditions),
		"all": pager.ByCount(len(s.Reviews), PerReviews)}
	lists := map[string]pager.List{}
	for _, part := range reviewParts {
		more := "documents/reviews/" + part.Part + "/"
		if part.Part == "all" {
			more = "documents/reviews/"
		}
		lists[part.Part] = pager.List{Split: splits[part.Part], First: "reviews/", More: more, Fragment: part.ID}
	}
	return lists
}

// reviewFiles is the rows file of the list of every review, the one list of
// the view with filters, when it has more than one page (render.FilterRows).
func reviewFiles(p *generator.Portfolio) []render.ExportFile {
	s := Of(p)
	fr := render.FilterRows{List: reviewLists(s)["all"], Filters: func() []render.Filter { return s.Filters },
		Value: func(i int, name string) string { return s.Reviews[i].FilterValue(name) }}
	if f, ok := fr.File(); ok {
		return []render.ExportFile{f}
	}
	return nil
}

// reviewSorted is the list of every review, for sorting it whole
// (render.SortRows).
func reviewSorted(p *generator.Portfolio) []render.SortRows {
	s := Of(p)
	return []render.SortRows{{List: reviewLists(s)["all"], Rows: func(pg *render.Page) func(markup.Writer, int) {
		return func(w markup.Writer, i int) { writeReviewRow(w, pg, s.Filters, s.Reviews[i]) }
	}, Components: []render.Overridable{reviewsContent}, Layout: "reviews.html"}}
}

// reviewPages is /reviews/: it takes the place of the review kind's index, so
// it lists every review too, and the continuation pages of its lists.
func reviewPages(p *generator.Portfolio) []render.PageJob {
	s, kind := Of(p), p.Schema.Kinds["review"]
	lists := reviewLists(s)
	page := func(part string, k int) func() *ReviewsPage {
		return func() *ReviewsPage { return &ReviewsPage{ReviewSchedule: s, Lists: lists, Part: part, PageNo: k} }
	}
	jobs := []render.PageJob{render.Content(render.PageJob{URL: "reviews/", Layout: "reviews.html",
		Page: &render.Page{Title: "Reviews", Section: "review", Kind: kind}}, reviewsContent, page("", 0))}
	for _, part := range reviewParts {
		l := lists[part.Part]
		for k := 1; k < l.Pages(); k++ {
			jobs = append(jobs, render.Content(render.PageJob{URL: l.URL(k), Layout: "reviews.html",
				Page: &render.Page{Title: l.Title(part.Title, k), Section: "review", Kind: kind}},
				reviewsContent, page(part.Part, k)))
		}
	}
	return jobs
}

// page is the page of the list part this page shows: its PageNo on a
// continuation page of that list, else the first.
func (r *ReviewsPage) page(part string) int {
	if r.Part == part {
		return r.PageNo
	}
	return 0
}
