package roadmap_test

import (
	"archfolio/generator"
	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestRoadmapCSVGolden(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
	data, ok := out.File("roadmap.csv")
	if !ok {
		t.Fatal("no roadmap.csv")
	}
	sitetest.Golden(t, "testdata/roadmap.golden.csv", data)
}

func TestRoadmapCSVIsFormulaInjectionSafe(t *testing.T) {
	t.Parallel()
	files := roadmapSite(sitetest.Archive("../testdata/roadmap/csv-formula-injection.txtar"))
	out, _ := sitetest.Render(t, files, roadmapToday)
	data, _ := out.File("roadmap.csv")
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var row []string
	for _, r := range rows[1:] {
		if r[col["id"]] == "rm-formula" {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("no row for rm-formula:\n%s", data)
	}
	for name, want := range map[string]string{
		"title":      `'=HYPERLINK("http://evil.example","x")`,
		"owner":      "'@attacker",
		"capability": "'+mfa",
		"lane":       "'+mfa",
		"outcomes":   "'-2+3",
		"milestones": "'\tTabbed (2026-02-01, missed)",
	} {
		if got := row[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	for _, r := range rows {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	for in, want := range map[string]string{"": "", "a=b": "a=b", "=1": "'=1", "\r": "'\r", "2026-Q1": "2026-Q1"} {
		if got := generator.CSVSafe(in); got != want {
			t.Errorf("CSVSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoadmapInPortfolioJSON(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
	data, _ := out.File("portfolio.json")
	var pj struct {
		Views struct {
			Roadmap roadmap.RoadmapJSON `json:"roadmap"`
		} `json:"views"`
	}
	if err := json.Unmarshal(data, &pj); err != nil {
		t.Fatal(err)
	}
	rm := pj.Views.Roadmap
	if len(rm.Items) != 6 || len(rm.Tracks) != 1 {
		t.Fatalf("items %d, tracks %d", len(rm.Items), len(rm.Tracks))
	}
	var rollout roadmap.RoadmapItemJSON
	for _, it := range rm.Items {
		if it.ID == "rm-mfa-rollout" {
			rollout = it
		}
	}
	if rollout.From != "2026-04-01" || rollout.To != "2026-09-30" || rollout.Start != "2026-Q2" || !rollout.Slipped ||
		rollout.JiraURL != "https://jira.example/browse/IAM-202" || len(rollout.Milestones) != 2 ||
		rollout.Milestones[1].State != "missed" || strings.Join(rollout.DependedOnBy, ",") != "rm-passkeys" {
		t.Errorf("rm-mfa-rollout in portfolio.json: %+v", rollout)
	}
	tr := rm.Tracks[0]
	if tr.Slug != "iam" || tr.First != "2025-Q3" || tr.Last != "2027-Q4" || strings.Join(tr.Slipped, ",") != "rm-mfa-rollout" ||
		len(tr.Lanes) != 2 || tr.Lanes[0].Maturity.Source != generator.ConfigFile || len(tr.Outcomes) != 2 {
		t.Errorf("track in portfolio.json: %+v", tr)
	}
}

func TestRoadmapPanelsOnItemAndBlueprintPages(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
	for page, wants := range map[string][]string{
		"roadmap/items/rm-passkeys/index.html": {
			`id="roadmap-title">On the roadmap</h2>`,
			`class="rm-timeline rm-strip"`,
			`href="../../../roadmap/iam/#rmt-iam-rm-passkeys"`,
			`<h3>Depends on</h3>`, `href="../../../roadmap/items/rm-mfa-rollout/">MFA for all staff</a>`, "⚠ ends after this item starts",
			`<h3>Depended on by</h3>`, `href="../../../roadmap/items/rm-mfa-policy/">Conditional access policy</a>`,
			`<h3>Delivers</h3>`, `href="../../../blueprints/workforce-sso/">Workforce SSO</a>`,
			`<a href="https://jira.example/browse/IAM-303">IAM-303</a>`,
			"General availability — 2027-03-31 — <strong>due</strong>",
		},
		"roadmap/items/rm-mfa-rollout/index.html": {"⚠ slipped: ended 2026-09-30 and not done", "<strong>missed</strong>"},
		"blueprints/workforce-sso/index.html": {
			`id="roadmap-items-title">Roadmap items that deliver it</h2>`,
			`href="../../roadmap/items/rm-mfa-rollout/">MFA for all staff</a>`,
			`href="../../roadmap/items/rm-passkeys/">Passkeys for staff</a>`,
		},
		"index.html": {"Slipped roadmap items", `<span class="card-value">1</span>`, `href="roadmap/#slipped"`},
		"roadmap/iam/index.html": {
			`<link rel="stylesheet" href="../../assets/roadmap-print.css" media="print">`,
			`<table class="data sortable rm-table" id="rm-table">`, `data-sort="2026-04-01"`,
			`<h2 id="maturity">`, `rm-heat-current`, `<h2 id="outcomes">`, `<h3>Fewer account takeovers</h3>`,
			`href="../../roadmap.csv"`,
		},
	} {
		body, ok := out.File(page)
		if !ok {
			t.Fatalf("no %s", page)
		}
		for _, w := range wants {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
	css, _ := out.File("assets/roadmap-print.css")
	if !strings.Contains(string(css), "@page { size: landscape;") {
		t.Error("the roadmap print stylesheet does not ask for landscape pages")
	}
	home, _ := out.File("index.html")
	if strings.Contains(string(home), "roadmap-print.css") {
		t.Error("the landscape print stylesheet is linked from a page other than the roadmap")
	}
	dir, _ := out.File("blueprints/directory-services/index.html")
	if !strings.Contains(string(dir), `href="../../roadmap/items/rm-directory-consolidation/">Consolidate directories</a>`) {
		t.Error("directory-services lacks the item that delivers it")
	}
}

func TestNoRoadmapItems(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, map[string]string{"content/a.md": "\n---\nkind: blueprint\ntitle: A\n---\n"}, roadmapToday)
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page, ok := out.File("roadmap/index.html")
	if !ok || !strings.Contains(string(page), "No roadmap items yet") {
		t.Errorf("roadmap/index.html without items:\n%s", page)
	}
	home, _ := out.File("index.html")
	if strings.Contains(string(home), "Slipped roadmap items") {
		t.Error("the home page shows a roadmap card without a roadmap")
	}
	if data, _ := out.File("roadmap.csv"); strings.Count(string(data), "\n") != 1 {
		t.Errorf("roadmap.csv without items should be just the header:\n%s", data)
	}
}
