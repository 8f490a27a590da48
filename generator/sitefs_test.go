package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"archfolio/themes"
)

// A site whose content/ and static/ hold links out of the site, a FIFO and a
// device: check reports each at its path and build publishes none of them, and
// nothing blocks. Links that stay inside the site are followed.
func TestSiteReadsNothingOutsideItself(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	site := filepath.Join(dir, "site")
	write := func(name, body string) {
		t.Helper()
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	write("outside/secret.md", "---\nkind: guide\ntitle: OUTSIDE-SECRET-TITLE\n---\nOUTSIDE-SECRET-BODY\n")
	write("outside/passwd.txt", "OUTSIDE-PASSWD\n")
	write("site/content/guide.md", "---\nkind: guide\ntitle: Guide\n---\nHello.\n")
	write("site/static/robots.txt", "User-agent: *\n")
	link(filepath.Join(outside, "secret.md"), "content/secret.md")
	link("guide.md", "content/alias.md") // inside the site: read
	link("../../outside/passwd.txt", "static/passwd.txt")
	link("/dev/zero", "static/zero.txt")
	link("/dev/zero", "content/zero.md")
	link("robots.txt", "static/robots-copy.txt") // inside the site: copied
	link("../content", "static/docs")            // a folder: reported, not copied
	if err := syscall.Mkfifo(filepath.Join(site, "content", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := OpenSite(site)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Site: fsys, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p, diags, err := Load(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := diagLines(diags)
	for _, w := range []string{
		"content/pipe.md: error: not read: not a regular file (a device, FIFO or socket); archfolio reads only files and folders",
		"content/secret.md: error: not read: a symbolic link that leads outside the site or to nothing; archfolio reads nothing outside the site root",
		"content/zero.md: error: not read: a symbolic link that leads outside the site or to nothing; archfolio reads nothing outside the site root",
		"static/docs: error: not read: a symbolic link to a folder; static/ copies the files and folders it holds, not links to folders",
		"static/passwd.txt: error: not read: a symbolic link that leads outside the site or to nothing; archfolio reads nothing outside the site root",
		"static/zero.txt: error: not read: a symbolic link that leads outside the site or to nothing; archfolio reads nothing outside the site root",
	} {
		if !strings.Contains(got, w+"\n") {
			t.Errorf("missing diagnostic %q in:\n%s", w, got)
		}
	}
	if p.ByID["alias"] == nil || p.ByID["guide"] == nil {
		t.Errorf("a link inside the site was not followed:\n%s", got)
	}
	out := &MemOutput{}
	if err := Render(ctx, p, opts, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if strings.Contains(string(data), "OUTSIDE-") {
			t.Errorf("%s holds text from outside the site", name)
		}
	}
	for name, want := range map[string]bool{"robots.txt": true, "robots-copy.txt": true, "passwd.txt": false, "zero.txt": false} {
		if _, ok := out.File(name); ok != want {
			t.Errorf("%s published: %v, want %v", name, ok, want)
		}
	}
}
