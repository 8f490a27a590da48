package oscal

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"archfolio/generator"
)

// hostileCatalogue is the hostile catalogue of issue 19 (package generator's
// testdata); its oscal-*.txtar archives are OSCAL catalogues.
const hostileCatalogue = "../testdata/hostile-catalogue"

// TestHostileCatalogue imports the catalog.json of each oscal-*.txtar archive
// of the hostile catalogue into a site made of the archive's site/ files, and
// checks:
//
//   - what the import reports (each family's result, the problems check finds
//     in what it wrote) and then check's diagnostics of the site, against
//     NAME.diagnostics (-update rewrites it);
//   - that every document written is valid UTF-8 without a control character
//     but tab and line feed, and within the budget the archive's expect file
//     gives ("max-document-bytes N", default 1 MiB);
//   - "maps-to ID FRAMEWORK ID…": the written standard ID maps to exactly
//     these ids under FRAMEWORK, each read back as a string.
func TestHostileCatalogue(t *testing.T) {
	t.Parallel()
	archives, err := filepath.Glob(filepath.Join(hostileCatalogue, "oscal-*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) == 0 {
		t.Fatalf("no oscal-*.txtar in %s", hostileCatalogue)
	}
	for _, file := range archives {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runHostileImport(t, name, file)
		})
	}
}

func runHostileImport(t *testing.T, name, file string) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(a.Comment)) == 0 {
		t.Errorf("%s: no comment saying what the attack is and what must happen", file)
	}
	dir := t.TempDir()
	var catalogue []byte
	var expect []string
	for _, f := range a.Files {
		switch rel, inSite := strings.CutPrefix(f.Name, "site/"); {
		case f.Name == "catalog.json":
			catalogue = f.Data
		case f.Name == "expect":
			expect = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
		case inSite:
			writeSiteFile(t, filepath.Join(dir, filepath.FromSlash(rel)), f.Data)
		default:
			t.Fatalf("%s: unknown file %s", file, f.Name)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	var report strings.Builder
	results, err := Import(context.Background(), dir, "catalog.json", catalogue, Options{})
	if err != nil {
		fmt.Fprintf(&report, "import: %v\n", err)
	}
	budget := 1 << 20
	for _, r := range results {
		fmt.Fprintf(&report, "import: %s: %d controls, written %v%s\n", r.Path, r.Controls, r.Written, strings.TrimSuffix(" "+r.Reason, " "))
		for _, d := range r.Problems {
			fmt.Fprintf(&report, "import: problem: %s\n", d)
		}
	}
	for _, e := range expect {
		if n, ok := strings.CutPrefix(e, "max-document-bytes "); ok {
			budget, _ = strconv.Atoi(n)
		}
	}
	for _, r := range results {
		if !r.Written {
			continue
		}
		doc, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc) > budget {
			t.Errorf("%s is %d bytes, over the budget of %d", r.Path, len(doc), budget)
		}
		if !utf8.Valid(doc) || bytes.ContainsFunc(doc, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f }) {
			t.Errorf("%s holds invalid UTF-8 or a control character: %q", r.Path, doc)
		}
	}
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts := options(nil)
	opts.Site, opts.CheckOnly = site, true
	p, diags, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	report.WriteString(diagLines(diags))
	checkGolden(t, "../../testdata/hostile-catalogue/"+name+".diagnostics", []byte(report.String()))
	for _, e := range expect {
		if f, ok := strings.CutPrefix(e, "maps-to "); ok {
			checkMapsTo(t, p, strings.Fields(f))
		}
	}
}

// checkMapsTo checks that standard want[0] maps to want[2:] under framework want[1].
func checkMapsTo(t *testing.T, p *generator.Portfolio, want []string) {
	t.Helper()
	d := p.ByID[want[0]]
	if d == nil {
		t.Fatalf("no standard %s", want[0])
	}
	var got []string
	for _, v := range d.Fields.Obj("maps_to").List(want[1]) {
		s, ok := v.(string)
		if !ok {
			t.Errorf("maps_to id %v (%T) is not a string", v, v)
		}
		got = append(got, s)
	}
	if strings.Join(got, " ") != strings.Join(want[2:], " ") {
		t.Errorf("maps_to %s: %q, want %q", want[1], got, want[2:])
	}
}

func writeSiteFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
