package mdext

import (
	"bytes"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v2"
)

// FrontMatter reads the YAML front matter with goldmark-meta's block parser (its
// rules for where front matter starts and ends) but decodes the YAML once, into
// the ordered yaml.MapSlice that FrontMatterItems returns. goldmark-meta's own
// Close decodes it twice, into a map and into a MapSlice; for a `check` of a large
// portfolio that second decode was a third of the time.
var FrontMatter goldmark.Extender = frontMatter{}

type frontMatter struct{}

func (frontMatter) Extend(m goldmark.Markdown) {
	// goldmark-meta's priority, so it wins the first line as it would.
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(frontMatterParser{meta.NewParser()}, 0)))
}

// frontMatterKey is where Close leaves a document's front matter in the parser.Context.
var frontMatterKey = parser.NewContextKey()

type frontMatterData struct {
	items yaml.MapSlice
	err   error
}

// frontMatterParser is goldmark-meta's parser (Trigger, Open, Continue) with its
// own Close.
type frontMatterParser struct{ parser.BlockParser }

func (frontMatterParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	var buf bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(reader.Source()))
	}
	d := &frontMatterData{items: yaml.MapSlice{}}
	if d.err = yaml.Unmarshal(buf.Bytes(), &d.items); d.err != nil {
		d.items = nil
	} else if hasCompositeKey(d.items) {
		// goldmark-meta's map decode rejects a list or mapping as a top-level key;
		// report exactly its error.
		m := map[string]any{}
		if err := yaml.Unmarshal(buf.Bytes(), &m); err != nil {
			d.items, d.err = nil, err
		}
	}
	pc.Set(frontMatterKey, d)
	if d.err == nil {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

func hasCompositeKey(items yaml.MapSlice) bool {
	for _, it := range items {
		switch it.Key.(type) {
		case []any, yaml.MapSlice, map[any]any:
			return true
		}
	}
	return false
}

// FrontMatterItems returns the front matter FrontMatter read, keys in the order
// written, or its YAML error; nil and no error when the document has none.
func FrontMatterItems(pc parser.Context) (yaml.MapSlice, error) {
	d, _ := pc.Get(frontMatterKey).(*frontMatterData)
	if d == nil {
		return nil, nil
	}
	return d.items, d.err
}
