package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	for name, size := range map[string]int{"content/a.md": 1000, "content/x/b.md": 234, "static/big.bin": 5000} {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := contentBytes(site); got != 1234 {
		t.Errorf("contentBytes = %d, want 1234 (content/ only)", got)
	}
	if got := contentBytes(filepath.Join(site, "missing")); got != 0 {
		t.Errorf("contentBytes of a missing site = %d", got)
	}
	if got := memoryLimit(1234); got != minMemoryLimit {
		t.Errorf("small site: limit %d, want the floor %d", got, minMemoryLimit)
	}
	if got := memoryLimit(1 << 30); got != 8<<30 {
		t.Errorf("1 GiB of content: limit %d, want 8 GiB", got)
	}
	for _, c := range []struct {
		limit int64
		live  uint64
		want  int64
	}{
		{900 << 20, 300 << 20, 900 << 20},    // room enough: unchanged
		{900 << 20, 600 << 20, 900 << 20},    // two thirds of the limit: unchanged
		{900 << 20, 620 << 20, 930 << 20},    // the heap outgrew two thirds: one and a half times the heap
		{900 << 20, 670 << 20, 960 << 20},    // but no more than the cap while that leaves the headroom
		{900 << 20, 800 << 20, 1200 << 20},   // a heap the cap leaves too little room: one and a half times
		{1000 << 20, 2000 << 20, 3000 << 20}, // and so for larger heaps
		{2000 << 20, 600 << 20, 2000 << 20},  // never lowered
		{900 << 20, 1 << 63, 1<<61 + 1<<60},  // no overflow
	} {
		if got := limitFor(c.limit, c.live); got != c.want {
			t.Errorf("limitFor(%d, %d) = %d, want %d", c.limit, c.live, got, c.want)
		}
	}
}
