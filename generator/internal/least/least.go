// Package least keeps the k least of a stream of values by a total order,
// without holding or sorting the whole stream: an impact page lists its 100
// dependents most at stake out of thousands.
package least

import "slices"

// Set is the k least values added so far by cmp. Its zero value keeps none;
// make one with New.
type Set[T any] struct {
	k    int
	cmp  func(a, b T) int
	heap []T // a max-heap by cmp: heap[0] is the greatest value kept
}

// New returns a set of the k least values by cmp, which must be a total order
// (ties broken) for the result not to depend on the order values come in.
func New[T any](k int, cmp func(a, b T) int) *Set[T] {
	return &Set[T]{k: k, cmp: cmp, heap: make([]T, 0, min(k, 64))}
}

// Add offers v: it is kept if fewer than k values are, or if it is less than
// the greatest kept, which it then replaces.
func (s *Set[T]) Add(v T) {
	h := s.heap
	if len(h) < s.k {
		h = append(h, v)
		for i := len(h) - 1; i > 0; {
			parent := (i - 1) / 2
			if s.cmp(h[i], h[parent]) <= 0 {
				break
			}
			h[i], h[parent] = h[parent], h[i]
			i = parent
		}
		s.heap = h
		return
	}
	if len(h) == 0 || s.cmp(v, h[0]) >= 0 {
		return
	}
	h[0] = v
	for i := 0; ; {
		big, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && s.cmp(h[l], h[big]) > 0 {
			big = l
		}
		if r < len(h) && s.cmp(h[r], h[big]) > 0 {
			big = r
		}
		if big == i {
			return
		}
		h[i], h[big] = h[big], h[i]
		i = big
	}
}

// Sorted returns the values kept, least first; the set is then empty.
func (s *Set[T]) Sorted() []T {
	out := s.heap
	s.heap = nil
	slices.SortFunc(out, s.cmp)
	return out
}
