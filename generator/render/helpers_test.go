package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/themes"
)

// siteArchive reads a fixture portfolio kept as a txtar archive under testdata/
// (the archive's comment says what it exercises) and returns it as path →
// content, for testSite. Each call returns a new map, which the caller may
// change. It panics on a missing or malformed archive, as a fixture is part of
// the test's source.
func siteArchive(name string) map[string]string {
	path := filepath.Join("..", "testdata", filepath.FromSlash(name))
	a, err := txtar.ParseFile(path)
	if err != nil {
		panic(err)
	}
	files := make(map[string]string, len(a.Files))
	for _, f := range a.Files {
		if _, dup := files[f.Name]; dup {
			panic(fmt.Sprintf("%s: %s appears twice", path, f.Name))
		}
		files[f.Name] = string(f.Data)
	}
	if len(files) == 0 {
		panic(path + ": no files")
	}
	return files
}

// testSite builds an in-memory site from path → content; a leading newline in each
// content is dropped so tests can use raw string literals.
func testSite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.TrimPrefix(body, "\n"))}
	}
	return fsys
}

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

// diagLines renders diagnostics one per line without their codes, for comparing
// with expectations: a view's tests hold its messages, TestDiagnosticCodes and the
// golden files (codedDiagLines) hold the codes.
func diagLines(ds diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		d.Code = 0
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
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
