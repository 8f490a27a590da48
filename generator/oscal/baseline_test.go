package oscal

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/internal/fixture"
	"archfolio/themes"
)

// A baseline imported with the catalogue it selects from lists, per family,
// the controls it leaves out; a record naming one of them is told it is
// outside the baseline, where a control in neither gets the near miss. An
// update with the catalogue again changes nothing.
func TestImportBaselineWithItsCatalogue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	opts := Options{Catalog: readFixture(t, "catalog.json"), CatalogName: "catalog.json"}
	if _, err := Import(context.Background(), dir, "resolved-profile.json", readFixture(t, "resolved-profile.json"), opts); err != nil {
		t.Fatal(err)
	}
	ac, err := os.ReadFile(filepath.Join(dir, "content", "standards", "nist-800-53r5-ac.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The excerpt's AC family: AC-1, AC-2, AC-2(1) and AC-2(10), withdrawn;
	// the baseline selects AC-2 and AC-2(1). AU is not in the excerpt.
	if !strings.Contains(string(ac), "\noutside_baseline: [AC-1]\n") {
		t.Errorf("the AC standard does not list AC-1 as outside the baseline:\n%s", ac)
	}
	if au, _ := os.ReadFile(filepath.Join(dir, "content", "standards", "nist-800-53r5-au.md")); strings.Contains(string(au), "outside_baseline") {
		t.Errorf("the AU standard lists controls outside the baseline, but the catalogue has no AU family:\n%s", au)
	}

	bp := "---\nid: payroll\nkind: blueprint\ntitle: Payroll\nstatus: implemented\nowner: HR IT\ncriticality: high\ncompliance:\n" +
		"  - {standard: nist-800-53r5-ac, statement: AC-1, status: implemented}\n" +
		"  - {standard: nist-800-53r5-ac, statement: AC-2(7), status: implemented}\n" +
		"  - {standard: nist-800-53r5-ac, statement: AC-2, status: implemented}\n---\n"
	if err := os.MkdirAll(filepath.Join(dir, "content", "blueprints"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "blueprints", "payroll.md"), []byte(bp), 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: themes.Default()})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/blueprints/payroll.md:9:34: error: compliance[0].statement: "AC-1" is a control of nist-800-53r5 that the baseline imported as "nist-800-53r5-ac" leaves out (its outside_baseline): import a baseline or overlay that selects it (archfolio import oscal --update), or align with one of its statements
content/blueprints/payroll.md:10:34: error: compliance[1].statement: "AC-2(7)" is not a statement of "nist-800-53r5-ac" (did you mean "AC-2(1)"?) (its statements: AC-2, AC-2(1))
`
	var unknown diag.Diagnostics
	for _, d := range diags {
		if d.Path == "content/blueprints/payroll.md" && d.Code == diag.CodeUnknownStatement {
			unknown = append(unknown, d)
		}
	}
	if got := fixture.DiagLines(unknown); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}

	opts.Update = true
	res, err := Import(context.Background(), dir, "resolved-profile.json", readFixture(t, "resolved-profile.json"), opts)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(dir, "content", "standards", "nist-800-53r5-ac.md"))
	if string(again) != string(ac) {
		t.Errorf("an update with the same baseline and catalogue changed the standard:\n%s", again)
	}
	for _, r := range res {
		if r.Updated && r.Changes.String() != "unchanged" && r.Changes.String() != "" {
			t.Errorf("%s: %s", r.Path, r.Changes.String())
		}
	}
}
