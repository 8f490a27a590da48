package risk_test

import (
	"fmt"
	"strings"
	"testing"

	"archfolio/generator/risk"
	"archfolio/generator/sitetest"
)

// The register's list of blueprints without a threat model is cut into pages
// of PerGaps, the first on risks/, linked to the others.
func TestRegisterGapsArePaged(t *testing.T) {
	t.Parallel()
	const n = risk.PerGaps + 20
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\ncriticality: high\n---\n", i)
	}
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	first, _ := out.File("risks/index.html")
	second, ok := out.File("risks/without-threat-model/2/index.html")
	if !ok {
		t.Fatal("no second page of the blueprints without a threat model")
	}
	count := func(b []byte) int { return strings.Count(string(b), `<span class="flag flag-bad">`) }
	if a, b := count(first), count(second); a != risk.PerGaps || b != n-risk.PerGaps {
		t.Errorf("the pages list %d and %d blueprints, want %d and %d", a, b, risk.PerGaps, n-risk.PerGaps)
	}
	if !strings.Contains(string(first), `<a rel="next" href="../risks/without-threat-model/2/#gaps">`) {
		t.Error("risks/ does not link to the second page")
	}
}
