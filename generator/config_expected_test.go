package generator_test

import (
	"archfolio/generator/sitetest"
	"slices"
	"testing"
)

// TestConfigExpectedKey holds the schema's expected: key as archfolio.yaml's
// kinds: write it: accepted on a new kind's field and on a field added to a
// built-in kind (after the common fields the built-in schema marks), a
// misspelling is an unknown setting with a suggestion, and expected: inside
// a list's objects is refused, since completeness is counted per document.
func TestConfigExpectedKey(t *testing.T) {
	t.Parallel()
	doc := map[string]string{"content/r.md": "---\nkind: runbook\ntitle: R\noncall: Ana\n---\n"}
	with := func(config string) map[string]string {
		files := map[string]string{"archfolio.yaml": config}
		for k, v := range doc {
			files[k] = v
		}
		return files
	}
	p, diags := sitetest.Load(t, with("kinds:\n  runbook:\n    fields:\n      oncall: {type: string, expected: true}\n      pager: {type: string}\n"+
		"  blueprint:\n    fields:\n      cost_center: {type: string, expected: true}\n"), "2026-11-27")
	if got := sitetest.DiagLines(diags); got != "" {
		t.Errorf("expected: true gave diagnostics:\n%s", got)
	}
	if got, want := p.Schema.ExpectedFields("runbook"), []string{"owner", "summary", "oncall"}; !slices.Equal(got, want) {
		t.Errorf("runbook's expected fields: %q, want %q", got, want)
	}
	if got, want := p.Schema.ExpectedFields("blueprint"), []string{"owner", "summary", "domain", "lifecycle", "criticality", "data_classification", "cost_center"}; !slices.Equal(got, want) {
		t.Errorf("blueprint's expected fields: %q, want %q", got, want)
	}
	for _, tc := range []struct{ config, want string }{
		{"kinds:\n  runbook:\n    fields:\n      oncall: {type: string, expcted: true}\n",
			"archfolio.yaml:4:30: error: unknown setting \"kinds.runbook.fields.oncall.expcted\" (did you mean \"expected\"?)\n"},
		{"kinds:\n  runbook:\n    fields:\n      steps: {type: list, of: {type: object, fields: {text: {type: string, expected: true}}}}\n",
			"archfolio.yaml: error: kinds: schema field runbook.steps[].text: expected: marks a kind's own fields and the common ones, not a field inside a list, map or object\n" +
				"content/r.md:2:1: error: unknown kind \"runbook\" (want one of: blueprint, standard, threat-model, roadmap, review, remediation, decision, vendor, nfr, poc, guide)\n"},
	} {
		_, diags := sitetest.Load(t, with(tc.config), "2026-11-27")
		if got := sitetest.DiagLines(diags); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.config, got, tc.want)
		}
	}
}
