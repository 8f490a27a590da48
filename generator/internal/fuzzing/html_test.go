package fuzzing

import "testing"

// JSAttribute finds javascript: in any attribute a browser could follow or
// run, or the theme's scripts load or link, however cased and spaced, and
// passes over text, an option's value and a filter's data- attribute.
func TestJSAttribute(t *testing.T) {
	for page, want := range map[string]int{
		`<a href="javascript:alert(1)">x</a>`:                  7,
		`<a href=' JaVaScRiPt:alert(1)'>x</a>`:                 7,
		`<img src=x onerror="javascript:alert(1)">`:            18,
		`<p>a=&#34;javascript:alert(1)&#34;</p>`:               -1,
		`<option value="javascript:alert(1)">javascript:x`:     -1,
		`<tr data-tag="javascript:alert(1)" data-x-y='a'>`:     -1,
		`<option value="x" label="javascript:alert(1)">x`:      23,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`: 18,
		`<table data-sort-rows="javascript:alert(1)">`:         21,
		`<form data-filter-pages="javascript:alert(1)">`:       23,
	} {
		if got := JSAttribute([]byte(page)); got != want {
			t.Errorf("JSAttribute(%s) = %d, want %d", page, got, want)
		}
	}
}
