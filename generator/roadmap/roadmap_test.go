package roadmap_test

import (
	"archfolio/generator"
	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"
)

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPeriodNormalisesQuartersToWholeQuarters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in              any
		text, from, to  string
		wantErrContains string
	}{
		{in: "2026-Q1", text: "2026-Q1", from: "2026-01-01", to: "2026-03-31"},
		{in: "2026-Q2", text: "2026-Q2", from: "2026-04-01", to: "2026-06-30"},
		{in: "2026-Q3", text: "2026-Q3", from: "2026-07-01", to: "2026-09-30"},
		{in: "2026-Q4", text: "2026-Q4", from: "2026-10-01", to: "2026-12-31"},
		{in: "2028-q1", text: "2028-Q1", from: "2028-01-01", to: "2028-03-31"},
		{in: "2026-07-15", text: "2026-07-15", from: "2026-07-15", to: "2026-07-15"},
		{in: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC), text: "2026-02-03", from: "2026-02-03", to: "2026-02-03"},
		{in: "2026-Q5", wantErrContains: "quarters Q1 to Q4"},
		{in: "2026-Q0", wantErrContains: "quarters Q1 to Q4"},
		{in: "26-Q1", wantErrContains: "is not a quarter (2026-Q3) or a date"},
		{in: "2026-13-01", wantErrContains: "is not a quarter"},
		{in: 2026, wantErrContains: "is not a quarter"},
	} {
		p, err := generator.ParsePeriod(tc.in)
		if tc.wantErrContains != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErrContains) {
				t.Errorf("generator.ParsePeriod(%v) error = %v, want one containing %q", tc.in, err, tc.wantErrContains)
			}
			continue
		}
		if err != nil {
			t.Errorf("generator.ParsePeriod(%v): %v", tc.in, err)
			continue
		}
		if p.Text != tc.text || roadmap.ExportDay(p.Start) != tc.from || roadmap.ExportDay(p.End) != tc.to {
			t.Errorf("generator.ParsePeriod(%v) = %s %s..%s, want %s %s..%s", tc.in, p.Text, roadmap.ExportDay(p.Start), roadmap.ExportDay(p.End), tc.text, tc.from, tc.to)
		}
	}
}

func TestItemSpanRunsFromStartOfStartToEndOfEnd(t *testing.T) {
	t.Parallel()
	q := func(s string) generator.Period {
		p, err := generator.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		start, end string
		from, to   string
		ok         bool
	}{
		{"2026-Q3", "2026-Q3", "2026-07-01", "2026-09-30", true},
		{"2026-Q3", "2027-Q1", "2026-07-01", "2027-03-31", true},
		{"2026-08-15", "2026-Q4", "2026-08-15", "2026-12-31", true},
		{"2026-Q3", "2026-07-01", "2026-07-01", "2026-07-01", true}, // a one-day item
		{"2026-Q3", "2026-Q2", "2026-07-01", "2026-06-30", false},
		{"2026-Q3", "2026-06-30", "2026-07-01", "2026-06-30", false},
	} {
		from, to, ok := roadmap.ExportItemSpan(q(tc.start), q(tc.end))
		if roadmap.ExportDay(from) != tc.from || roadmap.ExportDay(to) != tc.to || ok != tc.ok {
			t.Errorf("itemSpan(%s, %s) = %s, %s, %v; want %s, %s, %v", tc.start, tc.end, roadmap.ExportDay(from), roadmap.ExportDay(to), ok, tc.from, tc.to, tc.ok)
		}
	}
}

func TestBadQuartersAreDiagnosedAndLeaveTheItemUndated(t *testing.T) {
	t.Parallel()
	item := func(start, end string) string {
		return "\n---\nkind: roadmap\ntitle: T\ncapability: mfa\nstart: " + start + "\nend: " + end + "\n---\n"
	}
	p, diags := sitetest.Load(t, map[string]string{
		"content/q5.md":    item("2026-Q5", "2027-Q1"),
		"content/q0.md":    item("2026-Q1", "2026-Q0"),
		"content/short.md": item("26-Q1", "2026-Q2"),
		"content/order.md": item("2026-Q3", "2026-Q2"),
	}, roadmapToday)
	want := `content/order.md:6:1: error: end: 2026-06-30 (2026-Q2) is before start: 2026-07-01 (2026-Q3); swap them or fix one of the dates
content/q0.md:6:1: error: end: "2026-Q0": a year has quarters Q1 to Q4
content/q5.md:5:1: error: start: "2026-Q5": a year has quarters Q1 to Q4
content/short.md:5:1: error: start: "26-Q1" is not a quarter (2026-Q3) or a date (2026-07-01)
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	for _, it := range roadmap.Of(p).Items {
		if it.Dated {
			t.Errorf("%s is dated (%s..%s) despite a bad start or end", it.Doc.ID, roadmap.ExportDay(it.From), roadmap.ExportDay(it.To))
		}
	}
	if n := roadmap.Of(p).Tracks[0].Undated; n != 4 {
		t.Errorf("undated items = %d, want 4", n)
	}
}

func TestSlipDetectionAtTheBoundary(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		end, status, today string
		want               bool
	}{
		{"2026-11-27", "in-progress", "2026-11-27", false}, // ends today: not slipped
		{"2026-11-26", "in-progress", "2026-11-27", true},  // ended yesterday
		{"2026-Q3", "planned", "2026-09-30", false},        // the quarter's last day
		{"2026-Q3", "planned", "2026-10-01", true},
		{"2026-Q3", "done", "2027-01-01", false},
		{"2026-Q3", "cancelled", "2027-01-01", false},
		{"2026-Q3", "on-hold", "2027-01-01", true},
		{"2026-Q3", "", "2027-01-01", true},
		{"2027-Q1", "proposed", "2026-11-27", false},
	} {
		status := ""
		if tc.status != "" {
			status = "status: " + tc.status + "\n"
		}
		p, diags := sitetest.Load(t, map[string]string{"content/x.md": "\n---\nkind: roadmap\ntitle: X\ncapability: mfa\n" +
			status + "start: 2026-Q1\nend: " + tc.end + "\n---\n"}, tc.today)
		if len(diags) != 0 {
			t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
		}
		it := roadmap.Of(p).ByID["x"]
		if it.Slipped != tc.want {
			t.Errorf("end %s, status %q, today %s: slipped = %v, want %v", tc.end, tc.status, tc.today, it.Slipped, tc.want)
		}
		if got := len(roadmap.Of(p).Slipped) == 1; got != tc.want {
			t.Errorf("end %s, status %q, today %s: Roadmap.Slipped has %d items", tc.end, tc.status, tc.today, len(roadmap.Of(p).Slipped))
		}
	}
	if !roadmap.ExportIsSlipped(mustDay(t, "2026-11-26"), mustDay(t, "2026-11-27"), "planned") || roadmap.ExportIsSlipped(mustDay(t, "2026-11-27"), mustDay(t, "2026-11-27"), "planned") {
		t.Error("isSlipped: the day before today slips, today does not")
	}
}

func TestMilestoneStates(t *testing.T) {
	t.Parallel()
	today := mustDay(t, roadmapToday)
	for _, tc := range []struct {
		date string
		done bool
		want string
	}{
		{"2026-11-26", false, "missed"},
		{"2026-11-27", false, "due"},
		{"2027-01-01", false, "due"},
		{"2026-01-01", true, "done"},
		{"2027-01-01", true, "done"},
	} {
		if got := roadmap.ExportMilestoneState(mustDay(t, tc.date), today, tc.done); got != tc.want {
			t.Errorf("milestone on %s done=%v: %s, want %s", tc.date, tc.done, got, tc.want)
		}
	}
}

func TestDependencyOrderingWarnings(t *testing.T) {
	t.Parallel()
	_, diags := sitetest.Load(t, sitetest.Archive("../testdata/roadmap/dependency-ordering-warnings.txtar"), roadmapToday)
	want := `content/c.md:8:5: warning: depends_on[0]: "b" ends 2026-12-31 (2026-Q4) but this item starts 2026-04-01 (2026-Q2); start after it ends, or drop the dependency
content/c.md:9:5: warning: depends_on[1]: "a" ends 2026-06-30 (2026-Q2) but this item starts 2026-04-01 (2026-Q2); start after it ends, or drop the dependency
content/d.md:7:14: warning: depends_on[0]: "b" ends 2026-12-31 (2026-Q4) but this item starts 2026-12-31; start after it ends, or drop the dependency
content/e.md:7:14: warning: depends_on[0]: "x" is cancelled; drop the dependency or depend on what replaces it
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestDependencyCyclesAreErrors(t *testing.T) {
	t.Parallel()
	item := func(deps string) string {
		return "\n---\nkind: roadmap\ntitle: T\ncapability: c\nstart: 2026-Q1\nend: 2026-Q1\ndepends_on: [" + deps + "]\n---\n"
	}
	p, diags := sitetest.Load(t, map[string]string{
		"content/a.md": item("b"),
		"content/b.md": item("c"),
		"content/c.md": item("a"),
		"content/d.md": item("a"), // depends on the cycle, is not on it
	}, roadmapToday)
	want := `content/a.md:7:14: error: depends_on[0]: dependency cycle "a" → "b" → "c" → "a"; remove one of these dependencies
content/b.md:7:14: error: depends_on[0]: dependency cycle "b" → "c" → "a" → "b"; remove one of these dependencies
content/c.md:7:14: error: depends_on[0]: dependency cycle "c" → "a" → "b" → "c"; remove one of these dependencies
content/d.md:7:14: warning: depends_on[0]: "a" ends 2026-03-31 (2026-Q1) but this item starts 2026-01-01 (2026-Q1); start after it ends, or drop the dependency
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if roadmap.Of(p) == nil || len(roadmap.Of(p).Items) != 4 {
		t.Fatal("the roadmap was not built despite the cycle")
	}
}

func TestLongDependencyChainDoesNotExhaustTheStack(t *testing.T) {
	t.Parallel()
	const n = 20000
	items := make([]*roadmap.RoadmapItem, n)
	for i := range items {
		items[i] = &roadmap.RoadmapItem{Doc: &generator.Document{ID: fmt.Sprintf("i%06d", i)}}
		if i > 0 {
			items[i].DependsOn = []*roadmap.RoadmapItem{items[i-1]}
		}
	}
	items[0].DependsOn = []*roadmap.RoadmapItem{items[n-1]} // one big cycle
	cycles := roadmap.ExportDependencyCycles(items)
	if len(cycles) != n || roadmap.ExportCycleLen(cycles[items[0]]) != n+1 {
		t.Fatalf("found %d items on cycles (cycle length %d), want %d", len(cycles), roadmap.ExportCycleLen(cycles[items[0]]), n)
	}
	want := `"i000000" → "i019999" → "i019998" → "i019997" → "i019996" → … 19994 more → "i000001" → "i000000"`
	if got := roadmap.ExportDescribe(cycles[items[0]]); got != want {
		t.Errorf("describe() = %s\nwant %s", got, want)
	}
}

func TestLaneMaturityFromItemsOrDeclared(t *testing.T) {
	t.Parallel()
	item := func(status, cur, tgt string) *roadmap.RoadmapItem {
		return &roadmap.RoadmapItem{Status: status, Maturity: roadmap.Maturity{Current: cur, Target: tgt}}
	}
	for _, tc := range []struct {
		name     string
		items    []*roadmap.RoadmapItem
		declared *roadmap.Capability
		want     roadmap.Maturity
	}{
		{name: "nothing stated", items: []*roadmap.RoadmapItem{item("planned", "", "")}, want: roadmap.Maturity{}},
		{name: "lowest current, highest target",
			items: []*roadmap.RoadmapItem{item("planned", "initial", "advanced"), item("proposed", "advanced", "optimal")},
			want:  roadmap.Maturity{Current: "initial", Target: "optimal", Source: "items"}},
		{name: "a done item raises the current level",
			items: []*roadmap.RoadmapItem{item("done", "traditional", "initial"), item("planned", "initial", "advanced")},
			want:  roadmap.Maturity{Current: "initial", Target: "advanced", Source: "items"}},
		{name: "cancelled items do not count",
			items: []*roadmap.RoadmapItem{item("cancelled", "traditional", "optimal"), item("planned", "initial", "advanced")},
			want:  roadmap.Maturity{Current: "initial", Target: "advanced", Source: "items"}},
		{name: "declared wins field by field",
			items:    []*roadmap.RoadmapItem{item("planned", "initial", "advanced")},
			declared: &roadmap.Capability{Maturity: roadmap.CapabilityMaturity{Target: "optimal"}},
			want:     roadmap.Maturity{Current: "initial", Target: "optimal", Source: generator.ConfigFile}},
		{name: "declared without items",
			declared: &roadmap.Capability{Maturity: roadmap.CapabilityMaturity{Current: "traditional", Target: "advanced"}},
			want:     roadmap.Maturity{Current: "traditional", Target: "advanced", Source: generator.ConfigFile}},
		{name: "a declared title alone keeps the items' maturity",
			items:    []*roadmap.RoadmapItem{item("planned", "initial", "advanced")},
			declared: &roadmap.Capability{Title: "SSO"},
			want:     roadmap.Maturity{Current: "initial", Target: "advanced", Source: "items"}},
	} {
		if got := roadmap.ExportLaneMaturity(tc.items, tc.declared); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if got := (roadmap.Maturity{Current: "initial", Target: "advanced"}).Arrow(); got != "initial → advanced" {
		t.Errorf("Arrow() = %q", got)
	}
}

func TestCapabilitiesConfigIsValidatedWithPositions(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("../testdata/roadmap/capabilities-config.txtar"), roadmapToday)
	want := `archfolio.yaml:7:5: error: capabilities: "mfa": unknown field "titel" (did you mean "title"?) (want title, description or maturity)
archfolio.yaml:9:7: error: capabilities: "mfa": maturity.current "basic" is not a maturity level (want one of: traditional, initial, advanced, optimal)
archfolio.yaml:11:7: error: capabilities: "mfa": maturity: unknown field "goal" (want current or target)
archfolio.yaml:13:35: warning: capabilities: "pam": target "initial" is below current "advanced"; raise the target or lower the current level
archfolio.yaml:14:9: error: capabilities: "ciam": want a mapping with title, description and maturity: {current, target}
content/a.md:4:1: warning: capability: "ssso" is not declared under capabilities in archfolio.yaml (did you mean "sso"?); declare it or use a declared one
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	lanes := map[string]*roadmap.Lane{}
	for _, l := range roadmap.Of(p).Tracks[0].Lanes {
		lanes[l.Capability] = l
	}
	if l := lanes["sso"]; l == nil || l.Title != "Single sign-on" || l.Maturity.Arrow() != "initial → optimal" {
		t.Errorf("sso lane = %+v", l)
	}
	if l := lanes["pam"]; l == nil || len(l.Items) != 0 {
		t.Errorf("declared capability pam without items should be an empty lane of the default track: %+v", l)
	}
}

func TestTracksGetTheirOwnPagesAndAnOverview(t *testing.T) {
	t.Parallel()
	item := func(track, start string) string {
		tr := ""
		if track != "" {
			tr = "track: " + track + "\n"
		}
		return "\n---\nkind: roadmap\ntitle: T\ncapability: c\n" + tr + "start: " + start + "\nend: 2027-Q1\n---\n"
	}
	out, diags := sitetest.Render(t, map[string]string{
		"content/a.md": item("", "2026-Q1"),
		"content/b.md": item("cloud", "2026-Q2"),
		"content/c.md": item("Cloud", "2026-Q3"), // the same track, by slug
		"content/d.md": item("items", "2026-Q3"), // would clash with roadmap/items/
	}, roadmapToday)
	want := "content/d.md:5:1: warning: track: \"items\" would clash with the item pages at roadmap/items/; its pages are at roadmap/items-track/\n"
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	for page, wants := range map[string][]string{
		"roadmap/index.html":             {"All tracks", `href="../roadmap/iam/"`, `href="../roadmap/cloud/"`, `href="../roadmap/items-track/"`, `id="slipped"`},
		"roadmap/iam/index.html":         {"<h1>IAM roadmap</h1>", `href="../../roadmap/items/a/"`},
		"roadmap/cloud/index.html":       {"<h1>Cloud roadmap</h1>", `href="../../roadmap/items/b/"`, `href="../../roadmap/items/c/"`},
		"roadmap/items-track/index.html": {"<h1>Items roadmap</h1>", `href="../../roadmap/items/d/"`},
		"roadmap/items/index.html":       {"Roadmap items"}, // the kind index is still there
	} {
		body, ok := out.File(page)
		if !ok {
			t.Errorf("no %s", page)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	cloud, _ := out.File("roadmap/cloud/index.html")
	if strings.Contains(string(cloud), `href="../../roadmap/items/a/"`) {
		t.Error("the cloud roadmap shows an iam item")
	}
}

func TestSingleTrackIsShownAtRoadmapRoot(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
	root, _ := out.File("roadmap/index.html")
	for _, w := range []string{"<h1>IAM roadmap</h1>", `<svg xmlns="http://www.w3.org/2000/svg" class="rm-timeline"`, `href="../roadmap/items/rm-passkeys/"`} {
		if !strings.Contains(string(root), w) {
			t.Errorf("roadmap/index.html lacks %q", w)
		}
	}
	if strings.Contains(string(root), "All tracks") {
		t.Error("a single track needs no track switcher")
	}
}

func TestOutcomeTraceability(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, roadmapSite(nil), roadmapToday)
	var got []string
	for _, o := range roadmap.Of(p).Tracks[0].Outcomes {
		for _, ol := range o.Lanes {
			for _, it := range ol.Items {
				var bps []string
				for _, b := range it.Delivers {
					bps = append(bps, b.ID)
				}
				got = append(got, o.Name+" → "+ol.Lane.Capability+" → "+it.Doc.ID+" → "+strings.Join(bps, ",")+" → "+it.JiraURL)
			}
		}
	}
	want := []string{
		"Fewer account takeovers → mfa → rm-mfa-rollout → workforce-sso → https://jira.example/browse/IAM-202",
		"Fewer account takeovers → mfa → rm-passkeys → workforce-sso → https://jira.example/browse/IAM-303",
		"Fewer identity stores → directory → rm-directory-consolidation → directory-services → https://jira.example/browse/IAM-101",
		"Fewer identity stores → mfa → rm-mfa-rollout → workforce-sso → https://jira.example/browse/IAM-202",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("traceability:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	o := roadmap.Of(p).Tracks[0].Outcomes[0]
	if len(o.Measures) != 2 || o.Measures[0].KPI != "ATO incidents per quarter" || o.Measures[1].Target != "0%" {
		t.Errorf("measures of %q: %+v", o.Name, o.Measures)
	}
}

func TestLaneTitlesKeepAcronyms(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"sso-federation": "SSO federation", "mfa": "MFA", "ciam": "CIAM",
		"workload-identity": "Workload identity", "privileged_access": "Privileged access", "": ""} {
		if got := roadmap.ExportLaneTitle(in); got != want {
			t.Errorf("laneTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestItemChecks(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("../testdata/roadmap/item-checks.txtar"), roadmapToday)
	want := `content/far.md:6:1: warning: end: 2206-Q1 is more than 10 years after the start of the iam roadmap (2026-01-01); the bar is cut off there; check the year
content/ms.md:7:31: warning: maturity: target "initial" is below current "advanced"; an item should raise maturity
content/ms.md:9:19: warning: milestones[0]: "Early" on 2026-03-31 lies outside the item (2026-04-01 to 2026-09-30); move it or widen start/end
content/ms.md:11:18: warning: milestones[2]: "Late" on 2026-10-01 lies outside the item (2026-04-01 to 2026-09-30); move it or widen start/end
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	tr := roadmap.Of(p).Tracks[0]
	if n := tr.Last - tr.First + 1; n != roadmap.ExportMaxQuarters {
		t.Errorf("the timeline spans %d quarters, want it capped at %d", n, roadmap.ExportMaxQuarters)
	}
	svg := string(roadmap.TimelineSVG(tr, p.Today, tr.URL))
	if !strings.Contains(svg, `width="4256"`) { // 244 + 40 × 100 + 12
		t.Errorf("the capped timeline is not 40 quarters wide: %.300s", svg)
	}
}

func TestRoadmapOutputIsDeterministic(t *testing.T) {
	t.Parallel()
	first, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
	for range 3 {
		again, _ := sitetest.Render(t, roadmapSite(nil), roadmapToday)
		for _, name := range first.Names() {
			a, _ := first.File(name)
			b, _ := again.File(name)
			if string(a) != string(b) {
				t.Fatalf("%s differs between two builds", name)
			}
		}
	}
}

// BenchmarkRoadmap measures the analysis and the timeline of a large roadmap:
// 2,000 items in 20 lanes, each depending on the item before it in its lane.
func BenchmarkRoadmap(b *testing.B) {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	var docs []*generator.Document
	for i := range 2000 {
		q := 2026*4 + i%12
		start := generator.Period{Text: roadmap.ExportQuarterText(q), Start: roadmap.ExportQuarterStart(q), End: roadmap.ExportQuarterStart(q+1).AddDate(0, 0, -1)}
		end := generator.Period{Text: roadmap.ExportQuarterText(q + 2), Start: roadmap.ExportQuarterStart(q + 2), End: roadmap.ExportQuarterStart(q+3).AddDate(0, 0, -1)}
		d := &generator.Document{ID: fmt.Sprintf("rm-%04d", i), Kind: "roadmap", Title: fmt.Sprintf("Item %d", i), Status: "planned",
			URL: fmt.Sprintf("roadmap/items/rm-%04d/", i), Fields: &generator.Object{}}
		d.Fields.Set("capability", fmt.Sprintf("lane-%02d", i%20))
		d.Fields.Set("start", start)
		d.Fields.Set("end", end)
		if i >= 20 {
			d.Refs = []*generator.Ref{{From: d, To: docs[i-20], Field: "depends_on[0]"}}
		}
		docs = append(docs, d)
	}
	cfg := &generator.Config{}
	for b.Loop() {
		rm, _ := roadmap.ExportBuildRoadmap(docs, cfg, today)
		_ = roadmap.TimelineSVG(rm.Tracks[0], today, "roadmap/")
	}
}

// roadmapToday is the pinned date of the roadmap fixtures.
const roadmapToday = "2026-11-27"

// roadmapSite is the roadmap fixture (../testdata/roadmap/site.txtar, which
// the generator's browser test shares) with extra files added or replaced.
func roadmapSite(extra map[string]string) map[string]string {
	files := sitetest.Archive("../testdata/roadmap/site.txtar")
	maps.Copy(files, extra)
	return files
}
