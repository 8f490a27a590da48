package radar

import (
	"cmp"
	"slices"

	"archfolio/generator"
)

// Movement is how a blip moved since the comparison revision.
type Movement uint8

// The movements. Unknown is every blip's until Compare runs.
const (
	Unknown   Movement = iota
	Unchanged          // in the same ring as then
	New                // not on the radar then
	MovedIn            // in a ring nearer the centre than then (hold → assess, trial → adopt)
	MovedOut           // in a ring further out than then
)

// String is the movement in words for tables and JSON ("" when unknown).
func (m Movement) String() string {
	return [...]string{"", "unchanged", "new", "moved in", "moved out"}[m]
}

// Rank is the movement's place in a sorted column: new first, unchanged last.
func (m Movement) Rank() int { return [...]int{5, 4, 1, 2, 3}[m] }

// Class is the movement's CSS class in the picture ("" when it draws no mark).
func (m Movement) Class() string {
	return [...]string{"", "", "rd-new", "rd-moved-in", "rd-moved-out"}[m]
}

// Compare marks each blip of p's radar with its movement since the portfolio
// old (p as it was at the revision since names, loaded and analysed as p
// was), and lists the blips that have left the radar. A blip is the same
// document by id; a ring nearer the centre is moving in. It must run before p
// is rendered. The Changes page's source (generator/changes) calls it with
// the portfolio at changes.since (or --since) on every load that renders.
func Compare(p, old *generator.Portfolio, since string) {
	now, then := Of(p), Of(old)
	if now == nil || then == nil {
		return
	}
	before := map[string]*Blip{}
	for _, b := range then.Blips {
		before[b.Doc.ID] = b
	}
	now.Since, now.Gone = since, nil
	for _, b := range now.Blips {
		b.Movement = movement(before[b.Doc.ID], b)
		delete(before, b.Doc.ID)
	}
	for _, b := range before {
		now.Gone = append(now.Gone, b)
	}
	slices.SortFunc(now.Gone, func(a, b *Blip) int {
		return cmp.Or(cmp.Compare(a.Doc.Title, b.Doc.Title), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
}

// movement compares a blip with the same document's blip then (nil when it
// was not on the radar).
func movement(then, now *Blip) Movement {
	switch {
	case then == nil:
		return New
	case now.Ring < then.Ring:
		return MovedIn
	case now.Ring > then.Ring:
		return MovedOut
	}
	return Unchanged
}
