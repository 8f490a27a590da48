package render

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"archfolio/generator/markup"
	"archfolio/generator/pager"
)

// A filtered table that is one page of a longer list (a kind's index past
// KindIndexPerPage documents, the risk register's threats, every review, the
// backlog's open items, a matrix grid) can only hide the rows of its own page.
// So that a filter still answers for the whole list, the list exports its rows
// as the filters see them (FilterRowsFile, written by WriteFilterRows) and the
// filter form names that file and the list's pages (PutPagedFilterAttrs):
// site.js loads the file when a filter is first set, counts the matching rows of
// every page, and links the pages that have some, the filter carried in their
// query string. The file is a script rather than JSON because a page opened
// from disk (file://) may load a script beside it but not fetch a file; its size
// is linear in the list.

// FilterRowsGlobal is the object every FilterRowsFile adds its list to, under
// the file's site-relative name.
const FilterRowsGlobal = "archfolioFilterRows"

// FilterRowsFile is the site-relative name of the rows file of a list cut into
// pages: beside its continuation pages, in a folder the list owns.
func FilterRowsFile(l pager.List) string { return l.More + "filter-rows.js" }

// PagedFilters is, for a filter form over one page of a longer list, the list,
// the page (from 0) and what the list's rows are (Noun, "threats"); Rel makes
// a site-relative URL relative to the page.
type PagedFilters struct {
	List pager.List
	Page int
	Noun string
	Rel  func(string) string
}

// PutPagedFilterAttrs writes the attributes of a filter form that tell site.js
// where the whole list's rows are: its rows file (relative, and its name as the
// file registers it), this page's number and every page's address. It writes
// nothing for a list of one page, whose table holds every row.
func PutPagedFilterAttrs(w markup.Writer, p *PagedFilters) {
	if p == nil || p.List.Pages() <= 1 {
		return
	}
	name := FilterRowsFile(p.List)
	w.Raw(" data-filter-rows=\"")
	w.URL(p.Rel(name))
	w.Raw("\" data-filter-key=\"")
	w.Text(name)
	w.Raw("\" data-filter-noun=\"")
	w.Text(p.Noun)
	w.Raw("\" data-filter-page=\"")
	w.Int(p.Page)
	w.Raw("\" data-filter-pages=\"")
	for k := range p.List.Pages() {
		if k > 0 {
			w.Raw(" ")
		}
		w.URL(p.Rel(p.List.Link(k)))
	}
	w.Raw("\"")
}

// PutPagedFilterCount writes where site.js says how many rows of the whole list
// match, page by page; nothing for a list of one page. It is empty, not
// hidden, until a filter is set: a live region is announced only if it is
// in the page before its text changes.
func PutPagedFilterCount(w markup.Writer, p *PagedFilters) {
	if p == nil || p.List.Pages() <= 1 {
		return
	}
	w.Raw("\n  <p class=\"filter-pages\" aria-live=\"polite\"></p>")
}

// FilterRows is the export of a list's rows for its filters: the list (its
// rows in page order), its filters (made only when the file is written: they
// read every row) and Value(i, name), row i's value for a filter (several
// joined by U+001F, as in the rows' data- attributes).
type FilterRows struct {
	List    pager.List
	Filters func() []Filter
	Value   func(i int, name string) string
}

// File is the rows file as an export, written only for a list of more than
// one page (ok is false otherwise).
func (fr FilterRows) File() (f ExportFile, ok bool) {
	if fr.List.Pages() <= 1 {
		return ExportFile{}, false
	}
	return ExportFile{Name: FilterRowsFile(fr.List), Write: fr.Write}, true
}

// Write writes the rows file: one statement that adds the list to
// FilterRowsGlobal, as
//
//	{"filters": [NAME, …], "values": [[VALUE, …], …], "starts": [FIRST ROW OF
//	EACH PAGE, …], "rows": [[CELL, …], …]}
//
// where a filter's values are its select's options and a cell is the index
// of the row's value among them, or an array of indexes when the row has none
// or several. Strings are JSON (which escapes <, > and &, and the line
// separators JavaScript forbids in strings); the rest is numbers.
func (fr FilterRows) Write(out io.Writer) error {
	w := bufio.NewWriterSize(out, 64<<10)
	filters := fr.Filters()
	index := make([]map[string]int, len(filters))
	str := func(s string) {
		b, _ := json.Marshal(s) // a string always encodes
		w.Write(b)
	}
	w.WriteString("(window." + FilterRowsGlobal + " = window." + FilterRowsGlobal + " || {})[")
	str(FilterRowsFile(fr.List))
	w.WriteString("] = {\"filters\": [")
	for j, f := range filters {
		if j > 0 {
			w.WriteString(", ")
		}
		str(f.Name)
		index[j] = make(map[string]int, len(f.Values))
		for k, v := range f.Values {
			index[j][v] = k
		}
	}
	w.WriteString("],\n\"values\": [")
	for j, f := range filters {
		if j > 0 {
			w.WriteString(",\n")
		}
		w.WriteString("[")
		for k, v := range f.Values {
			if k > 0 {
				w.WriteString(", ")
			}
			str(v)
		}
		w.WriteString("]")
	}
	w.WriteString("],\n\"starts\": [")
	for k := range fr.List.Pages() {
		if k > 0 {
			w.WriteString(", ")
		}
		from, _ := fr.List.Range(k)
		w.WriteString(strconv.Itoa(from))
	}
	w.WriteString("],\n\"rows\": [")
	var cell []int
	for i := range fr.List.Len() {
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString("[")
		for j, f := range filters {
			if j > 0 {
				w.WriteString(",")
			}
			cell = cell[:0]
			if v := fr.Value(i, f.Name); v != "" {
				for part := range strings.SplitSeq(v, "\x1f") {
					if k, ok := index[j][part]; ok {
						cell = append(cell, k)
					}
				}
			}
			if len(cell) == 1 {
				w.WriteString(strconv.Itoa(cell[0]))
				continue
			}
			w.WriteString("[")
			for n, k := range cell {
				if n > 0 {
					w.WriteString(",")
				}
				w.WriteString(strconv.Itoa(k))
			}
			w.WriteString("]")
		}
		w.WriteString("]")
	}
	w.WriteString("]};\n")
	return w.Flush()
}
