package generator_test

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"archfolio/themes"
)

// TestColocatedFilesPublished builds a site from disk whose documents sit beside
// images and other files: each file is published once at files/PATH, and every
// link and image to one leads, from the page, to a file of the output. Links out of
// the site, a FIFO and a file over the size limit are reported and not published.
func TestColocatedFilesPublished(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	write := func(name, body string) {
		t.Helper()
		file := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/decisions/0008-add-status.md", "---\nkind: decision\ntitle: Add a status\nstatus: accepted\n---\n\n"+
		"![Badge](0008-badge.png) and ![](diagrams/flow%20v2.svg \"the flow\"),\n[the notes](notes.txt#part-2).\n")
	write("content/decisions/0008-badge.png", "PNG-BYTES")
	write("content/decisions/diagrams/flow v2.svg", "<svg/>")
	write("content/decisions/notes.txt", "notes")
	write("content/decisions/.draft.png", "hidden") // hidden: neither published nor reported
	if err := os.WriteFile(filepath.Join(dir, "outside.txt"), []byte("OUTSIDE"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../../outside.txt", filepath.Join(site, "content", "decisions", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(site, "content", "decisions", "pipe.png"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(site, "content", "decisions", "video.mp4")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, generator.MaxPublishedFileSize+1); err != nil {
		t.Fatal(err)
	}
	fsys, err := generator.OpenSite(site)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	diags, err := render.Build(ctx, generator.Options{Site: fsys, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		PublishWithErrors: true}, out)
	if err != nil {
		t.Fatal(err)
	}
	got := sitetest.DiagLines(diags)
	for _, want := range []string{
		"content/decisions/leak.txt: error: not read: a symbolic link that leads outside the site",
		"content/decisions/pipe.png: error: not read: not a regular file",
		"content/decisions/video.mp4: error: file is 33554433 bytes, over the 33554432 byte limit for a file published from content/",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "\n") != 3 {
		t.Errorf("diagnostics:\n%s", got)
	}
	for name, want := range map[string]string{
		"files/decisions/0008-badge.png":       "PNG-BYTES",
		"files/decisions/diagrams/flow v2.svg": "<svg/>",
		"files/decisions/notes.txt":            "notes",
	} {
		if data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	for _, name := range []string{"files/decisions/leak.txt", "files/decisions/pipe.png", "files/decisions/video.mp4", "files/decisions/.draft.png"} {
		if _, err := os.Lstat(filepath.Join(out, filepath.FromSlash(name))); err == nil {
			t.Errorf("%s was published", name)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "decisions", "0008-add-status", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	dests := regexp.MustCompile(`(?:src|href)="(\.\./\.\./files/[^"]*)"`).FindAllStringSubmatch(string(page), -1)
	if len(dests) != 3 {
		t.Fatalf("want 3 links to files/ in the page, found %v", dests)
	}
	for _, m := range dests {
		target := strings.NewReplacer("%20", " ").Replace(m[1])
		target, _, _ = strings.Cut(target, "#")
		file := path.Join("decisions/0008-add-status", target)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(file))); err != nil {
			t.Errorf("the page links %s, which leads to no file of the output: %v", m[1], err)
		}
	}
}

// TestLoaderSeesNewFiles: the dev server's loader keeps a body whose file did not
// change, but not when a file its image names appears.
func TestLoaderSeesNewFiles(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(site, "content", "g.md")
	if err := os.WriteFile(doc, []byte("---\nkind: guide\ntitle: G\n---\n\n![Flow](flow.svg)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := generator.NewLoader(generator.Options{Site: os.DirFS(site), Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	_, diags, err := l.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := sitetest.DiagLines(diags); !strings.Contains(got, "content/g.md:6:1: error: broken image flow.svg") {
		t.Errorf("first load:\n%s", got)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "flow.svg"), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, diags, err := l.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 || !strings.Contains(string(p.ByID["g"].HTML), `src="../../files/flow.svg"`) {
		t.Errorf("second load: %s\n%s", sitetest.DiagLines(diags), p.ByID["g"].HTML)
	}
}
