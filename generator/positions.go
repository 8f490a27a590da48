package generator

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fmIndex maps front-matter paths ("compliance[2].waiver.expires") to file positions.
// It is built lazily, only for documents that have something to report, from a
// yaml.v3 node tree of the front matter: goldmark-meta's decoder keeps values but not
// where they were written.
type fmIndex struct {
	pos map[string]Pos
}

// pos returns the position of the front-matter path p (or of its nearest ancestor
// that was written), falling back to the document's first line.
func (d *Document) pos(p string) Pos {
	d.posOnce.Do(func() { d.positions = indexFrontMatter(d.source, d.fmEnd) })
	for {
		if at, ok := d.positions.pos[p]; ok {
			return at
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			return Pos{Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

func indexFrontMatter(src []byte, fmEnd int) *fmIndex {
	idx := &fmIndex{pos: map[string]Pos{}}
	if fmEnd < 2 {
		return idx
	}
	// The YAML text is lines 2 .. fmEnd-1 of the file.
	start := bytes.IndexByte(src, '\n') + 1
	end := start
	for line := 2; line < fmEnd && end < len(src); line++ {
		nl := bytes.IndexByte(src[end:], '\n')
		if nl < 0 {
			end = len(src)
			break
		}
		end += nl + 1
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src[start:end], &root); err != nil || len(root.Content) == 0 {
		return idx
	}
	walkYAML(idx, root.Content[0], "")
	return idx
}

func walkYAML(idx *fmIndex, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if _, seen := idx.pos[p]; !seen {
				idx.pos[p] = nodePos(k)
			}
			walkYAML(idx, n.Content[i+1], p)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			idx.pos[p] = nodePos(item)
			walkYAML(idx, item, p)
		}
	}
}

// nodePos converts a yaml.v3 position (lines from the start of the YAML text,
// columns in characters) to a file position.
func nodePos(n *yaml.Node) Pos { return Pos{Line: n.Line + 1, Col: n.Column} }

// posAt converts a byte offset in src to a 1-based line and character column.
func posAt(src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	line := bytes.Count(src[:off], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return Pos{Line: line, Col: utf8.RuneCount(src[lineStart:off]) + 1}
}
