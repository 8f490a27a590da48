package render

import (
	"bytes"
	"testing"

	"archfolio/generator/markup"
	"archfolio/generator/pager"
)

// The rows file of a list names each row's values by their index among the
// select's options: a number for one value, an array for none or several; a
// value no option offers is left out; every string is JSON, so a value cannot
// end the script or the string it is in.
func TestFilterRowsFile(t *testing.T) {
	list := pager.List{Split: pager.ByCount(5, 2), First: "things/", More: "documents/things/"}
	values := [][]string{
		{"draft", "a\x1fb"},
		{"approved", ""},
		{"draft", "b\x1fnot offered"},
		{"</script>", "a\x1fb\x1fc"},
		{"", "c"},
	}
	fr := FilterRows{List: list,
		Filters: func() []Filter {
			return []Filter{{Name: "status", Values: []string{"</script>", "approved", "draft"}}, {Name: "tag", Values: []string{"a", "b", "c"}}}
		},
		Value: func(i int, name string) string {
			if name == "status" {
				return values[i][0]
			}
			return values[i][1]
		}}
	f, ok := fr.File()
	if !ok || f.Name != "documents/things/filter-rows.js" {
		t.Fatalf("File() = %q, %v; want documents/things/filter-rows.js", f.Name, ok)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `(window.archfolioFilterRows = window.archfolioFilterRows || {})["documents/things/filter-rows.js"] = {"filters": ["status", "tag"],
"values": [["\u003c/script\u003e", "approved", "draft"],
["a", "b", "c"]],
"starts": [0, 2, 4],
"rows": [[2,[0,1]],
[1,[]],
[2,1],
[0,[0,1,2]],
[[],2]]};
`
	if got := b.String(); got != want {
		t.Errorf("rows file:\n%s\nwant:\n%s", got, want)
	}

	one := FilterRows{List: pager.List{Split: pager.ByCount(2, 2), More: "x/"}}
	if _, ok := one.File(); ok {
		t.Error("a list of one page has a rows file")
	}
}

// A filter form over a page of a longer list names the rows file, relative
// and as it registers itself, this page and every page with the list's
// fragment, escaped; a list of one page gets none of it.
func TestPagedFilterAttrs(t *testing.T) {
	rel := func(s string) string { return "../../" + s }
	list := pager.List{Split: pager.ByCount(3, 1), First: "things/", More: "documents/things/", Fragment: "t&t"}
	var b bytes.Buffer
	w := markup.NewWriter(&b, nil)
	p := &PagedFilters{List: list, Page: 2, Noun: "things \"x\"", Rel: rel}
	PutPagedFilterAttrs(w, p)
	PutPagedFilterCount(w, p)
	want := ` data-filter-rows="../../documents/things/filter-rows.js" data-filter-key="documents/things/filter-rows.js"` +
		` data-filter-noun="things &#34;x&#34;" data-filter-page="2"` +
		` data-filter-pages="../../things/#t&amp;t ../../documents/things/2/#t&amp;t ../../documents/things/3/#t&amp;t"` +
		"\n  <p class=\"filter-pages\" aria-live=\"polite\"></p>"
	if got := b.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	b.Reset()
	single := &PagedFilters{List: pager.List{Split: pager.ByCount(3, 5), First: "things/", More: "documents/things/"}, Rel: rel}
	PutPagedFilterAttrs(w, single)
	PutPagedFilterCount(w, single)
	PutPagedFilterAttrs(w, nil)
	if b.Len() != 0 {
		t.Errorf("a one-page list's form got %q", b.String())
	}
}
