package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"html/template"
)

// DocumentHTML writes the default theme's page.html content block for the page's
// document: header, details, body, field tables, the views' panels and the
// relations.
func (pg *Page) DocumentHTML() (template.HTML, error) {
	d, k := pg.Doc, pg.Kind
	buf := pg.bufs().Get()
	w := pg.writer(buf)
	w.Raw("\n<article class=\"doc doc-")
	w.Text(d.Kind)
	w.Raw("\">\n<header class=\"doc-header\">\n  <p class=\"kind-label\"><a href=\"")
	w.URL(pg.Rel(k.Section))
	w.Raw("/\">")
	w.Text(k.Label)
	w.Raw("</a>")
	if d.Classification != "internal" {
		w.Raw(" · <span class=\"classification\">")
		w.Text(generator.Humanize(d.Classification))
		w.Raw("</span>")
	}
	w.Raw("</p>\n  <h1>")
	w.Text(d.Title)
	w.Raw("</h1>")
	if d.Summary != "" {
		w.Raw("<p class=\"lede\">")
		w.Text(d.Summary)
		w.Raw("</p>")
	}
	w.Raw("\n  <p class=\"doc-meta\">")
	PutStatus(w, d.Status)
	if d.Owner != "" {
		w.Raw(" · Owner: ")
		putOwnerLink(w, pg, d.Owner)
	}
	w.Raw(" · <code>")
	w.Text(d.ID)
	w.Raw("</code></p>\n  ")
	tagsBlock.Put(w, TagsData{Page: pg, Doc: pg.Doc})
	w.Raw("\n</header>\n<div class=\"doc-layout\">\n<aside class=\"doc-side\" aria-label=\"Document details\">")
	pg.writeDetails(w)
	w.Raw("\n</aside>\n<div class=\"doc-main\">\n  <div class=\"body\">")
	w.Raw(string(d.HTML))
	w.Raw("</div>")
	pg.writeTables(w)
	panels, err := pg.Panels()
	if err != nil {
		pg.bufs().Put(buf)
		return "", err
	}
	for _, p := range panels {
		w.Raw("\n  <section class=\"panel\"")
		if !d.Anchors[p.ID] { // else a heading of the body has the id
			w.Raw(" id=\"")
			w.Text(p.ID)
			w.Raw("\"")
		}
		w.Raw(" aria-labelledby=\"")
		w.Text(p.ID)
		w.Raw("-title\">\n    <h2 id=\"")
		w.Text(p.ID)
		w.Raw("-title\">")
		w.Text(p.Title)
		w.Raw("</h2>\n    ")
		w.Raw(string(p.HTML))
		w.Raw("\n  </section>")
	}
	if err := pg.writeRelations(w); err != nil {
		pg.bufs().Put(buf)
		return "", err
	}
	w.Raw("\n</div>\n</div>\n</article>\n")
	return pg.lend(buf), nil
}

// TagsData is what the "tags" component receives: a document's tags, linked
// from Page.
type TagsData struct {
	Page *Page
	Doc  *generator.Document
}

// tagsBlock is the "tags" component: a document's tags, each linked to its page.
var tagsBlock = markup.New[TagsData]("tags", writeTags)

func writeTags(w markup.Writer, d TagsData) {
	pg := d.Page
	if len(d.Doc.Tags) == 0 {
		return
	}
	w.Raw("<ul class=\"tags\" aria-label=\"Tags\">")
	for _, t := range d.Doc.Tags {
		w.Raw("<li><a href=\"")
		w.URL(pg.Rel("tags/"))
		w.URL(pg.Site.groupSlug("tags", t))
		w.Raw("/\">")
		w.Text(t)
		w.Raw("</a></li>")
	}
	w.Raw("</ul>")
}

// writeDetails is the side column: contents and the metadata fields.
func (pg *Page) writeDetails(w markup.Writer) {
	d := pg.Doc
	if len(d.TOC) > 0 {
		w.Raw("\n  <nav class=\"toc\" aria-labelledby=\"toc-title\">\n    <h2 id=\"toc-title\">Contents</h2>\n    <ol>")
		for _, h := range d.TOC {
			w.Raw("<li class=\"toc-")
			w.Int(h.Level)
			w.Raw("\"><a href=\"#")
			w.URLPart(h.ID)
			w.Raw("\">")
			w.Text(h.Text)
			w.Raw("</a></li>")
		}
		w.Raw("</ol>\n  </nav>")
	}
	w.Raw("\n  <section class=\"metadata\" aria-labelledby=\"meta-title\">\n    <h2 id=\"meta-title\">Details</h2>\n    <dl>")
	for _, f := range pg.Fields() {
		w.Raw("\n      <dt>")
		w.Text(f.Label)
		w.Raw("</dt><dd>")
		putValue(w, f.Value)
		w.Raw("</dd>")
	}
	w.Raw("\n    </dl>\n    <p class=\"source\">Source: <code>")
	w.Text(d.Path)
	w.Raw("</code></p>")
	if !d.Changed.IsZero() {
		w.Raw("\n    <p class=\"changed\">Last changed <time datetime=\"")
		w.Date(d.Changed)
		w.Raw("\">")
		w.Date(d.Changed)
		w.Raw("</time></p>")
	}
	if href := pg.Site.config.EditLink(d.Path); href != "" {
		w.Raw("\n    <p class=\"edit\"><a href=\"")
		w.URL(href)
		w.Raw("\">Edit this page</a></p>")
	}
	w.Raw("\n  </section>")
}

// writeTables is the document's list-of-object fields as tables.
func (pg *Page) writeTables(w markup.Writer) {
	for _, t := range pg.Tables() {
		id := generator.Slug(t.Name)
		w.Raw("\n  <section class=\"field-table\" id=\"field-")
		w.Text(id)
		w.Raw("\" aria-labelledby=\"field-")
		w.Text(id)
		w.Raw("-title\">\n    <h2 id=\"field-")
		w.Text(id)
		w.Raw("-title\">")
		w.Text(t.Label)
		w.Raw("</h2>\n    <div class=\"table-scroll\">\n    <table class=\"data\">\n      <thead><tr>")
		for _, c := range t.Columns {
			w.Raw("<th scope=\"col\">")
			w.Text(generator.Humanize(c))
			w.Raw("</th>")
		}
		w.Raw("</tr></thead>\n      <tbody>")
		for _, row := range t.Rows {
			w.Raw("<tr>")
			for _, v := range row {
				w.Raw("<td>")
				putValue(w, v)
				w.Raw("</td>")
			}
			w.Raw("</tr>")
		}
		w.Raw("</tbody>\n    </table>\n    </div>\n  </section>")
	}
}

// writeRelations is the references and backlinks section.
func (pg *Page) writeRelations(w markup.Writer) error {
	w.Raw("\n  <section class=\"relations\" aria-labelledby=\"rel-title\">\n    <h2 id=\"rel-title\">Relations</h2>")
	rel, back := pg.Doc.Relations(), pg.Doc.Referenced()
	if len(rel) == 0 && len(back) == 0 {
		w.Raw("\n    <p>This document neither references nor is referenced by another document.</p>\n  </section>")
		return nil
	}
	w.Raw("\n    <div class=\"relations-grid\">")
	for _, g := range []struct {
		heading string
		groups  []generator.RefGroup
		back    bool
	}{{"References", rel, false}, {"Referenced by", back, true}} {
		if len(g.groups) == 0 {
			continue
		}
		w.Raw("\n      <div><h3>")
		w.Raw(g.heading)
		w.Raw("</h3>")
		if err := pg.writeRefList(w, g.groups, g.back); err != nil {
			return err
		}
		w.Raw("\n      </div>")
	}
	w.Raw("\n    </div>\n  </section>")
	return nil
}

// valueBlock is the "value" component: a link, text, nested rows or a list.
var valueBlock = markup.New[ValueView]("value", writeValue)

func putValue(w markup.Writer, v ValueView) { valueBlock.Put(w, v) }

// writeValue writes nested values itself: a theme's "value" template, if any,
// recurses by its own {{template "value"}}.
func writeValue(w markup.Writer, v ValueView) {
	switch {
	case v.Href != "":
		w.Link(v.Href, v.Text)
	case v.Text != "":
		w.Text(v.Text)
	case v.Rows != nil:
		w.Raw("<dl class=\"nested\">")
		for _, r := range v.Rows {
			w.Raw("<dt>")
			w.Text(r.Label)
			w.Raw("</dt><dd>")
			writeValue(w, r.Value)
			w.Raw("</dd>")
		}
		w.Raw("</dl>")
	case len(v.Items) > 0:
		w.Raw("<ul class=\"values\">")
		for _, it := range v.Items {
			w.Raw("<li>")
			writeValue(w, it)
			w.Raw("</li>")
		}
		w.Raw("</ul>")
	}
}

// statusBlock is the "status" component: a status badge.
var statusBlock = markup.New[string]("status", WriteStatus)

func PutStatus(w markup.Writer, s string) { statusBlock.Put(w, s) }

func WriteStatus(w markup.Writer, s string) {
	if s == "" {
		return
	}
	w.Raw("<span class=\"status status-")
	w.Text(generator.Slug(s))
	w.Raw("\"><span class=\"status-dot\" aria-hidden=\"true\"></span>")
	w.Text(generator.Humanize(s))
	w.Raw("</span>")
}
