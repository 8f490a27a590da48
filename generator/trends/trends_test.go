package trends_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/internal/fixture"
	"archfolio/generator/sitetest"
	"archfolio/generator/trends"
	_ "archfolio/generator/views"
	"archfolio/themes"
)

// The portfolio's history: a standard becomes applicable to the web app, its
// logging waiver expires, a remediation item falls overdue and is then done, a
// roadmap item slips, the legacy portal is retired.
var history = []fixture.Commit{
	{Tag: "jun", Date: "2026-06-30", Files: map[string]string{
		"archfolio.yaml":                      "title: Trends test\n",
		"content/standards/authentication.md": standard("authentication", "Authentication", "[mission-critical]"),
		"content/standards/logging.md":        standard("logging", "Security logging", "[high, mission-critical]"),
		"content/blueprints/identity-provider.md": blueprint("identity-provider", "Identity provider", "mission-critical", "active",
			"  - {standard: authentication, status: implemented, assessed: 2026-06-01}\n  - {standard: logging, status: implemented, assessed: 2026-06-01}\n"),
		"content/blueprints/web-app.md": blueprint("web-app", "Customer web app", "high", "active",
			"  - standard: logging\n    status: exception\n    assessed: 2026-06-01\n    waiver: {approved_by: CISO, expires: 2026-08-31, justification: Log shipping arrives with the platform move.}\n"),
		"content/blueprints/legacy-portal.md": blueprint("legacy-portal", "Legacy portal", "medium", "active", ""),
		"content/roadmap/rm-passkeys.md": "---\nid: rm-passkeys\nkind: roadmap\ntitle: Passkeys for customers\nstatus: in-progress\nowner: Identity Team\n" +
			"capability: ciam\nstart: 2026-Q2\nend: 2026-Q3\n---\nBody.\n",
		"content/remediation/rem-log-shipping.md": "---\nid: rem-log-shipping\nkind: remediation\ntitle: Ship web app logs to the SIEM\nstatus: open\n" +
			"owner: Web Team\nseverity: high\ndue: 2026-09-15\naffects: [web-app]\n---\nBody.\n",
	}},
	{Tag: "sep", Date: "2026-09-10", Files: map[string]string{
		// Authentication now applies to high blueprints: the web app has a gap.
		"content/standards/authentication.md": standard("authentication", "Authentication", "[high, mission-critical]"),
		"content/blueprints/legacy-portal.md": blueprint("legacy-portal", "Legacy portal", "medium", "end-of-life", ""),
	}},
	{Tag: "nov", Date: "2026-11-15", Files: map[string]string{
		"content/remediation/rem-log-shipping.md": "---\nid: rem-log-shipping\nkind: remediation\ntitle: Ship web app logs to the SIEM\nstatus: done\n" +
			"owner: Web Team\nseverity: high\ndue: 2026-09-15\naffects: [web-app]\n---\nBody.\n",
	}},
}

func standard(id, title, criticality string) string {
	return "---\nid: " + id + "\nkind: standard\ntitle: " + title + "\nstatus: effective\nowner: Security\nfamily: security\n" +
		"applies_to:\n  criticality: " + criticality + "\n---\nBody.\n"
}

func blueprint(id, title, criticality, lifecycle, compliance string) string {
	s := "---\nid: " + id + "\nkind: blueprint\ntitle: " + title + "\nstatus: implemented\nowner: Web Team\ndomain: digital\n" +
		"criticality: " + criticality + "\nlifecycle: " + lifecycle + "\n"
	if compliance != "" {
		s += "compliance:\n" + compliance
	}
	return s + "---\nBody of " + title + ".\n"
}

func options(t *testing.T, dir, today string) generator.Options {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := time.Parse(time.DateOnly, today)
	return generator.Options{Site: site, Theme: themes.Default(), Today: day}
}

// table writes points as lines "DATE COMMIT-TAG figure=value ...", the
// figures sorted, for comparing with what was worked out by hand.
func table(points []generator.TrendPoint, tags map[string]string, figures ...string) string {
	var b strings.Builder
	for _, p := range points {
		fmt.Fprintf(&b, "%s %s", p.Date.Format(time.DateOnly), tags[p.Commit])
		for _, f := range figures {
			v, ok := p.Values[f]
			if !ok {
				fmt.Fprintf(&b, " %s=none", f)
				continue
			}
			fmt.Fprintf(&b, " %s=%g", f, v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// tagsOf maps each commit of the fixture repository to its tag.
func tagsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	tags := map[string]string{}
	for _, c := range history {
		out, err := exec.Command("git", "-C", dir, "rev-parse", c.Tag+"^{commit}").Output()
		if err != nil {
			t.Fatal(err)
		}
		tags[strings.TrimSpace(string(out))] = c.Tag
	}
	return tags
}

// TestTrendsAtMonthEnds works the key figures out at the end of each of the
// seven months before December and checks them against what was worked out
// by hand from the commits:
//   - May: no commit yet, so no point.
//   - June, July, August: the June commit. Documents: 2 standards, 3
//     blueprints, a roadmap item and a remediation item = 7. Compliance: of 3
//     alignments (identity provider × authentication and logging, web app ×
//     logging), the identity provider's 2 are met, the web app's is an
//     exception under waiver: 2 of 3, 66% (rounded down, as the card does).
//     The waiver expires on August 31: within 30 days of August 31
//     (expiring), not of July 31 (31 days) or June 30.
//     The remediation item is due September 15: overdue at none of them. The
//     roadmap item ends with 2026-Q3 (September 30): slipped at none.
//   - September, October: the September commit. Authentication applies to the
//     web app too, with no record: 4 alignments, 2 met = 50%. The waiver has
//     expired (1). The remediation is overdue (1), the roadmap item slipped
//     at October 31 (1; at September 30 it ends that day).
//   - November: the remediation is done (0 overdue); the rest as October.
func TestTrendsAtMonthEnds(t *testing.T) {
	t.Parallel()
	dir := fixture.GitRepo(t, history)
	cache := t.TempDir()
	got, err := trends.Points(context.Background(), dir, 7, options(t, dir, "2026-12-02"), cache)
	if err != nil {
		t.Fatal(err)
	}
	figures := []string{"Documents", "Compliance", "Alignment waivers", "Overdue remediation", "Slipped roadmap items"}
	want := `2026-06-30 jun Documents=7 Compliance=66 Alignment waivers=0 Overdue remediation=0 Slipped roadmap items=0
2026-07-31 jun Documents=7 Compliance=66 Alignment waivers=0 Overdue remediation=0 Slipped roadmap items=0
2026-08-31 jun Documents=7 Compliance=66 Alignment waivers=1 Overdue remediation=0 Slipped roadmap items=0
2026-09-30 sep Documents=7 Compliance=50 Alignment waivers=1 Overdue remediation=1 Slipped roadmap items=0
2026-10-31 sep Documents=7 Compliance=50 Alignment waivers=1 Overdue remediation=1 Slipped roadmap items=1
2026-11-30 nov Documents=7 Compliance=50 Alignment waivers=1 Overdue remediation=0 Slipped roadmap items=1
`
	tags := tagsOf(t, dir)
	if table := table(got, tags, figures...); table != want {
		t.Errorf("trend points:\n%s\nwant (worked out by hand):\n%s", table, want)
	}

	// A second run reads every point from the cache: a cached figure changed
	// by hand is what it returns.
	files, _ := filepath.Glob(filepath.Join(cache, "*.json"))
	if len(files) != len(got) {
		t.Fatalf("%d cache files for %d points: %v", len(files), len(got), files)
	}
	june, _ := filepath.Glob(filepath.Join(cache, "*-2026-06-30-*.json"))
	if len(june) != 1 {
		t.Fatalf("cache files for 2026-06-30: %v", june)
	}
	if err := os.WriteFile(june[0], []byte(`{"Documents": 99}`), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := trends.Points(context.Background(), dir, 7, options(t, dir, "2026-12-02"), cache)
	if err != nil {
		t.Fatal(err)
	}
	var docs []float64
	for _, p := range again {
		docs = append(docs, p.Values["Documents"])
	}
	if want := []float64{99, 7, 7, 7, 7, 7}; !slices.Equal(docs, want) {
		t.Errorf("documents from the cache: %v, want %v", docs, want)
	}
}

// TestTrendsWithoutHistory: outside a git repository there are no trends and
// the error says why; a repository whose history starts later has points
// only from then.
func TestTrendsWithoutHistory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "archfolio.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := trends.Points(context.Background(), dir, 3, options(t, dir, "2026-12-02"), "")
	if err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("outside a repository: %v", err)
	}

	repo := fixture.GitRepo(t, history[:1])
	got, err := trends.Points(context.Background(), repo, 12, options(t, repo, "2026-08-15"), "")
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, p := range got {
		dates = append(dates, p.Date.Format(time.DateOnly))
	}
	if want := []string{"2026-06-30", "2026-07-31"}; !slices.Equal(dates, want) {
		t.Errorf("points of a history that starts on 2026-06-30: %v, want %v", dates, want)
	}

	// A shallow clone has the months since its one commit (November 15),
	// and says what it lacks.
	full := fixture.GitRepo(t, history)
	shallow := filepath.Join(t.TempDir(), "shallow")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+full, shallow).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	got, err = trends.Points(context.Background(), shallow, 3, options(t, shallow, "2026-12-02"), "")
	want := "this is a shallow clone, without the history of 2 of the 3 months (from 2026-09-30): fetch it (git fetch --unshallow, or in CI checkout with fetch-depth: 0)"
	if err == nil || err.Error() != want {
		t.Errorf("a shallow clone says %v, want %s", err, want)
	}
	if len(got) != 1 || got[0].Date.Format(time.DateOnly) != "2026-11-30" {
		t.Errorf("a shallow clone's points: %v", got)
	}
}

func TestMonthEnds(t *testing.T) {
	t.Parallel()
	var got []string
	for _, d := range trends.MonthEnds(time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), 4) {
		got = append(got, d.Format(time.DateOnly))
	}
	if want := []string{"2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"}; !slices.Equal(got, want) {
		t.Errorf("month ends: %v, want %v", got, want)
	}
}

// TestTrendsOnTheHomePage renders the fixture's site as of December 2 with
// its trends: each figure's card has a chart whose points link to the
// figure's page, and the table of figures by month matches the golden file.
// Without a repository the site still builds, with a warning at trends:.
func TestTrendsOnTheHomePage(t *testing.T) {
	t.Parallel()
	dir := fixture.GitRepo(t, history)
	opts := options(t, dir, "2026-12-02")
	opts.Trends = func(months int) ([]generator.TrendPoint, error) {
		return trends.Points(context.Background(), dir, 6, opts, "")
	}
	out, diags := sitetest.RenderOptions(t, opts)
	if got, want := sitetest.DiagLines(diags), "content/blueprints/web-app.md:14:33: error: compliance[0].waiver.expires: the waiver for \"logging\" expired on 2026-08-31, 93 days ago: renew it with a new approved expiry, fix the gap, or record the status as non-compliant\n"; got != want {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	home, _ := out.File("index.html")
	page := string(home)
	for _, want := range []string{
		`aria-label="Compliance over time, from 2026-06-30: 66% to 2026-12-02: 50%"`,
		`<a href="matrix/" aria-label="Compliance on 2026-09-30: 50%">`,
		`<a href="backlog/" aria-label="Overdue remediation on 2026-10-31: 1">`,
		`aria-label="Slipped roadmap items over time, from 2026-06-30: 0 to 2026-12-02: 1"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	start, end := strings.Index(page, `<details class="trends">`), strings.Index(page, `</details>`)
	if start < 0 || end < start {
		t.Fatal("the home page has no table of trends")
	}
	sitetest.Golden(t, "testdata/home-trends.html", []byte(page[start:end+len("</details>")]+"\n"))

	// Not a repository: a warning where archfolio.yaml asks for trends.
	noRepo := t.TempDir()
	if err := os.Mkdir(filepath.Join(noRepo, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(noRepo, "archfolio.yaml"), []byte("title: T\ntrends:\n  months: 6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts = options(t, noRepo, "2026-12-02")
	opts.Trends = func(months int) ([]generator.TrendPoint, error) {
		if months != 6 {
			t.Errorf("months from archfolio.yaml: %d, want 6", months)
		}
		return trends.Points(context.Background(), noRepo, months, opts, "")
	}
	out, diags = sitetest.RenderOptions(t, opts)
	if got, want := sitetest.DiagLines(diags), "archfolio.yaml:2:1: warning: no trends on the home page: "+noRepo+" is not in a git repository: history compares revisions of a site kept in git\n"; got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if home, ok := out.File("index.html"); !ok || strings.Contains(string(home), `class="trend"`) {
		t.Error("without history the home page is missing or has trends")
	}
}
