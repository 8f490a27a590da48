package generator

import (
	"bytes"
	"html/template"
	"path"
	"strings"
	"unicode/utf8"

	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"archfolio/generator/mdext"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// maxFileSize is the largest document archfolio reads; anything bigger is surely not
// a hand-written portfolio document.
const maxFileSize = 4 << 20

// sourceFile is one markdown file as loaded.
type sourceFile struct {
	Path string // slash path relative to the site root
	Data []byte
}

// bodyLink is a link in a document body to another document: a relative .md link or
// a wikilink. The body stage resolves it (resolveLink); the link stage reports it
// when broken and records it as a reference.
type bodyLink struct {
	node   ast.Node // *ast.Link or *mdext.WikiLink, while the body's AST exists
	dest   string   // as written
	offset int      // byte offset in the source
	pos    diag.Pos // its position, for diagnostics
	wiki   bool
	key    string    // the id (wikilink) or the site path (.md link, file link) it names
	anchor string    // the #fragment, without the #
	to     *Document // the document it names, nil when there is none
	// file is a link or image (image set) to something other than a document: a
	// file the build publishes as it is (published, its URL, when there is one).
	file, image bool
	published   string
}

// parse reads one file's front matter: encoding checks, then goldmark-meta's block
// parser in the shared goldmark instance over the front-matter lines, one yaml.v3
// parse of them (values and positions, frontmatter.Decode), then the schema. The
// body waits for parseBody, once every id is known. A nil document means the file
// cannot be used.
func (b *builder) parse(f sourceFile) (*Document, diag.Diagnostics) {
	sink := &diag.DiagSink{Path: f.Path}
	src, ok := checkEncoding(f.Data, sink)
	if !ok {
		return nil, sink.Diags
	}
	defaults := b.cfg.defaultsFor(f.Path)
	fmEnd, bodyStart := frontmatter.Find(src)
	var root *yaml.Node
	switch {
	case fmEnd > 0:
		pc := parser.NewContext()
		b.md.Parser().Parse(text.NewReader(src[:bodyStart]), parser.WithContext(pc))
		var err error
		if root, err = mdext.FrontMatterNode(pc); err != nil {
			frontmatter.Report(sink, frontmatter.SyntaxError(err))
			return nil, sink.Diags
		}
	case bodyStart < 0:
		sink.Report(diag.CodeUnclosedFrontMatter, diag.Pos{Line: 1, Col: 1}, "front matter is not closed: add a line --- after the last field")
		return nil, sink.Diags
	case len(defaults) == 0:
		sink.Report(diag.CodeNoFrontMatter, diag.Pos{Line: 1, Col: 1}, "no front matter: a document starts with a --- line, then at least kind: and title:, then --- (or archfolio.yaml's defaults: give its folder a kind)")
		return nil, sink.Diags
	}
	var fromConfig map[string]bool
	if len(defaults) > 0 {
		var titleLine int
		root, fromConfig, titleLine = adopt(root, defaults, src[bodyStart:], fmEnd+1)
		fmEnd = max(fmEnd, titleLine) // the body starts after a heading taken as the title
	}
	items, positions, problems := frontmatter.Decode(root, b.scalars)
	positions.FromConfig(fromConfig, b.cfg.Path)
	if len(problems) > 0 {
		frontmatter.Report(sink, problems)
		return nil, sink.Diags
	}
	for _, dup := range frontmatter.DuplicateKeys(root) {
		sink.Report(diag.CodeDuplicateKey, frontmatter.NodePos(dup.Second),
			"duplicate key %q (first at line %d): the site would show the last, and jira sync edit the first", dup.Second.Value, dup.First.Line+1)
	}
	doc := &Document{Path: f.Path, source: src, fmEnd: fmEnd, bodyStart: bodyStart, positions: positions}
	if !b.readFrontMatter(doc, items, sink) {
		return nil, sink.Diags
	}
	return doc, sink.Diags
}

// parseBody reads a document's markdown with the shared goldmark instance, from the
// line after the front matter so that positions stay file positions: headings
// (anchors, table of contents) and links, each resolved against the index. With
// html, the body is rendered. The AST is dropped either way, so a build never holds
// more than one per core, and so is the source: positions were taken when the front
// matter was read, and the links keep theirs.
func (b *builder) parseBody(p *Portfolio, idx *linkIndex, d *Document, html bool) {
	r := text.NewReader(d.source)
	for range d.fmEnd {
		r.AdvanceLine()
	}
	root := b.md.Parser().Parse(r, parser.WithContext(parser.NewContext()))
	collectBody(d, root, b.scalars)
	for _, l := range d.links {
		resolveLink(p, idx, d, l)
	}
	if html {
		d.HTML = b.renderBody(d.source, root)
		d.Diagrams = mdext.HasMermaid(string(d.HTML))
	}
	var at position
	for _, l := range d.links {
		l.node, l.pos = nil, at.of(d.source, l.offset)
	}
	d.source = nil
}

// utf8BOM is the UTF-8 byte order mark, which a document may start with.
const utf8BOM = "\xEF\xBB\xBF"

// withoutBOM is a file's bytes without a leading byte order mark: a document's
// source as checkEncoding leaves it.
func withoutBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte(utf8BOM)) }

// checkEncoding rejects binary and non-UTF-8 files and strips a UTF-8 byte order mark.
func checkEncoding(data []byte, sink *diag.DiagSink) ([]byte, bool) {
	switch {
	case len(data) > maxFileSize:
		sink.Report(diag.CodeFileTooLarge, diag.Pos{}, "file is %d bytes, over the %d byte limit for a document", len(data), maxFileSize)
		return nil, false
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		sink.Report(diag.CodeUTF16File, diag.Pos{Line: 1, Col: 1}, "file is UTF-16: save it as UTF-8")
		return nil, false
	case bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0:
		sink.Report(diag.CodeBinaryFile, diag.Pos{}, "file looks binary (it contains NUL bytes): only markdown belongs in content/")
		return nil, false
	}
	data = withoutBOM(data)
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		sink.Report(diag.CodeInvalidUTF8, posAt(data, off), "invalid UTF-8 byte 0x%02X: save the file as UTF-8", data[off])
		return nil, false
	}
	return data, true
}

// collectBody walks the AST once for heading ids, the table of contents and the
// links to other documents. What it keeps stays in memory for the whole build,
// and each object is one more for the collector to mark: so the links are kept
// in one array (as the incremental load keeps them), and heading ids and link
// targets, which repeat from document to document ("context", an id), are the
// run's shared texts.
func collectBody(doc *Document, root ast.Node, shared *frontmatter.Scalars) {
	doc.Anchors = map[string]bool{}
	var links []bodyLink
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			if idb, ok := id.([]byte); ok {
				id := shared.Text(string(idb))
				doc.Anchors[id] = true
				if n.Level == 2 || n.Level == 3 {
					doc.TOC = append(doc.TOC, Heading{Level: n.Level, ID: id, Text: plainText(n, doc.source)})
				}
			}
		case *ast.Link:
			switch dest := string(n.Destination); {
			case isDocumentLink(dest):
				links = append(links, bodyLink{node: n, dest: shared.Text(dest), offset: inlineOffset(n)})
			case isLocalLink(dest):
				links = append(links, bodyLink{node: n, dest: shared.Text(dest), offset: fileLinkOffset(n, doc.source, "["), file: true})
			}
		case *ast.Image:
			if dest := string(n.Destination); isLocalLink(dest) {
				links = append(links, bodyLink{node: n, dest: dest, offset: fileLinkOffset(n, doc.source, "!["), file: true, image: true})
			}
		case *mdext.WikiLink:
			links = append(links, bodyLink{node: n, dest: shared.Text(string(n.Target)), offset: n.Offset, wiki: true})
		}
		return ast.WalkContinue, nil
	})
	if len(links) > 0 {
		doc.links = make([]*bodyLink, len(links))
		for i := range links {
			doc.links[i] = &links[i]
		}
	}
}

// isDocumentLink reports whether a markdown link destination points at another
// markdown file of the portfolio (relative, ending in .md, with an optional anchor).
func isDocumentLink(dest string) bool {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || strings.Contains(dest, ":") {
		return false
	}
	p, _, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	return strings.EqualFold(path.Ext(p), ".md")
}

// isLocalLink reports whether a link destination names something of the site
// rather than another site (a scheme, //host) or a place on the same page (#…).
func isLocalLink(dest string) bool {
	if dest == "" || dest[0] == '#' || dest[0] == '?' || strings.HasPrefix(dest, "//") {
		return false
	}
	scheme, _, found := strings.Cut(dest, ":")
	return !found || strings.ContainsAny(scheme, "/?#") || !isScheme(scheme)
}

// isScheme reports whether s has the form of a URL scheme: a letter, then letters,
// digits, +, - and dots.
func isScheme(s string) bool {
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// fileLinkOffset is where a link or image (open is "[" or "![") starts: before its
// text, or, when it has none ("![](flow.png)"), at the first open of its block's
// text that is followed by "](" and its destination.
func fileLinkOffset(n ast.Node, src []byte, open string) int {
	if n.FirstChild() != nil {
		return inlineOffset(n) - (len(open) - 1)
	}
	start := inlineOffset(n)
	var dest []byte
	switch n := n.(type) {
	case *ast.Link:
		dest = n.Destination
	case *ast.Image:
		dest = n.Destination
	}
	needle := append([]byte(open+"]("), dest...)
	if i := bytes.Index(src[min(start, len(src)):], needle); i >= 0 {
		return start + i
	}
	return start
}

// inlineOffset finds the byte offset where an inline node starts, from the first text
// segment inside it (one before it, for the opening bracket).
func inlineOffset(n ast.Node) int {
	var off = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start - 1
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// plainText returns the text content of an inline tree.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *mdext.WikiLink:
			if len(c.Label) > 0 {
				b.Write(c.Label)
			} else {
				b.Write(c.Target)
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// renderBody renders a document's markdown AST to HTML.
func (b *builder) renderBody(src []byte, root ast.Node) template.HTML {
	buf := b.bufs.Get()
	if err := b.md.Renderer().Render(bufferWriter{buf}, src, root); err != nil {
		buf.Reset()
		buf.WriteString(`<p class="render-error">This document could not be rendered.</p>`)
	}
	return b.bufs.HTML(buf) // goldmark escapes; raw HTML only when the site opts in
}

// bufferWriter lets goldmark render straight into a bytes.Buffer. goldmark
// wraps any writer that is not a util.BufWriter in a new bufio.Writer (a buffer
// allocated for every body) and copies the HTML through it; this one is a
// util.BufWriter whose buffer is the bytes.Buffer itself.
type bufferWriter struct{ *bytes.Buffer }

// Buffered implements util.BufWriter: nothing waits to be flushed.
func (bufferWriter) Buffered() int { return 0 }

// Flush implements util.BufWriter.
func (bufferWriter) Flush() error { return nil }
