package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Commit is one commit of a fixture repository: the files it writes (path
// → content), made on Date (YYYY-MM-DD, at noon UTC) and tagged Tag.
type Commit struct {
	Tag, Date string
	Files     map[string]string
}

// GitRepo makes a git repository of the commits, one after the other on
// branch main, in a temporary folder and returns the folder. It skips the
// test when there is no git command.
func GitRepo(t testing.TB, commits []Commit) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git command")
	}
	dir := t.TempDir()
	run := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
			"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_CONFIG_GLOBAL=/dev/null",
			"GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("2026-01-01", "init", "-q", "-b", "main")
	for _, c := range commits {
		for name, text := range c.Files {
			full := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		run(c.Date, "add", "-A")
		run(c.Date, "commit", "-q", "-m", "portfolio at "+c.Tag)
		run(c.Date, "tag", c.Tag)
	}
	return dir
}

// GitHistory makes the repository of the txtar archives in the folder dir
// (relative to the test's package), a commit each in the order of their
// names: an archive's comment starts with its tag and day ("q2 2026-06-30:
// what changed") and its files are what the commit writes.
func GitHistory(t testing.TB, dir string) string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(filepath.FromSlash(dir), "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no archives in %s: %v", dir, err)
	}
	sort.Strings(names)
	commits := make([]Commit, len(names))
	for i, name := range names {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fields := strings.Fields(strings.SplitN(string(a.Comment), ":", 2)[0])
		if len(fields) != 2 {
			t.Fatalf("%s: the comment does not start with a tag and a day (q2 2026-06-30:)", name)
		}
		commits[i] = Commit{Tag: fields[0], Date: fields[1], Files: Archive(filepath.ToSlash(name))}
	}
	return GitRepo(t, commits)
}
