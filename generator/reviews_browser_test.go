package generator_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"archfolio/generator/reviews"
	"archfolio/generator/sitetest"

	"github.com/chromedp/chromedp"
)

// TestReviewFiltersReadTheURLOnEachPageInChromium opens the second page of
// all reviews with a filter in its query string, as on the other paged
// indexes: the select is preset and only that page's matching rows show;
// choosing another value puts it in the address. The filter answers for the
// whole list too: from the list's rows file it counts the matches of every
// page and links the pages that have some, the filter in their address, as
// the pager's links then carry it; the linked page opens filtered. Without
// the rows file, the form says its count is of its page only.
func TestReviewFiltersReadTheURLOnEachPageInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	// One date for all, so the reviews list in id order: page 2 has the last 10.
	// Each review has two conditions past due, so that the list of conditions
	// has two pages too, its first on reviews/ with all reviews' first; one
	// review, on page 2, is the only one rejected.
	files := map[string]string{"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n"}
	for i := range reviews.PerReviews + 10 {
		stage, outcome := "design", "approved"
		if i%2 == 1 {
			stage = "periodic"
		}
		if i == 155 {
			outcome = "rejected"
		}
		files[fmt.Sprintf("content/rev-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: review\ntitle: Review %03d\nstatus: completed\nstage: %s\nsubject: bp\ndate: 2026-06-01\noutcome: %s\n"+
				"conditions:\n  - {text: First, due: 2026-01-01, met: false}\n  - {text: Second, due: 2026-01-01, met: false}\n---\n", i, stage, outcome)
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "documents", "reviews", "2", "index.html")) + "?stage=periodic"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	shown := `(function () {
  var rows = document.getElementById("review-table").tBodies[0].rows;
  var sel = document.querySelector('form[data-filter-for="review-table"] select[data-filter="stage"]');
  var titles = Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).map(function (r) { return r.cells[1].querySelector("a").textContent; });
  return sel.value + ":" + titles.length + " of " + rows.length + ": " + titles[0] + " … " + titles[titles.length - 1];
})()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](shown))
	if err != nil {
		t.Fatal(err)
	}
	if want := "periodic:5 of 10: Review 151 … Review 159"; got != want {
		t.Errorf("documents/reviews/2/?stage=periodic shows %s, want %s", got, want)
	}
	url, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
  var sel = document.querySelector('form[data-filter-for="review-table"] select[data-filter="stage"]');
  sel.value = "design"; sel.dispatchEvent(new Event("change"));
  return location.search + " " + document.querySelector('form[data-filter-for="review-table"] .filter-count').textContent;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "?stage=design 5 of 10 on this page"; url != want {
		t.Errorf("after choosing design: %q, want %q", url, want)
	}
	if label := evaluate[string](t, ctx, `document.querySelector('#review-table th button.sort').getAttribute("aria-label")`); label != "Date, sorts the whole list" {
		t.Errorf("a sort button of a page of the list is labelled %q", label)
	}
	// Reviews 0 to 149 are on page 1, 150 to 159 here; the even ones are design reviews.
	// The count of the whole list, once the rows file is read.
	whole := `(function () {
  var t = document.querySelector('form[data-filter-for="review-table"] .filter-pages').textContent;
  return /^Counting/.test(t) ? "" : t;
})()`
	if got, want := waitFor(t, ctx, "the whole list's count", whole), "80 of 160 reviews of the whole list match, on page 1 (75), this page (5)."; got != want {
		t.Errorf("the whole list's count: %q, want %q", got, want)
	}
	links := evaluate[string](t, ctx, `[document.querySelector('.filter-pages a').getAttribute("href"),
  document.querySelector('nav.pager a[rel="prev"]').getAttribute("href")].join(" ")`)
	if want := "../../../reviews/index.html?stage=design#all-reviews ../../../reviews/index.html?stage=design#all-reviews"; links != want {
		t.Errorf("the links to page 1: %q, want %q", links, want)
	}
	target := evaluate[string](t, ctx, `document.querySelector('.filter-pages a').href`)
	if err := chromedp.Do(ctx, chromedp.Navigate(target)); err != nil {
		t.Fatal(err)
	}
	first := waitFor(t, ctx, "page 1's counts", `(function () {
  var whole = `+whole+`;
  return whole && document.querySelector('select[data-filter="stage"]').value + ": " +
    document.querySelector('form[data-filter-for="review-table"] .filter-count').textContent + "; " + whole;
})()`)
	if want := "design: 75 of 150 on this page; 80 of 160 reviews of the whole list match, on this page (75), page 2 (5)."; first != want {
		t.Errorf("page 1, followed from page 2's count: %q, want %q", first, want)
	}
	// The pager of the conditions, which also starts on reviews/, keeps its links.
	pagers := evaluate[string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("nav.pager a[href]"), function (a) {
  return a.getAttribute("href");
}).join(" ")`)
	if want := "../reviews/index.html#conditions ../documents/reviews/conditions/2/index.html#conditions"; !strings.Contains(pagers, want) || !strings.Contains(pagers, "../documents/reviews/2/index.html?stage=design#all-reviews") {
		t.Errorf("the pagers' links on reviews/?stage=design: %s; want the conditions' without the filter (%s) and all reviews' with it", pagers, want)
	}
	// One match is said in the singular.
	one := evaluate[string](t, ctx, `(function () {
  var sel = document.querySelector('form[data-filter-for="review-table"] select[data-filter="stage"]');
  sel.value = ""; sel.dispatchEvent(new Event("change"));
  sel = document.querySelector('form[data-filter-for="review-table"] select[data-filter="outcome"]');
  sel.value = "rejected"; sel.dispatchEvent(new Event("change"));
  return location.search;
})()`)
	if got, want := one+" "+waitFor(t, ctx, "the count of one", whole), "?outcome=rejected 1 of 160 reviews of the whole list matches, on page 2 (1)."; got != want {
		t.Errorf("one match: %q, want %q", got, want)
	}

	if err := os.Remove(filepath.Join(dir, "documents", "reviews", "filter-rows.js")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	if got, want := waitFor(t, ctx, "the count without the rows file", whole), "The other pages could not be searched: the count above is of this page only."; got != want {
		t.Errorf("without the rows file: %q, want %q", got, want)
	}
}

// TestPagedFilterSaysItIsCountingInChromium holds the list's rows file back
// (served over HTTP, as a slow connection would): once a filter is set, the
// form says it is counting the matches of every page, as a live region, and
// the count of the whole list replaces that sentence when the file arrives.
func TestPagedFilterSaysItIsCountingInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	files := map[string]string{"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n"}
	for i := range reviews.PerReviews + 10 {
		stage := "design"
		if i%2 == 1 {
			stage = "periodic"
		}
		files[fmt.Sprintf("content/rev-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: review\ntitle: Review %03d\nstatus: completed\nstage: %s\nsubject: bp\ndate: 2026-06-01\noutcome: approved\n---\n", i, stage)
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	release, asked := make(chan struct{}), make(chan struct{}, 1)
	site := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/filter-rows.js") {
			select {
			case asked <- struct{}{}:
			default:
			}
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/documents/reviews/2/")); err != nil {
		t.Fatal(err)
	}
	box := `document.querySelector('form[data-filter-for="review-table"] .filter-pages')`
	if got := evaluate[string](t, ctx, box+`.textContent + "|" + `+box+`.getAttribute("aria-live")`); got != "|polite" {
		t.Errorf("before any filter the count says %q, want an empty polite live region", got)
	}
	evaluate[bool](t, ctx, `(function () {
  var sel = document.querySelector('form[data-filter-for="review-table"] select[data-filter="stage"]');
  sel.value = "design"; sel.dispatchEvent(new Event("change"));
  return true;
})()`)
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatal("setting a filter did not ask for the rows file")
	}
	if got := evaluate[string](t, ctx, box+`.textContent`); got != "Counting the matches on every page…" {
		t.Errorf("while the rows file loads the count says %q", got)
	}
	once.Do(func() { close(release) })
	whole := `(function () { var t = ` + box + `.textContent; return /^Counting/.test(t) ? "" : t; })()`
	if got, want := waitFor(t, ctx, "the whole list's count", whole), "80 of 160 reviews of the whole list match, on page 1 (75), this page (5)."; got != want {
		t.Errorf("once the rows file is read: %q, want %q", got, want)
	}
}
