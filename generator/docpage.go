package generator

import "html/template"

// DocumentHTML writes the default theme's page.html content block for the page's
// document: header, details, body, field tables, the views' panels and the
// relations.
func (pg *Page) DocumentHTML() (template.HTML, error) {
	d, k := pg.Doc, pg.Kind
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<article class=\"doc doc-")
	w.text(d.Kind)
	w.raw("\">\n<header class=\"doc-header\">\n  <p class=\"kind-label\"><a href=\"")
	w.url(pg.Rel(k.Section))
	w.raw("/\">")
	w.text(k.Label)
	w.raw("</a>")
	if d.Classification != "internal" {
		w.raw(" · <span class=\"classification\">")
		w.text(Humanize(d.Classification))
		w.raw("</span>")
	}
	w.raw("</p>\n  <h1>")
	w.text(d.Title)
	w.raw("</h1>")
	if d.Summary != "" {
		w.raw("<p class=\"lede\">")
		w.text(d.Summary)
		w.raw("</p>")
	}
	w.raw("\n  <p class=\"doc-meta\">")
	w.status(d.Status)
	if d.Owner != "" {
		w.raw(" · Owner: ")
		w.ownerLink(pg, d.Owner)
	}
	w.raw(" · <code>")
	w.text(d.ID)
	w.raw("</code></p>\n  ")
	tagsBlock.put(w, TagsData{Page: pg, Doc: pg.Doc})
	w.raw("\n</header>\n<div class=\"doc-layout\">\n<aside class=\"doc-side\" aria-label=\"Document details\">")
	pg.writeDetails(w)
	w.raw("\n</aside>\n<div class=\"doc-main\">\n  <div class=\"body\">")
	w.raw(string(d.HTML))
	w.raw("</div>")
	pg.writeTables(w)
	panels, err := pg.Panels()
	if err != nil {
		pg.bufs().put(buf)
		return "", err
	}
	for _, p := range panels {
		w.raw("\n  <section class=\"panel\" id=\"")
		w.text(p.ID)
		w.raw("\" aria-labelledby=\"")
		w.text(p.ID)
		w.raw("-title\">\n    <h2 id=\"")
		w.text(p.ID)
		w.raw("-title\">")
		w.text(p.Title)
		w.raw("</h2>\n    ")
		w.raw(string(p.HTML))
		w.raw("\n  </section>")
	}
	if err := pg.writeRelations(w); err != nil {
		pg.bufs().put(buf)
		return "", err
	}
	w.raw("\n</div>\n</div>\n</article>\n")
	return pg.lend(buf), nil
}

// TagsData is what the "tags" component receives: a document's tags, linked
// from Page.
type TagsData struct {
	Page *Page
	Doc  *Document
}

// tagsBlock is the "tags" component: a document's tags, each linked to its page.
var tagsBlock = Component[TagsData]{Name: "tags", slot: slotTags, write: writeTags}

func writeTags(w htmlWriter, d TagsData) {
	pg := d.Page
	if len(d.Doc.Tags) == 0 {
		return
	}
	w.raw("<ul class=\"tags\" aria-label=\"Tags\">")
	for _, t := range d.Doc.Tags {
		w.raw("<li><a href=\"")
		w.url(pg.Rel("tags/"))
		w.url(pg.Site.groupSlug("tags", t))
		w.raw("/\">")
		w.text(t)
		w.raw("</a></li>")
	}
	w.raw("</ul>")
}

// writeDetails is the side column: contents and the metadata fields.
func (pg *Page) writeDetails(w htmlWriter) {
	d := pg.Doc
	if len(d.TOC) > 0 {
		w.raw("\n  <nav class=\"toc\" aria-labelledby=\"toc-title\">\n    <h2 id=\"toc-title\">Contents</h2>\n    <ol>")
		for _, h := range d.TOC {
			w.raw("<li class=\"toc-")
			w.int(h.Level)
			w.raw("\"><a href=\"#")
			w.urlPart(h.ID)
			w.raw("\">")
			w.text(h.Text)
			w.raw("</a></li>")
		}
		w.raw("</ol>\n  </nav>")
	}
	w.raw("\n  <section class=\"metadata\" aria-labelledby=\"meta-title\">\n    <h2 id=\"meta-title\">Details</h2>\n    <dl>")
	for _, f := range pg.Fields() {
		w.raw("\n      <dt>")
		w.text(f.Label)
		w.raw("</dt><dd>")
		w.value(f.Value)
		w.raw("</dd>")
	}
	w.raw("\n    </dl>\n    <p class=\"source\">Source: <code>")
	w.text(d.Path)
	w.raw("</code></p>\n  </section>")
}

// writeTables is the document's list-of-object fields as tables.
func (pg *Page) writeTables(w htmlWriter) {
	for _, t := range pg.Tables() {
		id := slugify(t.Name)
		w.raw("\n  <section class=\"field-table\" id=\"field-")
		w.text(id)
		w.raw("\" aria-labelledby=\"field-")
		w.text(id)
		w.raw("-title\">\n    <h2 id=\"field-")
		w.text(id)
		w.raw("-title\">")
		w.text(t.Label)
		w.raw("</h2>\n    <div class=\"table-scroll\">\n    <table class=\"data\">\n      <thead><tr>")
		for _, c := range t.Columns {
			w.raw("<th scope=\"col\">")
			w.text(Humanize(c))
			w.raw("</th>")
		}
		w.raw("</tr></thead>\n      <tbody>")
		for _, row := range t.Rows {
			w.raw("<tr>")
			for _, v := range row {
				w.raw("<td>")
				w.value(v)
				w.raw("</td>")
			}
			w.raw("</tr>")
		}
		w.raw("</tbody>\n    </table>\n    </div>\n  </section>")
	}
}

// writeRelations is the references and backlinks section.
func (pg *Page) writeRelations(w htmlWriter) error {
	w.raw("\n  <section class=\"relations\" aria-labelledby=\"rel-title\">\n    <h2 id=\"rel-title\">Relations</h2>")
	rel, back := pg.Doc.Relations(), pg.Doc.Referenced()
	if len(rel) == 0 && len(back) == 0 {
		w.raw("\n    <p>This document neither references nor is referenced by another document.</p>\n  </section>")
		return nil
	}
	w.raw("\n    <div class=\"relations-grid\">")
	for _, g := range []struct {
		heading string
		groups  []RefGroup
		back    bool
	}{{"References", rel, false}, {"Referenced by", back, true}} {
		if len(g.groups) == 0 {
			continue
		}
		w.raw("\n      <div><h3>")
		w.raw(g.heading)
		w.raw("</h3>")
		if err := pg.writeRefList(w, g.groups, g.back); err != nil {
			return err
		}
		w.raw("\n      </div>")
	}
	w.raw("\n    </div>\n  </section>")
	return nil
}

// valueBlock is the "value" component: a link, text, nested rows or a list.
var valueBlock = Component[ValueView]{Name: "value", slot: slotValue, write: writeValue}

func (w htmlWriter) value(v ValueView) { valueBlock.put(w, v) }

// writeValue writes nested values itself: a theme's "value" template, if any,
// recurses by its own {{template "value"}}.
func writeValue(w htmlWriter, v ValueView) {
	switch {
	case v.Href != "":
		w.link(v.Href, v.Text)
	case v.Text != "":
		w.text(v.Text)
	case v.Rows != nil:
		w.raw("<dl class=\"nested\">")
		for _, r := range v.Rows {
			w.raw("<dt>")
			w.text(r.Label)
			w.raw("</dt><dd>")
			writeValue(w, r.Value)
			w.raw("</dd>")
		}
		w.raw("</dl>")
	case len(v.Items) > 0:
		w.raw("<ul class=\"values\">")
		for _, it := range v.Items {
			w.raw("<li>")
			writeValue(w, it)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
}

// statusBlock is the "status" component: a status badge.
var statusBlock = Component[string]{Name: "status", slot: slotStatus, write: writeStatus}

func (w htmlWriter) status(s string) { statusBlock.put(w, s) }

func writeStatus(w htmlWriter, s string) {
	if s == "" {
		return
	}
	w.raw("<span class=\"status status-")
	w.text(slugify(s))
	w.raw("\"><span class=\"status-dot\" aria-hidden=\"true\"></span>")
	w.text(Humanize(s))
	w.raw("</span>")
}
