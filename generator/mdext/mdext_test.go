package mdext

import (
	"bytes"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func convert(t *testing.T, md goldmark.Markdown, src string, resolve func(*WikiLink)) string {
	t.Helper()
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	if resolve != nil {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if w, ok := n.(*WikiLink); ok && entering {
				resolve(w)
			}
			return ast.WalkContinue, nil
		})
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWikiLinks(t *testing.T) {
	t.Parallel()
	md := goldmark.New(goldmark.WithExtensions(WikiLinks))
	resolve := func(w *WikiLink) {
		if string(w.Target) != "missing" {
			w.Destination, w.Title = []byte("../"+string(w.Target)+"/"), []byte("Title of "+string(w.Target))
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"see [[alpha]] now", `<p>see <a class="wikilink" href="../alpha/">Title of alpha</a> now</p>`},
		{"[[alpha|the <alpha>]]", `<p><a class="wikilink" href="../alpha/">the &lt;alpha&gt;</a></p>`},
		{"[[ alpha | spaced ]]", `<p><a class="wikilink" href="../alpha/">spaced</a></p>`},
		{"[[missing]]", `<p><span class="broken-link" title="unknown document">missing</span></p>`},
		{"[[]] and [[ ]]", `<p>[[]] and [[ ]]</p>`},
		{"[not a wikilink](x.md)", `<p><a href="x.md">not a wikilink</a></p>`},
		{"[[unclosed", `<p>[[unclosed</p>`},
		{"`[[in code]]`", `<p><code>[[in code]]</code></p>`},
		{"[[a]][[b]]", `<p><a class="wikilink" href="../a/">Title of a</a><a class="wikilink" href="../b/">Title of b</a></p>`},
	} {
		got := strings.TrimSpace(convert(t, md, tc.in, resolve))
		if got != tc.want {
			t.Errorf("%q:\n got  %s\n want %s", tc.in, got, tc.want)
		}
	}
}

func TestWikiLinkOffset(t *testing.T) {
	t.Parallel()
	md := goldmark.New(goldmark.WithExtensions(WikiLinks))
	src := "line one\nsome text [[target]]\n"
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	var off = -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if w, ok := n.(*WikiLink); ok {
			off = w.Offset
		}
		return ast.WalkContinue, nil
	})
	if off != strings.Index(src, "[[") {
		t.Errorf("offset %d, want %d", off, strings.Index(src, "[["))
	}
}

func TestRawHTMLEscapedUnlessUnsafe(t *testing.T) {
	t.Parallel()
	src := "<div onclick=\"x()\">block</div>\n\ninline <b>bold</b> text\n"
	safe := convert(t, goldmark.New(goldmark.WithExtensions(RawHTML{})), src, nil)
	if strings.Contains(safe, "<div onclick") || strings.Contains(safe, "<b>") {
		t.Errorf("raw HTML passed through:\n%s", safe)
	}
	if !strings.Contains(safe, "&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;") || !strings.Contains(safe, "&lt;b&gt;bold&lt;/b&gt;") {
		t.Errorf("raw HTML not shown escaped:\n%s", safe)
	}
	unsafe := convert(t, goldmark.New(goldmark.WithExtensions(RawHTML{Unsafe: true})), src, nil)
	if !strings.Contains(unsafe, `<div onclick="x()">block</div>`) || !strings.Contains(unsafe, "<b>bold</b>") {
		t.Errorf("unsafe raw HTML not passed through:\n%s", unsafe)
	}
}

type mapCache struct {
	mu   sync.Mutex
	m    map[string][]byte
	hits int
}

func (c *mapCache) Get(lang string, code []byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[lang+"\x00"+string(code)]
	if ok {
		c.hits++
	}
	return b, ok
}

func (c *mapCache) Put(lang string, code, html []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[lang+"\x00"+string(code)] = append([]byte(nil), html...)
}

func TestHighlighter(t *testing.T) {
	t.Parallel()
	h := NewHighlighter()
	cache := &mapCache{m: map[string][]byte{}}
	h.Cache = cache
	md := goldmark.New(goldmark.WithExtensions(h))
	src := "```go\nfunc main() { fmt.Println(\"<hi>\") }\n```\n\n```nosuchlang\n<script>x</script>\n```\n"
	html := convert(t, md, src, nil)
	if !strings.Contains(html, `<span class="kd">func</span>`) {
		t.Errorf("go code not highlighted with classes:\n%s", html)
	}
	if strings.Contains(html, "style=") {
		t.Errorf("highlighting used inline styles:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;x&lt;/script&gt;") || strings.Contains(html, "<script>") {
		t.Errorf("unknown-language code not escaped:\n%s", html)
	}
	again := convert(t, md, src, nil)
	if again != html || cache.hits != 2 {
		t.Errorf("second render: same=%v, cache hits %d, want 2", again == html, cache.hits)
	}
	var css bytes.Buffer
	if err := WriteHighlightCSS(&css); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n/* Keyword */ .chroma .k {", "@media (prefers-color-scheme: dark) {\n",
		"\n/* Keyword */ :root[data-theme=\"dark\"] .chroma .k {", "\n/* Keyword */ :root:not([data-theme=\"light\"]) .chroma .k {"} {
		if !strings.Contains(css.String(), want) {
			t.Errorf("stylesheet lacks %q (the light rules, the chosen dark theme, the system's)", want)
		}
	}
}

// Highlighting does not depend on the clock: archfolio runs its own copy of a
// lexer, whose compiled rules have no match timeout, and leaves chroma's as
// chroma made them (writing them raced with chroma running the lexer
// elsewhere). rulesOf reaches the compiled rules and the registry.
func TestLexersAreUntimed(t *testing.T) {
	h := NewHighlighter()
	for _, lang := range []string{"go", "yaml", "hcl", "python", "json", "sql", "bash", "html", "raku"} {
		var buf bytes.Buffer
		h.highlight(&buf, lang, "x = 1\n")
		rl, ok := lexers.Get(lang).(*chroma.RegexLexer)
		if !ok {
			t.Fatalf("%s: %T is not a RegexLexer", lang, lexers.Get(lang))
		}
		table := rulesOf(rl)
		if table == nil {
			t.Fatal("chroma.RegexLexer's rules or registry field has moved: rulesOf needs a new way to reach them")
		}
		if table.lexer == rl {
			t.Fatalf("%s: archfolio runs chroma's lexer, not a copy", lang)
		}
		if n, ok := table.registry.Get("go").(nestedLexer); !ok || n.Lexer != lexers.Get("go") {
			t.Errorf("%s: registry gives %T for go, want chroma's global lexer wrapped", lang, table.registry.Get("go"))
		}
		for state, rs := range table.compiled {
			for i, r := range rs {
				if r.Regexp != nil && r.Regexp.MatchTimeout != time.Duration(math.MaxInt64) {
					t.Errorf("%s: rule %s.%d still times out after %v", lang, state, i, r.Regexp.MatchTimeout)
				}
			}
		}
		if lang == "raku" {
			continue // its rules change as chroma lexes it (TestFormatTokensIsChromas)
		}
		chromas := compiledRules(rl)
		if len(chromas) != len(table.compiled) {
			t.Errorf("%s: %d states in chroma's rules, %d in archfolio's copy", lang, len(chromas), len(table.compiled))
		}
		for state, rs := range chromas {
			for i, r := range rs {
				if r.Regexp.MatchTimeout != 250*time.Millisecond {
					t.Errorf("%s: chroma's rule %s.%d times out after %v: archfolio wrote it", lang, state, i, r.Regexp.MatchTimeout)
				}
				if own := table.compiled[state]; i >= len(own) || own[i].Regexp.String() != r.Regexp.String() {
					t.Errorf("%s: archfolio's copy of rule %s.%d is not chroma's %q", lang, state, i, r.Regexp.String())
				}
			}
		}
	}
}
