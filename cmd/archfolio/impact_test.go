package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestImpactText(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "impact", "ledger", "-s", "../../examples/cycle", "--today", "2026-11-27")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	want := `General ledger: 3 blueprints depend on it, 2 directly; 0 of them mission-critical.
DEPTH  ID         CRITICALITY  LIFECYCLE  OWNER                OPEN CRITICAL RISKS  PATH
1      billing    high         active     Finance Engineering  0                    ledger <- billing (in a cycle)
2      orders     high         active     Commerce Team        0                    ledger <- billing <- orders (in a cycle)
1      reporting  medium       phase-in   Finance Engineering  0                    ledger <- reporting
`
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

func TestImpactJSON(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "impact", "-s", "../../examples/cycle", "billing", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var got struct {
		Blueprint  string
		Direct     int
		Total      int
		Dependents []struct {
			ID    string
			Depth int
			Path  []string
			URL   string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Blueprint != "billing" || got.Direct != 1 || got.Total != 3 || len(got.Dependents) != 3 {
		t.Fatalf("got %+v", got)
	}
	first := got.Dependents[0]
	if first.ID != "ledger" || first.Depth != 2 || strings.Join(first.Path, ">") != "billing>orders>ledger" || first.URL != "blueprints/ledger/" {
		t.Errorf("first dependent %+v, want ledger (mission-critical) at depth 2 through orders", first)
	}
}

func TestImpactErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"impact", "ledgr", "-s", "../../examples/cycle"}, `no blueprint with id "ledgr" (did you mean "ledger"?)`},
		{[]string{"impact", "ledger", "-s", "../../examples/cycle", "--format", "xml"}, `--format "xml": want one of text, json`},
		{[]string{"impact", "-s", "../../examples/cycle"}, "Usage: archfolio impact ID"},
		{[]string{"impact", "a", "b"}, "Usage: archfolio impact ID"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, exitUsage, tc.want)
		}
	}
}
