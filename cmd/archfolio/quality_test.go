package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestCheckQuality runs check --quality: the report follows the diagnostics
// on stdout (generator/quality's TestReportText holds its lines), and its
// gaps never change the exit status, which stays the diagnostics'.
func TestCheckQuality(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	writeArchive(t, filepath.Join("..", "..", "generator", "testdata", "quality", "site.txtar"), site)
	r := archfolio(t, "check", "-s", site, "--quality", "--strict", "--today", "2026-11-27")
	expectCode(t, r, exitOK)
	for _, want := range []string{"Data quality on 2026-11-27\n",
		"\n  Finance Team: 4 gaps; 3 documents;",
		"\n  Systemic: Standard \"Authentication & <sessions>\": 3 blueprints: Claims, Ledger, Portal;"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check --quality lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.HasPrefix(r.stdout, "Data quality on") {
		t.Errorf("a clean portfolio's report starts %q", r.stdout[:min(80, len(r.stdout))])
	}

	r = archfolio(t, "check", "-s", "../../examples/broken", "--quality", "--today", "2026-11-27")
	expectCode(t, r, exitProblems)
	diags, err := os.ReadFile("../../generator/testdata/broken.diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.stdout, string(diags)+"Data quality on 2026-11-27\n") {
		t.Errorf("check --quality of a broken site printed:\n%s\nwant its diagnostics, then the report", r.stdout)
	}

	r = archfolio(t, "check", "-s", site, "--quality", "--format", "json")
	expectCode(t, r, exitUsage)
	if want := "archfolio check: --quality prints text after the diagnostics; it goes with --format text, not json\n"; r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
}

// writeArchive writes the files of a txtar archive into dir.
func writeArchive(t *testing.T, archive, dir string) {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		file := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
