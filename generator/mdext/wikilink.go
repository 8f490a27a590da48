package mdext

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindWikiLink is the ast.NodeKind of a WikiLink.
var KindWikiLink = ast.NewNodeKind("WikiLink")

// WikiLink is an inline [[target]] or [[target|label]]. The link stage of the
// generator fills Destination and Title; an unresolved wikilink keeps an empty
// Destination and renders as marked text.
type WikiLink struct {
	ast.BaseInline
	Target      []byte // the id, with any #fragment
	Label       []byte // the text after |, or nil
	Offset      int    // byte offset of the opening [[ in the source
	Destination []byte
	Title       []byte
}

// Kind implements ast.Node.
func (n *WikiLink) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *WikiLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Target": string(n.Target)}, nil)
}

type wikiLinkParser struct{}

func (wikiLinkParser) Trigger() []byte { return []byte{'['} }

func (wikiLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 5 || line[1] != '[' {
		return nil
	}
	end := bytes.Index(line[2:], []byte("]]"))
	if end <= 0 {
		return nil
	}
	inner := line[2 : 2+end]
	if bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	target = bytes.TrimSpace(target)
	if len(target) == 0 {
		return nil
	}
	n := &WikiLink{Target: append([]byte(nil), target...), Offset: seg.Start}
	if hasLabel {
		n.Label = append([]byte(nil), bytes.TrimSpace(label)...)
	}
	block.Advance(end + 4)
	return n
}

type wikiLinkRenderer struct{}

func (wikiLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWikiLink, renderWikiLink)
}

func renderWikiLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*WikiLink)
	text := n.Label
	if len(text) == 0 {
		text = n.Title
	}
	if len(text) == 0 {
		text = n.Target
	}
	if len(n.Destination) == 0 {
		_, _ = w.WriteString(`<span class="broken-link" title="unknown document">`)
		_, _ = w.Write(util.EscapeHTML(text))
		_, _ = w.WriteString(`</span>`)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<a class="wikilink" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(text))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkSkipChildren, nil
}

// WikiLinks is the extension that parses and renders [[id]] links.
var WikiLinks goldmark.Extender = wikiLinks{}

type wikiLinks struct{}

func (wikiLinks) Extend(m goldmark.Markdown) {
	// Before the link parser (200), which would otherwise read "[[" as text.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(wikiLinkParser{}, 199)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(wikiLinkRenderer{}, 199)))
}
