package backstage

import (
	"archfolio/generator/internal/fixture"
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/themes"

	_ "archfolio/generator/views" // check runs every view's checks

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The golden tests run in the fixture's folder (t.Chdir), so that the reports
// name catalog/…, and cannot be parallel.

// TestImportGolden imports each testdata/NAME.txtar's catalog/ folder into a site
// made of its site/ files, twice, and compares both reports and every file of the
// site with NAME.golden. The second run must change nothing, and but for the
// malformed fixture the imported site must pass check --strict.
func TestImportGolden(t *testing.T) {
	testdata, _ := filepath.Abs("testdata")
	for _, name := range []string{"catalogue", "malformed"} {
		t.Run(name, func(t *testing.T) {
			root := unpack(t, filepath.Join(testdata, name+".txtar"))
			site, dir := filepath.Join(root, "site"), filepath.Join(root, "catalog")
			golden := &txtar.Archive{}
			report1 := runImport(t, root, site, dir)
			first := fixture.Snapshot(t, site)
			report2 := runImport(t, root, site, dir)
			if second := fixture.Snapshot(t, site); !fixture.SameFiles(first, second) {
				t.Error("the second run changed the site")
			}
			golden.Files = append(golden.Files, txtar.File{Name: "first run", Data: report1},
				txtar.File{Name: "second run", Data: report2})
			golden.Files = append(golden.Files, first...)
			checkGolden(t, filepath.Join(testdata, name+".golden"), txtar.Format(golden))
			if name != "malformed" {
				checkSite(t, site)
			}
		})
	}
}

// TestReimport imports a catalogue, lets the team edit the blueprint (a field of
// their own, an owned field, body text above and below the owned section), then
// imports the next version of the catalogue, which changes owned fields and the
// section: the team's edits survive, the catalogue's changes land, nothing else
// moves, and a third run changes nothing.
func TestReimport(t *testing.T) {
	testdata, _ := filepath.Abs("testdata")
	root := unpack(t, filepath.Join(testdata, "reimport.txtar"))
	site := filepath.Join(root, "site")
	golden := &txtar.Archive{}
	golden.Files = append(golden.Files, txtar.File{Name: "v1", Data: runImport(t, root, site, filepath.Join(root, "v1"))})
	file := filepath.Join(site, "content", "blueprints", "ledger.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "kind: blueprint\n", "kind: blueprint\nstatus: implemented # reviewed in March\ncriticality: high\n", 1)
	edited = strings.Replace(edited, "tags: [finance]\n", "tags: [finance]\nlayers:\n  backend: PostgreSQL 16\n", 1)
	edited = strings.Replace(edited, "---\n\n## Backstage catalogue", "---\n\nThe ledger is the book of record; see [[payments-api-gw]].\n\n## Backstage catalogue", 1)
	edited += "\n## Operations\n\nFailover is manual, by design.\n"
	writeFile(t, file, []byte(edited))
	golden.Files = append(golden.Files, txtar.File{Name: "edited by the team: " + "content/blueprints/ledger.md", Data: []byte(edited)})
	golden.Files = append(golden.Files, txtar.File{Name: "v2", Data: runImport(t, root, site, filepath.Join(root, "v2"))})
	after := fixture.Snapshot(t, site)
	golden.Files = append(golden.Files, txtar.File{Name: "v2 again", Data: runImport(t, root, site, filepath.Join(root, "v2"))})
	if again := fixture.Snapshot(t, site); !fixture.SameFiles(after, again) {
		t.Error("a second run of v2 changed the site")
	}
	golden.Files = append(golden.Files, after...)
	checkGolden(t, filepath.Join(testdata, "reimport.golden"), txtar.Format(golden))
	got, _ := os.ReadFile(file)
	for _, kept := range []string{"status: implemented # reviewed in March\ncriticality: high\n", "  backend: PostgreSQL 16\n",
		"The ledger is the book of record", "## Operations\n\nFailover is manual, by design.\n"} {
		if !strings.Contains(string(got), kept) {
			t.Errorf("the team's %q was lost:\n%s", kept, got)
		}
	}
	checkSite(t, site)
}

// TestImportLeavesOtherFilesAlone: a blueprint the team wrote by hand at the path
// an entity would take, and one imported from another entity, are skipped.
func TestImportLeavesOtherFilesAlone(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	site := filepath.Join(root, "site")
	hand := "---\nkind: blueprint\ntitle: Ledger\n---\n\nWritten by hand.\n"
	writeFile(t, filepath.Join(site, "content", "blueprints", "ledger.md"), []byte(hand))
	writeFile(t, filepath.Join(root, "c.yaml"), []byte("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger\nspec:\n  owner: x\n"))
	rep, err := Import(context.Background(), site, filepath.Join(root, "c.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 1 || rep.Results[0].Action != Skipped || !strings.Contains(rep.Results[0].Reason, "not one the import wrote") {
		t.Errorf("results %+v", rep.Results)
	}
	if got, _ := os.ReadFile(filepath.Join(site, "content", "blueprints", "ledger.md")); string(got) != hand {
		t.Errorf("a hand-written blueprint was changed:\n%s", got)
	}
	// An id another document has, elsewhere in the site, is skipped too.
	writeFile(t, filepath.Join(site, "content", "guides", "archive.md"), []byte("---\nkind: guide\ntitle: Archive\n---\n"))
	writeFile(t, filepath.Join(root, "d.yaml"), []byte("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: archive\nspec:\n  owner: x\n"))
	rep, err = Import(context.Background(), site, filepath.Join(root, "d.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 1 || rep.Results[0].Action != Skipped || rep.Results[0].Reason != `id "archive" is already used by content/guides/archive.md` {
		t.Errorf("results %+v", rep.Results)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "blueprints", "archive.md")); err == nil {
		t.Error("a blueprint was written with another document's id")
	}
}

func unpack(t *testing.T, fixture string) string {
	t.Helper()
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
	return root
}

// runImport imports dir into site and returns the report, paths relative to root.
func runImport(t *testing.T, root, site, dir string) []byte {
	t.Helper()
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root) // so that the report's paths are the fixture's
	rep, err := Import(context.Background(), site, rel)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	rep.Print(&out, &errs)
	return []byte(out.String() + "-- stderr:\n" + errs.String())
}

// checkSite loads the site as check --strict does and fails on any diagnostic.
func checkSite(t *testing.T, dir string) {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: themes.Default(),
		Today: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("check --strict of the imported site: %s", d)
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
		t.Fatalf("%v (run go test ./generator/backstage -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./generator/backstage -update if the change is intended):\n%s", file, got)
	}
}
