package generator_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/search"
	"archfolio/generator/sitetest"
)

const readerSite = "testdata/sites/reader.txtar"

// renderReader renders the reader fixture (with opts changed by edit) and returns
// the output.
func renderReader(t *testing.T, edit func(*generator.Options)) *render.MemOutput {
	t.Helper()
	opts := sitetest.Options(t, sitetest.Site(sitetest.Archive(readerSite)), "2026-11-27")
	if edit != nil {
		edit(&opts)
	}
	p, diags := loadOpts(t, opts)
	if len(diags) > 0 {
		t.Fatalf("the fixture has problems:\n%s", strings.Join(diags, "\n"))
	}
	out := &render.MemOutput{}
	if err := render.Render(t.Context(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func loadOpts(t *testing.T, opts generator.Options) (*generator.Portfolio, []string) {
	t.Helper()
	p, diags, err := generator.Load(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	return p, lines
}

func pageText(t *testing.T, out *render.MemOutput, name string) string {
	t.Helper()
	b, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return string(b)
}

// A mermaid block is its escaped source in <pre class="mermaid">, and only a
// page with one loads mermaid and the script that draws it; both are files of
// the site, with mermaid's licence beside it.
func TestMermaidBlocksAndTheirScript(t *testing.T) {
	t.Parallel()
	out := renderReader(t, nil)
	scripts := []string{`<script src="../../assets/vendor/mermaid/mermaid.min.js"></script>`, `<script src="../../assets/diagrams.js"></script>`}
	withDiagram := pageText(t, out, "blueprints/claims-intake/index.html")
	src := "<pre class=\"mermaid\">flowchart LR\n  portal[&quot;Broker portal &lt;script&gt;alert(1)&lt;/script&gt;&quot;] --&gt; intake[Claims intake]\n"
	if !strings.Contains(withDiagram, src) {
		t.Errorf("the diagram's source is not on its page, escaped:\n%s", withDiagram)
	}
	for _, name := range []string{"blueprints/claims-intake/index.html", "guides/broken-diagram/index.html"} {
		for _, s := range scripts {
			if !strings.Contains(pageText(t, out, name), s) {
				t.Errorf("%s does not load %s", name, s)
			}
		}
	}
	for _, name := range out.Names() {
		if strings.HasSuffix(name, ".html") && !strings.Contains(name, "claims-intake/") && !strings.Contains(name, "broken-diagram/") &&
			strings.Contains(pageText(t, out, name), "mermaid") {
			t.Errorf("%s names mermaid, but has no diagram", name)
		}
	}
	if !strings.Contains(pageText(t, out, "guides/plain/index.html"), `<span class="kn">package</span>`) {
		t.Error("other code is no longer highlighted")
	}
	files := sitetest.Archive(readerSite)
	delete(files, "content/blueprints/claims-intake.md")
	delete(files, "content/guides/broken-diagram.md")
	without, _ := sitetest.Render(t, files, "2026-11-27")
	for _, name := range without.Names() {
		if strings.Contains(name, "mermaid") {
			t.Errorf("a site without diagrams has %s", name)
		}
	}
	for _, f := range []string{"assets/vendor/mermaid/mermaid.min.js", "assets/vendor/mermaid/LICENSE", "assets/diagrams.js", "assets/theme.js"} {
		if b, ok := out.File(f); !ok || len(b) == 0 {
			t.Errorf("%s is not in the site", f)
		}
	}
	// The search index reads the diagram's source as text, labels and all (the
	// file a result shows, d/N.js, has the start of the body's text; JSON escapes < and >).
	found := false
	for _, name := range out.Names() {
		if data, _ := out.File(name); strings.HasPrefix(name, search.Dir+"d/") && strings.Contains(string(data), `"i":"claims-intake"`) {
			found = true
			if !strings.Contains(string(data), `Broker portal \u003cscript\u003ealert(1)\u003c/script\u003e`) {
				t.Errorf("the body's text for search lacks the diagram's labels: %s", data)
			}
		}
	}
	if !found {
		t.Error("the search index has no file for claims-intake")
	}
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// checkUniqueIDs fails for every page of out on which an element id repeats.
func checkUniqueIDs(t *testing.T, out *render.MemOutput) {
	t.Helper()
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(pageText(t, out, name), -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q repeats", name, m[1])
			}
			seen[m[1]] = true
		}
	}
}

// Every h2 to h4 of a body has an id, unique on its page (a heading yields to
// the page's own ids and to an earlier heading), and a link to itself beside
// it; the table of contents links the ids the headings have.
func TestHeadingAnchors(t *testing.T) {
	t.Parallel()
	out := renderReader(t, nil)
	checkUniqueIDs(t, out)
	body := pageText(t, out, "blueprints/claims-intake/index.html")
	anchored := func(level, id, text string) string {
		return `<div class="heading"><h` + level + ` id="` + id + `">` + text + `</h` + level + `><a class="anchor" href="#` + id +
			`" aria-label="Link to this section"><span aria-hidden="true">#</span></a></div>`
	}
	for _, want := range []string{
		anchored("2", "main-1", "Main"),
		anchored("2", "dependencies", "Dependencies"),
		anchored("3", "h-field-notes-1", "Field notes"),
		anchored("4", "toc-title-1", "Toc title"),
		anchored("2", "main-2", "Again"),
		anchored("2", "main-3", "Again"),
		`<h5 id="too-deep-for-a-link">Too deep for a link</h5>`,
		`<a href="#main-1">Main</a>`, `<a href="#main-3">Again</a>`,
		`<main id="main"`, `<section class="panel" aria-labelledby="dependencies-title">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestSampleSiteIDsAreUnique holds every page of the sample portfolio to
// unique element ids.
func TestSampleSiteIDsAreUnique(t *testing.T) {
	t.Parallel()
	out, _ := renderSite(t, siteOptions(t, ".."))
	checkUniqueIDs(t, out)
}

// edit_url gives every document page a link to edit its source, the path
// under content/ escaped segment by segment; without it there is none.
func TestEditLink(t *testing.T) {
	t.Parallel()
	out := renderReader(t, nil)
	want := `<p class="edit"><a href="https://git.example.com/arch/portfolio/-/edit/main/content/guides/plain.md">Edit this page</a></p>`
	if !strings.Contains(pageText(t, out, "guides/plain/index.html"), want) {
		t.Errorf("no edit link %s", want)
	}
	cfg := generator.Config{EditURL: "https://git.example.com/edit/{path}?ref=main"}
	if got, want := cfg.EditLink("content/a b/ça?#.md"), "https://git.example.com/edit/a%20b/%C3%A7a%3F%23.md?ref=main"; got != want {
		t.Errorf("EditLink = %s, want %s", got, want)
	}
	files := sitetest.Archive(readerSite)
	files["archfolio.yaml"] = "title: x\n"
	plain, _ := sitetest.Render(t, files, "2026-11-27")
	if strings.Contains(pageText(t, plain, "guides/plain/index.html"), "Edit this page") {
		t.Error("an edit link without edit_url")
	}
}

// A document's last change (Options.LastChanged, from git) is on its page and
// in sitemap.xml; a document without one shows none.
func TestLastChanged(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	out := renderReader(t, func(o *generator.Options) {
		o.LastChanged = func() map[string]time.Time {
			return map[string]time.Time{"content/guides/plain.md": day, "content/gone.md": day}
		}
		o.BaseURL = "https://arch.example/"
	})
	if want := `<p class="changed">Last changed <time datetime="2026-11-02">2026-11-02</time></p>`; !strings.Contains(pageText(t, out, "guides/plain/index.html"), want) {
		t.Errorf("the page lacks %s", want)
	}
	if strings.Contains(pageText(t, out, "guides/broken-diagram/index.html"), "Last changed") {
		t.Error("a date for a document git has none for")
	}
	sm := pageText(t, out, "sitemap.xml")
	if !strings.Contains(sm, "<loc>https://arch.example/guides/plain/</loc>\n    <lastmod>2026-11-02</lastmod>") {
		t.Errorf("sitemap.xml lacks the page's lastmod:\n%s", sm)
	}
	if n := strings.Count(sm, "<lastmod>"); n != 1 {
		t.Errorf("sitemap.xml has %d lastmod, want 1", n)
	}
}
