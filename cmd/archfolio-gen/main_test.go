package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWritesSiteAndHugo(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "site")
	var stderr bytes.Buffer
	if code := run([]string{"-n", "40", "-seed", "3", "-out", out, "-hugo"}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{filepath.Join(out, "archfolio.yaml"), filepath.Join(out+"-hugo", "config.toml")} {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
	blueprints, _ := os.ReadDir(filepath.Join(out, "content", "blueprints"))
	if len(blueprints) == 0 {
		t.Error("no blueprints written")
	}
	// A second run into the same folder is refused: it is not empty any more.
	if code := run([]string{"-n", "40", "-out", out}, &stderr); code != 1 {
		t.Errorf("writing into a non-empty folder: exit %d, want 1", code)
	}
}

func TestHubShape(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "site")
	var stderr bytes.Buffer
	if code := run([]string{"-n", "100", "-seed", "3", "-shape", "hub", "-out", out}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	blueprints, _ := os.ReadDir(filepath.Join(out, "content", "blueprints"))
	if len(blueprints) < 85 {
		t.Errorf("%d blueprints of 100 documents, want about 90", len(blueprints))
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	for _, args := range [][]string{{}, {"-n", "5", "-out", t.TempDir()}, {"-bogus"}, {"-shape", "spiky", "-out", t.TempDir()}} {
		if code := run(args, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
