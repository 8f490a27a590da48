package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// needGit skips a test without git, unless CI (ARCHFOLIO_REQUIRE_BROWSER=1,
// which .ci/run sets, as it requires everything the tests use).
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("ARCHFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatal("git is required in CI")
		}
		t.Skip("no git on PATH")
	}
}

// gitRepo makes a repository in a temporary folder whose site (site/) has
// content/ with files changed over three commits, one of them with a name git
// would otherwise quote, and returns the site's folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	needGit(t)
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.com",
			"-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("2026-01-01T00:00:00Z", "init", "-q")
	write("content/blueprints/a.md", "one")
	write("content/guides/naïve \"b\".md", "one")
	write("archfolio.yaml", "title: x")
	git("2026-01-01T00:00:00Z", "add", ".")
	git("2026-10-01T10:00:00Z", "commit", "-q", "-m", "first")
	write("content/blueprints/a.md", "two")
	git("2026-11-02T23:30:00+01:00", "commit", "-q", "-a", "-m", "second") // 22:30 UTC
	write("content/blueprints/a.md", "three, not committed")
	write("content/new.md", "never committed")
	return site
}

func TestLastChangedReadsCommitDates(t *testing.T) {
	site := gitRepo(t)
	got, err := LastChanged(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	want := map[string]time.Time{
		"content/blueprints/a.md":       day("2026-11-02"),
		"content/guides/naïve \"b\".md": day("2026-10-01"),
	}
	if len(got) != len(want) {
		t.Errorf("got %d files, want %d: %v", len(got), len(want), got)
	}
	for name, w := range want {
		if !got[name].Equal(w) {
			t.Errorf("%s: last changed %v, want %v", name, got[name], w)
		}
	}
}

// Outside a repository there is nothing to read, and that is no error.
func TestLastChangedOutsideARepository(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	got, err := LastChanged(context.Background(), dir)
	if got != nil || err != nil {
		t.Errorf("got %v, %v; want nil, nil", got, err)
	}
}

func TestParseLogSkipsWhatIsNotACommit(t *testing.T) {
	out := "\x00notatime\x00\ncontent/x.md\x00\x001793658600\x00\x001790848800\x00\ncontent/a.md\x00content/./b.md\x00"
	got := parseLog([]byte(out))
	if len(got) != 2 || got["content/a.md"].Format(time.DateOnly) != "2026-10-01" || got["content/b.md"].IsZero() {
		t.Errorf("parseLog: %v", got)
	}
}
