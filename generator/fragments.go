package generator

import (
	"html/template"
)

// Fragments are the parts of pages that come out the same on many pages — the
// menu, a link to a document with its kind, a document in a list — rendered once
// per page depth by a theme template ("menu", "doclink", "docitem" in
// layouts/_fragments.html) and reused. A
// standard linked from hundreds of blueprints is rendered as a link once, not
// hundreds of times. Each template receives only what its cache key holds.

// fragmentKey is everything a fragment's output depends on.
type fragmentKey struct {
	name    string
	root    string
	section string
	doc     *Document
}

// MenuData is what the theme's "menu" template receives.
type MenuData struct {
	Root    string // the relative path from the page to the site root
	Section string // the page's menu section, marked aria-current
	Menu    []MenuItem
}

// DocLinkData is what the theme's "doclink" template receives: a document, to be
// linked from a page at Root.
type DocLinkData struct {
	Root string
	Doc  *Document
}

// Rel returns the link from the page to a site-relative URL.
func (d DocLinkData) Rel(url string) string { return d.Root + url }

// MenuHTML renders the menu of this page with the theme's "menu" template.
func (pg *Page) MenuHTML() (template.HTML, error) {
	return pg.fragment(fragmentKey{name: "menu", root: pg.Root, section: pg.Section},
		MenuData{Root: pg.Root, Section: pg.Section, Menu: pg.Site.Menu})
}

// DocLink renders a link from this page to d with the theme's "doclink" template.
func (pg *Page) DocLink(d *Document) (template.HTML, error) {
	return pg.fragment(fragmentKey{name: "doclink", root: pg.Root, doc: d}, DocLinkData{Root: pg.Root, Doc: d})
}

// DocItem renders d as an item of a document list on this page, with the theme's
// "docitem" template.
func (pg *Page) DocItem(d *Document) (template.HTML, error) {
	return pg.fragment(fragmentKey{name: "docitem", root: pg.Root, doc: d}, DocLinkData{Root: pg.Root, Doc: d})
}

func (pg *Page) fragment(key fragmentKey, data any) (template.HTML, error) {
	r := pg.renderer
	if v, ok := r.fragments.Load(key); ok {
		return v.(template.HTML), nil
	}
	buf := r.bufs.get()
	if write := r.th.fastFragments[key.name]; key.doc == nil || write == nil || !write(pg, htmlWriter{buf}, key.doc) {
		buf.Reset()
		if err := r.th.pages["page.html"].ExecuteTemplate(buf, key.name, data); err != nil {
			r.bufs.put(buf)
			return "", err
		}
	}
	html := r.bufs.html(buf) // html/template escaped it
	r.fragments.Store(key, html)
	return html, nil
}

// RefListHTML writes a document's references (or, with back, its backlinks) for
// this page: a heading per relation and the documents as the theme's "doclink"
// fragment. A blueprint is referenced by dozens of documents on each of
// thousands of pages, and the template loop made a reflective call per link.
func (pg *Page) RefListHTML(groups []RefGroup, back bool) (template.HTML, error) {
	buf := pg.bufs().get()
	if err := pg.writeRefList(htmlWriter{buf}, groups, back); err != nil {
		pg.bufs().put(buf)
		return "", err
	}
	return pg.lend(buf), nil
}

func (pg *Page) writeRefList(w htmlWriter, groups []RefGroup, back bool) error {
	for _, g := range groups {
		w.raw("<h4>")
		w.text(Humanize(g.Name))
		w.raw("</h4><ul>")
		for _, r := range g.Refs {
			d := r.To
			if back {
				d = r.From
			}
			w.raw("<li>")
			if err := pg.writeDocFragment(w, "doclink", d); err != nil {
				return err
			}
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	return nil
}

// writeDocFragment writes the "doclink" or "docitem" fragment for d: in Go when
// the theme's template is the default's (fastFragments), else the cached
// template output.
func (pg *Page) writeDocFragment(w htmlWriter, name string, d *Document) error {
	if write := pg.renderer.th.fastFragments[name]; write != nil && write(pg, w, d) {
		return nil
	}
	html, err := pg.fragment(fragmentKey{name: name, root: pg.Root, doc: d}, DocLinkData{Root: pg.Root, Doc: d})
	if err != nil {
		return err
	}
	w.raw(string(html))
	return nil
}

// writeDocLink is the default theme's "doclink" fragment; false when d's kind
// is unknown (the template reports that).
func writeDocLink(pg *Page, w htmlWriter, d *Document) bool {
	k := pg.renderer.p.Schema.Kinds[d.Kind]
	if k == nil {
		return false
	}
	w.link(pg.Rel(d.URL), d.Title)
	w.raw(" <span class=\"kind-tag\">")
	w.text(k.Label)
	w.raw("</span>")
	return true
}

// writeDocItem is the default theme's "docitem" fragment.
func writeDocItem(pg *Page, w htmlWriter, d *Document) bool {
	w.link(pg.Rel(d.URL), d.Title)
	w.raw(" ")
	w.status(d.Status)
	if d.Summary != "" {
		w.raw("<span class=\"summary\">")
		w.text(d.Summary)
		w.raw("</span>")
	}
	return true
}

// bufs is the run's buffer pool, or nil (new buffers) outside a render.
func (pg *Page) bufs() *bufferPool {
	if pg.renderer == nil {
		return nil
	}
	return pg.renderer.bufs
}
