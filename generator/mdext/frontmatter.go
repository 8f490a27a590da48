package mdext

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
)

// FrontMatter reads the YAML front matter with goldmark-meta's block parser (its
// rules for where front matter starts and ends, inside the one goldmark parse, so
// body positions stay file positions) but parses the YAML once, with yaml.v3, into
// the node tree that FrontMatterNode returns: values and the line and column of
// every key and value come from that one parse. goldmark-meta's own Close decodes
// with yaml.v2 into a map and a yaml.MapSlice, which keep no positions.
var FrontMatter goldmark.Extender = frontMatter{}

type frontMatter struct{}

func (frontMatter) Extend(m goldmark.Markdown) {
	// goldmark-meta's priority, so it wins the first line as it would.
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(frontMatterParser{meta.NewParser()}, 0)))
}

// frontMatterKey is where Close leaves a document's front matter in the parser.Context.
var frontMatterKey = parser.NewContextKey()

type frontMatterData struct {
	root *yaml.Node
	err  error
}

// frontMatterParser is goldmark-meta's parser (Trigger, Open, Continue) with its
// own Close.
type frontMatterParser struct{ parser.BlockParser }

func (frontMatterParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	d := &frontMatterData{root: &yaml.Node{}}
	dec := yaml.NewDecoder(bytes.NewReader(frontMatterText(node.Lines(), reader.Source())))
	if d.err = dec.Decode(d.root); errors.Is(d.err, io.EOF) {
		d.err = nil // empty front matter
	}
	var next yaml.Node
	if d.err == nil && dec.Decode(&next) == nil {
		// yaml.v2 read only the first document and dropped the rest unseen
		// (and jira sync would edit the first): a --- line inside front
		// matter is a mistake to report.
		d.err = fmt.Errorf("yaml: line %d: a second YAML document starts here, after a --- line; front matter is one mapping: remove the --- line (its fields would be ignored)", next.Line)
	}
	if d.err != nil {
		d.root = nil
	}
	pc.Set(frontMatterKey, d)
	if d.err == nil {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

// frontMatterText is the text of the front matter's lines: a slice of the source
// when they follow each other, as a block's lines do (yaml.v3 keeps nothing of
// the text it parses), else a copy.
func frontMatterText(lines *text.Segments, src []byte) []byte {
	if lines.Len() == 0 {
		return nil
	}
	contiguous := true
	for i := 1; i < lines.Len() && contiguous; i++ {
		contiguous = lines.At(i).Start == lines.At(i-1).Stop && lines.At(i).Padding == 0
	}
	if first, last := lines.At(0), lines.At(lines.Len()-1); contiguous && first.Padding == 0 {
		return src[first.Start:last.Stop]
	}
	var buf bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(src))
	}
	return buf.Bytes()
}

// FrontMatterNode returns the front matter FrontMatter read as a yaml.v3 document
// node (lines counted from the line after the opening ---), or its YAML syntax
// error; nil and no error when the document has none.
func FrontMatterNode(pc parser.Context) (*yaml.Node, error) {
	d, _ := pc.Get(frontMatterKey).(*frontMatterData)
	if d == nil {
		return nil, nil
	}
	return d.root, d.err
}
