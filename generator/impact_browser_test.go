package generator_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"archfolio/generator/dependencies"
	"archfolio/generator/sitetest"
)

// impactSite is a blueprint "core" that more blueprints depend on than an
// impact page lists: chains of three from core, of every criticality, some
// with open critical remediation, with a cycle among them, and blueprints
// that do not depend on core at all.
func impactSite() map[string]string {
	const n = dependencies.ImpactRows + 50
	crits := []string{"low", "medium", "high", "mission-critical"}
	files := map[string]string{
		"archfolio.yaml":            "title: Impact\n",
		"content/bp/core.md":        "---\nkind: blueprint\ntitle: Core\ncriticality: high\n---\n",
		"content/bp/aside-a.md":     "---\nkind: blueprint\ntitle: Aside A\ndepends_on: [aside-b]\n---\n",
		"content/bp/aside-b.md":     "---\nkind: blueprint\ntitle: Aside B\n---\n",
		"content/bp/uses-aside.md":  "---\nkind: blueprint\ntitle: Uses aside\ndepends_on: [aside-a]\n---\n",
		"content/bp/cycle-start.md": "---\nkind: blueprint\ntitle: Cycle start\ncriticality: high\ndepends_on: [core, cycle-end]\n---\n",
		"content/bp/cycle-end.md":   "---\nkind: blueprint\ntitle: Cycle end\ndepends_on: [cycle-start]\n---\n",
		"content/rem/rem-1.md":      "---\nkind: remediation\ntitle: Fix one\nseverity: critical\nstatus: open\ndiscovered: 2026-11-01\naffects: [bp-146, bp-002]\n---\n",
		"content/rem/rem-2.md":      "---\nkind: remediation\ntitle: Fix two\nseverity: critical\nstatus: in-progress\ndiscovered: 2026-11-01\naffects: [bp-146]\n---\n",
	}
	for i := range n {
		dep := "core"
		if i%3 != 0 {
			dep = fmt.Sprintf("bp-%03d", i-1)
		}
		files[fmt.Sprintf("content/bp/bp-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: Blueprint <%d>\ncriticality: %s\nlifecycle: active\nowner: Team %d\ndepends_on: [%s]\n---\n",
			i, crits[i%len(crits)], i%5, dep)
	}
	return files
}

// TestAllDependentsInChromium opens core's impact page from disk (file://,
// where a page may load a script beside it but not fetch a file), where the
// static table lists ImpactRows dependents, clicks "Show all N dependents"
// and reads the list the page's script computes from dependencies/edges.js:
// the same blueprints as `archfolio impact core` (dependencies.Impact), in
// the same order, each linked to its page.
func TestAllDependentsInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1200, 900)
	files := impactSite()
	p, diags := sitetest.Load(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	set, err := dependencies.Impact(p, "core")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range set.Dependents {
		want = append(want, e.Doc.ID)
	}
	if len(want) <= dependencies.ImpactRows {
		t.Fatalf("the fixture has %d dependents of core, not more than the page lists (%d)", len(want), dependencies.ImpactRows)
	}
	out, _ := sitetest.Render(t, files, "2026-11-27")
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "dependencies", "impact", "core", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	static, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("main table.sortable tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	if static != dependencies.ImpactRows {
		t.Errorf("the static table lists %d dependents, want %d", static, dependencies.ImpactRows)
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
  var b = document.querySelector("[data-all-dependents] button");
  if (!b) return "";
  b.click();
  return b.textContent;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if wantLabel := fmt.Sprintf("Show all %d dependents", len(want)); label != wantLabel {
		t.Fatalf("the control reads %q, want %q", label, wantLabel)
	}
	read := `(function () {
  var rows = document.querySelectorAll("table.all-dependents-table tbody tr");
  if (!rows.length) return "";
  return Array.prototype.map.call(rows, function (r) {
    return r.getAttribute("data-id") + " " + r.querySelector("a").getAttribute("href");
  }).join("\n");
})()`
	var got string
	for deadline := time.Now().Add(20 * time.Second); got == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got, err = chromedp.Run(ctx, chromedp.Evaluate[string](read)); err != nil {
			t.Fatal(err)
		}
	}
	if got == "" {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-all-dependents] [role=status]").textContent`))
		t.Fatalf("no list of all dependents; status: %q", status)
	}
	var ids []string
	for _, line := range strings.Split(got, "\n") {
		id, href, _ := strings.Cut(line, " ")
		ids = append(ids, id)
		if wantHref := "../../../" + p.ByID[id].URL + "index.html"; href != wantHref {
			t.Errorf("%s links to %q, want %q", id, href, wantHref)
		}
	}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("the page lists %d dependents:\n%s\nwant the %d of archfolio impact core:\n%s", len(ids), strings.Join(ids, " "), len(want), strings.Join(want, " "))
	}
}
