package generator

import (
	"bytes"
	"fmt"
	"html/template"
)

// Fragments are the components that come out the same on many pages — the
// menu, a link to a document with its kind, a document in a list. Written in Go
// they cost little; a theme's template for one of them is rendered once per
// page depth and reused, so a standard linked from hundreds of blueprints is
// rendered as a link once, not hundreds of times. Each receives only what its
// cache key holds.

// fragmentKey is everything a fragment's output depends on.
type fragmentKey struct {
	name    string
	root    string
	section string
	doc     *Document
}

// MenuData is what the "menu" component receives.
type MenuData struct {
	Root    string // the relative path from the page to the site root
	Section string // the page's menu section, marked aria-current
	Menu    []MenuItem
}

// DocLinkData is what the "doclink" and "docitem" components receive: a
// document, of kind Kind, to be linked from a page at Root.
type DocLinkData struct {
	Root string
	Doc  *Document
	Kind *Kind
}

var (
	// menuBlock is the "menu" component: the site menu's items.
	menuBlock = Component[MenuData]{Name: "menu", slot: slotMenu, write: writeMenu}
	// docLinkBlock is the "doclink" component: a link to a document and its kind.
	docLinkBlock = Component[DocLinkData]{Name: "doclink", slot: slotDocLink, write: writeDocLink}
	// docItemBlock is the "docitem" component: a document in a list, with its
	// status and summary.
	docItemBlock = Component[DocLinkData]{Name: "docitem", slot: slotDocItem, write: writeDocItem}
)

// Rel returns the link from the page to a site-relative URL.
func (d DocLinkData) Rel(url string) string { return d.Root + url }

// MenuHTML renders the menu of this page (the "menu" component).
func (pg *Page) MenuHTML() (template.HTML, error) {
	return fragment(pg, &menuBlock, fragmentKey{name: "menu", root: pg.Root, section: pg.Section},
		MenuData{Root: pg.Root, Section: pg.Section, Menu: pg.Site.Menu})
}

// DocLink renders a link from this page to d (the "doclink" component).
func (pg *Page) DocLink(d *Document) (template.HTML, error) {
	return fragment(pg, &docLinkBlock, fragmentKey{name: "doclink", root: pg.Root, doc: d}, pg.docLinkData(d))
}

// DocItem renders d as an item of a document list on this page (the "docitem"
// component).
func (pg *Page) DocItem(d *Document) (template.HTML, error) {
	return fragment(pg, &docItemBlock, fragmentKey{name: "docitem", root: pg.Root, doc: d}, pg.docLinkData(d))
}

func (pg *Page) docLinkData(d *Document) DocLinkData {
	data := DocLinkData{Root: pg.Root, Doc: d}
	if pg.renderer != nil {
		data.Kind = pg.renderer.p.Schema.Kinds[d.Kind]
	}
	return data
}

// fragment renders a fragment component once per key and reuses it.
func fragment[T any](pg *Page, c *Component[T], key fragmentKey, data T) (template.HTML, error) {
	r := pg.renderer
	if v, ok := r.fragments.Load(key); ok {
		return v.(template.HTML), nil
	}
	buf := r.bufs.get()
	w := pg.writer(buf)
	err := w.env.err
	c.put(w, data)
	if w.env.err != err {
		err = w.env.err
		r.bufs.put(buf)
		return "", err
	}
	html := r.bufs.html(buf)
	r.fragments.Store(key, html)
	return html, nil
}

// RefListHTML writes a document's references (or, with back, its backlinks) for
// this page: a heading per relation and the documents as the theme's "doclink"
// fragment. A blueprint is referenced by dozens of documents on each of
// thousands of pages, and the template loop made a reflective call per link.
func (pg *Page) RefListHTML(groups []RefGroup, back bool) (template.HTML, error) {
	buf := pg.bufs().get()
	if err := pg.writeRefList(pg.writer(buf), groups, back); err != nil {
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
			if err := pg.writeDocFragment(w, &docLinkBlock, d); err != nil {
				return err
			}
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	return nil
}

// writeDocFragment writes the "doclink" or "docitem" component for d: the Go
// writer, or the theme's template rendered once per page depth.
func (pg *Page) writeDocFragment(w htmlWriter, c *Component[DocLinkData], d *Document) error {
	if !c.overridden(w) {
		c.write(w, pg.docLinkData(d))
		return nil
	}
	html, err := fragment(pg, c, fragmentKey{name: c.Name, root: pg.Root, doc: d}, pg.docLinkData(d))
	if err != nil {
		return err
	}
	w.raw(string(html))
	return nil
}

func writeMenu(w htmlWriter, m MenuData) {
	for _, it := range m.Menu {
		w.raw("\n      <li><a href=\"")
		w.url(m.Root)
		w.urlBytes(it.URL, true)
		w.raw("\"")
		if it.Section == m.Section {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		w.text(it.Label)
		w.raw("</a></li>")
	}
}

func writeDocLink(w htmlWriter, d DocLinkData) {
	if d.Kind == nil {
		w.fail(fmt.Errorf("doclink: %s has an unknown kind %q", d.Doc.ID, d.Doc.Kind))
		return
	}
	w.link(d.Rel(d.Doc.URL), d.Doc.Title)
	w.raw(" <span class=\"kind-tag\">")
	w.text(d.Kind.Label)
	w.raw("</span>")
}

func writeDocItem(w htmlWriter, d DocLinkData) {
	w.link(d.Rel(d.Doc.URL), d.Doc.Title)
	w.raw(" ")
	w.status(d.Doc.Status)
	if d.Doc.Summary != "" {
		w.raw("<span class=\"summary\">")
		w.text(d.Doc.Summary)
		w.raw("</span>")
	}
}

// writer returns a writer into buf with the page's overrides and error.
func (pg *Page) writer(buf *bytes.Buffer) htmlWriter {
	if pg.env == nil {
		pg.env = &writeEnv{ov: new(overrides)}
		if pg.renderer != nil {
			pg.env.ov = pg.renderer.th.ov
		}
	}
	return htmlWriter{buf, pg.env}
}

// bufs is the run's buffer pool, or nil (new buffers) outside a render.
func (pg *Page) bufs() *bufferPool {
	if pg.renderer == nil {
		return nil
	}
	return pg.renderer.bufs
}
