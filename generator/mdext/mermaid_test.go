package mdext

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// A mermaid block is its escaped source in <pre class="mermaid">, never chroma's
// markup and never cached or prepared as highlighted code.
func TestMermaidBlock(t *testing.T) {
	t.Parallel()
	h := NewHighlighter()
	cache := &mapCache{m: map[string][]byte{}}
	h.Cache = cache
	md := goldmark.New(goldmark.WithExtensions(h))
	src := "```Mermaid title\ngraph TD\n  A[\"<script>x</script>\"] --> B & C\n```\n\n```go\nx := 1\n```\n"
	html := convert(t, md, src, nil)
	want := "<pre class=\"mermaid\">graph TD\n  A[&quot;&lt;script&gt;x&lt;/script&gt;&quot;] --&gt; B &amp; C\n</pre>\n"
	if !strings.HasPrefix(html, want) {
		t.Errorf("mermaid block:\n got  %q\n want %q", html, want)
	}
	if !HasMermaid(html) || HasMermaid(convert(t, md, "```go\nx := 1\n```\n", nil)) {
		t.Error("HasMermaid does not tell a body with a mermaid block from one without")
	}
	if len(cache.m) != 1 {
		t.Errorf("cache holds %d blocks, want only the go block", len(cache.m))
	}
	c := NewCache("")
	h.Prepare(c, "mermaid", []byte("graph TD\n"))
	if _, ok := c.Get("mermaid", []byte("graph TD\n")); ok {
		t.Error("Prepare highlighted a mermaid block")
	}
}

// Heading ids yield to the page's and to earlier headings, and always find a
// free one, even when the page reserves every id-n.
func TestHeadingAnchorIDs(t *testing.T) {
	t.Parallel()
	reserved := func(id string) bool { return id == "main" || strings.HasPrefix(id, "field-") }
	md := goldmark.New(goldmark.WithExtensions(HeadingAnchors{Reserved: reserved}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()))
	html := convert(t, md, "## Main\n## Field notes\n## x {#main-1}\n## Main\n# Top\n", nil)
	for _, want := range []string{
		// main is the page's, main-1 the third heading's, main-2 goldmark's for the fourth
		`<div class="heading"><h2 id="main-3">Main</h2><a class="anchor" href="#main-3" aria-label="Link to this section"><span aria-hidden="true">#</span></a></div>`,
		`<h2 id="h-field-notes-1">`, `<h2 id="main-1">x</h2>`, `<h2 id="main-2">Main</h2>`, "<h1 id=\"top\">Top</h1>\n",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("lacks %s:\n%s", want, html)
		}
	}
}
