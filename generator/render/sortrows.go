package render

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"archfolio/generator/markup"
	"archfolio/generator/pager"
)

// A sortable table that is one page of a longer list (a kind's index past
// KindIndexPerPage documents) could only reorder its own rows. So that its
// sort buttons sort the whole list, the list exports the HTML of every row
// (SortRowsFile, written by SortRows.Write) and the table names that file
// (PutSortRowsAttrs): site.js loads it when a column is first sorted, sorts
// every row of the list and shows them in the table a page at a time, the
// filters narrowing the whole list, until the reader goes back to the list's
// own pages. The rows' links are relative to the file's folder, and site.js
// resolves them against the file's address. Like the filters' rows file it
// is a script, so that a page opened from disk may load it, and its size is
// linear in the list.

// SortRowsGlobal is the object every SortRowsFile adds its list to, under the
// file's site-relative name.
const SortRowsGlobal = "archfolioSortRows"

// SortRowsFile is the site-relative name of the rows file of a sortable list
// cut into pages: beside its continuation pages, in a folder the list owns.
func SortRowsFile(l pager.List) string { return l.More + "sort-rows.js" }

// SortRows is the export of a list's rows for sorting the whole list: the
// list (its rows in page order) and Rows, which is given the page the rows
// are written for (its links, its schema) once per file and returns the
// writer of row i (a <tr> element) as the list's pages show it.
type SortRows struct {
	List pager.List
	Rows func(pg *Page) func(w markup.Writer, i int)
	// Components are the blocks that write the list's table on its pages, and
	// Layout the layout file of those pages, whose content is a component of
	// Go in the default theme ("" when the default layout writes the content
	// around the blocks, as roadmap.html does). A theme that replaces one of
	// them, or the layout's content with a layout file of its own, writes a
	// table of its own: its rows are not the file's, and it does not name the
	// file (PutSortRowsAttrs is Go's), so the file is not written and the
	// list's pages sort their own rows.
	Components []Overridable
	Layout     string
}

// Overridable is a block a theme may replace (a markup.Component).
type Overridable interface{ OverriddenIn(markup.Overrides) bool }

// sortRowsFile is the rows file of sr as an export, written only for a list of
// more than one page whose table the theme does not write its own way (ok is
// false otherwise).
func (r *siteRenderer) sortRowsFile(sr SortRows) (f ExportFile, ok bool) {
	if sr.List.Pages() <= 1 || r.themeWrites(sr) {
		return ExportFile{}, false
	}
	name := SortRowsFile(sr.List)
	return ExportFile{Name: name, Write: func(out io.Writer) error { return r.writeSortRows(out, name, sr) }}, true
}

// themeWrites reports whether the theme writes the table of sr's list its own
// way: a template of one of its components, or a layout file of its own whose
// "content" replaces the page's.
func (r *siteRenderer) themeWrites(sr SortRows) bool {
	if pl := r.th.layouts[sr.Layout]; pl != nil && pl.own != nil {
		return true
	}
	return slices.ContainsFunc(sr.Components, func(c Overridable) bool { return c.OverriddenIn(r.th.ov) })
}

// writeSortRows writes the rows file name of sr: one statement that adds the
// list to SortRowsGlobal as an array of each row's HTML, in page order, the
// rows written as on a page in the file's folder. Strings are JSON, which
// escapes the line separators JavaScript forbids in strings; <, > and & stay
// as they are, since the file is a script of its own, never inside a page's
// <script> element.
func (r *siteRenderer) writeSortRows(out io.Writer, name string, sr SortRows) error {
	w := bufio.NewWriterSize(out, 64<<10)
	folder := name[:strings.LastIndex(name, "/")+1]
	pg := &Page{Site: r.site, renderer: r, URL: folder, Root: strings.Repeat("../", strings.Count(folder, "/"))}
	buf := r.bufs.Get()
	defer r.bufs.Put(buf)
	key, _ := json.Marshal(name)
	w.WriteString("(window." + SortRowsGlobal + " = window." + SortRowsGlobal + " || {})[")
	w.Write(key)
	w.WriteString("] = [")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	row := sr.Rows(pg)
	for i := range sr.List.Len() {
		if i > 0 {
			w.WriteString(",")
		}
		buf.Reset()
		row(pg.writer(buf), i)
		if err := enc.Encode(strings.TrimSpace(buf.String())); err != nil { // a string always encodes
			return err
		}
	}
	w.WriteString("];\n")
	if err := pg.env.Err(); err != nil {
		return err
	}
	return w.Flush()
}

// PutSortRowsAttrs writes the attributes of a sortable table that tell
// site.js where the whole list's rows are: its rows file (relative, and its
// name as the file registers it), how many rows a page holds, how many the
// list has and what they are (noun, "documents"). It writes nothing for a
// list of one page, whose table holds every row.
func PutSortRowsAttrs(w markup.Writer, l pager.List, noun string, rel func(string) string) {
	if l.Pages() <= 1 {
		return
	}
	from, to := l.Range(0)
	name := SortRowsFile(l)
	w.Raw(" data-sort-rows=\"")
	w.URL(rel(name))
	w.Raw("\" data-sort-key=\"")
	w.Text(name)
	w.Raw("\" data-sort-per=\"")
	w.Int(to - from)
	w.Raw("\" data-sort-total=\"")
	w.Int(l.Len())
	w.Raw("\" data-sort-noun=\"")
	w.Text(noun)
	w.Raw("\"")
}
