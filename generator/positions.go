package generator

import (
	"archfolio/generator/diag"
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fmIndex holds where each front-matter key and list item was written, as a tree
// in one slice: entries[0] is the whole front matter, and each mapping's keys or
// each list's items are one run of entries. decodeFrontMatter builds it from the
// same yaml.v3 node tree the values come from, so positions cost no second read of
// the YAML, and no string or map entry per key.
type fmIndex struct {
	entries []fmEntry
	// lit holds, by entry, the text of a scalar that YAML 1.1 reads as a boolean
	// (yes, no, on, off, …): where the schema wants text, the text as written is
	// what the author meant.
	lit map[int32]string
	// file is archfolio.yaml's name when defaults: gave the document fields
	// (entries marked config are there).
	file string
}

// fmEntry is one key (key set) or list item (key empty, parent's list set).
type fmEntry struct {
	key       string
	line, col int32
	first, n  int32 // the run of its children
	list      bool  // the children are list items
	config    bool  // written in archfolio.yaml's defaults:, at idx.file
}

// find returns the entry the front-matter path p names ("compliance[2].waiver"),
// or the deepest entry on its way and false when p was not written.
func (idx *fmIndex) find(p string) (int32, bool) {
	if len(idx.entries) == 0 {
		return 0, false
	}
	var cur int32
	for rest := p; ; {
		if rest == "" {
			return cur, cur != 0
		}
		e := &idx.entries[cur]
		if e.list {
			close := strings.IndexByte(rest, ']')
			if rest[0] != '[' || close < 0 {
				return cur, false
			}
			i, err := strconv.Atoi(rest[1:close])
			if err != nil || i < 0 || i >= int(e.n) {
				return cur, false
			}
			cur, rest = e.first+int32(i), rest[close+1:]
			continue
		}
		if cur != 0 {
			var ok bool
			if rest, ok = strings.CutPrefix(rest, "."); !ok {
				return cur, false
			}
		}
		next := int32(-1)
		for c := e.first; c < e.first+e.n; c++ {
			k := idx.entries[c].key
			if strings.HasPrefix(rest, k) && (len(rest) == len(k) || rest[len(k)] == '.' || rest[len(k)] == '[') {
				next = c
				break
			}
		}
		if next < 0 {
			return cur, false
		}
		cur, rest = next, rest[len(idx.entries[next].key):]
	}
}

// pos returns the position of the front-matter path p (or of its nearest ancestor
// that was written), falling back to the document's first line.
func (d *Document) Pos(p string) diag.Pos {
	idx := d.index()
	if e, _ := idx.find(p); e != 0 {
		at := diag.Pos{Line: int(idx.entries[e].line), Col: int(idx.entries[e].col)}
		if idx.entries[e].config {
			at.File = idx.file
		}
		return at
	}
	return diag.Pos{Line: 1, Col: 1}
}

// Written reports whether the front matter has the path p, even with a value the
// schema rejected (which is then reported already).
func (d *Document) Written(p string) bool {
	_, ok := d.index().find(p)
	return ok
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
	idx := d.index()
	e, ok := idx.find(p)
	if !ok {
		return "", false
	}
	s, ok := idx.lit[e]
	return s, ok
}

// indexYAML records the position of every key and list item of the front matter
// whose root node is n.
func indexYAML(n *yaml.Node) *fmIndex {
	idx := &fmIndex{entries: make([]fmEntry, 1, 1+countEntries(n))}
	idx.fill(0, n)
	return idx
}

func countEntries(n *yaml.Node) int {
	c := 0
	switch n.Kind {
	case yaml.MappingNode:
		c = len(n.Content) / 2
		for i := 1; i < len(n.Content); i += 2 {
			c += countEntries(n.Content[i])
		}
	case yaml.SequenceNode:
		c = len(n.Content)
		for _, item := range n.Content {
			c += countEntries(item)
		}
	}
	return c
}

// fill adds the children of the node n, whose entry is e, and theirs.
func (idx *fmIndex) fill(e int32, n *yaml.Node) {
	var values []*yaml.Node
	first := int32(len(idx.entries))
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			idx.entries = append(idx.entries, fmEntry{key: k.Value, line: int32(k.Line + 1), col: int32(k.Column)})
		}
		values = n.Content
	case yaml.SequenceNode:
		for _, item := range n.Content {
			idx.entries = append(idx.entries, fmEntry{line: int32(item.Line + 1), col: int32(item.Column)})
		}
		idx.entries[e].list = true
	default:
		return
	}
	end := int32(len(idx.entries))
	idx.entries[e].first, idx.entries[e].n = first, end-first
	for c := first; c < end; c++ {
		var v *yaml.Node
		if values != nil {
			v = values[2*(c-first)+1]
		} else {
			v = n.Content[c-first]
		}
		if v.Kind == yaml.ScalarNode {
			if isBoolWord(v) {
				if idx.lit == nil {
					idx.lit = map[int32]string{}
				}
				idx.lit[c] = v.Value
			}
			continue
		}
		idx.fill(c, v)
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
func nodePos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line + 1, Col: n.Column} }

// posAt converts a byte offset in src to a 1-based line and character column.
func posAt(src []byte, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	line := bytes.Count(src[:off], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line, Col: utf8.RuneCount(src[lineStart:off]) + 1}
}

// position converts ascending byte offsets to positions in one pass; an offset
// before the previous one starts again from the top.
type position struct {
	off int
	pos diag.Pos
}

func (p *position) of(src []byte, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	if off < p.off {
		*p = position{}
	}
	if p.off == 0 {
		p.pos = diag.Pos{Line: 1, Col: 1}
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
