// Package sitetest builds fixture portfolios for the tests of the view
// packages: in-memory sites from txtar archives or path → content maps,
// loaded and rendered with the default theme and every view registered, and
// diagnostics printed one per line. Only tests import it.
package sitetest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/internal/fixture"
	"archfolio/generator/render"
	_ "archfolio/generator/views" // every site has every view
	"archfolio/themes"
)

// Options returns options for a site pinned to today (YYYY-MM-DD).
func Options(t testing.TB, site fstest.MapFS, today string) generator.Options {
	t.Helper()
	d, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Options{Site: site, Theme: themes.Default(), Today: d}
}

// Archive reads a fixture portfolio kept as a txtar archive (path relative to
// the test's package) as path → content (fixture.Archive).
func Archive(path string) map[string]string { return fixture.Archive(path) }

// Site builds an in-memory site from path → content (fixture.Site).
func Site(files map[string]string) fstest.MapFS { return fixture.Site(files) }

// Commit is one commit of a fixture repository (fixture.Commit).
type Commit = fixture.Commit

// GitRepo makes a git repository of commits in a temporary folder
// (fixture.GitRepo).
func GitRepo(t testing.TB, commits []Commit) string { return fixture.GitRepo(t, commits) }

// Git runs git in dir on date (fixture.Git).
func Git(t testing.TB, dir, date string, args ...string) { fixture.Git(t, dir, date, args...) }

// DiagLines prints diagnostics one per line without their codes
// (fixture.DiagLines).
func DiagLines(ds diag.Diagnostics) string { return fixture.DiagLines(ds) }

// Load loads an in-memory site and returns the portfolio and diagnostics.
func Load(t testing.TB, files map[string]string, today string) (*generator.Portfolio, diag.Diagnostics) {
	t.Helper()
	return load(t, Options(t, Site(files), today))
}

// load loads the site of opts.
func load(t testing.TB, opts generator.Options) (*generator.Portfolio, diag.Diagnostics) {
	t.Helper()
	p, diags, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return p, diags
}

// Render loads and renders an in-memory site into memory.
func Render(t testing.TB, files map[string]string, today string) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	return renderSite(t, Options(t, Site(files), today))
}

// RenderOptions loads and renders the site of opts into memory.
func RenderOptions(t testing.TB, opts generator.Options) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	return renderSite(t, opts)
}

// renderSite loads and renders the site of opts into memory.
func renderSite(t testing.TB, opts generator.Options) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	_, out, diags := Build(t, opts)
	return out, diags
}

// Build loads the site of opts and renders it into memory, whatever its
// diagnostics, and returns the portfolio too.
func Build(t testing.TB, opts generator.Options) (*generator.Portfolio, *render.MemOutput, diag.Diagnostics) {
	t.Helper()
	p, diags := load(t, opts)
	out := &render.MemOutput{}
	if err := render.Render(context.Background(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return p, out, diags
}

// Update is the -update flag of every test binary that imports sitetest:
// golden files are rewritten instead of compared.
var Update = flag.Bool("update", false, "rewrite the golden files")

// Golden compares got with the golden file at path (relative to the test's
// package), or rewrites it when the test runs with -update.
func Golden(t *testing.T, path string, got []byte) {
	t.Helper()
	path = filepath.FromSlash(path)
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; first difference:\n%s\n(run go test -update if the change is intended)", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return "(none)"
}

// Today is the date the repository's own sites (the sample portfolio, the
// examples) are pinned to in tests.
const Today = "2026-11-27"

// LoadDir loads the site in the folder root, pinned to Today.
func LoadDir(t testing.TB, root string) (*generator.Portfolio, diag.Diagnostics) {
	t.Helper()
	return load(t, dirOptions(t, root))
}

// RenderDir loads and renders the site in the folder root (the sample
// portfolio is "../.." from a view's package) into memory, pinned to Today.
func RenderDir(t testing.TB, root string) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	return renderSite(t, dirOptions(t, root))
}

// dirOptions are the options for the site in the folder root, pinned to Today.
func dirOptions(t testing.TB, root string) generator.Options {
	t.Helper()
	today, err := time.Parse(time.DateOnly, Today)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Options{Site: os.DirFS(root), Theme: themes.Default(), Today: today}
}

// FirstDiff shows the first line where two texts differ, numbered from 1,
// for a test that holds a text line by line.
func FirstDiff(want, got string) string { return firstDiff(want, got) }

// Main returns a page's main element, without the site's frame that other
// goldens hold.
func Main(t testing.TB, page []byte) []byte {
	t.Helper()
	s := string(page)
	from, to := strings.Index(s, "<main"), strings.Index(s, "</main>")
	if from < 0 || to < from {
		t.Fatalf("no main element in %.200s", s)
	}
	return []byte(s[from : to+len("</main>\n")])
}
