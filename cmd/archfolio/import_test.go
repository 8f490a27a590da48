package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestImportOSCAL(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	catalog := filepath.Join("..", "..", "generator", "oscal", "testdata", "catalog.json")
	code, out, errOut := runCLI(t, "import", "oscal", catalog, "--family", "ac", "-s", site)
	if code != exitOK || out != "content/standards/nist-800-53r5-ac.md (3 controls)\n" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	written := filepath.Join(site, "content", "standards", "nist-800-53r5-ac.md")
	first, err := os.ReadFile(written)
	if err != nil {
		t.Fatal(err)
	}
	// Again, with every family: the existing file is kept, the new one written.
	code, out, errOut = runCLI(t, "import", "oscal", "-s", site, catalog)
	if code != exitOK || out != "content/standards/nist-800-53r5-ia.md (2 controls)\n" ||
		!strings.Contains(errOut, "skipped content/standards/nist-800-53r5-ac.md: the file already exists") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if again, _ := os.ReadFile(written); !bytes.Equal(first, again) {
		t.Error("an existing file was overwritten")
	}
	// Nothing left to write is a failure.
	if code, _, _ = runCLI(t, "import", "oscal", catalog, "-s", site); code != exitProblems {
		t.Errorf("exit %d when every file exists, want %d", code, exitProblems)
	}
	// The written standards pass check.
	if code, _, errOut = runCLI(t, "check", "-s", site); code != exitOK {
		t.Errorf("check of imported standards: exit %d\n%s", code, errOut)
	}
	// --update merges the same catalogue into what it wrote: nothing changes.
	code, out, errOut = runCLI(t, "import", "oscal", catalog, "--update", "-s", site)
	if code != exitOK || out != "content/standards/nist-800-53r5-ac.md: unchanged\ncontent/standards/nist-800-53r5-ia.md: unchanged\n" || errOut != "" {
		t.Errorf("--update: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if again, _ := os.ReadFile(written); !bytes.Equal(first, again) {
		t.Error("an update with the same catalogue changed the file")
	}
}

func TestImportOSCALErrors(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	bad := filepath.Join(site, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"profile": {"imports": []}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, exitUsage, `want "oscal", "adr", "backstage" or "threagile"`},
		{[]string{"import", "csv", "x"}, exitUsage, `want "oscal", "adr", "backstage" or "threagile"`},
		{[]string{"import", "oscal"}, exitUsage, "Usage: archfolio import oscal FILE"},
		{[]string{"import", "oscal", "a.json", "b.json"}, exitUsage, "Usage: archfolio import oscal FILE"},
		{[]string{"import", "oscal", bad, "-s", filepath.Join(site, "missing")}, exitUsage, "is not a folder"},
		{[]string{"import", "oscal", filepath.Join(site, "none.json"), "-s", site}, exitProblems, "no such file"},
		{[]string{"import", "oscal", site, "-s", site}, exitProblems, "is a folder, not an OSCAL JSON file"},
		{[]string{"import", "oscal", bad, "-s", site}, exitProblems, "this is an OSCAL profile, not a catalog"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}

// TestImportADR imports the ADR fixtures into one site through the command line:
// the site then passes check, and a second run changes nothing and exits 0.
func TestImportADR(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"madr-front-matter", "nygard"} {
		ar, err := txtar.ParseFile(filepath.Join("..", "..", "generator", "adr", "testdata", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, name)
		for _, f := range ar.Files {
			rel, ok := strings.CutPrefix(f.Name, "adr/")
			if !ok {
				continue
			}
			file := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, out, errOut := runCLI(t, "import", "adr", dir, "-s", site)
		if code != exitOK || !strings.Contains(out, "wrote     content/decisions/") {
			t.Fatalf("import adr %s: exit %d\n%s%s", name, code, out, errOut)
		}
		code, out, errOut = runCLI(t, "import", "adr", "-s", site, dir)
		if code != exitOK || strings.Contains(out, "wrote") || strings.Contains(out, "copied") {
			t.Errorf("second import adr %s: exit %d\n%s%s", name, code, out, errOut)
		}
	}
	if code, out, errOut := runCLI(t, "check", "--strict", "-s", site); code != exitOK {
		t.Errorf("check of imported decisions: exit %d\n%s%s", code, out, errOut)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "adr"}, exitUsage, "Usage: archfolio import adr DIR"},
		{[]string{"import", "adr", filepath.Join(root, "none"), "-s", site}, exitProblems, "is not a folder of decision records"},
		{[]string{"import", "adr", filepath.Join(site, "content", "decisions"), "-s", site}, exitProblems, "is inside the site's content/ already"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}

// TestImportBackstage imports the Backstage fixture's catalogue folder through the
// command line, then one descriptor file: the site passes check --strict, a second
// run changes nothing and exits 0, malformed descriptors exit 1 with file:line:col.
func TestImportBackstage(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"catalogue", "malformed", "reimport"} {
		ar, err := txtar.ParseFile(filepath.Join("..", "..", "generator", "backstage", "testdata", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			file := filepath.Join(root, name, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := filepath.Join(root, "catalogue", "catalog")
	code, out, errOut := runCLI(t, "import", "backstage", dir, "-s", site)
	// The fixture's Location entity is ignored, and its unresolved refs are notes.
	if code != exitOK || !strings.Contains(out, "created   content/blueprints/payment-gateway.md") ||
		!strings.Contains(out, "ignored   location:default/more-teams") || errOut != "" {
		t.Fatalf("import backstage: exit %d\n%s%s", code, out, errOut)
	}
	file := filepath.Join(root, "reimport", "v1", "catalog-info.yaml")
	if code, out, errOut = runCLI(t, "import", "backstage", "-s", site, file); code != exitOK ||
		!strings.Contains(out, "created   content/blueprints/ledger.md") {
		t.Fatalf("import backstage FILE: exit %d\n%s%s", code, out, errOut)
	}
	before, _ := os.ReadFile(filepath.Join(site, "content", "blueprints", "ledger.md"))
	if code, out, errOut = runCLI(t, "import", "backstage", "-s", site, file); code != exitOK ||
		strings.Contains(out, "created") || strings.Contains(out, "updated") {
		t.Errorf("second import backstage: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(site, "content", "blueprints", "ledger.md")); !bytes.Equal(before, after) {
		t.Error("the second run changed ledger.md")
	}
	if code, out, errOut := runCLI(t, "check", "--strict", "-s", site); code != exitOK {
		t.Errorf("check --strict of the imported blueprints: exit %d\n%s%s", code, out, errOut)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "backstage"}, exitUsage, "Usage: archfolio import backstage FILE|DIR"},
		{[]string{"import", "backstage", filepath.Join(root, "none.yaml"), "-s", site}, exitProblems, "no such file"},
		{[]string{"import", "backstage", filepath.Join(root, "malformed", "catalog", "broken-syntax.yaml"), "-s", site}, exitProblems,
			"broken-syntax.yaml:12:1: error: invalid YAML: mapping values are not allowed in this context"},
		{[]string{"import", "backstage", filepath.Join(root, "catalogue", "catalog", "docker-compose.yml"), "-s", site}, exitProblems,
			"docker-compose.yml: error: no Backstage entity"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
