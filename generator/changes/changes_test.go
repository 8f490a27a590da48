package changes_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/changes"
	"archfolio/generator/diag"
	"archfolio/generator/history"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"archfolio/themes"
)

// quarter is the fixture's history: the portfolio at the end of the second
// quarter, then a standard that starts applying to high blueprints, then a
// blueprint retired. A waiver expiring and a roadmap item slipping need no
// commit: the work tree is compared at sitetest.Today (2026-11-27).
func quarter(t *testing.T) string {
	t.Helper()
	return sitetest.GitHistory(t, "testdata/quarter")
}

// build loads the site in dir as build does, with the Changes page's source
// (since: --since), and renders it into memory.
func build(t *testing.T, dir string, src *changes.Source) (*generator.Portfolio, *render.MemOutput, diag.Diagnostics) {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	today, _ := time.Parse(time.DateOnly, sitetest.Today)
	return sitetest.Build(t, generator.Options{Site: site, Theme: themes.Default(), Today: today, Changes: src.Attach})
}

// main is the page's main element.
func main(t *testing.T, out *render.MemOutput, name string) string {
	t.Helper()
	b, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	s := string(b)
	start, end := strings.Index(s, "<main"), strings.Index(s, "</main>")
	if start < 0 || end < start {
		t.Fatalf("%s has no main element", name)
	}
	return s[start : end+len("</main>\n")]
}

// TestChangesPage compares the work tree with q2, the revision archfolio.yaml
// names, against figures worked out by hand from the three commits.
func TestChangesPage(t *testing.T) {
	t.Parallel()
	dir := quarter(t)
	src := changes.NewSource(dir, "")
	p, out, diags := build(t, dir, src)
	for _, d := range diags {
		if d.Code == diag.CodeChangesUnavailable {
			t.Errorf("unexpected %s", d)
		}
	}
	d := changes.Of(p).Diff()
	if d == nil {
		t.Fatalf("no comparison: %s", changes.Of(p).Problem)
	}
	// From q2 (worked out on 2026-06-30) to the work tree on 2026-11-27:
	//   claims-core × access-logging: blank → not assessed (applies_to grew to high), a new gap;
	//   policy-admin × encryption-at-rest: exception → expired (waiver ended 2026-10-31), a new gap;
	//   the waiver expired; rm-broker-sso ended 2026-Q3 in progress: slipped.
	// 2 cells + 1 waiver + 1 slipped item = 4 for the worse.
	var text bytes.Buffer
	if err := history.Write(&text, d, "text"); err != nil {
		t.Fatal(err)
	}
	hash, err := exec.Command("git", "-C", dir, "rev-parse", "--short=12", "q2").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Access logging: 1 of 1 adopted (policy-admin) → 1 of 2 with claims-core's
	// gap; encryption at rest: 0 of 1 (an exception is not adoption) without a
	// gap → 0 of 1 with the expired exception's gap.
	want := "Portfolio changes from q2 (" + strings.TrimSpace(string(hash)) + ", 2026-06-30) to work tree (2026-11-27): 4 for the worse.\n" + `
Alignment that got worse (2)
  Claims core (claims-core) × Access logging (access-logging): (none) → not-assessed (new gap)
  Policy administration <core> (policy-admin) × Encryption at rest (encryption-at-rest): exception → exception-expired (new gap)

Adoption down or more gaps (2)
  Access logging (access-logging): 100% (1 of 1, 0 gaps) → 50% (1 of 2, 1 gap)
  Encryption at rest (encryption-at-rest): 0% (0 of 1, 0 gaps) → 0% (0 of 1, 1 gap)

Waivers expired (1)
  Policy administration <core> (policy-admin) × Encryption at rest (encryption-at-rest): waiver expired 2026-10-31

Roadmap items slipped (1)
  Single sign-on for brokers (rm-broker-sso): ended 2026-Q3, not done

Documents changed (2)
  Access logging (access-logging): applies_to {criticality: [mission-critical]} → {criticality: [high, mission-critical]}
  Fax gateway (fax-gateway): status implemented → retired; lifecycle active → end-of-life; body
`
	if text.String() != want {
		t.Errorf("the comparison:\n%s\nwant:\n%s", text.String(), want)
	}
	page := main(t, out, "changes/index.html")
	for _, want := range []string{
		"<h1>Changes since q2</h1>",
		"4 changes for the worse.",
		`<a href="../blueprints/policy-admin/">Policy administration &lt;core&gt;</a> × <a href="../standards/encryption-at-rest/">Encryption at rest</a>: Exception → Exception (waiver expired) (new gap)`,
		`<a href="../blueprints/fax-gateway/">Fax gateway</a>: Status Implemented → Retired; Lifecycle Active → End of life; body`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Index(page, `id="worse"`) > strings.Index(page, `id="other"`) {
		t.Error("what got worse does not come first")
	}
	sitetest.Golden(t, "testdata/quarter.html", []byte(page))
	home, _ := out.File("index.html")
	if !strings.Contains(string(home), `<a href="changes/">`) || !strings.Contains(string(home), "changes for the worse since 2026-06-30") {
		t.Error("the home page has no card linking the Changes page")
	}
}

// TestSinceOverridesTheSetting: --since wins over changes.since; a date
// names the last commit on or before it; without either there is no page.
func TestSinceOverridesTheSetting(t *testing.T) {
	t.Parallel()
	dir := quarter(t)
	for _, c := range []struct {
		since, from, hashOf string
	}{
		{"", "q2", "q2"},
		{"applies", "applies", "applies"},
		{"2026-10-19", "2026-10-19", "applies"},
		{"2026-10-20", "2026-10-20", "retired"},
	} {
		p, out, _ := build(t, dir, changes.NewSource(dir, c.since))
		cmp := changes.Of(p)
		want, err := exec.Command("git", "-C", dir, "rev-parse", c.hashOf).Output()
		if err != nil {
			t.Fatal(err)
		}
		if cmp == nil || cmp.Since != c.from || cmp.Rev.Hash != strings.TrimSpace(string(want)) || cmp.FromFlag != (c.since != "") {
			t.Errorf("--since %q: comparison %+v, want with %s (%s)", c.since, cmp, c.from, c.hashOf)
		}
		if _, ok := out.File("changes/index.html"); !ok {
			t.Errorf("--since %q: no Changes page", c.since)
		}
	}
	// Without the setting and the flag, no page and no card.
	cfg := filepath.Join(dir, "archfolio.yaml")
	if err := os.WriteFile(cfg, []byte("title: Changes test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, out, _ := build(t, dir, changes.NewSource(dir, ""))
	if _, ok := out.File("changes/index.html"); ok || changes.Of(p) != nil {
		t.Error("a Changes page without a revision")
	}
}

// writeSite writes the fixture's first commit into a folder outside git.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range sitetest.Archive("testdata/quarter/1-q2.txtar") {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkUnavailable builds the site in dir and checks the one warning about
// the Changes page (its folder written DIR), that the page says why, and that
// the rest of the site is built.
func checkUnavailable(t *testing.T, dir, since, want string) {
	t.Helper()
	_, out, diags := build(t, dir, changes.NewSource(dir, since))
	var got []string
	for _, d := range diags {
		if d.Code == diag.CodeChangesUnavailable {
			got = append(got, strings.ReplaceAll(d.String(), dir, "DIR"))
		}
	}
	if strings.Join(got, "\n") != want {
		t.Errorf("since %q:\n%s\nwant:\n%s", since, strings.Join(got, "\n"), want)
	}
	page := main(t, out, "changes/index.html")
	if !strings.Contains(page, "There is no comparison with") {
		t.Errorf("since %q: the page does not say why there is no comparison:\n%s", since, page)
	}
	for _, name := range []string{"index.html", "blueprints/policy-admin/index.html", "matrix/index.html", "roadmap/index.html"} {
		if _, ok := out.File(name); !ok {
			t.Errorf("since %q: %s was not built", since, name)
		}
	}
}

// TestNoComparison: a folder outside git, a shallow clone without the
// revision and a revision that does not exist each give a warning that says
// what to do, the page says why, and the rest of the site is built.
func TestNoComparison(t *testing.T) {
	t.Parallel()
	dir := quarter(t)
	checkUnavailable(t, dir, "v9", `archfolio: warning: --since v9: revision "v9" does not exist in this repository; `+
		"the Changes page says so and the rest of the site is built [AF911]")
	// The revision as given reaches the page escaped.
	checkUnavailable(t, dir, "<b>v9", `archfolio: warning: --since <b>v9: revision "<b>v9" does not exist in this repository; `+
		"the Changes page says so and the rest of the site is built [AF911]")
	if _, out, _ := build(t, dir, changes.NewSource(dir, "<b>v9")); strings.Contains(main(t, out, "changes/index.html"), "<b>") {
		t.Error("the revision reaches the page unescaped")
	}
	checkUnavailable(t, dir, "--output=x", `archfolio: warning: --since --output=x: revision "--output=x" does not exist in this repository; `+
		"the Changes page says so and the rest of the site is built [AF911]")
	checkUnavailable(t, dir, "2025-12-31", "archfolio: warning: --since 2025-12-31: revision 2025-12-31: no commit on or before that day; "+
		"the Changes page says so and the rest of the site is built [AF911]")
	checkUnavailable(t, writeSite(t), "", "archfolio.yaml:3:10: warning: changes.since q2: DIR is not in a git repository: "+
		"history compares revisions of a site kept in git; the Changes page says so and the rest of the site is built [AF911]")
	shallow := filepath.Join(t.TempDir(), "shallow")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+dir, shallow).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	checkUnavailable(t, shallow, "", `archfolio.yaml:3:10: warning: changes.since q2: revision "q2" does not exist in this repository `+
		"(this is a shallow clone: fetch more history, e.g. git fetch --unshallow, or in CI checkout with fetch-depth: 0); "+
		"the Changes page says so and the rest of the site is built [AF911]")
}

// TestNoGit: without the git command the warning says so, and the site is
// built.
func TestNoGit(t *testing.T) {
	dir := writeSite(t)
	t.Setenv("PATH", t.TempDir())
	checkUnavailable(t, dir, "", "archfolio.yaml:3:10: warning: changes.since q2: the git command is not installed: "+
		"history needs it to read earlier revisions; the Changes page says so and the rest of the site is built [AF911]")
}

// TestSettingProblems: changes: in archfolio.yaml with an unknown key or a
// value that is no revision is reported at its line, as check reports it.
func TestSettingProblems(t *testing.T) {
	t.Parallel()
	files := sitetest.Archive("testdata/quarter/1-q2.txtar")
	for cfg, want := range map[string]string{
		"changes:\n  sinse: q2\n":   `archfolio.yaml:2:3: error: unknown setting "changes.sinse" (did you mean "since"?)`,
		"changes:\n  since: [q2]\n": "archfolio.yaml:2:10: error: changes.since: want a revision (a tag, a branch, a commit) or a date YYYY-MM-DD",
		"changes: q2\n":             "archfolio.yaml:1:10: error: changes: want a mapping, like changes: {since: 2026-09-30}",
	} {
		files["archfolio.yaml"] = cfg
		_, diags := sitetest.Load(t, files, sitetest.Today)
		if got := strings.TrimSpace(sitetest.DiagLines(diags)); !strings.Contains(got, want) {
			t.Errorf("%q:\n%s\nwant:\n%s", cfg, got, want)
		}
	}
}
