package generator_test

import (
	"archfolio/generator/sitetest"
	"strings"
	"testing"
)

// TestConfigBuiltInKindKeys holds archfolio.yaml's kinds: to what a kind may set:
// every key works for a built-in kind, and a misspelt one anywhere is an unknown
// setting with a suggestion.
func TestConfigBuiltInKindKeys(t *testing.T) {
	t.Parallel()
	files := sitetest.Archive("testdata/sites/config-built-in-kind-keys.txtar")
	out, diags := sitetest.Render(t, files, "2026-11-27")
	want := `archfolio.yaml:7:29: error: unknown setting "kinds.decision.fields.board.requried" (did you mean "required"?)
archfolio.yaml:9:5: error: unknown setting "kinds.blueprint.colums" (did you mean "columns"?)
archfolio.yaml:13:58: error: unknown setting "kinds.blueprint.fields.parts.of.fields.name.patern" (did you mean "pattern"?)
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	index, ok := out.File("adr/index.html")
	if !ok {
		t.Fatal("no adr/index.html: section: of a built-in kind was not used")
	}
	for _, col := range []string{`<th scope="col">Date</th>`, `<th scope="col">Deciders</th>`} {
		if !strings.Contains(string(index), col) {
			t.Errorf("adr/index.html lacks the column %s", col)
		}
	}
	if _, ok := out.File("adr/d/index.html"); !ok {
		t.Error("the decision's page is not under adr/")
	}
}

// A kind's order must name one of its fields of a type that sorts; the error
// is at the order key of archfolio.yaml.
func TestConfigKindOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, want string }{
		{"kinds:\n  decision:\n    order: -dat\n",
			"archfolio.yaml:3:5: error: kinds: kind \"decision\": order: no field \"dat\" (did you mean \"date\"?)\n"},
		{"kinds:\n  blueprint:\n    label: Blueprint\n    order: depends_on\n",
			"archfolio.yaml:4:5: error: kinds: kind \"blueprint\": order: depends_on is a list field; an index sorts by a field of type string, int, number, date, period, enum\n"},
	} {
		_, diags := sitetest.Load(t, map[string]string{"archfolio.yaml": tc.config, "content/g.md": "---\nid: g\nkind: guide\ntitle: G\n---\n"}, "2026-11-27")
		if got := sitetest.DiagLines(diags); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.config, got, tc.want)
		}
	}
}
