package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/sitetest"
	"strings"
	"testing"
)

// TestDefaultsAdoptAFolder loads a folder adopted through defaults: a defaulted
// field acts as a written one, a written field wins, and the problems of a
// defaulted value point at archfolio.yaml.
func TestDefaultsAdoptAFolder(t *testing.T) {
	t.Parallel()
	files := sitetest.Archive("testdata/sites/defaults-adopt-a-folder.txtar")
	out, diags := sitetest.Render(t, files, "2026-11-27")
	want := `archfolio.yaml:8:5: error: status "acceptd" is not a decision status (did you mean "accepted"?) (want one of: proposed, accepted, rejected, deprecated, superseded)
archfolio.yaml:9:13: error: scope[0]: unknown id "no-such-blueprint"
content/notes/loose.md:1:1: error: no front matter: a document starts with a --- line, then at least kind: and title:, then --- (or archfolio.yaml's defaults: give its folder a kind)
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	p, _ := sitetest.Load(t, files, "2026-11-27")
	adopted, madr, written := p.ByID["0001-record-decisions"], p.ByID["0002-use-madr"], p.ByID["written"]
	if adopted == nil || madr == nil || written == nil {
		t.Fatalf("documents missing: %v", generator.SortedKeys(p.ByID))
	}
	if adopted.Kind != "decision" || adopted.Title != "Record decisions" || adopted.Status != "accepted" ||
		adopted.Owner != written.Owner || adopted.URL != "decisions/0001-record-decisions/" {
		t.Errorf("adopted: kind %q, title %q, status %q, owner %q, URL %q", adopted.Kind, adopted.Title, adopted.Status, adopted.Owner, adopted.URL)
	}
	if madr.Status != "proposed" || madr.Title != "Use MADR" {
		t.Errorf("written fields lost to defaults: status %q, title %q", madr.Status, madr.Title)
	}
	// Owner pages list the adopted decision beside the written one.
	owner, _ := out.File("owners/architecture-board/index.html")
	for _, id := range []string{"0001-record-decisions", "written"} {
		if !strings.Contains(string(owner), "decisions/"+id+"/") {
			t.Errorf("the owner page does not list %s", id)
		}
	}
	// The heading taken as the title is not repeated in the body; the rest is there.
	page, _ := out.File("decisions/0001-record-decisions/index.html")
	if strings.Count(string(page), ">Record decisions</h1>") != 1 || !strings.Contains(string(page), `href="../../decisions/0002-use-madr/"`) {
		t.Errorf("adopted page:\n%s", page)
	}
}

func TestDefaultsConfigErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ yaml, want string }{
		{"defaults: {path: x}\n", `archfolio.yaml:1:11: error: defaults: want a list of {path: "folder/**", field: value, …}`},
		{"defaults:\n  - kind: decision\n", `archfolio.yaml:2:5: error: defaults: an entry needs path:`},
		{"defaults:\n  - {path: ../x, kind: guide}\n", `archfolio.yaml:2:12: error: defaults: path "../x" is not a pattern`},
		{"defaults:\n  - {path: \"[\", kind: guide}\n", `archfolio.yaml:2:12: error: defaults: path "[" is not a pattern`},
		{"defaults:\n  - {path: \"**\", id: x}\n", `archfolio.yaml:2:18: error: defaults: id cannot be a default`},
		{"defaults:\n  - plain\n", `archfolio.yaml:2:5: error: defaults: want a list`},
		{"defaults:\n  - {path: \"**\", kind: guide, ownr: x}\n", `archfolio.yaml:2:31: error: unknown setting "defaults[0].ownr": no field of kind guide (did you mean "owner"?)`},
		{"defaults:\n  - {path: \"**\", colour: red}\n", `archfolio.yaml:2:18: error: unknown setting "defaults[0].colour": no field of any kind`},
	} {
		_, diags := sitetest.Load(t, map[string]string{"archfolio.yaml": tc.yaml,
			"content/g.md": "---\nkind: guide\ntitle: G\n---\n"}, "2026-11-27")
		if got := sitetest.DiagLines(diags); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q:\n%s\nwant a line starting %s", tc.yaml, got, tc.want)
		}
	}
}

func TestDefaultsPathPatterns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"decisions/**", "decisions/x.md", true},
		{"decisions/**", "decisions/a/b/x.md", true},
		{"decisions/**", "decisionsx/x.md", false},
		{"decisions/*.md", "decisions/a/x.md", false},
		{"**/adr-*.md", "a/b/adr-1.md", true},
		{"**/adr-*.md", "adr-1.md", true},
		{"*", "x.md", true},
		{"guides/*/*", "guides/g.md", false},
	} {
		if got := generator.MatchSegments(strings.Split(tc.pattern, "/"), strings.Split(tc.path, "/")); got != tc.want {
			t.Errorf("%s matching %s: %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}
