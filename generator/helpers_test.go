package generator

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"archfolio/generator/diag"
	"archfolio/themes"
)

// siteArchive reads a fixture portfolio kept as a txtar archive under testdata/
// (the archive's comment says what it exercises) and returns it as path →
// content, for testSite. Each call returns a new map, which the caller may
// change. It panics on a missing or malformed archive, as a fixture is part of
// the test's source.
func siteArchive(name string) map[string]string {
	path := filepath.Join("testdata", filepath.FromSlash(name))
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
