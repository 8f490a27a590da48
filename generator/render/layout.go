package render

import (
	"archfolio/generator/markup"
	"bytes"
	"errors"
	"html/template"
)

// Pages: the "base" component writes every page, in Go, around the page's
// content, which is a component for the layouts that make most of a large
// site's pages (a document page is 10,000 of 13,000 pages at 10,000
// documents) and the layout's "content" template for the others (the home
// page, the roadmap, search, ...). A layout file's "head" and
// "scripts" templates, when it defines them, go at the end of the head and
// the body.

// The content components of the pages the generator makes itself; a view's
// pages name their own (Content). A theme replaces one by defining a template
// of its name, or a layout's whole content by a layout file of its own that
// defines "content".
var (
	documentContent = markup.New[*Page]("page-content", func(w markup.Writer, pg *Page) {
		html, err := pg.DocumentHTML()
		if err != nil {
			w.Fail(err)
			return
		}
		w.Raw(string(html))
	})
	kindContent  = markup.New[PageData[KindIndex]]("kind-content", ContentWriter(kindHTML))
	groupContent = markup.New[PageData[[]KindGroup]]("group-content", ContentWriter(groupHTML))

	// baseBlock is the "base" component: the page around its content.
	baseBlock = markup.New[*Page]("base", writeBase)
)

// ContentWriter adapts a function writing a page's content to a content
// component's writer.
func ContentWriter[T any](content func(pg *Page, data T) (template.HTML, error)) func(markup.Writer, PageData[T]) {
	return func(w markup.Writer, d PageData[T]) {
		html, err := content(d.Page, d.Data)
		if err != nil {
			w.Fail(err)
			return
		}
		w.Raw(string(html))
	}
}

// pageLayout is a layout file's part in its pages, resolved once per theme:
// the "content" template its own file defines (which replaces the page's
// content component), a "content" template from elsewhere (used when the page
// has no component), and its "head" and "scripts" templates (nil when it has
// none).
type pageLayout struct {
	own, inherited, head, scripts *template.Template
}

// resolveLayout finds what the layout file of set (named layout) defines.
func resolveLayout(layout string, set *template.Template) *pageLayout {
	pl := &pageLayout{head: defined(set, "head"), scripts: defined(set, "scripts")}
	// The layout's own file decides: a "content" from elsewhere (a theme's
	// old base.html with its empty block) does not replace the component.
	if t := defined(set, "content"); t != nil && t.Tree.ParseName == layout {
		pl.own = t
	} else {
		pl.inherited = t
	}
	return pl
}

// defined returns set's template name, or nil when it has none.
func defined(set *template.Template, name string) *template.Template {
	if t := set.Lookup(name); t != nil && t.Tree != nil {
		return t
	}
	return nil
}

// execute writes a page with layout: the base component around the layout's
// content.
func (th *theme) execute(buf *bytes.Buffer, layout string, pg *Page) error {
	pl := th.layouts[layout]
	if pl == nil {
		return errors.New("theme: no layout " + layout)
	}
	pg.layout = pl
	w := pg.writer(buf)
	baseBlock.Put(w, pg)
	return w.Err()
}

// writeBase is the default page around its content.
func writeBase(w markup.Writer, pg *Page) {
	w.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if pg.Title != "" && pg.Title != pg.Site.Title {
		w.Text(pg.Title)
		w.Raw(" · ")
	}
	w.Text(pg.Site.Title)
	w.Raw("</title>\n<script src=\"")
	w.URL(pg.Root)
	w.Raw("assets/theme.js\"></script>")
	if pg.Site.BaseURL != "" && !pg.elsewhere {
		w.Raw("\n<link rel=\"canonical\" href=\"")
		w.URL(pg.Site.BaseURL)
		w.URL(pg.URL)
		w.Raw("\">")
	}
	w.Raw("\n<meta name=\"generator\" content=\"archfolio\">\n<link rel=\"icon\" href=\"")
	w.URL(pg.Root)
	w.Raw("assets/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"")
	w.URL(pg.Root)
	w.Raw("assets/style.css\">\n<link rel=\"stylesheet\" href=\"")
	w.URL(pg.Root)
	w.Raw("assets/chroma.css\">")
	pg.writeBlock(w, "head")
	w.Raw("\n</head>\n<body data-root=\"")
	w.Text(pg.Root)
	w.Raw("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n  <a class=\"site-title\" href=\"")
	w.URL(pg.Root)
	w.Raw("\">")
	w.Text(pg.Site.Title)
	w.Raw("</a>\n  <nav aria-label=\"Main\">\n    <ul class=\"menu\">")
	menu, err := pg.MenuHTML()
	if err != nil {
		w.Fail(err)
	}
	w.Raw(string(menu))
	w.Raw("\n    </ul>\n  </nav>")
	if pg.URL != "search/" { // the search page's own form is its one search landmark
		w.Raw("\n  <form class=\"quick-search\" role=\"search\" action=\"")
		w.URL(pg.Root)
		w.Raw("search/\" method=\"get\">\n    <label for=\"q\" class=\"visually-hidden\">Search documents</label>\n    <input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search…\" autocomplete=\"off\">\n  </form>")
	}
	w.Raw("\n  <button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\" hidden>Dark theme</button>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
	pg.writeContent(w)
	w.Raw("\n</main>\n<footer class=\"site-footer\">\n  <p>")
	w.Text(pg.Site.Title)
	w.Raw(" · generated by archfolio · as of ")
	w.Date(pg.Site.Today)
	w.Raw("</p>\n</footer>\n<script src=\"")
	w.URL(pg.Root)
	w.Raw("assets/site.js\"></script>")
	if pg.drawsDiagrams() {
		w.Raw("\n<script src=\"")
		w.URL(pg.Root)
		w.Raw("assets/vendor/mermaid/mermaid.min.js\"></script>\n<script src=\"")
		w.URL(pg.Root)
		w.Raw("assets/diagrams.js\"></script>")
	}
	pg.writeBlock(w, "scripts")
	w.Raw("\n</body>\n</html>\n")
}

// writeContent writes the page's content: the "content" template of its
// layout's own file, else the content component its job names, else the
// "content" template the layout inherits.
func (pg *Page) writeContent(w markup.Writer) {
	switch {
	case pg.layout != nil && pg.layout.own != nil:
		pg.writeBlock(w, "content")
	case pg.content != nil:
		pg.content(pg, w)
	default:
		pg.writeBlock(w, "content")
	}
}

// writeBlock runs the layout's template name ("head", "scripts", "content"),
// if it defines it.
func (pg *Page) writeBlock(w markup.Writer, name string) {
	if pg.layout == nil {
		return
	}
	var t *template.Template
	switch name {
	case "head":
		t = pg.layout.head
	case "scripts":
		t = pg.layout.scripts
	case "content":
		if t = pg.layout.own; t == nil {
			t = pg.layout.inherited
		}
	}
	if t != nil {
		if err := t.Execute(w.Buffer, pg); err != nil {
			w.Fail(err)
		}
	}
}

// ContentHTML, HeadHTML and ScriptsHTML are the parts of the page a theme's
// "base" template places: the content (component or template), and the
// layout's "head" and "scripts" templates.
func (pg *Page) ContentHTML() template.HTML { return pg.part(pg.writeContent) }

// HeadHTML is the layout's "head" template's output, or "".
func (pg *Page) HeadHTML() template.HTML {
	return pg.part(func(w markup.Writer) { pg.writeBlock(w, "head") })
}

// ScriptsHTML is the layout's "scripts" template's output, or "".
func (pg *Page) ScriptsHTML() template.HTML {
	return pg.part(func(w markup.Writer) { pg.writeBlock(w, "scripts") })
}

func (pg *Page) part(write func(markup.Writer)) template.HTML {
	buf := pg.bufs().Get()
	write(pg.writer(buf))
	return pg.lend(buf)
}

// drawsDiagrams reports whether the page is a document's page whose body has a
// mermaid block: only such a page loads mermaid (5 MB) and the script that
// draws its blocks.
func (pg *Page) drawsDiagrams() bool {
	return pg.Doc != nil && pg.URL == pg.Doc.URL && pg.Doc.Diagrams
}
