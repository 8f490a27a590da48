package frontmatter

import (
	"archfolio/generator/diag"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Index holds where each front-matter key and list item was written, as a tree
// in one slice: entries[0] is the whole front matter, and each mapping's keys or
// each list's items are one run of entries. Decode builds it from the
// same yaml.v3 node tree the values come from, so positions cost no second read of
// the YAML, and no string or map entry per key.
type Index struct {
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
func (idx *Index) find(p string) (int32, bool) {
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

// Pos returns the position of the front-matter path p (or of its nearest
// ancestor that was written), falling back to the first line. A nil index (a
// document made by hand, in tests) has no positions.
func (idx *Index) Pos(p string) diag.Pos {
	if idx == nil {
		return diag.Pos{Line: 1, Col: 1}
	}
	if e, _ := idx.find(p); e != 0 {
		at := diag.Pos{Line: int(idx.entries[e].line), Col: int(idx.entries[e].col)}
		if idx.entries[e].config {
			at.File = idx.file
		}
		return at
	}
	return diag.Pos{Line: 1, Col: 1}
}

// Written reports whether the front matter has the path p.
func (idx *Index) Written(p string) bool {
	if idx == nil {
		return false
	}
	_, ok := idx.find(p)
	return ok
}

// Literal returns a scalar that YAML 1.1 read as a boolean exactly as written
// at path p (yes, on, off…).
func (idx *Index) Literal(p string) (string, bool) {
	if idx == nil {
		return "", false
	}
	e, ok := idx.find(p)
	if !ok {
		return "", false
	}
	s, ok := idx.lit[e]
	return s, ok
}

// indexYAML records the position of every key and list item of the front matter
// whose root node is n.
func indexYAML(n *yaml.Node, shared *Scalars) *Index {
	idx := &Index{entries: make([]fmEntry, 1, 1+countEntries(n))}
	idx.fill(0, n, shared)
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
func (idx *Index) fill(e int32, n *yaml.Node, shared *Scalars) {
	var values []*yaml.Node
	first := int32(len(idx.entries))
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			idx.entries = append(idx.entries, fmEntry{key: shared.Text(k.Value), line: int32(k.Line + 1), col: int32(k.Column)})
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
		idx.fill(c, v, shared)
	}
}

// isBoolWord reports whether yaml.v2's rules read a scalar as a boolean.
func isBoolWord(n *yaml.Node) bool {
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag == "!!bool"
	}
	return n.Style == 0 && v2Words[n.Value].tag == "!!bool"
}

// NodePos converts a yaml.v3 position (lines from the start of the YAML text,
// columns in characters) to a file position.
func NodePos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line + 1, Col: n.Column} }

// FromConfig marks the top-level keys keys (and all under them) as written in
// archfolio.yaml, at file: their positions are that file's lines.
func (idx *Index) FromConfig(keys map[string]bool, file string) {
	if len(keys) == 0 || len(idx.entries) == 0 {
		return
	}
	idx.file = file
	var mark func(e int32)
	mark = func(e int32) {
		idx.entries[e].config = true
		idx.entries[e].line-- // fill counted from the line after the document's first ---
		for c := idx.entries[e].first; c < idx.entries[e].first+idx.entries[e].n; c++ {
			mark(c)
		}
	}
	root := idx.entries[0]
	for c := root.first; c < root.first+root.n; c++ {
		if keys[idx.entries[c].key] {
			mark(c)
		}
	}
}
