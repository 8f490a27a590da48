package mdext

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// RawHTML decides what raw HTML in markdown becomes: with Unsafe it is passed
// through as written; otherwise it is shown as escaped text, so nothing the author
// wrote disappears and nothing in it runs.
type RawHTML struct{ Unsafe bool }

// Extend implements goldmark.Extender.
func (r RawHTML) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r RawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.renderBlock)
	reg.Register(ast.KindRawHTML, r.renderInline)
}

func (r RawHTML) write(w util.BufWriter, b []byte) {
	if r.Unsafe {
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write(util.EscapeHTML(b))
}

func (r RawHTML) renderBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	if !r.Unsafe {
		_, _ = w.WriteString(`<pre class="raw-html">`)
	}
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		r.write(w, seg.Value(source))
	}
	if n.HasClosure() {
		r.write(w, n.ClosureLine.Value(source))
	}
	if !r.Unsafe {
		_, _ = w.WriteString("</pre>\n")
	}
	return ast.WalkContinue, nil
}

func (r RawHTML) renderInline(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		r.write(w, seg.Value(source))
	}
	return ast.WalkSkipChildren, nil
}
