package least

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// The k least of any stream are the first k of the whole stream sorted,
// whatever k (0, 1, fewer or more than the stream holds) and with repeats.
func TestSortedIsTheStartOfTheWholeSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type pair struct{ a, b int }
	order := func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) }
	for round := range 500 {
		n, k := r.IntN(300), r.IntN(120)
		all := make([]pair, n)
		s := New(k, order)
		for i := range all {
			all[i] = pair{r.IntN(20), i}
			s.Add(all[i])
		}
		slices.SortFunc(all, order)
		want := all[:min(k, n)]
		if got := s.Sorted(); !slices.Equal(got, want) {
			t.Fatalf("round %d (n %d, k %d): got %v, want %v", round, n, k, got, want)
		}
	}
}
