package history_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/history"
	"archfolio/generator/internal/fixture"
	"archfolio/generator/sitetest"
	_ "archfolio/generator/views"
	"archfolio/themes"
)

// The portfolio's history, a commit a quarter: each map is the files that
// commit writes (an empty text deletes a file).
var commits = []struct {
	tag, date string
	files     map[string]string
}{
	{"q2", "2026-06-30", map[string]string{
		"archfolio.yaml":                      "title: History test\n",
		"content/standards/authentication.md": standard("authentication", "Authentication", "[mission-critical]"),
		"content/standards/logging.md":        standard("logging", "Security logging", "[high, mission-critical]"),
		"content/blueprints/identity-provider.md": blueprint("identity-provider", "Identity provider", "mission-critical", "active", "",
			"  - {standard: authentication, status: implemented, assessed: 2026-06-01}\n  - {standard: logging, status: implemented, assessed: 2026-06-01}\n"),
		"content/blueprints/web-app.md": blueprint("web-app", "Customer web app", "high", "active", "depends_on: [identity-provider]\n",
			"  - standard: logging\n    status: exception\n    assessed: 2026-06-01\n    waiver: {approved_by: CISO, expires: 2026-08-31, justification: Log shipping arrives with the platform move.}\n"),
		"content/blueprints/legacy-portal.md": blueprint("legacy-portal", "Legacy portal", "medium", "active", "", ""),
		"content/roadmap/rm-passkeys.md": "---\nid: rm-passkeys\nkind: roadmap\ntitle: Passkeys for customers\nstatus: in-progress\nowner: Identity Team\n" +
			"capability: ciam\nstart: 2026-Q2\nend: 2026-Q3\nmilestones:\n  - {name: Pilot, date: 2026-05-15, done: false}\n---\nBody.\n",
		"content/remediation/rem-log-shipping.md": "---\nid: rem-log-shipping\nkind: remediation\ntitle: Ship web app logs to the SIEM\nstatus: open\n" +
			"owner: Web Team\nseverity: high\ndue: 2026-09-15\naffects: [web-app]\n---\nBody.\n",
		"content/threat-models/tm-web-app.md": "---\nid: tm-web-app\nkind: threat-model\ntitle: Threat model — web app\nstatus: approved\nowner: Web Team\n" +
			"subject: web-app\nthreats:\n  - {id: TM-WEB-1, title: Session tokens stolen from the browser, stride: spoofing, likelihood: 2, impact: 2, status: open}\n---\nBody.\n",
	}},
	{"q3", "2026-09-30", map[string]string{
		// Authentication now applies to high blueprints: the web app becomes a gap.
		"content/standards/authentication.md": standard("authentication", "Authentication", "[high, mission-critical]"),
		// The legacy portal is retired and the web app starts depending on it.
		"content/blueprints/legacy-portal.md": blueprint("legacy-portal", "Legacy portal", "medium", "end-of-life", "", ""),
		"content/blueprints/web-app.md": blueprint("web-app", "Customer web app", "high", "active", "depends_on: [identity-provider, legacy-portal]\n",
			"  - standard: logging\n    status: exception\n    assessed: 2026-06-01\n    waiver: {approved_by: CISO, expires: 2026-08-31, justification: Log shipping arrives with the platform move.}\n"),
		"content/roadmap/rm-passkeys.md": "---\nid: rm-passkeys\nkind: roadmap\ntitle: Passkeys for customers\nstatus: in-progress\nowner: Identity Team\n" +
			"capability: ciam\nstart: 2026-Q2\nend: 2026-Q3\nmilestones:\n  - {name: Pilot, date: 2026-05-15, done: true}\n---\nBody.\n",
		"content/threat-models/tm-web-app.md": "---\nid: tm-web-app\nkind: threat-model\ntitle: Threat model — web app\nstatus: approved\nowner: Web Team\n" +
			"subject: web-app\nthreats:\n  - {id: TM-WEB-1, title: Session tokens stolen from the browser, stride: spoofing, likelihood: 4, impact: 3, status: open}\n---\nBody.\n",
	}},
	{"q4", "2026-11-15", map[string]string{
		// The waiver is extended, the remediation done; the roadmap item has slipped.
		"content/blueprints/web-app.md": blueprint("web-app", "Customer web app", "high", "active", "depends_on: [identity-provider, legacy-portal]\n",
			"  - standard: logging\n    status: exception\n    assessed: 2026-06-01\n    waiver: {approved_by: CISO, expires: 2027-03-31, justification: Log shipping arrives with the platform move.}\n"),
		"content/remediation/rem-log-shipping.md": "---\nid: rem-log-shipping\nkind: remediation\ntitle: Ship web app logs to the SIEM\nstatus: done\n" +
			"owner: Web Team\nseverity: high\ndue: 2026-09-15\naffects: [web-app]\n---\nBody.\n",
	}},
}

func standard(id, title, criticality string) string {
	return "---\nid: " + id + "\nkind: standard\ntitle: " + title + "\nstatus: effective\nowner: Security\nfamily: security\n" +
		"applies_to:\n  criticality: " + criticality + "\n---\nBody.\n"
}

func blueprint(id, title, criticality, lifecycle, extra, compliance string) string {
	s := "---\nid: " + id + "\nkind: blueprint\ntitle: " + title + "\nstatus: implemented\nowner: Web Team\ndomain: digital\n" +
		"criticality: " + criticality + "\nlifecycle: " + lifecycle + "\n" + extra
	if compliance != "" {
		s += "compliance:\n" + compliance
	}
	return s + "---\nBody of " + title + ".\n"
}

// gitRepo makes the repository of commits in a temporary folder, one tag a
// commit, committed on the commit's date, and returns its folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	var cs []fixture.Commit
	for _, c := range commits {
		cs = append(cs, fixture.Commit{Tag: c.tag, Date: c.date, Files: c.files})
	}
	return fixture.GitRepo(t, cs)
}

func options(t *testing.T, dir string) generator.Options {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Options{Site: site, Theme: themes.Default()}
}

func between(t *testing.T, dir, from, to string) *history.Diff {
	t.Helper()
	d, err := history.Between(context.Background(), dir, from, to, options(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDiffOverAQuarter compares the second quarter with the third against
// what was worked out by hand from the commits.
func TestDiffOverAQuarter(t *testing.T) {
	t.Parallel()
	dir := gitRepo(t)
	d := between(t, dir, "q2", "q3")
	if d.From.Date != "2026-06-30" || d.To.Date != "2026-09-30" {
		t.Errorf("dates %s → %s, want each commit's day", d.From.Date, d.To.Date)
	}
	// The web app × authentication cell went from blank to a gap, and its
	// logging exception lapsed with its waiver.
	if len(d.Cells) != 2 {
		t.Fatalf("cells %+v", d.Cells)
	}
	if c := d.Cells[0]; c.Blueprint.ID != "web-app" || c.Standard.ID != "authentication" || c.Old != "" || c.New != "not-assessed" || !c.Worse || !c.NewGap {
		t.Errorf("cell %+v, want web-app × authentication blank → not-assessed, a new gap", c)
	}
	if c := d.Cells[1]; c.Standard.ID != "logging" || c.Old != "exception" || c.New != "exception-expired" || !c.Worse || !c.NewGap {
		t.Errorf("cell %+v, want web-app × logging exception → exception-expired, a new gap", c)
	}
	// Authentication: 1 of 1 adopted before, 1 of 2 after.
	// Logging keeps 1 of 2 but gains a gap.
	var adoption []string
	for _, a := range d.Adoption {
		adoption = append(adoption, a.Standard.ID+": "+a.Old+" → "+a.New)
	}
	if got, want := strings.Join(adoption, "\n"), "authentication: 100% (1 of 1, 0 gaps) → 50% (1 of 2, 1 gap)\n"+
		"logging: 50% (1 of 2, 0 gaps) → 50% (1 of 2, 1 gap)"; got != want {
		t.Errorf("adoption:\n%s\nwant:\n%s", got, want)
	}
	if len(d.Waivers) != 1 || d.Waivers[0].Change != "expired" || d.Waivers[0].Expires != "2026-08-31" {
		t.Errorf("waivers %+v, want the logging waiver expired on 2026-08-31", d.Waivers)
	}
	if len(d.NewlyOverdue) != 1 || d.NewlyOverdue[0].ID != "rem-log-shipping" {
		t.Errorf("newly overdue %+v, want rem-log-shipping (due 2026-09-15)", d.NewlyOverdue)
	}
	if len(d.EdgesAdded) != 1 || d.EdgesAdded[0].From.ID != "web-app" || d.EdgesAdded[0].To.ID != "legacy-portal" || len(d.EdgesRemoved) != 0 {
		t.Errorf("edges +%+v −%+v, want + web-app → legacy-portal", d.EdgesAdded, d.EdgesRemoved)
	}
	if len(d.ImpactGrown) != 1 || d.ImpactGrown[0].Blueprint.ID != "legacy-portal" || d.ImpactGrown[0].Before != 0 || d.ImpactGrown[0].After != 1 {
		t.Errorf("impact grown %+v, want legacy-portal 0 → 1", d.ImpactGrown)
	}
	if len(d.Milestones) != 1 || d.Milestones[0].Name != "Pilot" {
		t.Errorf("milestones done %+v, want Pilot", d.Milestones)
	}
	if len(d.Slipped) != 0 {
		t.Errorf("slipped %+v: the item ends on the day of q3, not before", d.Slipped)
	}
	if len(d.ThreatsRescored) != 1 || d.ThreatsRescored[0].Old != "elevated" || d.ThreatsRescored[0].New != "high" || !d.ThreatsRescored[0].Worse {
		t.Errorf("threats rescored %+v, want TM-WEB-1 elevated (2×2) → high (4×3)", d.ThreatsRescored)
	}
	// Worse: two cells, the expired waiver, the overdue item, the threat, the impact.
	if n := d.Worse(); n != 6 {
		t.Errorf("%d changes for the worse, want 6", n)
	}
	var legacy *history.DocChange
	for i := range d.Changed {
		if d.Changed[i].ID == "legacy-portal" {
			legacy = &d.Changed[i]
		}
	}
	if legacy == nil || len(legacy.Fields) != 1 || legacy.Fields[0] != (history.FieldChange{Field: "lifecycle", Old: "active", New: "end-of-life"}) {
		t.Errorf("legacy-portal's change %+v, want lifecycle active → end-of-life", legacy)
	}
	for _, f := range history.Formats {
		var b bytes.Buffer
		if err := history.Write(&b, d, f); err != nil {
			t.Fatal(err)
		}
		sitetest.Golden(t, "testdata/q2-q3."+f, b.Bytes())
	}
	var back history.Diff
	var b bytes.Buffer
	_ = history.Write(&b, d, "json")
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Worse() != d.Worse() {
		t.Errorf("the JSON does not read back: %v", err)
	}
}

// TestDiffNextQuarterAndWorkTree: from q3 to q4 the item slipped, the waiver
// was extended and the remediation closed; an uncommitted edit shows against
// the last commit, dated --today.
func TestDiffNextQuarterAndWorkTree(t *testing.T) {
	t.Parallel()
	dir := gitRepo(t)
	d := between(t, dir, "q3", "q4")
	if len(d.Slipped) != 1 || d.Slipped[0].Item.ID != "rm-passkeys" {
		t.Errorf("slipped %+v, want rm-passkeys (ended 2026-09-30, in progress on 2026-11-15)", d.Slipped)
	}
	if len(d.Waivers) != 1 || d.Waivers[0].Change != "extended" || d.Waivers[0].Old != "2026-08-31" || d.Waivers[0].Expires != "2027-03-31" {
		t.Errorf("waivers %+v, want extended 2026-08-31 → 2027-03-31", d.Waivers)
	}
	if len(d.Closed) != 1 || d.Closed[0].ID != "rem-log-shipping" || len(d.Opened) != 0 {
		t.Errorf("closed %+v opened %+v", d.Closed, d.Opened)
	}
	// A date names the last commit on or before it.
	if byDate := between(t, dir, "2026-10-01", "q4"); byDate.From.Hash != d.From.Hash {
		t.Errorf("2026-10-01 is commit %s, want q3's %s", byDate.From.Hash, d.From.Hash)
	}

	path := filepath.Join(dir, "content", "blueprints", "legacy-portal.md")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	guide := filepath.Join(dir, "content", "guides", "onboarding.md")
	if err := os.MkdirAll(filepath.Dir(guide), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(guide, []byte("---\nid: onboarding\nkind: guide\ntitle: Onboarding\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rem := filepath.Join(dir, "content", "remediation", "rem-log-shipping.md")
	src, _ := os.ReadFile(rem)
	if err := os.WriteFile(rem, []byte(strings.Replace(string(src), "id: rem-log-shipping", "id: rem-siem-log-shipping", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	idp := filepath.Join(dir, "content", "blueprints", "identity-provider.md")
	src, _ = os.ReadFile(idp)
	if err := os.WriteFile(idp, append(src, "A new paragraph.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t, dir)
	opts.Today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	w, err := history.Between(context.Background(), dir, "q4", history.WorkTree, opts)
	if err != nil {
		t.Fatal(err)
	}
	if w.To.Name != "work tree" || w.To.Date != "2026-12-02" || len(w.Removed) != 1 || w.Removed[0].ID != "legacy-portal" {
		t.Errorf("work tree diff: to %+v removed %+v", w.To, w.Removed)
	}
	if len(w.Changed) != 1 || w.Changed[0].ID != "identity-provider" || !w.Changed[0].BodyChanged || len(w.Changed[0].Fields) != 0 {
		t.Errorf("changed %+v, want identity-provider's body only", w.Changed)
	}
	if len(w.Added) != 1 || w.Added[0].ID != "onboarding" {
		t.Errorf("added %+v, want the onboarding guide", w.Added)
	}
	if len(w.Renamed) != 1 || w.Renamed[0].ID != "rem-siem-log-shipping" || w.Renamed[0].OldID != "rem-log-shipping" {
		t.Errorf("renamed %+v, want rem-log-shipping → rem-siem-log-shipping", w.Renamed)
	}
	if out, _ := exec.Command("git", "-C", dir, "status", "--porcelain").Output(); string(out) !=
		" M content/blueprints/identity-provider.md\n D content/blueprints/legacy-portal.md\n M content/remediation/rem-log-shipping.md\n?? content/guides/\n" {
		t.Errorf("the work tree was touched: git status says\n%s", out)
	}
}

// TestDiffErrors: a revision that does not exist, a folder outside git and a
// shallow clone each get a message that says what to do.
func TestDiffErrors(t *testing.T) {
	t.Parallel()
	dir := gitRepo(t)
	ctx := context.Background()
	if _, err := history.Between(ctx, dir, "v9", "q4", options(t, dir)); err == nil || !strings.Contains(err.Error(), `revision "v9" does not exist`) {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := history.Between(ctx, dir, "1999-01-01", "q4", options(t, dir)); err == nil || !strings.Contains(err.Error(), "no commit on or before") {
		t.Errorf("a date before the first commit: %v", err)
	}
	plain := t.TempDir()
	if _, err := history.Between(ctx, plain, "q2", history.WorkTree, options(t, plain)); err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("outside git: %v", err)
	}
	shallow := filepath.Join(t.TempDir(), "shallow")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+dir, shallow).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	_, err := history.Between(ctx, shallow, "HEAD~1", history.WorkTree, options(t, shallow))
	if err == nil || !strings.Contains(err.Error(), "shallow clone") {
		t.Errorf("shallow clone: %v", err)
	}
}

// TestDiffWithoutGit: without the git command the error says so (and the
// build, which does not need history, is not affected).
func TestDiffWithoutGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if _, err := history.Between(context.Background(), dir, "q2", history.WorkTree, generator.Options{}); err != history.ErrNoGit {
		t.Errorf("without git: %v, want ErrNoGit", err)
	}
}

// TestCheckSinceRegressions: what check --since adds, line by line: the cells
// that got worse from q2 to q3, one at the standard whose applies_to grew and
// one at the lapsed exception; and from q3 to q4 the extended waiver.
func TestCheckSinceRegressions(t *testing.T) {
	t.Parallel()
	dir := gitRepo(t)
	ctx := context.Background()
	for _, c := range []struct {
		from, at string
		want     string
	}{
		{"q2", "q3", "content/blueprints/web-app.md:13:5: warning: Customer web app × Security logging got worse since q2: exception → exception-expired\n" +
			"content/standards/authentication.md:8:1: warning: Customer web app × Authentication got worse since q2: (none) → not-assessed (its applies_to now covers web-app)\n"},
		{"q3", "q4", "content/blueprints/web-app.md:15:33: warning: the waiver for Customer web app × Security logging was extended from 2026-08-31 to 2027-03-31 since q3: an extension needs approving again (approved_by)\n"},
	} {
		// The later revision, loaded as check loads the work tree.
		repo, err := history.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		rev, err := repo.Resolve(ctx, c.at)
		if err != nil {
			t.Fatal(err)
		}
		files, err := repo.Files(ctx, rev)
		if err != nil {
			t.Fatal(err)
		}
		opts := options(t, dir)
		opts.Site, opts.Today, opts.CheckOnly = files, rev.When.Truncate(24*time.Hour), true
		p, _, err := generator.Load(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		d, err := history.Since(ctx, dir, c.from, p, opts)
		if err != nil {
			t.Fatal(err)
		}
		regressions := history.Regressions(d, p)
		if got := sitetest.DiagLines(regressions); got != c.want {
			t.Errorf("since %s at %s:\n%s\nwant:\n%s", c.from, c.at, got, c.want)
		}
		for _, r := range regressions {
			if want := map[bool]diag.Code{true: diag.CodeAlignmentRegressed, false: diag.CodeWaiverExtended}[c.from == "q2"]; r.Code != want {
				t.Errorf("%s: code %s, want %s", r, r.Code, want)
			}
		}
		if c.from != "q3" {
			continue
		}
		// Under a waiver policy (archfolio.yaml's waivers.max_extension_days),
		// the extension of 212 days is a warning only beyond the policy.
		for limit, want := range map[int]string{
			212: "",
			365: "",
			90:  "content/blueprints/web-app.md:15:33: warning: the waiver for Customer web app × Security logging was extended from 2026-08-31 to 2027-03-31 since q3: 212 days, beyond the 90 days waivers.max_extension_days allows: approve it again (approved_by)\n",
		} {
			p.Config.Waivers.MaxExtensionDays = limit
			if got := sitetest.DiagLines(history.Regressions(d, p)); got != want {
				t.Errorf("with waivers.max_extension_days %d:\n%s\nwant:\n%s", limit, got, want)
			}
		}
	}
}
