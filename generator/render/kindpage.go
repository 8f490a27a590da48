package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/search"
	"html/template"
)

// kindHTML writes the "kind-content" component (layout.go): a kind's index,
// every document of the kind with its status, owner and the kind's columns.
func kindHTML(pg *Page, ki KindIndex) (template.HTML, error) {
	buf := pg.bufs().Get()
	w := pg.writer(buf)
	w.Raw("\n<h1>")
	w.Text(pg.Kind.Plural)
	w.Raw("</h1>\n<p class=\"lede\">")
	total := max(ki.Pages.Len(), len(pg.Docs))
	w.Int(total)
	if total == 1 {
		w.Raw(" document.")
	} else {
		w.Raw(" documents.")
	}
	for _, s := range ki.Statuses {
		w.Raw(" <span class=\"count\">")
		PutStatus(w, s.Status)
		w.Raw(" ")
		w.Int(s.Count)
		w.Raw("</span>")
	}
	w.Raw("</p>")
	if len(pg.Docs) == 0 {
		w.Raw("\n<p>No ")
		w.Text(pg.Kind.Plural)
		w.Raw(" yet. Create one with <code>archfolio new ")
		w.Text(pg.Kind.Name)
		w.Raw(" ID</code>.</p>\n")
		return pg.lend(buf), nil
	}
	w.Raw("\n")
	ki.Pages.Nav(w, pg.Rel, ki.PageNo, "Pages of the index", "documents")
	PutPagedFilters(w, "kind-table", ki.Filters, "h2", &PagedFilters{List: ki.Pages, Page: ki.PageNo, Noun: "documents", Rel: pg.Rel})
	w.Raw("\n<table class=\"data sortable\" id=\"kind-table\"")
	PutSortRowsAttrs(w, ki.Pages, "documents", pg.Rel)
	w.Raw(">\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th>")
	for _, c := range ki.Columns {
		w.Raw("<th scope=\"col\">")
		w.Text(generator.Humanize(c))
		w.Raw("</th>")
	}
	w.Raw("</tr></thead>\n<tbody>")
	ranks := kindRanks(pg, ki)
	for _, d := range pg.Docs {
		writeKindRow(w, pg, ki, ranks, d)
	}
	w.Raw("\n</tbody>\n</table>\n")
	ki.Pages.Nav(w, pg.Rel, ki.PageNo, "Pages of the index, again", "documents")
	return pg.lend(buf), nil
}

// kindRanks are, for each column of a kind's index, its enum values in the
// schema's order (nil for a column that is no enum), which its cells' sort
// keys rank.
func kindRanks(pg *Page, ki KindIndex) [][]string {
	ranks := make([][]string, len(ki.Columns))
	for i, c := range ki.Columns {
		ranks[i] = pg.EnumValues(pg.Kind.Name, c)
	}
	return ranks
}

// writeKindRow writes a document's row of its kind's index.
func writeKindRow(w markup.Writer, pg *Page, ki KindIndex, ranks [][]string, d *generator.Document) {
	w.Raw("\n<tr")
	PutFilterAttrs(w, ki.Filters, d.FilterValue)
	w.Raw(">\n  <td")
	if d.Summary != "" {
		PutSortKey(w, d.Title)
	}
	w.Raw(">")
	w.Link(pg.Rel(d.URL), d.Title)
	if d.Summary != "" {
		w.Raw("<br><span class=\"summary\">")
		w.Text(d.Summary)
		w.Raw("</span>")
	}
	w.Raw("</td>\n  <td")
	PutSortRank(w, pg.Kind.Statuses, d.Status)
	w.Raw(">")
	PutStatus(w, d.Status)
	w.Raw("</td>\n  <td>")
	if d.Owner != "" {
		putOwnerLink(w, pg, d.Owner)
	}
	w.Raw("</td>")
	for i, c := range ki.Columns {
		w.Raw("<td")
		if ranks[i] != nil {
			PutSortRank(w, ranks[i], d.Fields.String(c))
		}
		w.Raw(">")
		putValue(w, pg.Column(d, c))
		w.Raw("</td>")
	}
	w.Raw("\n</tr>")
}

// FiltersData is what the "filters" component receives: the filters of the
// table with id Table, under a heading of level Heading (h2 or h3). Paged is
// set when the table is one page of a longer list (filterrows.go).
type FiltersData struct {
	Table   string
	Filters []Filter
	Heading string
	Paged   *PagedFilters
}

// filtersBlock is the "filters" component: the hidden filter form of a table,
// which site.js reveals.
var filtersBlock = markup.New[FiltersData]("filters", writeFilters)

// PutPagedFilters writes the filter form of a table that is page p.Page of
// the list p.List; when the list has more than one page, the form counts the
// matching rows of every page too.
func PutPagedFilters(w markup.Writer, table string, filters []Filter, heading string, p *PagedFilters) {
	filtersBlock.Put(w, FiltersData{Table: table, Filters: filters, Heading: heading, Paged: p})
}

func writeFilters(w markup.Writer, d FiltersData) {
	table, filters, heading := d.Table, d.Filters, d.Heading
	w.Raw("\n<form class=\"filters\" data-filter-for=\"")
	w.Text(table)
	w.Raw("\"")
	PutPagedFilterAttrs(w, d.Paged)
	w.Raw(" hidden>\n  ")
	if heading == "h2" {
		w.Raw("<h2 class=\"visually-hidden\">Filter</h2>")
	} else {
		w.Raw("<h3 class=\"visually-hidden\">Filter</h3>")
	}
	PutFilterSelects(w, filters)
	w.Raw("\n  <output class=\"filter-count\" aria-live=\"polite\"></output>")
	PutPagedFilterCount(w, d.Paged)
	w.Raw("\n</form>")
}

// PutDocLinks writes documents as links to their pages, by title, joined by
// commas.
func PutDocLinks(w markup.Writer, pg *Page, docs []*generator.Document) {
	for i, d := range docs {
		if i > 0 {
			w.Raw(", ")
		}
		w.Link(pg.Rel(d.URL), d.Title)
	}
}

// ownerLink writes an owner linked to their page.
func putOwnerLink(w markup.Writer, pg *Page, owner string) {
	w.Raw("<a href=\"")
	w.URL(pg.Rel("owners/"))
	w.URL(pg.Site.groupSlug("owners", owner))
	w.Raw("/\">")
	w.Text(owner)
	w.Raw("</a>")
}

// filterAttrs writes a filterable row's data- attributes: one per filter, with
// the row's value for it.
func PutFilterAttrs(w markup.Writer, filters []Filter, value func(name string) string) {
	for _, f := range filters {
		w.Raw(" data-")
		w.AttrName(f.Name)
		w.Raw("=\"")
		w.Text(value(f.Name))
		w.Raw("\"")
	}
}

// PutFilterSelects writes the selects of a filter form, one per filter that has
// values, an option per value.
func PutFilterSelects(w markup.Writer, filters []Filter) {
	for _, f := range filters {
		if len(f.Values) == 0 {
			continue
		}
		w.Raw("\n  <label>")
		w.Text(f.Label)
		w.Raw("\n    <select data-filter=\"")
		w.Text(f.Name)
		w.Raw("\">\n      <option value=\"\">All</option>")
		show := f.Option
		if f.Name == "status" && statusBlock.Overridden(w) {
			show = func(v string) string { return statusWords(w, v, f.Option(v)) }
		}
		for i, text := range f.optionsBy(show) {
			w.Raw("<option value=\"")
			w.Text(f.Values[i])
			w.Raw("\">")
			w.Text(text)
			w.Raw("</option>")
		}
		w.Raw("\n    </select>\n  </label>")
	}
}

// statusWords returns the words a theme's "status" template shows for status
// s (its text, without tags), so that a status filter's options read as the
// badges they pick, or else the words of the default badge. The template is
// written at the end of w's buffer and taken back.
func statusWords(w markup.Writer, s, words string) string {
	start := w.Len()
	statusBlock.Put(w, s)
	text := search.PlainText(string(w.Bytes()[start:]))
	w.Truncate(start)
	if text == "" {
		return words
	}
	return text
}

// groupHTML writes the "group-content" component (layout.go): an owner's or
// a tag's documents, by kind.
func groupHTML(pg *Page, groups []KindGroup) (template.HTML, error) {
	buf := pg.bufs().Get()
	w := pg.writer(buf)
	w.Raw("\n<p class=\"kind-label\"><a href=\"")
	w.URL(pg.Rel(pg.Section))
	w.Raw("/\">")
	w.Text(generator.Humanize(pg.Section))
	w.Raw("</a></p>\n<h1>")
	w.Text(pg.Title)
	w.Raw("</h1>\n<p class=\"lede\">")
	w.Int(len(pg.Docs))
	if len(pg.Docs) == 1 {
		w.Raw(" document.</p>")
	} else {
		w.Raw(" documents.</p>")
	}
	for _, g := range groups {
		w.Raw("\n<section>\n<h2>")
		w.Text(g.Kind.Plural)
		w.Raw("</h2>\n")
		docListBlock.Put(w, DocListData{Page: pg, Docs: g.Docs})
		w.Raw("\n</section>")
	}
	w.Raw("\n")
	return pg.lend(buf), nil
}

// DocListData is what the "doclist" component receives: documents, listed on
// Page.
type DocListData struct {
	Page *Page
	Docs []*generator.Document
}

// docListBlock is the "doclist" component: documents as "docitem"s.
var docListBlock = markup.New[DocListData]("doclist", writeDocList)

func writeDocList(w markup.Writer, d DocListData) {
	w.Raw("\n<ul class=\"doclist\">")
	for _, doc := range d.Docs {
		w.Raw("\n  <li>")
		if err := d.Page.writeDocFragment(w, docItemBlock, doc); err != nil {
			w.Fail(err)
			return
		}
		w.Raw("</li>")
	}
	w.Raw("\n</ul>\n")
}
