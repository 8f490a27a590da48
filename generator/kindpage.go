package generator

import (
	"fmt"
	"html/template"
)

// KindHTML writes the "kind-content" component (layout.go): a kind's index,
// every document of the kind with its status, owner and the kind's columns.
func (pg *Page) KindHTML() (template.HTML, error) {
	ki, ok := pg.Data.(KindIndex)
	if !ok {
		return "", fmt.Errorf("kind.html: data is %T, not KindIndex", pg.Data)
	}
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<h1>")
	w.text(pg.Kind.Plural)
	w.raw("</h1>\n<p class=\"lede\">")
	w.int(len(pg.Docs))
	if len(pg.Docs) == 1 {
		w.raw(" document.")
	} else {
		w.raw(" documents.")
	}
	for _, s := range ki.Statuses {
		w.raw(" <span class=\"count\">")
		w.status(s.Status)
		w.raw(" ")
		w.int(s.Count)
		w.raw("</span>")
	}
	w.raw("</p>")
	if len(pg.Docs) == 0 {
		w.raw("\n<p>No ")
		w.text(pg.Kind.Plural)
		w.raw(" yet. Create one with <code>archfolio new ")
		w.text(pg.Kind.Name)
		w.raw(" ID</code>.</p>\n")
		return pg.lend(buf), nil
	}
	w.raw("\n")
	w.filters("kind-table", ki.Filters, "h2")
	w.raw("\n<table class=\"data sortable\" id=\"kind-table\">\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th>")
	for _, c := range ki.Columns {
		w.raw("<th scope=\"col\">")
		w.text(Humanize(c))
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>")
	for _, d := range pg.Docs {
		w.raw("\n<tr")
		w.filterAttrs(ki.Filters, d.FilterValue)
		w.raw(">\n  <td>")
		w.link(pg.Rel(d.URL), d.Title)
		if d.Summary != "" {
			w.raw("<br><span class=\"summary\">")
			w.text(d.Summary)
			w.raw("</span>")
		}
		w.raw("</td>\n  <td>")
		w.status(d.Status)
		w.raw("</td>\n  <td>")
		if d.Owner != "" {
			w.ownerLink(pg, d.Owner)
		}
		w.raw("</td>")
		for _, c := range ki.Columns {
			w.raw("<td>")
			w.value(pg.Column(d, c))
			w.raw("</td>")
		}
		w.raw("\n</tr>")
	}
	w.raw("\n</tbody>\n</table>\n")
	return pg.lend(buf), nil
}

// FiltersData is what the "filters" component receives: the filters of the
// table with id Table, under a heading of level Heading (h2 or h3).
type FiltersData struct {
	Table   string
	Filters []Filter
	Heading string
}

// filtersBlock is the "filters" component: the hidden filter form of a table,
// which site.js reveals.
var filtersBlock = Component[FiltersData]{Name: "filters", slot: slotFilters, write: writeFilters}

func (w htmlWriter) filters(table string, filters []Filter, heading string) {
	filtersBlock.put(w, FiltersData{Table: table, Filters: filters, Heading: heading})
}

func writeFilters(w htmlWriter, d FiltersData) {
	table, filters, heading := d.Table, d.Filters, d.Heading
	w.raw("\n<form class=\"filters\" data-filter-for=\"")
	w.text(table)
	w.raw("\" hidden>\n  ")
	if heading == "h2" {
		w.raw("<h2 class=\"visually-hidden\">Filter</h2>")
	} else {
		w.raw("<h3 class=\"visually-hidden\">Filter</h3>")
	}
	w.filterSelects(filters, func(v string) {
		w.raw("<option>")
		w.text(v)
		w.raw("</option>")
	})
	w.raw("\n  <output class=\"filter-count\" aria-live=\"polite\"></output>\n</form>")
}

// ownerLink writes an owner linked to their page.
func (w htmlWriter) ownerLink(pg *Page, owner string) {
	w.raw("<a href=\"")
	w.url(pg.Rel("owners/"))
	w.url(pg.Site.groupSlug("owners", owner))
	w.raw("/\">")
	w.text(owner)
	w.raw("</a>")
}

// filterAttrs writes a filterable row's data- attributes: one per filter, with
// the row's value for it.
func (w htmlWriter) filterAttrs(filters []Filter, value func(name string) string) {
	for _, f := range filters {
		w.raw(" data-")
		w.attrName(f.Name)
		w.raw("=\"")
		w.text(value(f.Name))
		w.raw("\"")
	}
}

// filterSelects writes the selects of a filter form, one per filter that has
// values, each value's option by option.
func (w htmlWriter) filterSelects(filters []Filter, option func(v string)) {
	for _, f := range filters {
		if len(f.Values) == 0 {
			continue
		}
		w.raw("\n  <label>")
		w.text(f.Label)
		w.raw("\n    <select data-filter=\"")
		w.text(f.Name)
		w.raw("\">\n      <option value=\"\">All</option>")
		for _, v := range f.Values {
			option(v)
		}
		w.raw("\n    </select>\n  </label>")
	}
}

// GroupHTML writes the "group-content" component (layout.go): an owner's or
// a tag's documents, by kind.
func (pg *Page) GroupHTML() (template.HTML, error) {
	groups, ok := pg.Data.([]KindGroup)
	if !ok {
		return "", fmt.Errorf("group.html: data is %T, not []KindGroup", pg.Data)
	}
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<p class=\"kind-label\"><a href=\"")
	w.url(pg.Rel(pg.Section))
	w.raw("/\">")
	w.text(Humanize(pg.Section))
	w.raw("</a></p>\n<h1>")
	w.text(pg.Title)
	w.raw("</h1>\n<p class=\"lede\">")
	w.int(len(pg.Docs))
	if len(pg.Docs) == 1 {
		w.raw(" document.</p>")
	} else {
		w.raw(" documents.</p>")
	}
	for _, g := range groups {
		w.raw("\n<section>\n<h2>")
		w.text(g.Kind.Plural)
		w.raw("</h2>\n")
		docListBlock.put(w, DocListData{Page: pg, Docs: g.Docs})
		w.raw("\n</section>")
	}
	w.raw("\n")
	return pg.lend(buf), nil
}

// DocListData is what the "doclist" component receives: documents, listed on
// Page.
type DocListData struct {
	Page *Page
	Docs []*Document
}

// docListBlock is the "doclist" component: documents as "docitem"s.
var docListBlock = Component[DocListData]{Name: "doclist", slot: slotDocList, write: writeDocList}

func writeDocList(w htmlWriter, d DocListData) {
	w.raw("\n<ul class=\"doclist\">")
	for _, doc := range d.Docs {
		w.raw("\n  <li>")
		if err := d.Page.writeDocFragment(w, &docItemBlock, doc); err != nil {
			w.fail(err)
			return
		}
		w.raw("</li>")
	}
	w.raw("\n</ul>\n")
}
