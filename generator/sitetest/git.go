package sitetest

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

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
