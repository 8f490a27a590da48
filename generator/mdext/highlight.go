package mdext

import (
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Highlighter renders fenced code blocks through chroma with CSS classes; the
// stylesheet comes from WriteHighlightCSS, written once per site.
type Highlighter struct {
	// Cache, when set, remembers highlighted HTML by language and code.
	Cache HighlightCache

	bufs sync.Pool // *bytes.Buffer, reused across blocks and goroutines
}

// HighlightCache stores highlighted blocks; implementations must be safe for
// concurrent use, and Put must copy what it keeps (the slices are reused).
type HighlightCache interface {
	Get(lang string, code []byte) ([]byte, bool)
	Put(lang string, code, html []byte)
}

// onceCache is a HighlightCache that also makes concurrent requests for one block
// wait for a single highlighting (Cache does).
type onceCache interface {
	Do(lang string, code []byte, highlight func() []byte) []byte
}

// NewHighlighter returns a Highlighter.
func NewHighlighter() *Highlighter {
	return &Highlighter{}
}

// Extend implements goldmark.Extender.
func (h *Highlighter) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(h, 100)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (h *Highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.render)
}

func (h *Highlighter) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	code, out := h.buffer(), h.buffer()
	defer h.bufs.Put(code)
	defer h.bufs.Put(out)
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(source))
	}
	lang := ""
	if n.Info != nil {
		lang = strings.ToLower(strings.Fields(string(n.Info.Segment.Value(source)) + " ")[0])
	}
	if lang == mermaidLang {
		writeMermaid(w, code.Bytes())
		return ast.WalkSkipChildren, nil
	}
	if c, ok := h.Cache.(onceCache); ok {
		_, _ = w.Write(c.Do(lang, code.Bytes(), func() []byte {
			h.highlight(out, lang, code.String())
			return out.Bytes()
		}))
		return ast.WalkSkipChildren, nil
	}
	if h.Cache != nil {
		if html, ok := h.Cache.Get(lang, code.Bytes()); ok {
			_, _ = w.Write(html)
			return ast.WalkSkipChildren, nil
		}
	}
	h.highlight(out, lang, code.String())
	if h.Cache != nil {
		h.Cache.Put(lang, code.Bytes(), out.Bytes())
	}
	_, _ = w.Write(out.Bytes())
	return ast.WalkSkipChildren, nil
}

// Prepare highlights a block into c ahead of its rendering (Cache.Prepare), so
// that a run can highlight every block before it holds much else: the collector
// then has little to trace while chroma makes most of a build's garbage.
func (h *Highlighter) Prepare(c *Cache, lang string, code []byte) {
	if lang == mermaidLang {
		return // drawn in the browser, never highlighted
	}
	out := h.buffer()
	defer h.bufs.Put(out)
	c.Prepare(lang, code, func() []byte {
		h.highlight(out, lang, string(code))
		return out.Bytes()
	})
}

// buffer returns an empty buffer from the pool.
func (h *Highlighter) buffer() *bytes.Buffer {
	if b, ok := h.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

func (h *Highlighter) highlight(w *bytes.Buffer, lang, code string) {
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil || !tokenise(w, lexer, code) {
		w.WriteString(`<pre class="chroma"><code>`)
		w.Write(util.EscapeHTML([]byte(code)))
		w.WriteString("</code></pre>\n")
	}
}

// tokenise writes code highlighted by lexer, or writes nothing and returns
// false when the lexer fails on it: when it returns an error, panics (a chroma
// lexer may, on input its rules did not foresee) or stops making progress.
// Some of chroma's lexers, given text they were not written for, match an empty
// string over and over without moving (JSONata on "名前" gives empty name
// tokens without end); such a block would hang the build, so a lexer that
// gives maxEmptyRun empty tokens in a row is taken to have stalled. The test
// is on tokens, not on time, so that a block comes out the same on any machine.
// A regular-expression lexer's rules are run by ruleLexer (rules.go), which
// has a guard of its own for a lexer going round without tokens.
func tokenise(w *bytes.Buffer, lexer chroma.Lexer, code string) (ok bool) {
	start := w.Len()
	defer func() {
		if recover() != nil || !ok {
			w.Truncate(start)
			ok = false
		}
	}()
	var rules *ruleLexer
	if t := rulesOf(lexer); t != nil && t.states != nil {
		rules = t.ruleLexer(false)
		lexer = rules
	} else if t != nil && t.serial != nil {
		t.serial.Lock()
		defer t.serial.Unlock()
		lexer = t.lexer
	}
	g := &guardedLexer{Lexer: lexer}
	it, err := chroma.Coalesce(g).Tokenise(nil, code)
	if err != nil {
		return false
	}
	formatTokens(w, it)
	return !g.stalled && (rules == nil || !rules.stalled)
}

// maxEmptyRun is how many empty tokens in a row tell that a lexer has stalled.
// A lexer moving on emits few: an empty token is a rule's empty group.
const maxEmptyRun = 1000

// guardedLexer ends a lexer's tokens, and says so (stalled), when the lexer
// gives maxEmptyRun empty tokens in a row.
type guardedLexer struct {
	chroma.Lexer
	stalled bool
}

func (g *guardedLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	it, err := g.Lexer.Tokenise(opts, text)
	if err != nil {
		return nil, err
	}
	empty := 0
	return func() chroma.Token {
		if g.stalled {
			return chroma.EOF
		}
		t := it()
		if t == chroma.EOF || t.Value != "" {
			empty = 0
		} else if empty++; empty >= maxEmptyRun {
			g.stalled = true
			return chroma.EOF
		}
		return t
	}, nil
}

// WriteHighlightCSS writes the stylesheet for highlighted code: a light style, and a
// dark one for a reader who chose the dark theme (data-theme="dark" on the root
// element, set by the theme's switch) or whose system prefers dark and who did
// not choose the light theme.
func WriteHighlightCSS(w io.Writer) error {
	f := chromahtml.New(chromahtml.WithClasses(true))
	if err := f.WriteCSS(w, styles.Get("github")); err != nil {
		return err
	}
	// github-dark leaves some tokens github colours (names, say) uncoloured:
	// they take the text's colour, not github's dark ink on a dark ground.
	var dark bytes.Buffer
	dark.WriteString("/* Uncoloured */ .chroma [class] { color: inherit; background-color: transparent }\n")
	if err := f.WriteCSS(&dark, styles.Get("github-dark")); err != nil {
		return err
	}
	var b bytes.Buffer
	scoped(&b, dark.Bytes(), `:root[data-theme="dark"] `)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	scoped(&b, dark.Bytes(), `:root:not([data-theme="light"]) `)
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// scoped writes chroma's stylesheet css with prefix before each rule's
// selector; chroma writes one rule a line, "/* Name */ .chroma .k { … }".
func scoped(b *bytes.Buffer, css []byte, prefix string) {
	for line := range bytes.Lines(css) {
		if i := bytes.Index(line, []byte("*/ ")); i >= 0 {
			b.Write(line[:i+3])
			b.WriteString(prefix)
			line = line[i+3:]
		}
		b.Write(line)
	}
}
