package frontmatter

import (
	"hash/maphash"
	"sync"
)

// Scalars lets the equal keys and short text scalars of one run's front matter
// share one string and one boxed value, and equal texts converted to the same
// kind of value (a date, a period) share that value (Convert). A portfolio writes the same hundred keys
// and the same statuses, domains, owners, tags and ids thousands of times; kept
// as YAML gave them, each would be a string (and a box) of its own for the
// collector to mark at every cycle while the pages are written. Shared, a
// 10,000-document portfolio holds about a million fewer objects
// (cmd/archfolio-bench/README.md). Safe for concurrent use; the zero value is
// not usable (NewScalars).
type Scalars struct {
	seed   maphash.Seed
	shards [scalarShards]scalarShard
}

type scalarShard struct {
	mu        sync.Mutex
	texts     map[string]any        // text → the one box holding it
	converted map[conversionKey]any // (kind, text) → the one box of its value
}

// conversionKey names a value converted from text: the text and what it was
// converted to ("date", "period").
type conversionKey struct{ kind, text string }

const (
	// scalarShards spreads the lookups of a parallel parse over locks.
	scalarShards = 16
	// MaxShared is the longest text shared: longer scalars (descriptions,
	// statements) are seldom written twice, and hashing them would cost more than
	// sharing saves.
	MaxShared = 64
)

// NewScalars returns an empty set of shared scalars, for one run.
func NewScalars() *Scalars {
	s := &Scalars{seed: maphash.MakeSeed()}
	for i := range s.shards {
		s.shards[i].texts = map[string]any{}
		s.shards[i].converted = map[conversionKey]any{}
	}
	return s
}

// shard is the shard of text, or nil when text is not shared.
func (s *Scalars) shard(text string) *scalarShard {
	if s == nil || len(text) > MaxShared {
		return nil
	}
	return &s.shards[maphash.String(s.seed, text)%scalarShards]
}

// box returns text boxed: the box an equal text got first when text is short
// enough to share. A nil Scalars shares nothing.
func (s *Scalars) box(text string) any {
	sh := s.shard(text)
	if sh == nil {
		return text
	}
	sh.mu.Lock()
	v, ok := sh.texts[text]
	if !ok {
		v = text
		sh.texts[text] = v
	}
	sh.mu.Unlock()
	return v
}

// Text returns the shared string equal to text (text itself when it is too long
// to share or s is nil). Decode shares keys and values; a caller may share
// other short texts of the run that repeat from document to document (the
// front-matter paths of references, "compliance[0].standard").
func (s *Scalars) Text(text string) string { return s.box(text).(string) }

// Convert returns convert(v), boxed. When v is a text short enough to share,
// the box is the one an equal text converted to the same kind ("date",
// "period") got earlier in the run: a portfolio writes the same dates and
// periods thousands of times, and each box would be one more object for the
// collector to mark. A text that fails to convert is not remembered, so it
// fails wherever it is written.
func Convert[T any](s *Scalars, kind string, v any, convert func(any) (T, error)) (any, error) {
	text, isText := v.(string)
	sh := s.shard(text)
	if !isText || sh == nil {
		x, err := convert(v)
		return x, err
	}
	key := conversionKey{kind, text}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if x, ok := sh.converted[key]; ok {
		return x, nil
	}
	x, err := convert(v)
	if err != nil {
		return nil, err
	}
	boxed := any(x)
	sh.converted[key] = boxed
	return boxed, nil
}
