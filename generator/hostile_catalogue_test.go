package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/mdext"
	"archfolio/generator/publish"
	"archfolio/generator/render"
	"archfolio/generator/scaffold"
	"archfolio/themes"
)

// hostileCatalogue is the folder of the hostile catalogue (issue 19): one txtar
// archive per attack, whose comment says what the attack is and what must
// happen, and NAME.diagnostics beside it, what check reports (-update rewrites
// them). Archives named oscal-*.txtar are run by package oscal's
// TestHostileCatalogue; this package runs the others.
const hostileCatalogue = "testdata/hostile-catalogue"

// TestHostileCatalogue materialises each archive of the hostile catalogue in a
// temporary folder, reads it through OpenSite as the command does, and checks:
//
//   - check's diagnostics (a CheckOnly load), line by line with codes, against
//     NAME.diagnostics, and that build reports the same ones;
//   - that the text format of those diagnostics is one line each, with no
//     control character;
//   - that the build (publish.CheckDestination, then Build) changes nothing
//     outside its output folder;
//   - that every file of the output is valid UTF-8, that its pages hold no script
//     but the theme's and no attribute starting with javascript: (as
//     FuzzDocument checks), and that no CSV cell has a line or joined item that
//     starts a formula;
//   - the archive's own expectations (its file "expect", below).
//
// Archive files are the site's (content/, static/, themes/, archfolio.yaml),
// but those under outside/ (a folder beside the site, for links out of it) and
// out/ (a previous output, beside the site too) and these instructions, which
// are not written:
//
//	symlinks   PATH -> TARGET per line: a symbolic link at PATH in the site;
//	           $OUTSIDE in TARGET is the outside/ folder
//	fifos      a PATH per line: a FIFO at PATH in the site
//	rename     PATH -> "QUOTED" per line: rename a site file to a Go-quoted
//	           name (for control characters that a txtar name cannot hold)
//	expand     PATH TOKEN COUNT "QUOTED" per line: replace TOKEN in the site
//	           file PATH by QUOTED repeated COUNT times (inputs over a megabyte)
//	expect     one expectation per line:
//	             dest PATH                 the output folder, relative to the
//	                                       temporary folder (default out)
//	             publish-with-errors       build with Options.PublishWithErrors
//	             dest-refused TEXT         CheckDestination refuses dest with TEXT
//	             max-output-bytes N        the output's files total at most N bytes
//	             published FILE            the output has FILE
//	             not-published FILE        the output lacks FILE
//	             contains FILE TEXT        FILE of the output holds TEXT
//	             absent TEXT               no file of the output holds TEXT
//	             unchanged                 the output is the archive's out/, as it was
//	             tamper-cache              build once with a highlight cache folder
//	                                       (--cache), put a script into every block
//	                                       file of it, and build with it
//	             new-refused KIND ID TEXT  archfolio new KIND ID (Scaffold) fails
//	                                       with TEXT, writing nothing
//	             stale-build NAME          a folder NAME beside the output, as a
//	                                       killed build leaves, two hours old: the
//	                                       build removes it
//	             young-build NAME          the same, just made: the build keeps it
//
// A case that needs symbolic links or FIFOs is skipped, with a message, where
// the platform has none.
func TestHostileCatalogue(t *testing.T) {
	t.Parallel()
	archives, err := filepath.Glob(filepath.Join(hostileCatalogue, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, file := range archives {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		if strings.HasPrefix(name, "oscal-") {
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := materialise(t, file)
			c.run(t, name)
		})
	}
	if ran == 0 {
		t.Fatalf("no archive in %s", hostileCatalogue)
	}
}

// hostileCase is one archive laid out on disk.
type hostileCase struct {
	dir, site, dest   string
	publishWithErrors bool
	expect            [][2]string // verb, argument
	previous          map[string]string
}

// materialise writes the archive's files and makes its links, FIFOs and names.
func materialise(t *testing.T, file string) *hostileCase {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(a.Comment)) == 0 {
		t.Errorf("%s: no comment saying what the attack is and what must happen", file)
	}
	dir := t.TempDir()
	c := &hostileCase{dir: dir, site: filepath.Join(dir, "site"), dest: filepath.Join(dir, "out"), previous: map[string]string{}}
	instr := map[string]string{}
	for _, f := range a.Files {
		var to string
		switch {
		case !strings.Contains(f.Name, "/") && f.Name != "archfolio.yaml":
			instr[f.Name] = string(f.Data)
			continue
		case strings.HasPrefix(f.Name, "outside/"), strings.HasPrefix(f.Name, "out/"):
			to = filepath.Join(dir, filepath.FromSlash(f.Name))
			if rel, ok := strings.CutPrefix(f.Name, "out/"); ok {
				c.previous[rel] = string(f.Data)
			}
		default:
			to = filepath.Join(c.site, filepath.FromSlash(f.Name))
		}
		writeCaseFile(t, to, f.Data)
	}
	if err := os.MkdirAll(c.site, 0o755); err != nil {
		t.Fatal(err)
	}
	c.layOut(t, instr)
	c.parseExpect(t, instr["expect"])
	return c
}

// layOut carries out the archive's instructions expand, rename, symlinks and
// fifos on the site written from it.
func (c *hostileCase) layOut(t *testing.T, instr map[string]string) {
	t.Helper()
	for _, l := range instrLines(instr["expand"]) {
		var path, token, text string
		var count int
		if _, err := fmt.Sscanf(l, "%s %s %d %q", &path, &token, &count, &text); err != nil {
			t.Fatalf("expand %q: %v", l, err)
		}
		p := filepath.Join(c.site, filepath.FromSlash(path))
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(token)) {
			t.Fatalf("expand %q: %s has no %s (%v)", l, path, token, err)
		}
		writeCaseFile(t, p, bytes.ReplaceAll(data, []byte(token), bytes.Repeat([]byte(text), count)))
	}
	for _, l := range instrLines(instr["rename"]) {
		from, quoted, _ := strings.Cut(l, " -> ")
		to, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("rename %q: %v", l, err)
		}
		if err := os.Rename(filepath.Join(c.site, filepath.FromSlash(from)), filepath.Join(c.site, filepath.FromSlash(to))); err != nil {
			t.Skipf("this platform takes no such file name: %v", err)
		}
	}
	for _, l := range instrLines(instr["symlinks"]) {
		link, target, _ := strings.Cut(l, " -> ")
		target = strings.ReplaceAll(target, "$OUTSIDE", filepath.Join(c.dir, "outside"))
		at := filepath.Join(c.site, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(at), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.FromSlash(target), at); err != nil {
			t.Skipf("no symbolic links on %s: %v", runtime.GOOS, err)
		}
	}
	for _, l := range instrLines(instr["fifos"]) {
		if err := mkfifo(filepath.Join(c.site, filepath.FromSlash(l))); err != nil {
			t.Skipf("no FIFOs on %s: %v", runtime.GOOS, err)
		}
	}
}

// parseExpect reads the archive's expect file.
func (c *hostileCase) parseExpect(t *testing.T, text string) {
	t.Helper()
	for _, l := range instrLines(text) {
		verb, arg, _ := strings.Cut(l, " ")
		switch verb {
		case "dest":
			c.dest = filepath.Join(c.dir, filepath.FromSlash(arg))
		case "publish-with-errors":
			c.publishWithErrors = true
		case "dest-refused", "max-output-bytes", "published", "not-published", "contains", "absent", "unchanged", "tamper-cache",
			"new-refused", "stale-build", "young-build":
			c.expect = append(c.expect, [2]string{verb, arg})
		default:
			t.Fatalf("expect: unknown %q", l)
		}
	}
}

// run checks the case: see TestHostileCatalogue.
func (c *hostileCase) run(t *testing.T, name string) {
	site, err := generator.OpenSite(c.site)
	if err != nil {
		t.Fatal(err)
	}
	today, _ := time.Parse(time.DateOnly, goldenToday)
	opts := generator.Options{Site: site, Theme: themes.Default(), Today: today, PublishWithErrors: c.publishWithErrors}
	ctx := context.Background()
	check := opts
	check.CheckOnly = true
	_, diags, err := generator.Load(ctx, check)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "hostile-catalogue/"+name+".diagnostics", []byte(codedDiagLines(diags)))
	var text bytes.Buffer
	if err := diag.WriteDiagnostics(&text, diags, "text"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(text.String(), "\n"); n != len(diags) || strings.ContainsFunc(strings.ReplaceAll(text.String(), "\n", ""), controlRune) {
		t.Errorf("the text format of %d diagnostics has %d lines or a control character:\n%q", len(diags), n, text.String())
	}

	if c.has("tamper-cache") {
		opts.Highlights = c.tamperedCache(t, opts)
	}
	c.leftovers(t, false)
	before := c.snapshot(t)
	if arg := c.arg("new-refused"); arg != "" {
		f := strings.SplitN(arg, " ", 3)
		if _, err := scaffold.Write(site, c.site, themes.Default(), f[0], f[1], today); err == nil || !strings.Contains(err.Error(), f[2]) {
			t.Errorf("archfolio new %s %s: %v, want an error with %q", f[0], f[1], err, f[2])
		}
	}
	refused := publish.CheckDestination(c.site, c.dest)
	wantRefused := c.arg("dest-refused")
	switch {
	case refused != nil && (wantRefused == "" || !strings.Contains(refused.Error(), wantRefused)):
		t.Errorf("the destination is refused: %v (want %q)", refused, wantRefused)
	case refused == nil && wantRefused != "":
		t.Errorf("the destination %s is accepted, want it refused (%s)", c.dest, wantRefused)
	case refused == nil:
		built, err := render.Build(ctx, opts, c.dest)
		if err != nil {
			t.Errorf("build: %v", err)
		}
		if got, want := codedDiagLines(built), codedDiagLines(diags); got != want {
			t.Errorf("build and check disagree; build:\n%s\ncheck:\n%s", got, want)
		}
	}
	if after := c.snapshot(t); !slices.Equal(before, after) {
		t.Errorf("the build changed files outside its output folder:\nbefore %q\nafter  %q", before, after)
	}
	c.checkOutput(t)
	c.leftovers(t, true)
}

// leftovers makes, before the build, the folders of stale-build and
// young-build beside the output (with a file in each, two hours old when
// stale), and checks after it that only the young ones are left.
func (c *hostileCase) leftovers(t *testing.T, built bool) {
	t.Helper()
	for _, e := range c.expect {
		if e[0] != "stale-build" && e[0] != "young-build" {
			continue
		}
		dir := filepath.Join(filepath.Dir(c.dest), e[1])
		if built {
			if _, err := os.Stat(dir); (err == nil) != (e[0] == "young-build") {
				t.Errorf("%s %s: kept %v", e[0], e[1], err == nil)
			}
			continue
		}
		writeCaseFile(t, filepath.Join(dir, "index.html"), []byte("half a build"))
		if e[0] == "stale-build" {
			old := time.Now().Add(-2 * time.Hour)
			for _, p := range []string{filepath.Join(dir, "index.html"), dir} {
				if err := os.Chtimes(p, old, old); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// snapshot lists every file and folder outside the output folder, each file
// with its mode, size and modification time (the output folder's own swap
// folders beside it excluded).
func (c *hostileCase) snapshot(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == c.dest || p == c.cacheDir() || strings.HasPrefix(d.Name(), ".archfolio-build-") {
			return filepath.SkipDir
		}
		if d.IsDir() { // its entries are listed; its time changes with them
			files = append(files, p+"/")
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, fmt.Sprintf("%s %v %d %d", p, fi.Mode(), fi.Size(), fi.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkOutput checks every file of the output folder and the archive's
// expectations of it.
func (c *hostileCase) checkOutput(t *testing.T) {
	out := map[string][]byte{}
	total := 0
	_ = filepath.WalkDir(c.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			return nil
		}
		rel, _ := filepath.Rel(c.dest, p)
		out[filepath.ToSlash(rel)] = data
		total += len(data)
		return nil
	})
	for name, data := range out {
		checkHostileFile(t, name, data)
	}
	for _, e := range c.expect {
		verb, arg := e[0], e[1]
		switch verb {
		case "max-output-bytes":
			if n, _ := strconv.Atoi(arg); total > n {
				t.Errorf("the output is %d bytes, over the budget of %d", total, n)
			}
		case "published", "not-published":
			if _, ok := out[arg]; ok != (verb == "published") {
				t.Errorf("%s: published %v, want %v", arg, ok, !ok)
			}
		case "contains":
			file, text, _ := strings.Cut(arg, " ")
			if !bytes.Contains(out[file], []byte(text)) {
				t.Errorf("%s lacks %q", file, text)
			}
		case "absent":
			for name, data := range out {
				if bytes.Contains(data, []byte(arg)) {
					t.Errorf("%s holds %q", name, arg)
				}
			}
		case "unchanged":
			got := map[string]string{}
			for name, data := range out {
				got[name] = string(data)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.previous) {
				t.Errorf("the previous output changed:\n got %q\nwant %q", got, c.previous)
			}
		}
	}
}

// cacheDir is the highlight cache folder of a tamper-cache case, which builds
// may write.
func (c *hostileCase) cacheDir() string { return filepath.Join(c.dir, "cache") }

// tamperedCache builds the site once with a highlight cache folder, then puts
// a script into the HTML of every block file, and returns a new cache of that
// folder for the build under test.
func (c *hostileCase) tamperedCache(t *testing.T, opts generator.Options) mdext.HighlightCache {
	t.Helper()
	opts.Highlights, opts.PublishWithErrors = mdext.NewCache(c.cacheDir()), true
	if _, err := render.Build(context.Background(), opts, filepath.Join(c.dir, "warm")); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(c.cacheDir(), "*"))
	tampered := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if edited := bytes.Replace(data, []byte("<pre"), []byte(`<script>alert("cache")</script><pre`), 1); !bytes.Equal(edited, data) {
			writeCaseFile(t, f, edited)
			tampered++
		}
	}
	if tampered == 0 {
		t.Fatalf("no block file to tamper with in %s: %v", c.cacheDir(), files)
	}
	return mdext.NewCache(c.cacheDir())
}

// has reports whether the case expects verb.
func (c *hostileCase) has(verb string) bool {
	for _, e := range c.expect {
		if e[0] == verb {
			return true
		}
	}
	return false
}

// arg returns the argument of the case's expectation verb, "" when it has none.
func (c *hostileCase) arg(verb string) string {
	for _, e := range c.expect {
		if e[0] == verb {
			return e[1]
		}
	}
	return ""
}
