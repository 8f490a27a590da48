package generator

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/internal/fixture"
	"archfolio/themes"
)

// siteArchive reads the fixture portfolio testdata/name (fixture.Archive).
func siteArchive(name string) map[string]string {
	return fixture.Archive(filepath.Join("testdata", filepath.FromSlash(name)))
}

// testSite builds an in-memory site from path → content (fixture.Site).
func testSite(files map[string]string) fstest.MapFS { return fixture.Site(files) }

// diagLines prints diagnostics one per line without their codes (fixture.DiagLines).
func diagLines(ds diag.Diagnostics) string { return fixture.DiagLines(ds) }

// testOptions returns options for a test site pinned to today (YYYY-MM-DD).
func testOptions(t testing.TB, site fstest.MapFS, today string) Options {
	t.Helper()
	d, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Site: site, Theme: themes.Default(), Today: d}
}

// loadTestSite loads an in-memory site and returns the portfolio and diagnostics.
func loadTestSite(t testing.TB, files map[string]string, today string) (*Portfolio, diag.Diagnostics) {
	t.Helper()
	p, diags, err := Load(context.Background(), testOptions(t, testSite(files), today))
	if err != nil {
		t.Fatal(err)
	}
	return p, diags
}
