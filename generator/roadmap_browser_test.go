package generator

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRoadmapTableSortsInChromium loads the rendered roadmap page from disk in a
// headless Chromium, with a probe script appended that sorts the table by its
// Start column (the theme's site.js, which sorts by data-sort: normalised dates,
// so 2026-09-01 sorts before 2026-Q4 and after 2026-Q2) and reports the order.
func TestRoadmapTableSortsInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		skipBrowser(t, "no Chromium on PATH (install Debian's chromium)")
	}
	files := roadmapSite(map[string]string{
		"content/roadmap/rm-q4.md": "\n---\nkind: roadmap\ntitle: Starts in Q4\ncapability: directory\nstart: 2026-Q4\nend: 2027-Q1\n---\n",
	})
	out, _ := renderTestSite(t, files, roadmapToday)
	dir := t.TempDir()
	for _, name := range out.Names() {
		data, _ := out.File(name)
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, ".chromium"), "--dump-dom", "file://"+filepath.ToSlash(page))
	dom, err := cmd.Output()
	if err != nil {
		skipBrowser(t, "Chromium did not run: "+err.Error())
	}
	m := regexp.MustCompile(`data-probe="([^"]*)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe did not run; the page's scripts failed:\n%.2000s", dom)
	}
	want := "2025-Q3|2026-Q2|2026-Q3|2026-09-01|2026-Q4|2027-Q1|2027-Q3"
	if got := string(m[1]); got != want {
		t.Errorf("sorted by start: %s\nwant %s", got, want)
	}
}
