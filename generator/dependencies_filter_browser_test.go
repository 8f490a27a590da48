package generator_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"archfolio/generator/sitetest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestEveryDependencyFiltersTheWholeListInChromium opens the dependency map
// from disk with a filter in its query string: the list of every dependency
// (two pages here) shows the page's matching rows, counts the whole list's
// from its rows file and links the page that has them; a second filter
// narrows both. Without JavaScript the form, which could do nothing, does not
// show, and a select whose longest value is a long sentence stays within a
// phone's screen. A link with an option's words rather than its value still
// picks it; one with a value no option has says so.
func TestEveryDependencyFiltersTheWholeListInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1024, 800)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800)); err != nil {
		t.Fatal(err)
	}
	// Two pages of dependencies; a-155's protocol is a long sentence.
	files := sitetest.DependencyLists("Amazon SQS consumed by the integration gateway, then a REST callback over mutual TLS")
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "dependencies", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?domain=platform")); err != nil {
		t.Fatal(err)
	}
	const form = `document.querySelector('form[data-filter-for="dependency-table"]')`
	whole := `(function () {
  var t = ` + form + `.querySelector(".filter-pages").textContent;
  return /^Counting/.test(t) ? "" : t;
})()`
	if got, want := evaluate[string](t, ctx, form+`.querySelector(".filter-count").textContent`), "0 of 150 on this page"; got != want {
		t.Errorf("dependencies/?domain=platform counts %q on its page, want %q", got, want)
	}
	if got, want := waitFor(t, ctx, "the whole list's count", whole), "2 of 162 dependencies of the whole list match, on page 2 (2)."; got != want {
		t.Errorf("the whole list's count: %q, want %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, form+`.querySelector(".filter-pages a").getAttribute("href")`), "../dependencies/all/2/index.html?domain=platform#all-dependencies"; got != want {
		t.Errorf("the link to page 2: %q, want %q", got, want)
	}
	// Two filters: the retired blueprint's one dependency, from payments.
	got := evaluate[string](t, ctx, `(function () {
  var f = `+form+`;
  var d = f.querySelector('select[data-filter="domain"]'), n = f.querySelector('select[data-filter="note"]');
  d.value = "payments"; d.dispatchEvent(new Event("change"));
  n.value = "retired"; n.dispatchEvent(new Event("change"));
  return location.search;
})()`)
	if got, want := got+" "+waitFor(t, ctx, "the count of two filters", whole), "?domain=payments&note=retired 1 of 162 dependencies of the whole list matches, on page 2 (1)."; got != want {
		t.Errorf("two filters: %q, want %q", got, want)
	}
	if got := evaluate[float64](t, ctx, `document.documentElement.scrollWidth`); got != 390 {
		t.Errorf("at 390 px, the page is %.0f px wide", got)
	}
	if right := evaluate[float64](t, ctx, form+`.getBoundingClientRect().right`); right > 390 {
		t.Errorf("at 390 px, the filter form reaches %.0f px", right)
	}
	// Sorting the list sorts all of it: the dependencies of x and y, over
	// Kafka, on the list's last page, come first by protocol, descending.
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	sorted := `(function () {
  var t = document.getElementById("dependency-table").closest("section").querySelector(".sort-status").textContent;
  if (!t || /^Sorting/.test(t)) return "";
  var rows = document.getElementById("dependency-table").tBodies[0].rows;
  return t + " | " + rows[0].cells[0].textContent + " → " + rows[0].cells[1].textContent + ", " + rows[2].cells[3].textContent + " (" + rows.length + ")";
})()`
	evaluate[bool](t, ctx, `(function () { var b = document.querySelectorAll("#dependency-table th button.sort")[3]; b.click(); b.click(); return true; })()`)
	if got, want := waitFor(t, ctx, "the sorted list", sorted), "The whole list, sorted by Protocol (descending): 1–150 of 162 dependencies. | X → Y, HTTPS (150)"; got != want {
		t.Errorf("sorted by protocol, descending: %q, want %q", got, want)
	}
	// A link with an option's words (as the map's filters had them before
	// their values were the fields as written) picks the option, and the
	// address takes its value.
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?domain=Payments&note=in%20a%20cycle")); err != nil {
		t.Fatal(err)
	}
	if got, want := evaluate[string](t, ctx, `(function () {
  var f = `+form+`;
  return f.querySelector('select[data-filter="domain"]').value + " " + f.querySelector('select[data-filter="note"]').value + " " + location.search;
})()`), "payments in-cycle ?domain=payments&note=in-cycle"; got != want {
		t.Errorf("a link with the options' words: %q, want %q", got, want)
	}
	// A value no option has (a stale link) leaves the address and is said
	// not to be applied.
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?domain=legacy&note=retired")); err != nil {
		t.Fatal(err)
	}
	if got, want := evaluate[string](t, ctx, `(function () {
  var f = `+form+`, n = f.querySelector(".filter-note");
  return f.querySelector('select[data-filter="domain"]').value + "|" + location.search + "|" + (n ? n.textContent : "no note");
})()`), "|?note=retired|Not in this list, so not applied: Domain of the blueprint \u201clegacy\u201d."; got != want {
		t.Errorf("a link with a value no option has: %q, want %q", got, want)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	shown := evaluate[bool](t, ctx, form+`.getClientRects().length > 0`)
	if shown {
		t.Error("without JavaScript the filters of every dependency show, and can do nothing")
	}
}

// TestTheDependencyMapsTwoLongListsKeepApartInChromium opens the dependency
// map, whose list of every dependency and list of the dependencies going away
// both continue on other pages, filter and sort whole: each list's filters and
// sort have keys of their own in the address, so filtering or sorting one
// leaves the other as it is, also when the page is opened from the address.
func TestTheDependencyMapsTwoLongListsKeepApartInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	files := map[string]string{
		"content/old.md": "---\nkind: blueprint\ntitle: Old\ndomain: data\nstatus: retired\n---\n",
		"content/new.md": "---\nkind: blueprint\ntitle: New\ndomain: identity\n---\n",
	}
	for i := range 130 {
		files[fmt.Sprintf("content/b-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: B %03d\ndomain: payments\ndepends_on:\n  - {id: old, protocol: SFTP}\n  - {id: new, protocol: HTTPS}\n---\n", i)
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "dependencies", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// state is, for each list, the sort shown (or none) and its first row's
	// blueprint, then the address's query.
	const state = `(function () {
  var out = [];
  for (var id of ["sunset-table", "dependency-table"]) {
    var t = document.getElementById(id), th = t.querySelector("th[aria-sort]");
    var first = Array.prototype.find.call(t.tBodies[0].rows, function (r) { return !r.hidden; });
    out.push(id + ": " + (th ? th.textContent + " " + th.getAttribute("aria-sort") : "unsorted") + ", " + (first ? first.cells[0].textContent : "none"));
  }
  var status = document.getElementById("sunset-table").closest("section").querySelector(".sort-status");
  if (!status || /^Sorting/.test(status.textContent)) return "";
  if (/sunset-table-sort/.test(location.search) && !status.textContent) return ""; // the address's sort is still to start
  return out.join("; ") + " | " + location.search;
})()`
	evaluate[bool](t, ctx, `(function () {
  var b = document.querySelector("#sunset-table th button.sort");
  b.click(); return true;
})()`)
	waitFor(t, ctx, "the sorted list going away", state)
	evaluate[bool](t, ctx, `(function () { document.querySelector("#sunset-table th button.sort").click(); return true; })()`)
	if got, want := waitFor(t, ctx, "the sorted list going away", state), "sunset-table: Blueprint descending, B 129; dependency-table: unsorted, B 000 | ?sunset-table-sort=1&sunset-table-order=desc"; got != want {
		t.Errorf("the dependencies going away sorted by blueprint, descending:\n%q\nwant %q", got, want)
	}
	filtered := evaluate[string](t, ctx, `(function () {
  var s = document.querySelector('form[data-filter-for="dependency-table"] select[data-filter="protocol"]');
  s.value = "HTTPS"; s.dispatchEvent(new Event("change"));
  var away = Array.prototype.filter.call(document.getElementById("sunset-table").tBodies[0].rows, function (r) { return !r.hidden; }).length;
  return location.search + " | " + away + " rows going away shown";
})()`)
	if want := "?sunset-table-sort=1&sunset-table-order=desc&protocol=HTTPS | 100 rows going away shown"; filtered != want {
		t.Errorf("a filter of every dependency: %q, want %q", filtered, want)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?sunset-table-sort=1&sunset-table-order=desc&awayprotocol=SFTP")); err != nil {
		t.Fatal(err)
	}
	if got, want := waitFor(t, ctx, "the sorted list from the address", state), "sunset-table: Blueprint descending, B 129; dependency-table: unsorted, B 000 | ?sunset-table-sort=1&sunset-table-order=desc&awayprotocol=SFTP"; got != want {
		t.Errorf("opened with the list going away sorted and filtered:\n%q\nwant %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, `document.querySelector('form[data-filter-for="dependency-table"] select[data-filter="protocol"]').value + "|" + document.querySelector('form[data-filter-for="sunset-table"] select[data-filter="awayprotocol"]').value`), "|SFTP"; got != want {
		t.Errorf("the protocol filters of every dependency and of those going away: %q, want %q", got, want)
	}
}

// TestTheTableOfEveryBlueprintFiltersAndSortsWholeInChromium opens the
// dependency map from disk with a filter of the table of every blueprint in
// its query string (two pages here): the page's matching rows show, the whole
// list's are counted from its rows file with the page that has them linked;
// sorting by impact, descending, brings the hub from the middle of the first
// page to the top; a criticality sorts by its rank, not its words, a
// blueprint of none last either way; and the lists of dependencies on the
// same page keep their rows.
func TestTheTableOfEveryBlueprintFiltersAndSortsWholeInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1280, 900)
	out, diags := sitetest.Render(t, sitetest.DomainTables(), goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "dependencies", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?tablecriticality=low")); err != nil {
		t.Fatal(err)
	}
	const form = `document.querySelector('form[data-filter-for="blueprint-table"]')`
	whole := `(function () {
  var t = ` + form + `.querySelector(".filter-pages").textContent;
  return /^Counting/.test(t) ? "" : t;
})()`
	if got, want := evaluate[string](t, ctx, form+`.querySelector(".filter-count").textContent`), "4 of 100 on this page"; got != want {
		t.Errorf("dependencies/?tablecriticality=low counts %q on its page, want %q", got, want)
	}
	if got, want := waitFor(t, ctx, "the whole list's count", whole), "24 of 130 blueprints of the whole list match, on this page (4), page 2 (20)."; got != want {
		t.Errorf("the whole list's count: %q, want %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, form+`.querySelector(".filter-pages a").getAttribute("href")`), "../dependencies/blueprints/2/index.html?tablecriticality=low#domain-tables"; got != want {
		t.Errorf("the link to page 2: %q, want %q", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	sorted := `(function () {
  var t = document.getElementById("blueprint-table").closest("section").querySelector(".sort-status");
  if (!t || !t.textContent || /^Sorting/.test(t.textContent)) return "";
  var rows = document.getElementById("blueprint-table").tBodies[0].rows;
  return t.textContent + " | " + rows[0].cells[0].textContent + " " + rows[0].cells[6].textContent + ", " + rows[1].cells[0].textContent + " " + rows[1].cells[6].textContent + " (" + rows.length + ")";
})()`
	click := func(col int, times int) {
		evaluate[bool](t, ctx, fmt.Sprintf(`(function () {
  var b = document.querySelectorAll("#blueprint-table th button.sort")[%d];
  for (var i = 0; i < %d; i++) b.click();
  return true;
})()`, col, times))
	}
	click(6, 2)
	if got, want := waitFor(t, ctx, "the table sorted by impact", sorted), "The whole list, sorted by Impact (descending): 1–100 of 130 blueprints. | Hub 129, I 000 0 (100)"; got != want {
		t.Errorf("sorted by impact, descending: %q, want %q", got, want)
	}
	// By criticality, ascending: low first (its rank, not its words), the 30
	// blueprints of none after mission critical, on page 2.
	click(2, 1)
	first := `(function () {
  var t = document.getElementById("blueprint-table").closest("section").querySelector(".sort-status");
  if (!/Criticality/.test(t.textContent)) return "";
  var rows = document.getElementById("blueprint-table").tBodies[0].rows;
  return rows[0].cells[2].textContent + " … " + rows[rows.length - 1].cells[2].textContent;
})()`
	if got, want := waitFor(t, ctx, "the table sorted by criticality", first), "Low … Mission critical"; got != want {
		t.Errorf("sorted by criticality, ascending, the first page runs %q, want %q", got, want)
	}
	// Descending, the blueprints of none, whose cells say "not set", are last
	// still, as empty cells are.
	click(2, 1)
	descending := `(function () {
  var t = document.getElementById("blueprint-table").closest("section").querySelector(".sort-status");
  if (!/descending/.test(t.textContent)) return "";
  var rows = document.getElementById("blueprint-table").tBodies[0].rows;
  return rows[0].cells[2].textContent + " … " + rows[rows.length - 1].cells[2].textContent;
})()`
	if got, want := waitFor(t, ctx, "the table sorted by criticality, descending", descending), "Mission critical … Low"; got != want {
		t.Errorf("sorted by criticality, descending, the first page runs %q, want %q", got, want)
	}
	if got := evaluate[string](t, ctx, `document.getElementById("dependency-table").tBodies[0].rows[0].cells[0].textContent`); got != "I 000" {
		t.Errorf("sorting the table of every blueprint changed the list of every dependency: its first row is %q", got)
	}
}
