package decisions_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/decisions"
	"archfolio/generator/sitetest"
)

const today = "2026-11-27"

// A chain lists every decision joined to a decision by supersession, each
// after those it replaces (whatever the dates say), ties by date; only the
// accepted decision nothing accepted replaces is in force.
func TestChainOrder(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("../testdata/decisions/log.txtar"), today)
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	log := decisions.Of(p)
	chain := log.Chains[p.ByID["c"]]
	if chain == nil {
		t.Fatal("c has no chain")
	}
	var got []string
	for _, e := range chain.Entries {
		id := e.Doc.ID
		if e.InForce {
			id += "*"
		}
		got = append(got, id)
	}
	if want := "a b c d e*"; strings.Join(got, " ") != want {
		t.Errorf("chain = %s, want %s", strings.Join(got, " "), want)
	}
	for _, id := range []string{"a", "b", "d", "e"} {
		if log.Chains[p.ByID[id]] != chain {
			t.Errorf("%s does not share c's chain", id)
		}
	}
	if log.Chains[p.ByID["lone"]] != nil || log.Chains[p.ByID["undated"]] != nil {
		t.Error("a decision without supersession has a chain")
	}
	if d := chain.Entries[3]; len(d.Supersedes) != 2 || d.Supersedes[0].ID != "b" || len(d.SupersededBy) != 1 {
		t.Errorf("d's neighbours: supersedes %v, superseded by %v", d.Supersedes, d.SupersededBy)
	}
}

// Each decision of a chain shows the whole chain, its own row marked; the
// decisions index is newest first, undated last; portfolio.json has the chains.
func TestChainPanelAndLog(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("../testdata/decisions/log.txtar"), today)
	page := func(name string) string {
		data, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(data)
	}
	b := page("decisions/b/index.html")
	rows := regexp.MustCompile(`(?s)<tr(?: class="current" aria-current="true")?><td class="nowrap">(\d{4}-\d\d-\d\d)</td>\s*<td>(.*?)</td>`).FindAllStringSubmatch(b, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+" "+regexp.MustCompile(`<[^>]+>`).ReplaceAllString(r[2], ""))
	}
	want := []string{"2020-01-01 A: first", "2021-01-01 B: replaces A (this decision)", "2021-06-01 C: also replaces A &lt;c&gt;",
		"2022-01-01 D: replaces B and C", "2019-05-05 E: replaces D in force"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("b's chain rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(b, `C: also replaces A &lt;c&gt;`) || !strings.Contains(b, `<a href="../../decisions/d/">D: replaces B and C</a>`) {
		t.Error("chain titles are not escaped links")
	}
	if strings.Contains(page("decisions/lone/index.html"), "decision-chain") {
		t.Error("a decision without supersession has a chain panel")
	}
	index := page("decisions/index.html")
	var order []string
	for _, m := range regexp.MustCompile(`<a href="\.\./decisions/([a-z]+)/">`).FindAllStringSubmatch(index, -1) {
		order = append(order, m[1])
	}
	if got, want := strings.Join(order, " "), "lone d c b a e undated"; got != want {
		t.Errorf("decisions index order = %s, want %s (newest first, undated last)", got, want)
	}
	var pj struct {
		Views struct {
			Decisions struct {
				Chains []struct {
					Decisions []string `json:"decisions"`
					InForce   []string `json:"in_force"`
				} `json:"chains"`
				Cycles [][]string `json:"cycles"`
			} `json:"decisions"`
		} `json:"views"`
	}
	if err := json.Unmarshal([]byte(page("portfolio.json")), &pj); err != nil {
		t.Fatal(err)
	}
	if c := pj.Views.Decisions.Chains; len(c) != 1 || strings.Join(c[0].Decisions, " ") != "a b c d e" || strings.Join(c[0].InForce, " ") != "e" {
		t.Errorf("portfolio.json chains = %+v", c)
	}
}
