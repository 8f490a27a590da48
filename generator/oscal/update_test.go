package oscal

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/themes"
)

// A catalogue followed over time: v1 imported, then edited by the team, then
// v2 merged in (a control retitled with a new item, one withdrawn, one new),
// then v2 again (nothing changes), then an overlay that adds a control to the
// family and a family of its own. The team's fields, levels, comments and body
// survive; a record naming the withdrawn control is a warning.
func TestImportOSCALUpdate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/blueprints/payroll.md", "---\nid: payroll\nkind: blueprint\ntitle: Payroll\nstatus: implemented\nowner: HR IT\ncriticality: high\n"+
		"compliance:\n  - {standard: nist-800-53r5-ac, statement: AC-1, status: implemented}\n  - {standard: nist-800-53r5-ac, statement: AC-3, status: implemented}\n---\n")
	imp := func(fixture string, opts Options) []string {
		t.Helper()
		res, err := Import(context.Background(), dir, fixture, readFixture(t, fixture), opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range res {
			switch {
			case r.Updated && r.Reason == "":
				out = append(out, r.Path+": "+r.Changes.String())
			case r.Written:
				out = append(out, r.Path+": written")
			default:
				out = append(out, r.Path+": skipped: "+r.Reason)
			}
			for _, d := range r.Problems {
				out = append(out, "  "+d.String())
			}
		}
		return out
	}
	std := filepath.Join(dir, "content", "standards", "nist-800-53r5-ac.md")
	expect := func(step string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	expect("v1", imp("update-v1.json", Options{Framework: "nist-800-53r5"}), "content/standards/nist-800-53r5-ac.md: written")
	expect("v2 without --update", imp("update-v2.json", Options{Framework: "nist-800-53r5"}),
		"content/standards/nist-800-53r5-ac.md: skipped: the file already exists; archfolio import never overwrites (delete it to import again); or run with --update to merge this catalogue into it")

	// The team reviews the standard: status, owner, applies_to, a level, a
	// comment, a statement's guidance, and the body.
	data, err := os.ReadFile(std)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "status: draft\n", "status: effective\nowner: Security Office # reviewed 2026-10\napplies_to: {criticality: [high]}\n", 1)
	edited = strings.Replace(edited, "    level: must\n", "    level: should\n", 1)
	edited = strings.Replace(edited, "guidance: Review the policy yearly.", "guidance: Review the policy yearly, and after every major incident.", 1)
	edited += "\nTeam note: AC-2 is checked quarterly.\n"
	write("content/standards/nist-800-53r5-ac.md", edited)

	expect("v2", imp("update-v2.json", Options{Framework: "nist-800-53r5", Update: true}),
		"content/standards/nist-800-53r5-ac.md: 1 added (AC-24), 1 changed (AC-2), 1 withdrawn (AC-3), version 2.0")
	merged, _ := os.ReadFile(std)
	checkGolden(t, "update-merged.golden", merged)
	for _, kept := range []string{"status: effective\n", "owner: Security Office # reviewed 2026-10\n", "applies_to: {criticality: [high]}\n",
		"level: should\n", "guidance: Review the policy yearly, and after every major incident.\n", "\nTeam note: AC-2 is checked quarterly.\n"} {
		if !strings.Contains(string(merged), kept) {
			t.Errorf("the update lost the team's %q", kept)
		}
	}
	expect("v2 again", imp("update-v2.json", Options{Framework: "nist-800-53r5", Update: true}),
		"content/standards/nist-800-53r5-ac.md: unchanged")
	if again, _ := os.ReadFile(std); string(again) != string(merged) {
		t.Error("a second update with the same catalogue changed the file")
	}
	expect("overlay", imp("update-overlay.json", Options{Framework: "nist-800-53r5", Update: true}),
		"content/standards/nist-800-53r5-ac.md: 1 added (AC-21)",
		"content/standards/nist-800-53r5-pt.md: written")

	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	expect("check", lines,
		`content/blueprints/payroll.md:10:34: warning: compliance[1].statement: "AC-3" of "nist-800-53r5-ac" is withdrawn, so this record no longer counts: align with the statement that replaced it, or remove the record [AF313]`)
}
