package frontmatter

import (
	"hash/maphash"
	"sync"
)

// Scalars lets the equal keys and short text scalars of one run's front matter
// share one string and one boxed value. A portfolio writes the same hundred keys
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
	mu sync.Mutex
	m  map[string]any // text → the one box holding it
}

const (
	// scalarShards spreads the lookups of a parallel parse over locks.
	scalarShards = 16
	// maxShared is the longest text shared: longer scalars (descriptions,
	// statements) are seldom written twice, and hashing them would cost more than
	// sharing saves.
	maxShared = 64
)

// NewScalars returns an empty set of shared scalars, for one run.
func NewScalars() *Scalars {
	s := &Scalars{seed: maphash.MakeSeed()}
	for i := range s.shards {
		s.shards[i].m = map[string]any{}
	}
	return s
}

// box returns text boxed: the box an equal text got first when text is short
// enough to share. A nil Scalars shares nothing.
func (s *Scalars) box(text string) any {
	if s == nil || len(text) > maxShared {
		return text
	}
	sh := &s.shards[maphash.String(s.seed, text)%scalarShards]
	sh.mu.Lock()
	v, ok := sh.m[text]
	if !ok {
		v = text
		sh.m[text] = v
	}
	sh.mu.Unlock()
	return v
}

// Text returns the shared string equal to text (text itself when it is too long
// to share or s is nil). Decode shares keys and values; a caller may share
// other short texts of the run that repeat from document to document (the
// front-matter paths of references, "compliance[0].standard").
func (s *Scalars) Text(text string) string { return s.box(text).(string) }
