package adr

import (
	fx "archfolio/generator/internal/fixture"
	"bytes"
	"context"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/themes"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestImportGolden imports each testdata/NAME.txtar's adr/ folder into a site made
// of its site/ files, twice, and compares both reports and every file of the site
// with NAME.golden. The second run must change nothing, and but for the malformed
// fixture the imported site must pass check without a warning.
func TestImportGolden(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, fixture := range fixtures {
		name := strings.TrimSuffix(filepath.Base(fixture), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			ar, err := txtar.ParseFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(root, "site", "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				writeFile(t, filepath.Join(root, filepath.FromSlash(f.Name)), f.Data)
			}
			site, dir := filepath.Join(root, "site"), filepath.Join(root, "adr")
			golden := &txtar.Archive{}
			report1 := runImport(t, site, dir)
			first := fx.Snapshot(t, site)
			report2 := runImport(t, site, dir)
			if second := fx.Snapshot(t, site); !fx.SameFiles(first, second) {
				t.Error("the second run changed the site")
			}
			golden.Files = append(golden.Files, txtar.File{Name: "first run", Data: report1},
				txtar.File{Name: "second run", Data: report2})
			for _, f := range first {
				golden.Files = append(golden.Files, txtar.File{Name: f.Name, Data: f.Data})
			}
			checkGolden(t, filepath.Join("testdata", name+".golden"), txtar.Format(golden))
			if name != "malformed" {
				checkSite(t, site)
			}
		})
	}
}

func runImport(t *testing.T, site, dir string) []byte {
	t.Helper()
	results, err := Import(context.Background(), site, dir)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	Report(&out, &errs, "adr", results)
	return []byte(out.String() + "-- stderr:\n" + errs.String())
}

// checkSite loads the site as check does and fails on any diagnostic.
func checkSite(t *testing.T, dir string) {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: themes.Default(),
		Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("check of the imported site: %s", d)
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/adr -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./generator/adr -update if the change is intended):\n%s", file, got)
	}
}

// TestImportReadsNothingOutsideTheFolder: a link out of the ADR folder and a FIFO
// are failures of their own, never read, and the other records are imported.
func TestImportReadsNothingOutsideTheFolder(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	site, dir := filepath.Join(root, "site"), filepath.Join(root, "adr")
	writeFile(t, filepath.Join(site, "content", ".keep"), nil)
	writeFile(t, filepath.Join(root, "secret.md"), []byte("# SECRET\n"))
	writeFile(t, filepath.Join(dir, "0001-ok.md"), []byte("# OK\n\n* Status: accepted\n"))
	if err := os.Symlink(filepath.Join(root, "secret.md"), filepath.Join(dir, "0002-leak.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.png")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644); err != nil {
		t.Fatal(err)
	}
	results, err := Import(context.Background(), site, dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Action{}
	for _, r := range results {
		got[r.Source] = r.Action
	}
	want := map[string]Action{"0001-ok.md": Wrote, "0002-leak.md": Failed, "passwd.png": Failed, "pipe.png": Failed}
	if !maps.Equal(got, want) {
		t.Errorf("actions %v, want %v", got, want)
	}
	for _, name := range []string{"0002-leak.md", "passwd.png", "pipe.png"} {
		if _, err := os.Lstat(filepath.Join(site, "content", "decisions", name)); err == nil {
			t.Errorf("%s was written into the site", name)
		}
	}
}
