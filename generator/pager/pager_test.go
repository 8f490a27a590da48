package pager

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"archfolio/generator/markup"
)

func ranges(s Split) string {
	var out []string
	for k := range s.Pages() {
		from, to := s.Range(k)
		out = append(out, fmt.Sprintf("%d-%d", from, to))
	}
	return strings.Join(out, " ")
}

func TestSplits(t *testing.T) {
	t.Parallel()
	costs := []int{5, 5, 1, 9, 20, 1, 1}
	for _, c := range []struct {
		name string
		s    Split
		want string
	}{
		{"empty", ByCount(0, 10), "0-0"},
		{"one page", ByCount(7, 10), "0-7"},
		{"exact", ByCount(20, 10), "0-10 10-20"},
		{"rest", ByCount(21, 10), "0-10 10-20 20-21"},
		{"per below 1", ByCount(2, 0), "0-1 1-2"},
		// 5+5 fits in 10, 1+9 too; 20 is over the budget on a page of its own.
		{"by cost", ByCost(len(costs), 10, func(i int) int { return costs[i] }), "0-2 2-4 4-5 5-7"},
		{"no items by cost", ByCost(0, 10, func(int) int { return 1 }), "0-0"},
	} {
		if got := ranges(c.s); got != c.want {
			t.Errorf("%s: pages %s, want %s", c.name, got, c.want)
		}
	}
	s := ByCount(21, 10)
	for i, want := range map[int]int{0: 0, 9: 0, 10: 1, 20: 2} {
		if got := s.PageOf(i); got != want {
			t.Errorf("item %d on page %d, want %d", i, got, want)
		}
	}
}

func TestNav(t *testing.T) {
	t.Parallel()
	l := List{Split: ByCount(25, 10), First: "dependencies/", More: "dependencies/all/"}
	if got := l.URL(0) + " " + l.URL(2); got != "dependencies/ dependencies/all/3/" {
		t.Errorf("URLs %s", got)
	}
	var buf bytes.Buffer
	rel := func(u string) string { return "../../../" + u }
	l.Nav(markup.Writer{Buffer: &buf}, rel, 1, "Pages of <every> dependency", "dependencies")
	want := `<nav class="pager" aria-label="Pages of &lt;every&gt; dependency"><p>11–20 of 25 dependencies (page 2 of 3). <a rel="prev" href="../../../dependencies/">Previous page</a>. <a rel="next" href="../../../dependencies/all/3/">Next page</a>. Pages: <a href="../../../dependencies/">1</a> <a aria-current="page" href="../../../dependencies/all/2/">2</a> <a href="../../../dependencies/all/3/">3</a></p></nav>`
	if got := strings.TrimSpace(buf.String()); got != want {
		t.Errorf("nav:\n%s\nwant:\n%s", got, want)
	}
	buf.Reset()
	l.Fragment = "all-dependencies"
	l.Nav(markup.Writer{Buffer: &buf}, rel, 0, "x", "dependencies")
	if !strings.Contains(buf.String(), `<a rel="next" href="../../../dependencies/all/2/#all-dependencies">`) {
		t.Errorf("the links do not go to the list's fragment: %s", buf.String())
	}
	if strings.Contains(buf.String(), `rel="prev"`) {
		t.Errorf("the first page links a previous page: %s", buf.String())
	}
	buf.Reset()
	l.Nav(markup.Writer{Buffer: &buf}, rel, 2, "x", "dependencies")
	if got := buf.String(); !strings.Contains(got, `<a rel="prev" href="../../../dependencies/all/2/#all-dependencies">Previous page</a>.`) || strings.Contains(got, `rel="next"`) {
		t.Errorf("the last page's links: %s", got)
	}
	buf.Reset()
	List{Split: ByCount(5, 10)}.Nav(markup.Writer{Buffer: &buf}, rel, 0, "x", "y")
	if buf.Len() != 0 {
		t.Errorf("a list of one page has a nav: %s", buf.String())
	}
}

// A list's first page has the list's title; the others say which page of how
// many they are.
func TestTitle(t *testing.T) {
	s := ByCount(25, 10)
	for k, want := range []string{"Risks", "Risks, page 2 of 3", "Risks, page 3 of 3"} {
		if got := s.Title("Risks", k); got != want {
			t.Errorf("Title(%d) = %q, want %q", k, got, want)
		}
	}
}
