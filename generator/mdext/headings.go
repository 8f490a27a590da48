package mdext

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HeadingAnchors makes every heading id of a body unique on its page, and gives
// each h2, h3 and h4 a link to itself that shows when the heading is hovered or
// the link focused. Reserved says which ids the page around the body uses; a
// heading id that is one of them, or repeats an earlier heading's (goldmark
// keeps an id written as {#id} as it is), becomes id-1, id-2, … (free).
type HeadingAnchors struct {
	Reserved func(id string) bool
}

// Extend implements goldmark.Extender.
func (h HeadingAnchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(h, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(h, 100)))
}

// Transform implements parser.ASTTransformer: the ids made unique.
func (h HeadingAnchors) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var headings []*ast.Heading
	taken := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hd, ok := n.(*ast.Heading); ok && entering {
			if id, ok := headingID(hd); ok {
				headings = append(headings, hd)
				taken[id] = true
			}
		}
		return ast.WalkContinue, nil
	})
	seen := map[string]bool{}
	for _, hd := range headings {
		id, _ := headingID(hd)
		if seen[id] || h.reserved(id) {
			id = h.free(id, taken)
			taken[id] = true
			hd.SetAttributeString("id", []byte(id))
		}
		seen[id] = true
	}
}

func (h HeadingAnchors) reserved(id string) bool { return h.Reserved != nil && h.Reserved(id) }

// free returns the first of id-1, id-2, … that no heading has and the page
// does not reserve; when the page reserves them all (a prefix such as field-),
// the first such of h-id-1, h-id-2, …, or should Reserved hold for all of
// those too, the first no heading has.
func (h HeadingAnchors) free(id string, taken map[string]bool) string {
	for i := 1; i <= len(taken)+1; i++ { // one of these is not taken
		if next := id + "-" + strconv.Itoa(i); !taken[next] && !h.reserved(next) {
			return next
		}
	}
	for i := 1; ; i++ {
		if next := "h-" + id + "-" + strconv.Itoa(i); !taken[next] && (!h.reserved(next) || i > len(taken)) {
			return next
		}
	}
}

// headingID returns a heading's id attribute as text.
func headingID(hd *ast.Heading) (string, bool) {
	v, ok := hd.AttributeString("id")
	if !ok {
		return "", false
	}
	b, ok := v.([]byte)
	return string(b), ok
}

// RegisterFuncs implements renderer.NodeRenderer.
func (h HeadingAnchors) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, h.render)
}

// render writes a heading as goldmark does; an h2 to h4 with an id is followed
// by its link, both in a div.heading. The link is the heading's sibling, not its
// child, so that the heading's accessible name (what a screen reader announces,
// and lists among the headings) stays its text; the link is named by its
// aria-label, and its visible "#" is hidden from screen readers.
func (h HeadingAnchors) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	id, anchored := headingID(n)
	anchored = anchored && n.Level >= 2 && n.Level <= 4
	level := "0123456"[n.Level]
	if entering {
		if anchored {
			_, _ = w.WriteString(`<div class="heading">`)
		}
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, node, html.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_ = w.WriteByte('>')
	if anchored {
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(id), false)))
		_, _ = w.WriteString(`" aria-label="Link to this section"><span aria-hidden="true">#</span></a></div>`)
	}
	_ = w.WriteByte('\n')
	return ast.WalkContinue, nil
}
