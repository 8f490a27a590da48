package generator

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fmIndex maps front-matter paths ("compliance[2].waiver.expires") to file
// positions. decodeFrontMatter builds it from the same yaml.v3 node tree the values
// come from, so positions cost no second read of the YAML.
type fmIndex struct {
	pos map[string]Pos
	// lit holds, by path, the text of the scalars that YAML 1.1 reads as booleans
	// (yes, no, on, off, …): where the schema wants text, the text as written is
	// what the author meant.
	lit map[string]string
}

// pos returns the position of the front-matter path p (or of its nearest ancestor
// that was written), falling back to the document's first line.
func (d *Document) pos(p string) Pos {
	idx := d.index()
	for {
		if at, ok := idx.pos[p]; ok {
			return at
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			return Pos{Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

// noPositions is the index of a document made by hand (tests), not by parse.
var noPositions = &fmIndex{}

func (d *Document) index() *fmIndex {
	if d.positions == nil {
		return noPositions
	}
	return d.positions
}

// literal returns a scalar that YAML 1.1 read as a boolean exactly as written at path p.
func (d *Document) literal(p string) (string, bool) {
	s, ok := d.index().lit[p]
	return s, ok
}

// indexYAML records the position of every key and list item under path p.
func indexYAML(idx *fmIndex, n *yaml.Node, path string) {
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
			indexYAML(idx, n.Content[i+1], p)
		}
	case yaml.ScalarNode:
		if _, seen := idx.lit[path]; seen || isBoolWord(n) {
			if idx.lit == nil {
				idx.lit = map[string]string{}
			}
			idx.lit[path] = n.Value
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			idx.pos[p] = nodePos(item)
			indexYAML(idx, item, p)
		}
	}
}

// isBoolWord reports whether yaml.v2's rules read a scalar as a boolean.
func isBoolWord(n *yaml.Node) bool {
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag == "!!bool"
	}
	return n.Style == 0 && v2Words[n.Value].tag == "!!bool"
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

// position converts ascending byte offsets to positions in one pass; an offset
// before the previous one starts again from the top.
type position struct {
	off int
	pos Pos
}

func (p *position) of(src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	if off < p.off {
		*p = position{}
	}
	if p.off == 0 {
		p.pos = Pos{Line: 1, Col: 1}
	}
	// Whole lines at once: a newline is never part of another character, so the
	// character walk below would stop on each one.
	if nl := bytes.LastIndexByte(src[p.off:off], '\n'); nl >= 0 {
		p.pos.Line += bytes.Count(src[p.off:p.off+nl+1], []byte("\n"))
		p.pos.Col = 1
		p.off += nl + 1
	}
	for p.off < off {
		r, size := utf8.DecodeRune(src[p.off:])
		if r == '\n' {
			p.pos.Line, p.pos.Col = p.pos.Line+1, 1
		} else {
			p.pos.Col++
		}
		p.off += size
	}
	return p.pos
}
