package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/internal/fixture"
	"archfolio/themes"
)

// siteArchive reads the fixture portfolio testdata/name (fixture.Archive).
func siteArchive(name string) map[string]string {
	return fixture.Archive(filepath.Join("..", "testdata", filepath.FromSlash(name)))
}

// testSite builds an in-memory site from path → content (fixture.Site).
func testSite(files map[string]string) fstest.MapFS { return fixture.Site(files) }

// diagLines prints diagnostics one per line without their codes (fixture.DiagLines).
func diagLines(ds diag.Diagnostics) string { return fixture.DiagLines(ds) }

// testOptions returns options for a test site pinned to today (YYYY-MM-DD).
func testOptions(t testing.TB, site fstest.MapFS, today string) generator.Options {
	t.Helper()
	d, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Options{Site: site, Theme: themes.Default(), Today: d}
}

// loadTestSite loads an in-memory site and returns the portfolio and diagnostics.
func loadTestSite(t testing.TB, files map[string]string, today string) (*generator.Portfolio, diag.Diagnostics) {
	t.Helper()
	p, diags, err := generator.Load(context.Background(), testOptions(t, testSite(files), today))
	if err != nil {
		t.Fatal(err)
	}
	return p, diags
}

// renderTestSite loads and renders an in-memory site into memory.
func renderTestSite(t testing.TB, files map[string]string, today string) (*MemOutput, diag.Diagnostics) {
	t.Helper()
	return renderSite(t, testOptions(t, testSite(files), today))
}

// goldenToday pins the date of the golden and fixture sites.
const goldenToday = "2026-11-27"

// riskToday pins the date of the risk fixtures.
const riskToday = "2026-11-27"

// siteOptions returns options for the site in the folder root, pinned to goldenToday.
func siteOptions(t *testing.T, root string) generator.Options {
	t.Helper()
	today, _ := time.Parse(time.DateOnly, goldenToday)
	return generator.Options{Site: os.DirFS(root), Theme: themes.Default(), Today: today}
}

// renderSite loads and renders the site of opts into memory.
func renderSite(t testing.TB, opts generator.Options) (*MemOutput, diag.Diagnostics) {
	t.Helper()
	p, diags, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	out := &MemOutput{}
	if err := Render(context.Background(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return out, diags
}

// firstDifference shows where got first differs from want ("" when equal).
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i == len(got) && i == len(want) {
		return ""
	}
	from := max(0, i-80)
	return fmt.Sprintf(": at byte %d\n  got  …%q\n  want …%q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
