package render

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"archfolio/generator"
	"archfolio/generator/mdext"
	"archfolio/generator/publish"
)

// CheckOnly skips rendering bodies but must report exactly what a full load does.
func TestCheckOnlyReportsTheSameDiagnostics(t *testing.T) {
	t.Parallel()
	opts := siteOptions(t, "../../examples/broken")
	_, full, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.CheckOnly = true
	p, check, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := diagLines(check), diagLines(full); got != want {
		t.Errorf("CheckOnly diagnostics differ:\n%s\nwant:\n%s", got, want)
	}
	for _, d := range p.Docs {
		if d.HTML != "" {
			t.Errorf("%s: body rendered under CheckOnly", d.Path)
		}
	}
	if err := Render(context.Background(), p, opts, &MemOutput{}); err == nil {
		t.Error("rendering a CheckOnly portfolio: want an error, not empty pages")
	}
}

// countingCache counts the blocks the highlighter highlights.
type countingCache struct {
	*mdext.Cache
	mu   sync.Mutex
	puts int
}

func (c *countingCache) Do(lang string, code []byte, highlight func() []byte) []byte {
	return c.Cache.Do(lang, code, func() []byte {
		c.mu.Lock()
		c.puts++
		c.mu.Unlock()
		return highlight()
	})
}

const repeatedBlock = "```go\nfunc shared() {}\n```\n"

// A code block that appears in many documents is highlighted once per run; with a
// cache kept across runs (serve), not at all the second time.
func TestRepeatedCodeBlocksAreHighlightedOnce(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, id := range []string{"a", "b", "c", "d"} {
		files["content/"+id+".md"] = "---\nkind: guide\ntitle: " + id + "\n---\n\n" + repeatedBlock + "\n```yaml\nid: " + id + "\n```\n"
	}
	cache := &countingCache{Cache: mdext.NewCache("")}
	opts := testOptions(t, testSite(files), "2026-11-27")
	opts.Highlights = cache
	p, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if cache.puts != 5 { // one shared block, four of their own
		t.Errorf("%d blocks highlighted, want 5", cache.puts)
	}
	first := p.ByID["a"].HTML
	if _, _, err := generator.Load(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if cache.puts != 5 {
		t.Errorf("second run highlighted %d more blocks, want none", cache.puts-5)
	}
	if p2, _, _ := generator.Load(context.Background(), opts); p2.ByID["a"].HTML != first {
		t.Error("a cached block renders differently")
	}
}

// A build highlights its code blocks ahead of the other stages and lets each go
// after its last rendering: the run's cache ends up holding only the blocks the
// fence scan cannot see (in block quotes), and every block reaches the cache folder.
func TestBuildHighlightsAheadAndKeepsNothing(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, id := range []string{"a", "b", "c"} {
		files["content/"+id+".md"] = "---\nkind: guide\ntitle: " + id + "\n---\n\n" + repeatedBlock + "\n```yaml\nid: " + id + "\n```\n"
	}
	files["content/d.md"] = "---\nkind: guide\ntitle: d\n---\n\n> ```go\n> nested()\n> ```\n"
	dir := t.TempDir()
	cache := mdext.NewCache(dir)
	opts := testOptions(t, testSite(files), "2026-11-27")
	opts.Highlights = cache
	p, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := cache.Held(); n != 1 {
		t.Errorf("the cache holds %d blocks after the build, want 1 (the nested one)", n)
	}
	if blocks, _ := filepath.Glob(filepath.Join(dir, "*.html")); len(blocks) != 5 {
		t.Errorf("%d blocks in the cache folder, want 5", len(blocks))
	}
	for id, want := range map[string]string{"a": `<span class="nf">shared</span>`, "d": `<span class="nf">nested</span>`} {
		if !strings.Contains(string(p.ByID[id].HTML), want) {
			t.Errorf("%s is not highlighted:\n%s", id, p.ByID[id].HTML)
		}
	}
}

func TestDirOutputMakesNestedFolders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := publish.Dir(dir)
	for _, name := range []string{"index.html", "blueprints/a/index.html", "blueprints/b/index.html",
		"roadmap/items/x/index.html", "assets/style.css", "blueprints/a/extra.txt"} {
		if err := out.WriteFile(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"blueprints/b/index.html", "roadmap/items/x/index.html", "blueprints/a/extra.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(data) != name {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
}

// A fragment is reused only by pages at the same depth: the same link differs
// between a blueprint page and a roadmap item page, one folder deeper.
func TestFragmentsDependOnPageDepth(t *testing.T) {
	t.Parallel()
	out, diags := renderTestSite(t, siteArchive("sites/fragments-depend-on-page-depth.txtar"), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatal(diagLines(diags))
	}
	for page, want := range map[string]string{
		"blueprints/bp2/index.html":    `<a href="../../blueprints/bp1/">Shared &lt;platform&gt;</a> <span class="kind-tag">Blueprint</span>`,
		"roadmap/items/rm1/index.html": `<a href="../../../blueprints/bp1/">Shared &lt;platform&gt;</a> <span class="kind-tag">Blueprint</span>`,
		"blueprints/bp1/index.html":    `<a href="../../roadmap/items/rm1/">Item</a> <span class="kind-tag">Roadmap item</span>`,
	} {
		html, _ := out.File(page)
		if !strings.Contains(string(html), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	home, _ := out.File("index.html")
	item, _ := out.File("roadmap/items/rm1/index.html")
	if !strings.Contains(string(home), `<li><a href="blueprints/">`) ||
		!strings.Contains(string(item), `<li><a href="../../../blueprints/">`) {
		t.Error("the menu does not link relative to each page")
	}
}

// portfolio.json written a document at a time must be byte for byte what encoding
// the whole PortfolioJSON gives: with documents, without, with views' exports.
func TestEncodePortfolioMatchesWholeEncoding(t *testing.T) {
	t.Parallel()
	p, _, err := generator.Load(context.Background(), siteOptions(t, "../.."))
	if err != nil {
		t.Fatal(err)
	}
	whole := portfolioJSON(p)
	withViews := portfolioJSON(p)
	withViews.Views = map[string]any{"matrix": map[string]any{"b": []any{1, "<x & y>"}, "a": nil}, "empty": []string{}}
	noDocs := portfolioJSON(p)
	noDocs.Documents = []DocumentJSON{}
	for name, pj := range map[string]PortfolioJSON{"sample": whole, "views": withViews, "no documents": noDocs} {
		want, err := IndentJSON(pj)
		if err != nil {
			t.Fatal(err)
		}
		docs := pj.Documents
		var buf bytes.Buffer
		if err := encodePortfolio(&buf, pj, len(docs), func(i int) DocumentJSON { return docs[i] }); err != nil {
			t.Fatal(err)
		}
		if got := buf.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("%s: streamed portfolio.json differs from the whole encoding:\n%.300s\nwant\n%.300s", name, got, want)
		}
	}
}
