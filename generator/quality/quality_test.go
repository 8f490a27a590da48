package quality_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"archfolio/generator/quality"
	"archfolio/generator/sitetest"
)

const today = "2026-11-27"

const fixture = "../testdata/quality/site.txtar"

// TestReportText holds `check --quality`'s report of the fixture line by
// line; the fixture's comment says where each figure comes from.
func TestReportText(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive(fixture), today)
	if got := sitetest.DiagLines(diags); got != "" {
		t.Fatalf("the fixture has problems:\n%s", got)
	}
	var b bytes.Buffer
	if err := quality.WriteText(&b, quality.Of(p)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Data quality on 2026-11-27",
		"Expected fields filled in, by kind:",
		"  Blueprints, 4 documents: Owner 3 of 4 (75%); Summary 3 of 4 (75%); Domain 4 of 4 (100%); Lifecycle 3 of 4 (75%); Criticality 4 of 4 (100%); Data classification 3 of 4 (75%)",
		"  Standards, 2 documents: Owner 2 of 2 (100%); Summary 1 of 2 (50%); Version 1 of 2 (50%); Statements 2 of 2 (100%)",
		"  Threat models, 2 documents: Owner 2 of 2 (100%); Summary 2 of 2 (100%); Methodology 2 of 2 (100%); Threats 2 of 2 (100%)",
		"  Reviews, 4 documents: Owner 4 of 4 (100%); Summary 4 of 4 (100%); Reviewers 4 of 4 (100%); Outcome 4 of 4 (100%); Next 3 of 4 (75%)",
		"  Remediation items, 2 documents: Owner 2 of 2 (100%); Summary 2 of 2 (100%); JIRA 2 of 2 (100%); Source 2 of 2 (100%); Affects 2 of 2 (100%); Discovered 2 of 2 (100%)",
		"Owners, most gaps first: 4",
		// Ledger 3 of 6, Mainframe 6 of 6, its review 5 of 5; Ledger is past review.
		"  Finance Team: 4 gaps; 3 documents; expected fields 14 of 17 filled in (82%); missing Blueprint summary in 1 of 2, Blueprint lifecycle in 1 of 2, Blueprint data classification in 1 of 2; 1 document past review",
		// Standards 4 + 2 of 8, reviews 5 + 5 + 4 of 15, threat models 8 of 8.
		"  Security Architecture: 3 gaps; 7 documents; expected fields 28 of 31 filled in (90%); missing Standard summary in 1 of 2, Standard version in 1 of 2, Review next in 1 of 3",
		"  Web <Team>: 3 gaps; 3 documents; expected fields 18 of 18 filled in (100%); 1 alignment record without evidence; 1 alignment record assessed more than a year ago; 1 reference to a retired document",
		"  No owner: 2 gaps; 1 document; expected fields 5 of 6 filled in (83%); missing Blueprint owner in 1 of 1; 1 reference to a retired document",
		"Alignment records without evidence: 1",
		`  content/blueprints/portal.md:12: "Portal" with "Authentication & <sessions>", statement AUTH-1: Implemented`,
		"Alignment records assessed more than a year ago: 1",
		`  content/blueprints/portal.md:13: "Portal" with "Old crypto": assessed 2025-06-01, 544 days ago`,
		"Documents past review: 1",
		`  content/blueprints/ledger.md:8: "Ledger" (blueprint): review due 2026-01-01, 330 days late`,
		"References to retired documents: 2",
		`  content/blueprints/claims.md:10: "Claims" (blueprint) depends on "Mainframe" (blueprint)`,
		`  content/blueprints/portal.md:13: "Portal" (blueprint) aligns with "Old crypto" (standard)`,
		"Recurring findings: 4 gaps in two blueprints or more, 1 systemic (in 3 or more)",
		`  Systemic: Standard "Authentication & <sessions>": 3 blueprints: Claims, Ledger, Portal; 3 review findings, 2 residual threats, 2 remediation items; open remediation: Hash passwords with Argon2 (SEC-1); since 2026-02-15, 285 days`,
		`  Recurring: Component type "<web-server>": 2 blueprints: Claims, Portal; 0 review findings, 2 residual threats, 1 remediation item; no open remediation; since 2026-04-01, 240 days`,
		`  Recurring: Standard statement "Authentication & <sessions>, statement AUTH-1": 2 blueprints: Claims, Portal; 0 review findings, 2 residual threats, 1 remediation item; no open remediation; since 2026-04-01, 240 days`,
		`  Recurring: STRIDE category "Spoofing": 2 blueprints: Claims, Portal; 0 review findings, 2 residual threats, 1 remediation item; no open remediation; since 2026-04-01, 240 days`,
	}
	if got, want := b.String(), strings.Join(want, "\n")+"\n"; got != want {
		t.Errorf("the report differs from the lines expected at %s", sitetest.FirstDiff(want, got))
	}
}

// TestPageGolden holds the /quality/ page of the fixture, whose figures
// TestReportText checks, and its card on the home page.
func TestPageGolden(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive(fixture), today)
	b, ok := out.File("quality/index.html")
	if !ok {
		t.Fatal("no quality/index.html")
	}
	sitetest.Golden(t, "testdata/quality.html", sitetest.Main(t, b))
	home, _ := out.File("index.html")
	// 65 of the 72 expected fields (14 + 28 + 18 + 5 of 17 + 31 + 18 + 6), and
	// 4 + 3 + 3 + 2 gaps.
	for _, want := range []string{"<li class=\"card card-alert alert-warning\">\n    <a href=\"quality/\">", `<span class="card-value">90%</span>`,
		"of expected fields filled in; 12 gaps to fix, 1 systemic recurring finding"} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page's data quality card lacks %s", want)
		}
	}
}

// TestPageBounded gives 150 blueprints a record without evidence: the page
// lists the first 100 and says where the rest is, the text lists all 150.
func TestPageBounded(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/standards/s.md": "---\nkind: standard\ntitle: S\nstatus: effective\nfamily: iam\n---\n"}
	for i := range 150 {
		files[fmt.Sprintf("content/blueprints/b%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: B%03d\nowner: Team %03d\n"+
			"compliance:\n  - {standard: s, status: implemented}\n---\n", i, i)
	}
	out, _ := sitetest.Render(t, files, today)
	b, _ := out.File("quality/index.html")
	page := string(b)
	section := page[strings.Index(page, `<h2 id="no-evidence">`):strings.Index(page, `<h2 id="stale-records">`)]
	if rows := strings.Count(section, `<tr><th scope="row">`); rows != quality.PerList {
		t.Errorf("the page lists %d records without evidence, want %d", rows, quality.PerList)
	}
	if want := "The first 100 of 150: <code>archfolio check --quality</code> lists them all."; !strings.Contains(section, want) {
		t.Errorf("the page does not say where the rest is: %q", want)
	}
	p, _ := sitetest.Load(t, files, today)
	var text bytes.Buffer
	if err := quality.WriteText(&text, quality.Of(p)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(text.String(), `with "S": Implemented`); n != 150 {
		t.Errorf("check --quality lists %d records without evidence, want 150", n)
	}
}
