package main

import (
	"bytes"
	"os"
	"path/filepath"
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
