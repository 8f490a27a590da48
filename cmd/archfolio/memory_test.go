package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
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
}
