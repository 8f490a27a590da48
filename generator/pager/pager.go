// Package pager cuts the long lists of portfolio-wide pages (every dependency,
// the rows of an alignment matrix) into pages of bounded size, and writes the
// links between them. A list's first page stays where the whole list was, so
// every link to it and its anchors keeps working while the portfolio is small
// enough for one page; the others follow at MORE/2/, MORE/3/, …
package pager

import (
	"sort"
	"strconv"

	"archfolio/generator/markup"
)

// Split is a list cut into pages: page k (from 0) holds the items Range(k).
// Every list has at least one page, possibly empty.
type Split struct {
	starts []int // starts[k] is page k's first item
	n      int
}

// ByCount cuts n items into pages of per items (the last may hold fewer).
func ByCount(n, per int) Split {
	per = max(per, 1)
	s := Split{n: n, starts: []int{0}}
	for i := per; i < n; i += per {
		s.starts = append(s.starts, i)
	}
	return s
}

// ByCost cuts n items into pages whose items' costs add up to at most budget;
// an item that costs more than the budget has a page to itself.
func ByCost(n, budget int, cost func(i int) int) Split {
	s := Split{n: n, starts: []int{0}}
	used := 0
	for i := range n {
		c := cost(i)
		if used > 0 && used+c > budget {
			s.starts = append(s.starts, i)
			used = 0
		}
		used += c
	}
	return s
}

// Pages is the number of pages, at least 1.
func (s Split) Pages() int { return len(s.starts) }

// Title is the title of page k (from 0) of a list titled title: the title on
// the first page, "TITLE, page K of N" on the others.
func (s Split) Title(title string, k int) string {
	if k == 0 {
		return title
	}
	return title + ", page " + strconv.Itoa(k+1) + " of " + strconv.Itoa(s.Pages())
}

// Len is the number of items.
func (s Split) Len() int { return s.n }

// Range is the items of page k: from ≤ i < to.
func (s Split) Range(k int) (from, to int) {
	if k < 0 || k >= len(s.starts) {
		return 0, 0
	}
	from, to = s.starts[k], s.n
	if k+1 < len(s.starts) {
		to = s.starts[k+1]
	}
	return from, to
}

// PageOf is the page that holds item i.
func (s Split) PageOf(i int) int {
	return sort.Search(len(s.starts), func(k int) bool { return s.starts[k] > i }) - 1
}

// List is a split list with its addresses: page 0 at First, page k at
// More + (k+1) + "/". Fragment, when set, is the id of the list on each of its
// pages, which the links between them go to.
type List struct {
	Split
	First, More string
	Fragment    string
}

// Link is the address Nav links page k at: its URL and the list's fragment.
func (l List) Link(k int) string {
	if l.Fragment == "" {
		return l.URL(k)
	}
	return l.URL(k) + "#" + l.Fragment
}

// URL is the site-relative address of page k.
func (l List) URL(k int) string {
	if k <= 0 {
		return l.First
	}
	return l.More + strconv.Itoa(k+1) + "/"
}

// Nav writes, for page k of the list, which items it shows, links to the
// previous and next pages and a link to every page ("201–400 of 1234
// dependencies (page 2 of 7). Previous page. Next page. Pages: 1 2 3 …");
// nothing when the list has one page. rel makes a site-relative URL relative
// to the page; label names the list for screen readers; noun names its items.
func (l List) Nav(w markup.Writer, rel func(string) string, k int, label, noun string) {
	if l.Pages() <= 1 {
		return
	}
	from, to := l.Range(k)
	w.Raw("\n<nav class=\"pager\" aria-label=\"")
	w.Text(label)
	w.Raw("\"><p>")
	w.Int(from + 1)
	w.Raw("–")
	w.Int(to)
	w.Raw(" of ")
	w.Int(l.Len())
	w.Raw(" ")
	w.Text(noun)
	w.Raw(" (page ")
	w.Int(k + 1)
	w.Raw(" of ")
	w.Int(l.Pages())
	w.Raw(").")
	if k > 0 {
		w.Raw(" <a rel=\"prev\" href=\"")
		w.URL(rel(l.Link(k - 1)))
		w.Raw("\">Previous page</a>.")
	}
	if k+1 < l.Pages() {
		w.Raw(" <a rel=\"next\" href=\"")
		w.URL(rel(l.Link(k + 1)))
		w.Raw("\">Next page</a>.")
	}
	w.Raw(" Pages:")
	for j := range l.Pages() {
		w.Raw(" ")
		if j == k {
			w.Raw("<a aria-current=\"page\" href=\"")
		} else {
			w.Raw("<a href=\"")
		}
		w.URL(rel(l.Link(j)))
		w.Raw("\">")
		w.Int(j + 1)
		w.Raw("</a>")
	}
	w.Raw("</p></nav>")
}

// Heading writes the top of a list's continuation page: a link back to the
// page the list starts on (href, relative to the page), labelled, and the
// page's title as its heading.
func Heading(w markup.Writer, href, label, title string) {
	w.Raw("\n<p class=\"kind-label\"><a href=\"")
	w.URL(href)
	w.Raw("\">")
	w.Text(label)
	w.Raw("</a></p>\n<h1>")
	w.Text(title)
	w.Raw("</h1>\n")
}
