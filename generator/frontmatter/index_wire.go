package frontmatter

import (
	"maps"
	"slices"

	"archfolio/generator/internal/wire"
)

// Encode writes the index for the check cache (DecodeIndex reads it back). A nil
// index is written as one.
func (idx *Index) Encode(w *wire.Writer) {
	w.Bool(idx != nil)
	if idx == nil {
		return
	}
	w.Uint(uint64(len(idx.entries)))
	for _, e := range idx.entries {
		w.String(e.key)
		w.Int(int64(e.line))
		w.Int(int64(e.col))
		w.Int(int64(e.first))
		w.Int(int64(e.n))
		w.Bool(e.list)
		w.Bool(e.config)
	}
	keys := slices.Sorted(maps.Keys(idx.lit))
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		w.Int(int64(k))
		w.String(idx.lit[k])
	}
	w.String(idx.file)
}

// DecodeIndex reads an index Encode wrote. An index whose entries point past
// its end fails the reader, so that no lookup in it can go out of range.
func DecodeIndex(r *wire.Reader) *Index {
	if !r.Bool() {
		return nil
	}
	idx := &Index{entries: make([]fmEntry, r.Len())}
	for i := range idx.entries {
		e := &idx.entries[i]
		e.key = r.String()
		e.line, e.col = int32(r.Int()), int32(r.Int())
		e.first, e.n = int32(r.Int()), int32(r.Int())
		e.list, e.config = r.Bool(), r.Bool()
	}
	for _, e := range idx.entries {
		if e.first < 0 || e.n < 0 || int(e.first)+int(e.n) > len(idx.entries) {
			r.Fail(wire.ErrCorrupt)
			return nil
		}
	}
	if n := r.Len(); n > 0 {
		idx.lit = make(map[int32]string, n)
		for range n {
			k := int32(r.Int())
			idx.lit[k] = r.String()
		}
	}
	idx.file = r.String()
	return idx
}
