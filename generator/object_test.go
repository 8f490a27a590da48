package generator_test

import (
	"archfolio/generator"
	"slices"
	"strconv"
	"testing"
)

// An Object keeps its keys in the order written, finds each (in order for a
// few keys, by an index past 32), changes a value in place, and a clone changes
// without changing the original.
func TestObjectKeepsKeysInOrder(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 5, 32, 33, 200} {
		o := &generator.Object{}
		var want []string
		for i := range n {
			k := "k" + strconv.Itoa(n-i) // not sorted
			o.Set(k, i)
			want = append(want, k)
		}
		if n > 0 {
			o.Set(want[0], "again") // changes the value, not the order
		}
		if !slices.Equal(o.Keys, want) || o.Len() != n {
			t.Fatalf("%d keys: Keys = %v, want %v", n, o.Keys, want)
		}
		for i, k := range want {
			v, ok := o.Lookup(k)
			if want := any(i); i == 0 {
				want = "again"
				if v != want || !ok {
					t.Errorf("%d keys: %s = %v, %v", n, k, v, ok)
				}
			} else if v != want || !ok {
				t.Errorf("%d keys: %s = %v, %v; want %v", n, k, v, ok, want)
			}
		}
		if v, ok := o.Lookup("missing"); ok || v != nil || o.Get("missing") != nil {
			t.Errorf("%d keys: a missing key is found (%v)", n, v)
		}
		var got []string
		for k, v := range o.All() {
			got = append(got, k)
			if v != o.Get(k) {
				t.Errorf("%d keys: All gives %v under %s, Get %v", n, v, k, o.Get(k))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d keys: All yields %v", n, got)
		}

		c := o.Clone()
		c.Set("new", true)
		if n > 0 {
			c.Set(want[n-1], "changed")
		}
		if o.Get("new") != nil || o.Len() != n || (n > 0 && o.Get(want[n-1]) == "changed") {
			t.Errorf("%d keys: changing a clone changed the original", n)
		}
		if c.Get("new") != true || c.Len() != n+1 {
			t.Errorf("%d keys: the clone lost its new key", n)
		}
	}
	var none *generator.Object
	if none.Get("a") != nil || none.Len() != 0 || none.Clone() != nil {
		t.Error("a nil Object is not empty")
	}
	for range none.All() {
		t.Error("a nil Object yields a key")
	}
}
