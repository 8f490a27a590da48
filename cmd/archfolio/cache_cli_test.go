package main

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// build --cache keeps highlighted blocks in a folder; a second build reads them and
// writes the same pages.
func TestBuildWithHighlightCache(t *testing.T) {
	t.Parallel()
	cache := filepath.Join(t.TempDir(), "cache")
	first, second := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	expectCode(t, archfolio(t, "build", "-s", "../..", "-d", first, "--today", "2026-11-27", "--cache", cache), exitOK)
	blocks, _ := filepath.Glob(filepath.Join(cache, "*.html"))
	if len(blocks) == 0 {
		t.Fatal("no highlighted block kept in the cache folder")
	}
	// Every block file gets an old time stamp: a block the second build refused and
	// highlighted again would be written anew.
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, b := range blocks {
		if err := os.Chtimes(b, old, old); err != nil {
			t.Fatal(err)
		}
	}
	expectCode(t, archfolio(t, "build", "-s", "../..", "-d", second, "--today", "2026-11-27", "--cache", cache), exitOK)
	again, _ := filepath.Glob(filepath.Join(cache, "*.html"))
	if len(again) != len(blocks) {
		t.Errorf("the second build added %d blocks to a warm cache", len(again)-len(blocks))
	}
	for _, b := range again {
		if fi, err := os.Stat(b); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was written again: the warm cache's block was not used", b)
		}
	}
	page := filepath.Join("blueprints", "payments-gateway", "index.html")
	a, errA := os.ReadFile(filepath.Join(first, page))
	b, errB := os.ReadFile(filepath.Join(second, page))
	if errA != nil || errB != nil || !bytes.Equal(a, b) || !bytes.Contains(a, []byte(`class="chroma"`)) {
		t.Errorf("%s differs between a cold and a cached build, or has no highlighted code (%v, %v)", page, errA, errB)
	}
}

// build --cpuprofile writes a pprof CPU profile (gzip-compressed protobuf), the
// input of default.pgo; a folder that does not exist is a usage error.
func TestBuildCPUProfile(t *testing.T) {
	t.Parallel()
	prof := filepath.Join(t.TempDir(), "build.pprof")
	expectCode(t, archfolio(t, "build", "-s", "../..", "-d", filepath.Join(t.TempDir(), "out"), "--today", "2026-11-27", "--cpuprofile", prof), exitOK)
	data, err := os.ReadFile(prof)
	if err != nil || len(data) < 100 || !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		t.Fatalf("no CPU profile written (%d bytes, %v)", len(data), err)
	}
	r := archfolio(t, "build", "-s", "../..", "-d", filepath.Join(t.TempDir(), "out"), "--cpuprofile", filepath.Join(t.TempDir(), "no", "such", "p"))
	expectCode(t, r, exitUsage)
	if !bytes.Contains([]byte(r.stderr), []byte("archfolio build: open ")) {
		t.Errorf("stderr does not say why: %s", r.stderr)
	}
}

// codeSite writes a site of two blueprints with a code block each.
func codeSite(t *testing.T, alphaCode string) string {
	t.Helper()
	dir := t.TempDir()
	docs := map[string]string{
		"alpha.md": "---\nkind: blueprint\ntitle: Alpha\n---\n```go\n" + alphaCode + "\n```\n",
		"beta.md":  "---\nkind: blueprint\ntitle: Beta\n---\n```yaml\nkey: value\n```\n",
	}
	for name, text := range docs {
		full := filepath.Join(dir, "content", "blueprints", name)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// blockFiles lists the highlighted blocks in a cache folder.
func blockFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Without --cache, build keeps the blocks in the site's own folder of the
// user's cache folder, and the next build uses them; after an edit, the block
// the site no longer has goes, and so does another site's folder unused for 30
// days (not one used yesterday). --no-cache keeps nothing.
func TestBuildKeepsHighlightsInTheSitesOwnFolder(t *testing.T) {
	t.Parallel()
	site := codeSite(t, "func a() {}")
	base, err := os.UserCacheDir() // the test's own (TestMain)
	if err != nil {
		t.Fatal(err)
	}
	name, err := siteCacheName(site)
	if err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(base, "archfolio", "highlight", name)
	build := func(args ...string) {
		t.Helper()
		expectCode(t, archfolio(t, append([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "out"), "--today", "2026-11-27"}, args...)...), exitOK)
	}

	build()
	blocks := blockFiles(t, own)
	if len(blocks) != 2 {
		t.Fatalf("the site's folder %s holds %d blocks, want 2", own, len(blocks))
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, b := range blocks {
		if err := os.Chtimes(b, old, old); err != nil {
			t.Fatal(err)
		}
	}
	build()
	for _, b := range blockFiles(t, own) {
		if fi, err := os.Stat(b); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was written again: the kept block was not used", b)
		}
	}

	stale, recent := filepath.Join(filepath.Dir(own), "site-stale"), filepath.Join(filepath.Dir(own), "site-recent")
	for dir, age := range map[string]time.Duration{stale: 31 * 24 * time.Hour, recent: 24 * time.Hour} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(dir, at, at); err != nil {
			t.Fatal(err)
		}
	}
	alpha := filepath.Join(site, "content", "blueprints", "alpha.md")
	if err := os.WriteFile(alpha, []byte("---\nkind: blueprint\ntitle: Alpha\n---\n```go\nfunc b() {}\n```\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build()
	after := blockFiles(t, own)
	if len(after) != 2 {
		t.Errorf("after the edit the folder holds %d blocks, want 2 (the new one and beta's)", len(after))
	}
	kept := 0
	for _, b := range after {
		if slices.Contains(blocks, b) {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("%d of the first build's blocks are left, want 1 (beta's)", kept)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("another site's folder unused for 31 days is still there (%v)", err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("another site's folder used yesterday was deleted: %v", err)
	}

	// A site without code blocks has no folder of its own, and still clears
	// the others.
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-31 * 24 * time.Hour)
	if err := os.Chtimes(stale, at, at); err != nil {
		t.Fatal(err)
	}
	plain := serveTestSite(t)
	expectCode(t, archfolio(t, "build", "-s", plain, "-d", filepath.Join(t.TempDir(), "out")), exitOK)
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a build of a site without code blocks left another site's stale folder (%v)", err)
	}
	name, _ = siteCacheName(plain)
	if _, err := os.Stat(filepath.Join(filepath.Dir(own), name)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a site without code blocks got a folder (%v)", err)
	}

	other := codeSite(t, "func c() {}")
	expectCode(t, archfolio(t, "build", "-s", other, "-d", filepath.Join(t.TempDir(), "out"), "--no-cache"), exitOK)
	name, _ = siteCacheName(other)
	if _, err := os.Stat(filepath.Join(filepath.Dir(own), name)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("build --no-cache made a cache folder (%v)", err)
	}
}

// serve keeps its blocks in the site's folder too, and after its first build
// that folder holds the site's blocks only.
func TestServeKeepsHighlightsInTheSitesOwnFolder(t *testing.T) {
	t.Parallel()
	site := codeSite(t, "func s() {}")
	base, _ := os.UserCacheDir()
	name, _ := siteCacheName(site)
	own := filepath.Join(base, "archfolio", "highlight", name)
	if err := os.MkdirAll(own, 0o755); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(own, strings.Repeat("ab", 32)+".html")
	if err := os.WriteFile(gone, []byte("x\n<pre>old</pre>"), 0o644); err != nil {
		t.Fatal(err)
	}
	url, stderr, cancel, code := startServe(t, "-s", site, "--today", "2026-11-27")
	resp, err := http.Get(url + "blueprints/alpha/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if n := len(blockFiles(t, own)); n != 2 {
		t.Errorf("the site's folder holds %d blocks after the first build, want 2", n)
	}
	if _, err := os.Stat(gone); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a block the site does not have is still there (%v)", err)
	}
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d\n%s", c, stderr)
	}
}

// --no-cache wins over --cache DIR, for build as for check: nothing is kept.
func TestNoCacheWinsOverCache(t *testing.T) {
	t.Parallel()
	site := codeSite(t, "func n() {}")
	dir := filepath.Join(t.TempDir(), "c")
	expectCode(t, archfolio(t, "build", "-s", site, "-d", filepath.Join(t.TempDir(), "out"), "--cache", dir, "--no-cache"), exitOK)
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("build --cache DIR --no-cache made DIR (%v)", err)
	}
}

// A site reached through a link has the cache of the folder it links to.
func TestSiteCacheNameFollowsLinks(t *testing.T) {
	t.Parallel()
	site := serveTestSite(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	a, errA := siteCacheName(site)
	b, errB := siteCacheName(link)
	if errA != nil || errB != nil || a != b || !strings.HasPrefix(a, "site-") {
		t.Errorf("siteCacheName: %q (%v) for the site, %q (%v) through a link", a, errA, b, errB)
	}
}

// Where blocks are kept nowhere (--no-cache, or no user cache folder), build and
// serve give Load no cache, so that a build uses a cache of its own, highlights
// every block ahead and lets each go after its last rendering
// (TestBuildHighlightsAheadAndKeepsNothing in generator/render). A cache in
// memory handed to it was taken for serve's, which keeps every block: a cold
// hub-shape build of 10,000 documents took 17.8 s instead of 15.0 s.
func TestNoCacheLeavesTheRunItsOwnCache(t *testing.T) {
	site := codeSite(t, "func o() {}")
	if c := newHighlightCache(site, "", true).options(); c != nil {
		t.Errorf("--no-cache gives the build a cache (%T), want none", c)
	}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	if c := newHighlightCache(site, "", false).options(); c != nil {
		t.Errorf("without a user cache folder the build gets a cache (%T), want none", c)
	}
	if c := newHighlightCache(site, t.TempDir(), false).options(); c == nil {
		t.Error("--cache DIR gives the build no cache")
	}
}

// build --cache DIR deletes nothing from DIR; with --prune-cache it deletes the
// blocks the build did not use, says how many, and leaves every other file of
// DIR (the trends' folder, a file of the user's) as it was. --prune-cache
// without --cache DIR, or with --no-cache, is a usage error.
func TestBuildPrunesACacheFolderOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "trends"), 0o755); err != nil {
		t.Fatal(err)
	}
	build := func(site string, args ...string) result {
		t.Helper()
		r := archfolio(t, append([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "out"), "--today", "2026-11-27", "--cache", dir}, args...)...)
		expectCode(t, r, exitOK)
		return r
	}
	build(codeSite(t, "func a() {}"))
	site := codeSite(t, "func b() {}") // alpha's block changed, beta's did not
	build(site)
	if got := len(blockFiles(t, dir)); got != 3 {
		t.Fatalf("after two builds without --prune-cache, %s holds %d blocks, want 3", dir, got)
	}
	r := build(site, "--prune-cache")
	if got := len(blockFiles(t, dir)); got != 2 {
		t.Errorf("after --prune-cache, %s holds %d blocks, want the build's 2", dir, got)
	}
	if want := "pruned " + dir + ": deleted 1 highlighted block the build did not use"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, r.stderr)
	}
	if data, err := os.ReadFile(mine); err != nil || string(data) != "mine" {
		t.Errorf("--prune-cache touched a file of the user's: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "trends")); err != nil {
		t.Errorf("--prune-cache removed the trends' folder: %v", err)
	}
	for _, args := range [][]string{{"--prune-cache"}, {"--prune-cache", "--cache", dir, "--no-cache"}} {
		r := archfolio(t, append([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "out")}, args...)...)
		expectCode(t, r, exitUsage)
		if !strings.Contains(r.stderr, "--prune-cache prunes the folder of --cache DIR") {
			t.Errorf("build %v: stderr does not say why:\n%s", args, r.stderr)
		}
	}
}
