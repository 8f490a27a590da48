package generator

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fmIndex maps front-matter paths ("compliance[2].waiver.expires") to file positions.
// It is built lazily, only for documents that have something to report, from a
// yaml.v3 node tree of the front matter: goldmark-meta's decoder keeps values but not
// where they were written.
type fmIndex struct {
	pos map[string]Pos
	lit map[string]string // scalars as written, by path
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

// lazyIndex is a document's front-matter index, built once on first use.
type lazyIndex struct {
	once sync.Once
	idx  *fmIndex
}

func (d *Document) index() *fmIndex {
	if d.positions == nil { // a document made by hand (tests), not by parse
		return indexFrontMatter(d.source, d.fmEnd)
	}
	d.positions.once.Do(func() { d.positions.idx = indexFrontMatter(d.source, d.fmEnd) })
	return d.positions.idx
}

// literal returns a scalar exactly as written at path p. goldmark-meta's YAML 1.1
// decoder turns y, no, on, off into booleans; where the schema wants text, the text
// as written is what the author meant.
func (d *Document) literal(p string) (string, bool) {
	s, ok := d.index().lit[p]
	return s, ok
}

func indexFrontMatter(src []byte, fmEnd int) *fmIndex {
	idx := &fmIndex{pos: map[string]Pos{}, lit: map[string]string{}}
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
	case yaml.ScalarNode:
		idx.lit[path] = n.Value
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
