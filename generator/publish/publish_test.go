package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckDestinationRefusesInputsAndWhatHoldsThem(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	for _, dir := range []string{"content/a", "static/s", "themes/t"} {
		if err := os.MkdirAll(filepath.Join(site, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, dest := range []string{".", "..", "content", "content/a/out", "static", "static/out", "static/s/out",
		"themes", "themes/t/out"} {
		if err := CheckDestination(site, filepath.Join(site, dest)); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("-d %s: %v, want a refusal", dest, err)
		}
	}
	if err := CheckDestination(site, filepath.Join(site, "public")); err != nil {
		t.Errorf("-d public: %v", err)
	}
}

func TestPublishRemovesLeftoversOfKilledBuilds(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	old := filepath.Join(parent, tempPrefix+"killed")
	recent := filepath.Join(parent, tempPrefix+"running")
	for _, dir := range []string{old, recent} {
		if err := os.MkdirAll(filepath.Join(dir, "blueprints"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * leftoverAge)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	err := Publish(context.Background(), filepath.Join(parent, "public"), func(out Output) error {
		return out.WriteFile("index.html", []byte("<p>hello</p>\n"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the leftover of a killed build is still there: %v", err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("the folder of a build that may still run was removed: %v", err)
	}
	if data, err := os.ReadFile(filepath.Join(parent, "public", "index.html")); err != nil || string(data) != "<p>hello</p>\n" {
		t.Errorf("published %q, %v", data, err)
	}
}
