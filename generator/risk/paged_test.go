package risk_test

import (
	"fmt"
	"slices"
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

// The list of all threats is cut into pages of PerThreats, the first on
// risks/; a heatmap cell links its first HeatListed threats, each on the
// page that lists it, and counts the others.
func TestRegisterThreatsArePaged(t *testing.T) {
	t.Parallel()
	const high, low = risk.PerThreats, 30 // scores 16 fill the first page; scores 1 go to the second
	var threats strings.Builder
	for i := range high + low {
		score := "4\n    impact: 4"
		if i >= high {
			score = "1\n    impact: 1"
		}
		fmt.Fprintf(&threats, "  - id: T-%03d\n    title: Threat %d\n    likelihood: %s\n    status: open\n", i, i, score)
	}
	files := map[string]string{
		"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n",
		"content/tm.md": "---\nkind: threat-model\ntitle: Model\nsubject: bp\nthreats:\n" + threats.String() + "---\n",
	}
	pages := sitetest.Pages(t, files, "2026-11-27")
	page, second := pages("risks/index.html"), pages("risks/threats/2/index.html")
	rows := func(s string) int { return strings.Count(s, `<tr id="tm--`) }
	if a, b := rows(page), rows(second); a != high || b != low {
		t.Errorf("the pages list %d and %d threats, want %d and %d", a, b, high, low)
	}
	for _, want := range []string{
		`<a rel="next" href="../risks/threats/2/#all-threats">`,
		`<li><a href="#tm--t-000" title="Threat 0">T-000</a>`,
		`<li class="heat-more">and ` + fmt.Sprint(high-risk.HeatListed) + ` more in the list of all threats</li>`,
		`<li><a href="../risks/threats/2/#tm--t-300" title="Threat 300">T-300</a>`,
		`<li class="heat-more">and ` + fmt.Sprint(low-risk.HeatListed) + ` more in the list of all threats</li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("risks/ has no %s", want)
		}
	}
	if n := strings.Count(page, `<li><a href="`); n > 2*risk.HeatListed+20 {
		t.Errorf("risks/ has %d list links: the heatmap lists more than %d threats a cell", n, risk.HeatListed)
	}
	// The filters of the list of all threats see the rows of both pages.
	out, _ := sitetest.Render(t, files, "2026-11-27")
	if got := sitetest.CheckFilterRows(t, sitetest.Filtered(out)); !slices.Equal(got, []string{"risks/threats/filter-rows.js"}) {
		t.Errorf("rows files %v, want risks/threats/filter-rows.js", got)
	}
	if got := sitetest.CheckSortRows(t, sitetest.Sorted(out)); !slices.Equal(got, []string{"risks/threats/sort-rows.js"}) {
		t.Errorf("sort rows files %v, want risks/threats/sort-rows.js", got)
	}
}
