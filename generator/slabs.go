package generator

import (
	"archfolio/generator/frontmatter"
	"sync"
)

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
	s.objs = append(s.objs, Object{Keys: s.keys[len(s.keys) : len(s.keys) : len(s.keys)+n],
		vals: s.vals[len(s.vals) : len(s.vals) : len(s.vals)+n]})
	s.keys, s.vals = s.keys[:len(s.keys)+n], s.vals[:len(s.vals)+n]
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

// conversions holds the values converted from text (dates, periods,
// durations) by their type and text, for sharedConversion.
type conversions struct {
	mu     sync.Mutex
	byText map[conversion]any
}

type conversion struct {
	t    string // the field type (TypeDate…)
	text string
}

// maxSharedConversion is the longest text whose conversion is shared.
const maxSharedConversion = 64

// sharedConversion returns convert(v), boxed. When v is a short text, the box is
// the one an equal text of the same type got earlier in the run: a portfolio
// writes the same dates and periods thousands of times, and each box would be
// one more object for the collector to mark.
func sharedConversion[T any](c *conversions, t string, v any, convert func(any) (T, error)) (any, error) {
	text, ok := v.(string)
	if !ok || len(text) > maxSharedConversion {
		x, err := convert(v)
		return x, err
	}
	key := conversion{t, text}
	c.mu.Lock()
	x, ok := c.byText[key]
	c.mu.Unlock()
	if ok {
		return x, nil
	}
	y, err := convert(v)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if x, ok := c.byText[key]; ok {
		return x, nil
	}
	if c.byText == nil {
		c.byText = map[conversion]any{}
	}
	boxed := any(y)
	c.byText[key] = boxed
	return boxed, nil
}
