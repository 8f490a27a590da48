package generator_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"archfolio/generator/reviews"
	"archfolio/generator/sitetest"

	"github.com/chromedp/chromedp"
)

// TestReviewFiltersReadTheURLOnEachPageInChromium opens the second page of
// all reviews with a filter in its query string, as on the other paged
// indexes: the select is preset and only that page's matching rows show;
// choosing another value puts it in the address.
func TestReviewFiltersReadTheURLOnEachPageInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	// One date for all, so the reviews list in id order: page 2 has the last 10.
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
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "documents", "reviews", "2", "index.html")) + "?stage=periodic"
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
	if want := "?stage=design 5 of 10 shown"; url != want {
		t.Errorf("after choosing design: %q, want %q", url, want)
	}
}
