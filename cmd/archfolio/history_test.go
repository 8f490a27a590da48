package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildShowsWhenEachDocumentLastChanged builds the minimal site inside a
// git repository the test makes, whose one commit is dated 2026-11-02: each
// document's page and its sitemap entry carry the date. Outside a repository
// the same build shows none.
func TestBuildShowsWhenEachDocumentLastChanged(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("ARCHFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatal("git is required in CI")
		}
		t.Skip("no git on PATH")
	}
	plain := copySite(t, "../../examples/minimal")
	site := copySite(t, "../../examples/minimal")
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "portfolio"}} {
		cmd := exec.Command("git", append([]string{"-C", site, "-c", "user.name=Test", "-c", "user.email=test@example.com",
			"-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2026-11-02T12:00:00Z", "GIT_AUTHOR_DATE=2026-11-02T12:00:00Z", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	for _, c := range []struct {
		site string
		want bool
	}{{site, true}, {plain, false}} {
		out := filepath.Join(t.TempDir(), "out")
		expectCode(t, archfolio(t, "build", "-s", c.site, "-d", out, "--today", "2026-11-27", "--base-url", "https://arch.example/"), 0)
		page, err := os.ReadFile(filepath.Join(out, "blueprints", "web-app", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
		if err != nil {
			t.Fatal(err)
		}
		shown := strings.Contains(string(page), `Last changed <time datetime="2026-11-02">2026-11-02</time>`)
		listed := strings.Contains(string(sitemap), "<loc>https://arch.example/blueprints/web-app/</loc>\n    <lastmod>2026-11-02</lastmod>")
		if shown != c.want || listed != c.want {
			t.Errorf("in a repository %v: date on the page %v, in sitemap.xml %v", c.want, shown, listed)
		}
	}
}
