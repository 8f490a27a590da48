package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"archfolio/generator/search"
	"archfolio/generator/sitetest"
	"archfolio/themes"
)

// update is sitetest's -update flag.
var update = sitetest.Update

// goldenToday is the date every golden test is pinned to.
const goldenToday = "2026-11-27"

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; diff:\n%s\n(run go test ./generator -update if the change is intended)", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// siteOptions returns options for a site root on disk, pinned to goldenToday.
func siteOptions(t *testing.T, root string) generator.Options {
	t.Helper()
	today, _ := time.Parse(time.DateOnly, goldenToday)
	return generator.Options{Site: os.DirFS(root), Theme: themes.Default(), Today: today}
}

func TestBrokenPortfolioDiagnostics(t *testing.T) {
	t.Parallel()
	_, diags, err := generator.Load(context.Background(), siteOptions(t, "../examples/broken"))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "broken.diagnostics", []byte(codedDiagLines(diags)))
	if diags.Errors() == 0 {
		t.Error("the broken portfolio reports no errors")
	}
}

// renderSite builds a site root into memory.
func renderSite(t testing.TB, opts generator.Options) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	p, diags, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	out := &render.MemOutput{}
	if err := render.Render(context.Background(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return out, diags
}

// renderedSite is a site on disk loaded and rendered into memory.
type renderedSite struct {
	out   *render.MemOutput
	diags diag.Diagnostics
}

// sharedRenders render the sample and the minimal portfolio once per test
// binary, pinned to goldenToday, for the tests that only read the result.
var sharedRenders = map[string]func() (renderedSite, error){
	"..":                  renderOnce(".."),
	"../examples/minimal": renderOnce("../examples/minimal"),
}

func renderOnce(root string) func() (renderedSite, error) {
	return sync.OnceValues(func() (renderedSite, error) {
		today, err := time.Parse(time.DateOnly, goldenToday)
		if err != nil {
			return renderedSite{}, err
		}
		opts := generator.Options{Site: os.DirFS(root), Theme: themes.Default(), Today: today}
		p, diags, err := generator.Load(context.Background(), opts)
		if err != nil {
			return renderedSite{}, err
		}
		out := &render.MemOutput{}
		if err := render.Render(context.Background(), p, opts, out); err != nil {
			return renderedSite{}, err
		}
		return renderedSite{out, diags}, nil
	})
}

// sharedRender returns the render of siteOptions(t, root) for the sample ("..")
// or the minimal portfolio, made once and shared: the caller must not change it.
func sharedRender(t testing.TB, root string) (*render.MemOutput, diag.Diagnostics) {
	t.Helper()
	render, ok := sharedRenders[root]
	if !ok {
		t.Fatalf("no shared render of %s", root)
	}
	r, err := render()
	if err != nil {
		t.Fatal(err)
	}
	return r.out, r.diags
}

func TestGoldenSites(t *testing.T) {
	t.Parallel()
	for _, site := range []struct{ name, root string }{
		{"sample", ".."},
		{"minimal", "../examples/minimal"},
	} {
		t.Run(site.name, func(t *testing.T) {
			out, diags := sharedRender(t, site.root)
			if diags.Errors() > 0 {
				t.Errorf("the %s portfolio has errors:\n%s", site.name, sitetest.DiagLines(diags))
			}
			dir := "site-" + site.name
			var names []string
			for _, name := range out.Names() {
				// The theme's static files are copied as they are; the golden
				// copies would only repeat themes/default/static.
				if !copiedAsset(name) {
					names = append(names, name)
				}
			}
			for _, name := range names {
				// The search index's document files repeat the pages' text;
				// its manifest and term shards are held here, the files'
				// form by package search's tests.
				if strings.HasPrefix(name, search.Dir+"d/") {
					continue
				}
				data, _ := out.File(name)
				checkGolden(t, dir+"/"+name, data)
			}
			checkGolden(t, dir+".files", []byte(strings.Join(names, "\n")+"\n"))
			if *update {
				removeStaleGoldens(t, filepath.Join("testdata", dir), names)
			}
		})
	}
}

// copiedAsset reports whether a site file is a verbatim copy of a default theme file.
func copiedAsset(name string) bool {
	rest, ok := strings.CutPrefix(name, "assets/")
	if !ok {
		return false
	}
	_, err := fs.Stat(themes.Default(), "static/"+rest)
	return err == nil
}

// removeStaleGoldens deletes golden files of pages the site no longer has.
func removeStaleGoldens(t *testing.T, dir string, names []string) {
	keep := map[string]bool{}
	for _, n := range names {
		keep[filepath.Join(dir, filepath.FromSlash(n))] = true
	}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !keep[p] {
			return os.Remove(p)
		}
		return nil
	})
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	first, _ := sharedRender(t, "..") // rendered while other tests run
	second, _ := renderSite(t, siteOptions(t, ".."))
	a, b := first.Names(), second.Names()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("file lists differ between two builds")
	}
	for _, name := range a {
		x, _ := first.File(name)
		y, _ := second.File(name)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds with the same --today", name)
		}
	}
}

// Build lets each body go once its page is written; what it writes must be what
// Render writes, file for file.
func TestBuildWritesWhatRenderWrites(t *testing.T) {
	t.Parallel()
	opts := siteOptions(t, "..")
	want, _ := sharedRender(t, "..")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := render.Build(context.Background(), opts, dest); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == render.OutputMarker {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		got = append(got, filepath.ToSlash(rel))
		data, err := os.ReadFile(p)
		if w, _ := want.File(filepath.ToSlash(rel)); !bytes.Equal(data, w) {
			t.Errorf("%s: Build wrote other bytes than Render", rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if g, w := strings.Join(got, "\n"), strings.Join(want.Names(), "\n"); g != w {
		t.Errorf("Build wrote other files than Render:\n%s\nwant\n%s", g, w)
	}
}

// A site's own layouts may show a body on another page (here every group page
// shows its documents' bodies, rendered after the documents' pages), so Build
// keeps the bodies for them.
func TestBuildKeepsBodiesForOwnLayouts(t *testing.T) {
	t.Parallel()
	site := sitetest.Site(map[string]string{
		"archfolio.yaml":                 "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/group.html": `{{define "content"}}{{range .Docs}}<div class="whole">{{.HTML}}</div>{{end}}{{end}}`,
		"content/g.md":                   "---\nkind: guide\ntitle: G\nowner: Team\n---\nThe body text.\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := render.Build(context.Background(), sitetest.Options(t, site, "2026-11-27"), dest); err != nil {
		t.Fatal(err)
	}
	group, err := os.ReadFile(filepath.Join(dest, "owners", "team", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(group), `<div class="whole"><p>The body text.</p>`) {
		t.Errorf("the group page lost the body its layout shows:\n%s", group)
	}
}

// elementID is an id attribute in a page.
var elementID = regexp.MustCompile(`\sid="([^"]+)"`)

// No page of the sample or the minimal portfolio repeats an element id (a
// standard's page lists the alignment records of many blueprints, each
// numbered within its own blueprint).
func TestElementIDsAreUniquePerPage(t *testing.T) {
	t.Parallel()
	for _, root := range []string{"..", "../examples/minimal"} {
		out, _ := sharedRender(t, root)
		for _, name := range out.Names() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			page, _ := out.File(name)
			seen := map[string]bool{}
			for _, m := range elementID.FindAllSubmatch(page, -1) {
				if id := string(m[1]); seen[id] {
					t.Errorf("%s: %s: id %q repeats", root, name, id)
				} else {
					seen[id] = true
				}
			}
		}
	}
}

// codedDiagLines renders diagnostics as check prints them: one per line, with codes.
func codedDiagLines(ds diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
