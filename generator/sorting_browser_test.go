package generator_test

import (
	"archfolio/generator/sitetest"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEnumColumnsSortInSchemaOrderInChromium opens the sorting fixture's
// blueprint index from disk in headless Chromium, clicks a column's sort
// button as a reader would and reads the column back: enum columns follow the
// schema's order (an empty cell last), not the alphabet, both ways.
func TestEnumColumnsSortInSchemaOrderInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	out, _ := sitetest.Render(t, sitetest.Archive("testdata/sorting.txtar"), goldenToday)
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "blueprints", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// column clicks the sort button of the table's column col and returns the
	// column's texts, top to bottom.
	column := func(col int) string {
		t.Helper()
		js := `(function () {
  var table = document.getElementById("kind-table");
  table.tHead.rows[0].cells[` + strconv.Itoa(col) + `].querySelector("button.sort").click();
  return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[` + strconv.Itoa(col) + `].textContent.trim(); }).join("|");
})()`
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, c := range []struct {
		name string
		col  int
		want string
	}{
		{"status", 1, "Draft|Proposed|Approved|Implemented|Retired"},
		{"status, descending", 1, "Retired|Implemented|Approved|Proposed|Draft"},
		{"criticality", 4, "Low|Medium|High|Mission critical|"},
		{"criticality, descending", 4, "Mission critical|High|Medium|Low|"},
		{"lifecycle", 5, "Plan|Phase in|Active|Phase out|End of life"},
	} {
		if got := column(c.col); got != c.want {
			t.Errorf("sorted by %s: %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestIndexFiltersReadTheURLInChromium opens a kind index with a filter in its
// query string: the select is preset and only the matching rows show; choosing
// another value puts it in the address, so a filtered view can be linked to.
func TestIndexFiltersReadTheURLInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	out, _ := sitetest.Render(t, sitetest.Archive("testdata/sorting.txtar"), goldenToday)
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "blueprints", "index.html")) + "?status=implemented"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	shown := `(function () {
  var rows = document.getElementById("kind-table").tBodies[0].rows;
  var sel = document.querySelector('form[data-filter-for="kind-table"] select[data-filter="status"]');
  return sel.value + ":" + Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length + " of " + rows.length;
})()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](shown))
	if err != nil {
		t.Fatal(err)
	}
	if got != "implemented:1 of 5" {
		t.Errorf("with ?status=implemented: %s, want implemented:1 of 5", got)
	}
	url, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
  var sel = document.querySelector('form[data-filter-for="kind-table"] select[data-filter="status"]');
  sel.value = "draft"; sel.dispatchEvent(new Event("change"));
  return location.search;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if url != "?status=draft" {
		t.Errorf("after choosing draft the query string is %q, want ?status=draft", url)
	}
}
