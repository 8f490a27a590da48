package reviews_test

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"archfolio/generator/render"
	"archfolio/generator/reviews"
	"archfolio/generator/sitetest"
)

// pagedSite is a portfolio of n blueprints with a review each: every third
// review's next date has passed, the others' are to come, and every other
// review has a condition past due.
func pagedSite(n int) map[string]string {
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\n---\n", i)
		next := "2027-01-01"
		if i%3 == 0 {
			next = "2026-11-01"
		}
		conditions := ""
		if i%2 == 0 {
			conditions = "conditions:\n  - text: Condition of review " + fmt.Sprint(i) + "\n    due: 2026-10-01\n    met: false\n"
		}
		files[fmt.Sprintf("content/rev-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: review\ntitle: Review %03d\nstatus: completed\nstage: periodic\nsubject: bp-%03d\ndate: 2026-%02d-%02d\noutcome: approved-with-conditions\nnext: %s\n%s---\n",
			i, i, 1+i%10, 1+i%28, next, conditions)
	}
	return files
}

var (
	pagerLinks  = regexp.MustCompile(`<a (?:aria-current="page" )?href="([^"#]+)#`)
	currentLink = regexp.MustCompile(`<a aria-current="page" href="([^"#]+)#`)
	reviewLink  = regexp.MustCompile(`<a href="[^"]*reviews/(rev-\d+)/">`)
)

// listPages returns the pages of one list of the reviews view, from the
// links of the pager on reviews/ (named label), as file names.
func listPages(t *testing.T, first, label string) []string {
	t.Helper()
	start := strings.Index(first, `<nav class="pager" aria-label="`+label+`">`)
	if start < 0 {
		t.Fatalf("reviews/ has no pager %q", label)
	}
	nav := first[start : start+strings.Index(first[start:], "</nav>")]
	var names []string
	for _, m := range pagerLinks.FindAllStringSubmatch(nav, -1) {
		names = append(names, path.Join("reviews", m[1], "index.html"))
	}
	return names
}

// section returns the section of page whose heading has id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	start := strings.Index(page, `<section aria-labelledby="`+id+`">`)
	if start < 0 {
		t.Fatalf("no section %s", id)
	}
	return page[start : start+strings.Index(page[start:], "</section>")]
}

// Each list of the reviews page shows its first rows on reviews/ and
// continues on pages linked from each of its pages; following the links
// reaches every review of each list exactly once, newest first in all
// reviews. The pages of all reviews take the addresses of the review kind's
// index pages, so none of those is left behind.
func TestReviewListsArePaged(t *testing.T) {
	t.Parallel()
	const n = render.KindIndexPerPage + 1 // the kind's index would have two pages
	out, diags := sitetest.Render(t, pagedSite(n), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page := func(name string) string {
		t.Helper()
		b, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
	first := page("reviews/index.html")
	for _, c := range []struct {
		id, label string
		per, want int
	}{
		{"overdue", "Pages of overdue reviews", reviews.PerDue, (n + 2) / 3},
		{"upcoming", "Pages of upcoming reviews", reviews.PerDue, n - (n+2)/3},
		{"conditions", "Pages of conditions past due", reviews.PerConditions, (n + 1) / 2},
		{"all-reviews", "Pages of all reviews", reviews.PerReviews, n},
	} {
		pages := listPages(t, first, c.label)
		if want := (c.want + c.per - 1) / c.per; len(pages) != want || pages[0] != "reviews/index.html" {
			t.Errorf("%s: pages %v, want %d from reviews/index.html", c.id, pages, want)
		}
		seen := map[string]int{}
		var order []string
		for _, name := range pages {
			s := section(t, page(name), c.id)
			if m := currentLink.FindStringSubmatch(s); m == nil || path.Join(path.Dir(name), m[1], "index.html") != name {
				t.Errorf("%s: %s does not mark itself in its pager (%v)", c.id, name, m)
			}
			rows := strings.Split(s, "<tr")[2:] // after the header row
			if len(rows) > c.per {
				t.Errorf("%s: %s has %d rows, over %d", c.id, name, len(rows), c.per)
			}
			for _, row := range rows {
				// A review's row links it once (a condition's names its review).
				m := reviewLink.FindStringSubmatch(row)
				if m == nil {
					t.Fatalf("%s: a row of %s links no review: %s", c.id, name, row)
				}
				seen[m[1]]++
				order = append(order, m[1])
			}
		}
		if len(seen) != c.want || len(order) != c.want {
			t.Errorf("%s: %d rows of %d reviews reached, want %d once each", c.id, len(order), len(seen), c.want)
		}
		// The newest, 2026-10-28, is the date of five reviews, in id order.
		if got := strings.Join(order[:5], " "); c.id == "all-reviews" && got != "rev-139 rev-279 rev-419 rev-559 rev-699" {
			t.Errorf("all reviews start with %s, want rev-139 rev-279 rev-419 rev-559 rev-699", got)
		}
	}
	two := page("documents/reviews/2/index.html")
	for _, want := range []string{`<h1>All reviews, page 2 of 6</h1>`, `<a href="../../../reviews/">Reviews</a>`,
		`<form class="filters" data-filter-for="review-table" data-filter-rows="../../../documents/reviews/filter-rows.js" data-filter-key="documents/reviews/filter-rows.js" data-filter-noun="reviews" data-filter-page="1" data-filter-pages="../../../reviews/#all-reviews ../../../documents/reviews/2/#all-reviews ../../../documents/reviews/3/#all-reviews ../../../documents/reviews/4/#all-reviews ../../../documents/reviews/5/#all-reviews ../../../documents/reviews/6/#all-reviews" hidden>`,
		`<p class="filter-pages" aria-live="polite"></p>`, `<a rel="next" href="../../../documents/reviews/3/#all-reviews">`,
		`<a rel="prev" href="../../../reviews/#all-reviews">Previous page</a>`} {
		if !strings.Contains(two, want) {
			t.Errorf("documents/reviews/2/ has no %s", want)
		}
	}
	// The rows file of all reviews, for the filters, is the view's, not the
	// review kind index's, whose would have the same name; it holds the rows
	// of every page (as the blueprints' index, of n blueprints, holds its own,
	// and the dependency map's table of every blueprint its).
	want := []string{"dependencies/blueprints/filter-rows.js", "documents/blueprints/filter-rows.js", "documents/reviews/filter-rows.js"}
	if got := sitetest.CheckFilterRows(t, sitetest.Filtered(out)); !slices.Equal(got, want) {
		t.Errorf("rows files %v, want %v", got, want)
	}
	// Sorting all reviews sorts the whole list, from the view's rows file.
	if got, want := sitetest.CheckSortRows(t, sitetest.Sorted(out)), []string{"dependencies/blueprints/sort-rows.js", "documents/blueprints/sort-rows.js", "documents/reviews/sort-rows.js"}; !slices.Equal(got, want) {
		t.Errorf("sort rows files %v, want %v", got, want)
	}
	if rows := page("documents/reviews/filter-rows.js"); !strings.Contains(rows, `{"filters": ["stage", "outcome", "status", "blueprint"],`) {
		t.Errorf("documents/reviews/filter-rows.js is not the rows file of all reviews:\n%.300s", rows)
	}
	for _, name := range out.Names() {
		if b, _ := out.File(name); strings.Contains(string(b), "kind-table") && strings.Contains(name, "reviews/") {
			t.Errorf("%s is a page of the review kind's index, which the reviews view replaces", name)
		}
	}
}
