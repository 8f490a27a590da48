package generator

import "archfolio/generator/frontmatter"

// valueSlabs hands out the mappings, keys and list values of one document's
// front matter from a few allocations, sized by counting the decoded values
// first. A portfolio's front matter is most of what stays in memory while the
// pages are written, and the collector marks it at every cycle: an Object with
// its own Keys and values, and a list of its own, would be three objects and one
// for each of the hundreds of thousands of mappings and lists of a large
// portfolio (cmd/archfolio-bench/README.md has the figures).
//
// Each mapping and list is given exactly its room (capacity clipped), so that a
// later Object.Set or append past it moves that one value out of the slab
// instead of writing over its neighbour. A mapping the count did not foresee (a
// scalar written for an object field with a short form) takes room while there
// is some, so the last mappings may then be allocated on their own.
type valueSlabs struct {
	objs []Object
	keys []string
	vals []any
}

// newValueSlabs makes room for the mappings, keys and list items of items.
func newValueSlabs(items frontmatter.Map) *valueSlabs {
	var objs, keys, vals int
	var count func(v any)
	count = func(v any) {
		switch v := v.(type) {
		case frontmatter.Map:
			objs++
			keys += len(v)
			for _, it := range v {
				count(it.Value)
			}
		case []any:
			vals += len(v)
			for _, it := range v {
				count(it)
			}
		}
	}
	count(items)
	return &valueSlabs{objs: make([]Object, 0, objs), keys: make([]string, 0, keys), vals: make([]any, 0, keys+vals)}
}

// object returns an empty Object with room for n keys.
func (s *valueSlabs) object(n int) *Object {
	if len(s.objs) == cap(s.objs) || cap(s.keys)-len(s.keys) < n || cap(s.vals)-len(s.vals) < n {
		return objectOf(n)
	}
	keys := s.keys[len(s.keys) : len(s.keys) : len(s.keys)+n]
	s.keys = s.keys[:len(s.keys)+n]
	s.objs = append(s.objs, Object{Keys: keys, vals: s.list(n)})
	return &s.objs[len(s.objs)-1]
}

// list returns an empty list with room for n values.
func (s *valueSlabs) list(n int) []any {
	if cap(s.vals)-len(s.vals) < n {
		return make([]any, 0, n)
	}
	l := s.vals[len(s.vals) : len(s.vals) : len(s.vals)+n]
	s.vals = s.vals[:len(s.vals)+n]
	return l
}

// refsAtOnce is how many references a refArena makes room for at a time.
const refsAtOnce = 8

// refArena makes a document's references a few at a time: one allocation for
// several, as the collector marks them at every cycle. A reference's address
// stays as it is given (a full array is left as it is, a new one begun).
type refArena []Ref

// add returns a new reference equal to r.
func (a *refArena) add(r Ref) *Ref {
	if len(*a) == cap(*a) {
		*a = make([]Ref, 0, refsAtOnce)
	}
	*a = append(*a, r)
	return &(*a)[len(*a)-1]
}
