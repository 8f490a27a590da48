package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
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
	doc     *generator.Document
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
	Doc  *generator.Document
	Kind *generator.Kind
}

var (
	// menuBlock is the "menu" component: the site menu's items.
	menuBlock = markup.New[MenuData]("menu", writeMenu)
	// docLinkBlock is the "doclink" component: a link to a document and its kind.
	docLinkBlock = markup.New[DocLinkData]("doclink", writeDocLink)
	// docItemBlock is the "docitem" component: a document in a list, with its
	// status and summary.
	docItemBlock = markup.New[DocLinkData]("docitem", writeDocItem)
)

// Rel returns the link from the page to a site-relative URL.
func (d DocLinkData) Rel(url string) string { return d.Root + url }

// MenuHTML renders the menu of this page (the "menu" component).
func (pg *Page) MenuHTML() (template.HTML, error) {
	return fragment(pg, menuBlock, fragmentKey{name: "menu", root: pg.Root, section: pg.Section},
		MenuData{Root: pg.Root, Section: pg.Section, Menu: pg.Site.Menu})
}

// DocLink renders a link from this page to d (the "doclink" component).
func (pg *Page) DocLink(d *generator.Document) (template.HTML, error) {
	return fragment(pg, docLinkBlock, fragmentKey{name: "doclink", root: pg.Root, doc: d}, pg.docLinkData(d))
}

// DocItem renders d as an item of a document list on this page (the "docitem"
// component).
func (pg *Page) DocItem(d *generator.Document) (template.HTML, error) {
	return fragment(pg, docItemBlock, fragmentKey{name: "docitem", root: pg.Root, doc: d}, pg.docLinkData(d))
}

func (pg *Page) docLinkData(d *generator.Document) DocLinkData {
	data := DocLinkData{Root: pg.Root, Doc: d}
	if pg.renderer != nil {
		data.Kind = pg.renderer.p.Schema.Kinds[d.Kind]
	}
	return data
}

// fragment renders a fragment component once per key and reuses it.
func fragment[T any](pg *Page, c *markup.Component[T], key fragmentKey, data T) (template.HTML, error) {
	r := pg.renderer
	if v, ok := r.fragments.Load(key); ok {
		return v.(template.HTML), nil
	}
	buf := r.bufs.Get()
	w := pg.writer(buf)
	err := w.Err()
	c.Put(w, data)
	if w.Err() != err {
		err = w.Err()
		r.bufs.Put(buf)
		return "", err
	}
	html := r.bufs.HTML(buf)
	r.fragments.Store(key, html)
	return html, nil
}

// RefListHTML writes a document's references (or, with back, its backlinks) for
// this page: a heading per relation and the documents as the theme's "doclink"
// fragment. A blueprint is referenced by dozens of documents on each of
// thousands of pages, and the template loop made a reflective call per link.
func (pg *Page) RefListHTML(groups []generator.RefGroup, back bool) (template.HTML, error) {
	buf := pg.bufs().Get()
	if err := pg.writeRefList(pg.writer(buf), groups, back); err != nil {
		pg.bufs().Put(buf)
		return "", err
	}
	return pg.lend(buf), nil
}

func (pg *Page) writeRefList(w markup.Writer, groups []generator.RefGroup, back bool) error {
	for _, g := range groups {
		w.Raw("<h4>")
		w.Text(generator.Humanize(g.Name))
		w.Raw("</h4><ul>")
		for _, r := range g.Refs {
			d := r.To
			if back {
				d = r.From
			}
			w.Raw("<li>")
			if d == nil { // a reference the audience may not follow
				w.Raw("<em>" + generator.RestrictedReference + "</em>")
				w.Raw("</li>")
				continue
			}
			if err := pg.writeDocFragment(w, docLinkBlock, d); err != nil {
				return err
			}
			w.Raw("</li>")
		}
		w.Raw("</ul>")
	}
	return nil
}

// writeDocFragment writes the "doclink" or "docitem" component for d: the Go
// writer, or the theme's template rendered once per page depth.
func (pg *Page) writeDocFragment(w markup.Writer, c *markup.Component[DocLinkData], d *generator.Document) error {
	if !c.Overridden(w) {
		c.Write(w, pg.docLinkData(d))
		return nil
	}
	html, err := fragment(pg, c, fragmentKey{name: c.Name, root: pg.Root, doc: d}, pg.docLinkData(d))
	if err != nil {
		return err
	}
	w.Raw(string(html))
	return nil
}

func writeMenu(w markup.Writer, m MenuData) {
	for _, it := range m.Menu {
		w.Raw("\n      <li><a href=\"")
		w.URL(m.Root)
		w.URLRest(it.URL)
		w.Raw("\"")
		if it.Section == m.Section {
			w.Raw(" aria-current=\"page\"")
		}
		w.Raw(">")
		w.Text(it.Label)
		w.Raw("</a></li>")
	}
}

func writeDocLink(w markup.Writer, d DocLinkData) {
	if d.Kind == nil {
		w.Fail(fmt.Errorf("doclink: %s has an unknown kind %q", d.Doc.ID, d.Doc.Kind))
		return
	}
	w.Link(d.Rel(d.Doc.URL), d.Doc.Title)
	w.Raw(" <span class=\"kind-tag\">")
	w.Text(d.Kind.Label)
	w.Raw("</span>")
}

func writeDocItem(w markup.Writer, d DocLinkData) {
	w.Link(d.Rel(d.Doc.URL), d.Doc.Title)
	w.Raw(" ")
	PutStatus(w, d.Doc.Status)
	if d.Doc.Summary != "" {
		w.Raw("<span class=\"summary\">")
		w.Text(d.Doc.Summary)
		w.Raw("</span>")
	}
}

// writer returns a writer into buf with the page's overrides and error.
func (pg *Page) writer(buf *bytes.Buffer) markup.Writer {
	if pg.env == nil {
		var ov markup.Overrides
		if pg.renderer != nil {
			ov = pg.renderer.th.ov
		}
		pg.env = markup.NewEnv(ov)
	}
	return markup.NewWriter(buf, pg.env)
}

// bufs is the run's buffer pool, or nil (new buffers) outside a render.
func (pg *Page) bufs() *markup.Pool {
	if pg.renderer == nil {
		return nil
	}
	return pg.renderer.bufs
}
