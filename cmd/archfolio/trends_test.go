package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archfolio/generator/sitetest"
)

// TestTrendsFlagAndOnceAServer: --trends overrides archfolio.yaml and draws
// the figures of a repository's month ends on the home page, keeping them
// under --cache; and the function a server loads the site with reads git
// once per number of months, so a commit made meanwhile changes nothing until
// the server starts again.
func TestTrendsFlagAndOnceAServer(t *testing.T) {
	t.Parallel()
	blueprint := func(title string) string {
		return "---\nid: web-app\nkind: blueprint\ntitle: " + title + "\nstatus: implemented\nowner: Web Team\n---\nBody.\n"
	}
	dir := sitetest.GitRepo(t, []sitetest.Commit{
		{Tag: "sep", Date: "2026-09-10", Files: map[string]string{"archfolio.yaml": "title: T\ntrends: {months: 1}\n", "content/web-app.md": blueprint("Web app")}},
		{Tag: "oct", Date: "2026-10-10", Files: map[string]string{"content/portal.md": strings.ReplaceAll(blueprint("Portal"), "web-app", "portal")}},
	})
	out, cache := filepath.Join(t.TempDir(), "public"), t.TempDir()
	r := archfolio(t, "build", "-s", dir, "-d", out, "--today", "2026-12-02", "--trends", "3", "--cache", cache)
	expectCode(t, r, exitOK)
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`aria-label="Documents over time, from 2026-09-30: 1 to 2026-12-02: 2"`, `<th scope="col" class="num">2026-10-31</th>`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "trends", "*.json")); len(files) != 3 {
		t.Errorf("cached figures: %v, want 3 files", files)
	}

	sf := siteFlags{site: dir, today: "2026-12-02", trends: -1, history: true}
	opts, err := sf.options()
	if err != nil {
		t.Fatal(err)
	}
	first, err := opts.Trends(1) // archfolio.yaml's months
	if err != nil || len(first) != 1 || first[0].Values["Documents"] != 2 {
		t.Fatalf("trends of November: %v, %v", first, err)
	}
	sitetest.Git(t, dir, "2026-11-20", "rm", "-q", "content/portal.md")
	sitetest.Git(t, dir, "2026-11-20", "commit", "-q", "-m", "portal gone in November")
	again, _ := opts.Trends(1)
	if again[0].Values["Documents"] != 2 {
		t.Errorf("a second load read git again: %v", again[0].Values)
	}

	r = archfolio(t, "build", "-s", dir, "-d", out, "--trends", "-3")
	expectCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "--trends -3: want a number of months, 0 for none") {
		t.Errorf("--trends -3 says %q", r.stderr)
	}
}
