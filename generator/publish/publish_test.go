package publish

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
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

// DirOutput.WriteFile makes the page's folders, writes the bytes whole (over a
// longer file that was there), with the permissions os.WriteFile gives, and
// says which file it could not write.
func TestDirOutputWritesFiles(t *testing.T) {
	dir := t.TempDir()
	out := Dir(dir)
	big := bytes.Repeat([]byte("0123456789"), 100_000)
	if err := out.WriteFile("a/b/index.html", big); err != nil {
		t.Fatal(err)
	}
	if err := out.WriteFile("a/b/index.html", []byte("short")); err != nil {
		t.Fatal(err)
	}
	if err := out.WriteFile("empty.txt", nil); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a/b/index.html": "short", "empty.txt": ""} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
	ref := filepath.Join(dir, "ref")
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mine, _ := os.Stat(filepath.Join(dir, "empty.txt"))
	theirs, _ := os.Stat(ref)
	if mine.Mode() != theirs.Mode() {
		t.Errorf("mode %v, os.WriteFile's %v", mine.Mode(), theirs.Mode())
	}
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeFile(filepath.Join(dir, "file", "x"), big)
	var pe *os.PathError
	if !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "file", "x") {
		t.Errorf("writing under a file: got %v, want a PathError naming the file", err)
	}
	if err := out.WriteFile("file/y/index.html", big); err == nil {
		t.Error("writing under a file: no error")
	}
}

// BenchmarkWriteFile writes 1,000 pages of 40 KB, a folder each (as a build
// does), with writeFile and with os.WriteFile.
func BenchmarkWriteFile(b *testing.B) {
	page := bytes.Repeat([]byte("<p>0123456789</p>\n"), 40_000/18)
	for _, w := range []struct {
		name  string
		write func(string, []byte) error
	}{
		{"writeFile", writeFile},
		{"os.WriteFile", func(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			dir := b.TempDir()
			for i := range 1000 {
				if err := os.Mkdir(filepath.Join(dir, strconv.Itoa(i)), 0o755); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				for i := range 1000 {
					if err := w.write(filepath.Join(dir, strconv.Itoa(i), "index.html"), page); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
