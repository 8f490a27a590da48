package frontmatter

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// boxOf is where an interface value's box is: two values with the same box
// share it.
func boxOf(v any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] }

func decodeShared(t *testing.T, src string, shared *Scalars) (Map, *Index) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	items, idx, problems := Decode(&root, shared)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return items, idx
}

// Two documents decoded in one run share their keys and short texts: one
// string, one box, in the values and in the index of positions.
func TestScalarsShareKeysAndShortTexts(t *testing.T) {
	long := strings.Repeat("a long description ", 5) // over MaxShared
	src := "status: implemented\nquoted: 'implemented'\ntags: [iam, logging]\nsummary: " + long + "\nversion: 2\n"
	shared := NewScalars()
	a, ia := decodeShared(t, src, shared)
	b, ib := decodeShared(t, src, shared)
	for i := range a {
		ka, kb := a[i].Key.(string), b[i].Key.(string)
		if unsafe.StringData(ka) != unsafe.StringData(kb) {
			t.Errorf("key %q: two strings, want one", ka)
		}
		if e, _ := ia.find(ka); unsafe.StringData(ia.entries[e].key) != unsafe.StringData(ka) {
			t.Errorf("key %q: the index has a string of its own", ka)
		}
		if e, _ := ib.find(kb); unsafe.StringData(ib.entries[e].key) != unsafe.StringData(ka) {
			t.Errorf("key %q: the second index has a string of its own", ka)
		}
	}
	for _, i := range []int{0, 1} {
		if boxOf(a[i].Value) != boxOf(b[i].Value) {
			t.Errorf("%v: two boxes, want one", a[i].Key)
		}
	}
	if boxOf(a[0].Value) != boxOf(a[1].Value) {
		t.Error("implemented plain and quoted: two boxes, want one (both are the same text)")
	}
	if ta, tb := a[2].Value.([]any), b[2].Value.([]any); boxOf(ta[1]) != boxOf(tb[1]) {
		t.Error("a list item: two boxes, want one")
	}
	if sa, sb := a[3].Value.(string), b[3].Value.(string); unsafe.StringData(sa) == unsafe.StringData(sb) {
		t.Error("a text over MaxShared bytes was shared; it is hashed and kept for nothing")
	}
	if n := a[4].Value; n != 2 {
		t.Errorf("version: %#v, want the number 2", n)
	}
	// Sharing changes no value: without it, the same items.
	plain, _ := decodeShared(t, src, nil)
	if !reflect.DeepEqual(plain, a) {
		t.Errorf("shared decode %#v, want %#v", a, plain)
	}
}

// A boolean word, a number or a null is not text, shared or not.
func TestScalarsShareTextOnly(t *testing.T) {
	shared := NewScalars()
	items, _ := decodeShared(t, "a: yes\nb: 'yes'\nc: 1_000\nd: ~\n", shared)
	want := Map{{Key: "a", Value: true}, {Key: "b", Value: "yes"}, {Key: "c", Value: 1000}, {Key: "d", Value: nil}}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("got %#v, want %#v", items, want)
	}
}
