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

// chromium finds a headless-capable Chromium, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH")
	return ""
}

// dumpDOM loads a page from disk in headless Chromium, runs its scripts and
// returns the resulting DOM. Network features are off; the page is a file: URL.
func dumpDOM(t *testing.T, browser, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return string(out)
}

func TestMatrixFiltersInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	out := renderMatrixSite(t)
	dir := t.TempDir()
	for _, name := range out.Names() {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		data, _ := out.File(name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "matrix", "index.html"))
	row := regexp.MustCompile(`(<tr data-bp=""[^>]*>)<th scope="row"><a href="[^"]*">([^<]*)</a>`)
	for _, tc := range []struct {
		query, count string
		visible      []string // blueprint titles left visible
		focus        string
	}{
		{"", "7 of 7 blueprints shown", nil, ""},
		{"?align=exception-expired", "1 of 7 blueprints shown", []string{"Payments"}, `data-focus="exception-expired"`},
		{"?domain=digital&criticality=high", "1 of 7 blueprints shown", []string{"Portal"}, ""},
		{"?owner=Claims%20Team", "1 of 7 blueprints shown", []string{"Claims"}, ""},
		{"?status=retired", "1 of 7 blueprints shown", []string{"Legacy"}, ""},
		{"?align=nonsense", "7 of 7 blueprints shown", nil, ""},
	} {
		t.Run(cmpOr(tc.query, "none"), func(t *testing.T) {
			dom := dumpDOM(t, browser, page+tc.query)
			if !strings.Contains(dom, `<form class="filters matrix-filters" data-matrix-filter="matrix-grid">`) {
				t.Error("the script did not reveal the filter form")
			}
			if !strings.Contains(dom, tc.count) {
				t.Errorf("want %q in the filter count", tc.count)
			}
			if tc.focus != "" && !strings.Contains(dom, tc.focus) {
				t.Errorf("table lacks %s", tc.focus)
			}
			var visible []string
			rows := row.FindAllStringSubmatch(dom, -1)
			for _, r := range rows {
				if !strings.Contains(r[1], "hidden") {
					visible = append(visible, r[2])
				}
			}
			want := tc.visible
			if want == nil {
				want = []string{"Claims", "Legacy", "Data platform", "Mobile", "Portal", "Website", "Payments"}
			}
			if len(rows) != 7 || strings.Join(visible, ", ") != strings.Join(want, ", ") {
				t.Errorf("%d rows, visible: %v; want 7 rows, visible %v", len(rows), visible, want)
			}
		})
	}
}
