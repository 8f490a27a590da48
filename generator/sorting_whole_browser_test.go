package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archfolio/generator/render"
	"archfolio/generator/risk"
	"archfolio/generator/sitetest"

	"github.com/chromedp/chromedp"
)

// wholeListSite is a kind index of two pages: Blueprint 000 to Blueprint
// 809, by title, 800 on the first page; Blueprint 805 alone is retired and
// Blueprint 003 alone proposed.
func wholeListSite() map[string]string {
	files := map[string]string{}
	for i := range render.KindIndexPerPage + 10 {
		status := "approved"
		switch i {
		case 805:
			status = "retired"
		case 3:
			status = "proposed"
		}
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\nstatus: %s\n---\n", i, status)
	}
	return files
}

// TestSortingAPagedIndexSortsTheWholeListInChromium opens the first page of
// a kind's index of two pages from disk and sorts it as a reader would: the
// rows of both pages come in order, a page at a time with a pager of their
// own, their links leading to the documents; a filter narrows the whole
// sorted list; going back shows the list's own first page and pagers. Without
// the list's rows file, the page's own rows are sorted and the page says so.
func TestSortingAPagedIndexSortsTheWholeListInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	out, diags := sitetest.Render(t, wholeListSite(), goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "blueprints", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	if got, want := evaluate[string](t, ctx, `document.querySelector('#kind-table th button.sort').getAttribute("aria-label")`), "Title, sorts the whole list"; got != want {
		t.Errorf("the sort button of a paged index is labelled %q, want %q", got, want)
	}
	// state is the sort's status, the table's first and last titles and row
	// count, and whether the list's own pagers show.
	const state = `(function () {
  var t = document.querySelector(".sort-status").textContent;
  if (/^Sorting/.test(t)) return "";
  var rows = Array.prototype.filter.call(document.getElementById("kind-table").tBodies[0].rows, function (r) { return !r.hidden; });
  var title = function (r) { return r ? r.cells[0].querySelector("a").textContent : "none"; };
  var pagers = Array.prototype.filter.call(document.querySelectorAll("nav.pager"), function (n) { return !n.hidden; }).length;
  return t + " | " + title(rows[0]) + " … " + title(rows[rows.length - 1]) + " (" + rows.length + ") | pagers " + pagers;
})()`
	click := func(js string) string {
		t.Helper()
		evaluate[bool](t, ctx, `(function () { `+js+`.click(); return true; })()`)
		return waitFor(t, ctx, "the sorted list", state)
	}
	const title = `document.querySelector('#kind-table th button.sort')`
	for _, step := range []struct{ what, js, want string }{
		{"sorted by title", title,
			"The whole list, sorted by Title (ascending): 1–800 of 810 documents. | Blueprint 000 … Blueprint 799 (800) | pagers 0"},
		{"sorted by title again", title,
			"The whole list, sorted by Title (descending): 1–800 of 810 documents. | Blueprint 809 … Blueprint 010 (800) | pagers 0"},
		{"the next page", `document.querySelector('.sorted-pager button:nth-child(3)')`,
			"The whole list, sorted by Title (descending): 801–810 of 810 documents. | Blueprint 009 … Blueprint 000 (10) | pagers 0"},
	} {
		if got := click(step.js); got != step.want {
			t.Errorf("%s: %q\nwant %q", step.what, got, step.want)
		}
	}
	// The page's title says what it shows: the sorted list's page, not the
	// list's own.
	if got, want := evaluate[string](t, ctx, `document.title`), "Blueprints, sorted by Title, page 2 of 2 · Architecture portfolio"; got != want {
		t.Errorf("the title of the sorted list's second page: %q, want %q", got, want)
	}
	// On the last page Next is disabled, and the keyboard's focus is on Previous.
	if got, want := evaluate[string](t, ctx, `document.querySelector('.sorted-pager button:nth-child(3)').disabled + " " + document.activeElement.textContent`), "true Previous page"; got != want {
		t.Errorf("on the last page, Next disabled and the focus: %q, want %q", got, want)
	}
	// The sorted list has its pager below the table too, and the sort is in
	// the address: opened again, the page shows the same rows.
	pagers := `Array.prototype.map.call(document.querySelectorAll(".sorted-pager"), function (n) { return n.getAttribute("aria-label") + ": " + n.firstChild.textContent; }).join("; ") + " " + location.search`
	if got, want := evaluate[string](t, ctx, pagers), "Pages of the sorted list: Page 2 of 2 ; Pages of the sorted list, again: Page 2 of 2  ?sort=1&order=desc&at=801"; got != want {
		t.Errorf("the sorted list's pagers and address: %q, want %q", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?sort=1&order=desc&at=801")); err != nil {
		t.Fatal(err)
	}
	if got, want := waitFor(t, ctx, "the sorted list from the address", state), "The whole list, sorted by Title (descending): 801–810 of 810 documents. | Blueprint 009 … Blueprint 000 (10) | pagers 0"; got != want {
		t.Errorf("opened with the sort in the address: %q, want %q", got, want)
	}
	// A row from the second page links to its document, from disk.
	href := evaluate[string](t, ctx, `document.getElementById("kind-table").tBodies[0].rows[0].cells[0].querySelector("a").href`)
	if want := "file://" + filepath.ToSlash(filepath.Join(dir, "blueprints", "bp-009", "index.html")); href != want {
		t.Errorf("Blueprint 009 links to %s, want %s", href, want)
	}
	// A filter narrows the whole sorted list, from its first page.
	got := evaluate[string](t, ctx, `(function () {
  var sel = document.querySelector('form[data-filter-for="kind-table"] select[data-filter="status"]');
  sel.value = "retired"; sel.dispatchEvent(new Event("change"));
  return location.search + " " + document.querySelector('form[data-filter-for="kind-table"] .filter-count').textContent;
})()`)
	if want := "?sort=1&order=desc&status=retired 1 of 810 match"; got != want {
		t.Errorf("filtered while sorted: %q, want %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, state), "The whole list, sorted by Title (descending): 1–1 of 1 matching (of 810) documents. | Blueprint 805 … Blueprint 805 (1) | pagers 0"; got != want {
		t.Errorf("filtered while sorted: %q\nwant %q", got, want)
	}
	// Back to the list's own pages: the first page's rows, filtered, and its pagers.
	got = evaluate[string](t, ctx, `(function () {
  document.querySelector('.sorted-pager button:nth-child(4)').click();
  var rows = document.getElementById("kind-table").tBodies[0].rows;
  var sorted = document.querySelectorAll("#kind-table th[aria-sort]").length;
  return rows.length + " rows, " + Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length + " shown, " +
    sorted + " sorted, " + document.querySelector(".sorted-pager").hidden + " | " +
    document.querySelector('form[data-filter-for="kind-table"] .filter-count').textContent + " | " +
    document.querySelector(".sort-status").textContent + " | " + document.activeElement.textContent + " | " + location.search;
})()`)
	if want := "800 rows, 0 shown, 0 sorted, true | 0 of 800 on this page | Back to the list's own order: this page's documents. | Title | ?status=retired"; got != want {
		t.Errorf("back to the list's own pages: %q, want %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, `document.title`), "Blueprints · Architecture portfolio"; got != want {
		t.Errorf("the title back on the list's own page: %q, want %q", got, want)
	}

	// Sorted from the list's second page, the title no longer says "page 2
	// of 2" of the list's own pages.
	second := "file://" + filepath.ToSlash(filepath.Join(dir, "documents", "blueprints", "2", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(second)); err != nil {
		t.Fatal(err)
	}
	before := evaluate[string](t, ctx, `document.title`)
	click(title)
	if got, want := before+" | "+evaluate[string](t, ctx, `document.title`), "Blueprints, page 2 of 2 · Architecture portfolio | Blueprints, sorted by Title, page 1 of 2 · Architecture portfolio"; got != want {
		t.Errorf("the second page's title, then sorted: %q\nwant %q", got, want)
	}

	if err := os.Remove(filepath.Join(dir, "documents", "blueprints", "sort-rows.js")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	got = click(`document.querySelector('#kind-table th button.sort')`)
	if !strings.HasPrefix(got, "The whole list could not be loaded: the rows of this page are sorted. | Blueprint 000 … Blueprint 799 (800) | pagers 2") {
		t.Errorf("without the rows file: %q", got)
	}
	got = click(`document.querySelector('#kind-table th button.sort')`)
	if !strings.HasSuffix(got, "| Blueprint 799 … Blueprint 000 (800) | pagers 2") {
		t.Errorf("without the rows file, descending: %q", got)
	}
}

// TestALinkToARowOfASortedListShowsItInChromium sorts the register's list of
// every threat (two pages) so that the threats the heatmap links on the page
// move to the second page of the sorted list: following the heatmap's link to
// one shows that page and the row, and so does an address with the sort and
// the row's id. A filter that leaves the row out of the sorted list brings
// back the list's own page, which has it.
func TestALinkToARowOfASortedListShowsItInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	const high, low = risk.PerThreats, 30 // the first page's threats are scored 16, the second's 1
	var threats strings.Builder
	for i := range high + low {
		score, status := "4\n    impact: 4", "open"
		if i >= high {
			score = "1\n    impact: 1"
		}
		if i == 0 {
			status = "accepted"
		}
		fmt.Fprintf(&threats, "  - id: T-%03d\n    title: Threat %d\n    likelihood: %s\n    status: %s\n", i, i, score, status)
	}
	out, diags := sitetest.Render(t, map[string]string{
		"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n",
		"content/tm.md": "---\nkind: threat-model\ntitle: Model\nsubject: bp\nthreats:\n" + threats.String() + "---\n",
	}, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "risks", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// state is the sort's status (once sorted), whether the row of T-000 is
	// in the table, shown and on screen, and the address's query and hash.
	const state = `(function () {
  var t = document.querySelector(".sort-status");
  if (!t || /^Sorting/.test(t.textContent)) return "";
  if (/sort=/.test(location.search) && !t.textContent) return ""; // the address's sort is still to start
  var row = document.getElementById("tm--t-000"), box = row && row.getBoundingClientRect();
  var where = !row ? "no row" : row.hidden ? "hidden" : (box.top >= 0 && box.bottom <= innerHeight ? "on screen" : "off screen");
  return t.textContent + " | T-000 " + where + " | " + location.search + location.hash;
})()`
	sortBy := `document.querySelector('#risk-table th button.sort')`
	evaluate[bool](t, ctx, `(function () { `+sortBy+`.click(); return true; })()`)
	waitFor(t, ctx, "the sorted list", state)
	evaluate[bool](t, ctx, `(function () { `+sortBy+`.click(); return true; })()`)
	if got, want := waitFor(t, ctx, "the sorted list", state), "The whole list, sorted by Threat (descending): 1–300 of 330 threats. | T-000 no row | ?sort=1&order=desc"; got != want {
		t.Fatalf("sorted: %q\nwant %q", got, want)
	}
	evaluate[bool](t, ctx, `(function () { document.querySelector('.heatmap a[href="#tm--t-000"]').click(); return true; })()`)
	if got, want := evaluate[string](t, ctx, state), "The whole list, sorted by Threat (descending): 301–330 of 330 threats. | T-000 on screen | ?sort=1&order=desc&at=301#tm--t-000"; got != want {
		t.Errorf("the heatmap's link to T-000, sorted: %q\nwant %q", got, want)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?sort=1&order=desc#tm--t-000")); err != nil {
		t.Fatal(err)
	}
	if got, want := waitFor(t, ctx, "the sorted list from the address", state), "The whole list, sorted by Threat (descending): 301–330 of 330 threats. | T-000 on screen | ?sort=1&order=desc&at=301#tm--t-000"; got != want {
		t.Errorf("opened with the sort and T-000 in the address: %q\nwant %q", got, want)
	}

	// Only the open threats, sorted: T-000 (accepted) is in none of their
	// pages, and the link brings back the list's own page, which has it
	// (hidden by the filter, as every other accepted threat of the page).
	got := evaluate[string](t, ctx, `(function () {
  var sel = document.querySelector('form[data-filter-for="risk-table"] select[data-filter="status"]');
  sel.value = "open"; sel.dispatchEvent(new Event("change"));
  location.hash = "";
  document.querySelector('.heatmap a[href="#tm--t-000"]').click();
  return document.querySelector(".sort-status").textContent + " | " + document.querySelectorAll("#risk-table th[aria-sort]").length + " sorted";
})()`)
	if want := "Back to the list's own order: this page's threats. | 0 sorted"; got != want {
		t.Errorf("the link to a threat the filters leave out of the sorted list: %q\nwant %q", got, want)
	}
}

// TestALongRoadmapTrackSortsWholeInChromium opens the second page of a track
// of 120 items (100 to a page): its table's sort buttons say they sort the
// whole track, and sorting by End shows the first hundred items of the whole
// track in that order, not the page's twenty.
func TestALongRoadmapTrackSortsWholeInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	files := map[string]string{}
	for i := range 120 {
		// Items end in 2027-Q4 down to 2027-Q1: item 119 ends first.
		files[fmt.Sprintf("content/rm/rm-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: roadmap\ntitle: Item %03d\ncapability: mfa\nstart: 2026-01-01\nend: 2027-%02d-01\nstatus: planned\n---\n", i, 12-i/10)
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "roadmap", "iam", "2", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	const end = `document.querySelectorAll('#rm-table th button.sort')[3]`
	if got, want := evaluate[string](t, ctx, end+`.getAttribute("aria-label")`), "End, sorts the whole list"; got != want {
		t.Errorf("the End button of a long track's table is labelled %q, want %q", got, want)
	}
	evaluate[bool](t, ctx, `(function () { `+end+`.click(); return true; })()`)
	got := waitFor(t, ctx, "the sorted track", `(function () {
  var t = document.querySelector(".sort-status").textContent;
  if (!t || /^Sorting/.test(t)) return "";
  var rows = Array.prototype.filter.call(document.getElementById("rm-table").tBodies[0].rows, function (r) { return !r.hidden; });
  return t + " | " + rows[0].cells[0].textContent + " " + rows[0].cells[3].textContent + " … " + rows[rows.length - 1].cells[0].textContent + " (" + rows.length + ")";
})()`)
	if want := "The whole list, sorted by End (ascending): 1–100 of 120 items. | Item 110 2027-01-01 … Item 029 (100)"; got != want {
		t.Errorf("sorted by End: %q\nwant %q", got, want)
	}
}
