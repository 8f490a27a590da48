package generator_test

import (
	"archfolio/generator/sitetest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRoadmapTableSortsInChromium loads the rendered roadmap page from disk in a
// headless Chromium, with a probe script appended that sorts the table by its
// Start column (the theme's site.js, which sorts by data-sort: normalised dates,
// so 2026-09-01 sorts before 2026-Q4 and after 2026-Q2) and reports the order.
func TestRoadmapTableSortsInChromium(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	files := roadmapSite(map[string]string{
		"content/roadmap/rm-q4.md": "\n---\nkind: roadmap\ntitle: Starts in Q4\ncapability: directory\nstart: 2026-Q4\nend: 2027-Q1\n---\n",
	})
	out, _ := sitetest.Render(t, files, roadmapToday)
	dir := writeSite(t, out)
	page := filepath.Join(dir, "roadmap", "iam", "index.html")
	html, _ := os.ReadFile(page)
	probe := `<script>
var th = document.querySelectorAll("table.rm-table thead th")[2];
th.querySelector("button.sort").click();
var rows = document.querySelectorAll("table.rm-table tbody tr");
document.body.setAttribute("data-probe", Array.prototype.map.call(rows, function (r) { return r.cells[2].textContent; }).join("|"));
</script></body>`
	if err := os.WriteFile(page, []byte(strings.Replace(string(html), "</body>", probe, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := dumpDOM(t, browser, "file://"+filepath.ToSlash(page))
	m := regexp.MustCompile(`data-probe="([^"]*)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe did not run; the page's scripts failed:\n%.2000s", dom)
	}
	want := "2025-Q3|2026-Q2|2026-Q3|2026-09-01|2026-Q4|2027-Q1|2027-Q3"
	if got := m[1]; got != want {
		t.Errorf("sorted by start: %s\nwant %s", got, want)
	}
}
