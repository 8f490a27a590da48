package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckCache runs check as CI would, again and again on one site: a check
// with the cache says exactly what one without it says, after edits too; it
// rewrites its file only when something changed; a damaged file is ignored and
// replaced; a cache that cannot be written costs a note, not the check; and
// --no-cache touches nothing.
func TestCheckCache(t *testing.T) {
	t.Parallel()
	site := copySite(t, "../../examples/broken")
	// A file changed less than 3 seconds before it is read is read again by the
	// next check (its stamp might not show a second change: racyWindow); the
	// copy must be older than that for its stamps to vouch for it.
	time.Sleep(3100 * time.Millisecond)
	cache := t.TempDir()
	check := func(extra ...string) result {
		t.Helper()
		return archfolio(t, append([]string{"check", "-s", site, "--today", "2026-11-27"}, extra...)...)
	}
	same := func(step string, got, want result) {
		t.Helper()
		if got != want {
			t.Errorf("%s: check says\n%+v\nwithout the cache it says\n%+v", step, got, want)
		}
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	cacheFile := func() string {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(cache, "site-*.cache"))
		if len(files) != 1 {
			t.Fatalf("want one cache file in %s, found %v", cache, files)
		}
		return files[0]
	}
	rewritten := func(file string) bool {
		t.Helper()
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		return !fi.ModTime().Equal(old)
	}

	want := check("--no-cache")
	if want.code != exitProblems || !strings.Contains(want.stdout, "error") {
		t.Fatalf("the broken example checks clean: %+v", want)
	}
	same("first check", check("--cache", cache), want)
	file := cacheFile()
	// Another site's cache unused for 40 days is deleted when a cache is saved; a
	// recent one is kept.
	stale, recent := filepath.Join(cache, "site-000000000000000000000000.cache"), filepath.Join(cache, "site-111111111111111111111111.cache")
	for _, f := range []string{stale, recent} {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(stale, time.Now().Add(-40*24*time.Hour), time.Now().Add(-40*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}
	same("second check", check("--cache", cache), want)
	if rewritten(file) {
		t.Error("a check with nothing changed rewrote the cache")
	}

	// An edit: a new broken link.
	doc := filepath.Join(site, "content", "blueprints", "good-base.md")
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, append(data, "\nSee [[no-such-document-at-all]].\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	want = check("--no-cache")
	if !strings.Contains(want.stdout, "no-such-document-at-all") {
		t.Fatalf("the edit is not reported: %s", want.stdout)
	}
	same("check after an edit", check("--cache", cache), want)
	if !rewritten(file) {
		t.Error("a check after an edit did not save the cache")
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a cache unused for 40 days was kept")
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("another site's recent cache was deleted: %v", err)
	}

	// A damaged cache is ignored and replaced.
	if err := os.WriteFile(file, []byte("archfolio load cache 1\nnot a cache"), 0o600); err != nil {
		t.Fatal(err)
	}
	same("check with a damaged cache", check("--cache", cache), want)
	if fi, err := os.Stat(file); err != nil || fi.Size() < 100 {
		t.Errorf("the damaged cache was not replaced (%v)", err)
	}

	// A cache folder that cannot be made: the check goes on and says so.
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got := check("--cache", filepath.Join(blocked, "cache"))
	if !strings.Contains(got.stderr, "archfolio check: the cache was not saved (the next check parses every file)") {
		t.Errorf("no note of the cache that could not be saved: %q", got.stderr)
	}
	got.stderr = want.stderr
	same("check with a cache that cannot be written", got, want)

	// --no-cache neither reads nor writes one.
	empty := t.TempDir()
	same("--no-cache", check("--cache", empty, "--no-cache"), want)
	if files, _ := os.ReadDir(empty); len(files) != 0 {
		t.Errorf("--no-cache wrote %d files", len(files))
	}
}
