package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
)

// Fast layouts: the content blocks of the layouts that make most of a large
// site's template work, written in Go. A document page is 10,000 of 13,000
// pages at 10,000 documents, and page.html's content block made about 150
// reflective template calls on each; the kind indexes list every document with
// its columns. When a theme's templates for such a block are the default
// theme's (the same parse trees), the block is a Page method that writes byte
// for byte what the templates write; a theme that changes any of them gets its
// templates. The templates stay the definition a theme starts from, and
// TestFastLayoutsMatchTemplates renders whole sites both ways.

// fastLayout is a layout whose content block has a Go equivalent.
type fastLayout struct {
	layout    string   // the layout file
	templates []string // the templates the method does the work of
	digest    string   // their parse trees' digest in the default theme (templatesDigest)
	method    string   // the Page method that writes the block
	content   func(*Page) (template.HTML, error)
}

// fastLayouts lists them; a change to one of the templates must come with the
// same change in its method, then the new digest (TestDefaultThemeUsesFastLayouts
// prints it).
var fastLayouts = []fastLayout{
	{"page.html", []string{"content", "tags"},
		"4338ebe4bf8654a9e33be7088420aa42290977ac612f5e91c7c8f2b054d5fac5", "DocumentHTML", (*Page).DocumentHTML},
	{"kind.html", []string{"content", "filters"},
		"9c625739f2ca3aa55fcbc3d85df23449b23bdf8fa5d7f8961032d9c14af5a8fc", "KindHTML", (*Page).KindHTML},
	{"group.html", []string{"content", "doclist"},
		"183a38702079f22c345e2eb0a76bdb085b8b38ede79e78cf6cfb54b4566a18f0", "GroupHTML", (*Page).GroupHTML},
	{"impact.html", []string{"content"},
		"3b2b1b5a9d912f9ad47491edd3a5b04d4a26da6d8422cef273301b7b3e1e4c02", "ImpactHTML", (*Page).ImpactHTML},
	{"risks.html", []string{"content", "filters"},
		"79f39c1ce27e5e4043ed8637512f783d69d0931f881645087dfec46b1b3489be", "RisksHTML", (*Page).RisksHTML},
	{"dependencies.html", []string{"content", "deps-legend"},
		"b7fdf5fd8e3a01ff5fa490696d9b89486d586aa81e1123915667fae798f63221", "DependenciesHTML", (*Page).DependenciesHTML},
	{"matrix.html", []string{"content", "matrix-legend", "matrix-rollups", "matrix-controls", "matrix-family"},
		"873cb49b6f3d9b9d6ba7da0d541f54e1e0e6ba8db5f0eb69c1e256397234b5a3", "MatrixHTML", (*Page).MatrixHTML},
	{"backlog.html", []string{"content", "filters", "backlog-groups"},
		"03b2fbd6d73550bae4470ce76765e571b52c934f0ee44d9261498092423bf9f4", "BacklogHTML", (*Page).BacklogHTML},
}

// templatesDigest is the SHA-256 of the parse trees of t's templates named in
// names, or "" when one is missing.
func templatesDigest(t *template.Template, names []string) string {
	h := sha256.New()
	for _, name := range names {
		tt := t.Lookup(name)
		if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
			return ""
		}
		fmt.Fprintf(h, "%s\x00%s\x00", name, tt.Tree.Root.String())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// baseTemplates are the templates writeBasePage does the work of around a
// fast layout's content block, and baseDigest their digest in the default theme.
// A layout's own "scripts" block is not among them: writeBasePage runs it.
var baseTemplates = []string{"base.html", "head"}

const baseDigest = "d5b1043b5eaf0cb1151bce137dc9a7fa9c72a699ae2998ec881cadb3c58c8232"

// wholePage is a layout whose pages are written wholly in Go: its content block
// and, when the layout fills its "scripts" block (the matrix and the dependency
// map load a script of their own), the template set that runs it.
type wholePage struct {
	content func(*Page) (template.HTML, error)
	scripts *template.Template
}

// fastLayoutTemplates returns, for each layout whose content templates are the
// default theme's, a copy whose content block calls the Go method, and for
// those whose base templates are the default's too, the method that writes the
// content of a page written wholly in Go (writeBasePage).
func fastLayoutTemplates(pages map[string]*template.Template) (map[string]*template.Template, map[string]wholePage, error) {
	out, whole := map[string]*template.Template{}, map[string]wholePage{}
	for _, f := range fastLayouts {
		t := pages[f.layout]
		if t == nil || templatesDigest(t, f.templates) != f.digest {
			continue
		}
		if templatesDigest(t, baseTemplates) == baseDigest {
			wp := wholePage{content: f.content}
			if s := t.Lookup("scripts"); s != nil && s.Tree != nil && len(s.Tree.Root.Nodes) > 0 {
				wp.scripts = t
			}
			whole[f.layout] = wp
		}
		fast, err := t.Clone()
		if err == nil {
			_, err = fast.New("fast-content").Parse(`{{define "content"}}{{.` + f.method + `}}{{end}}`)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("theme: %w", err)
		}
		out[f.layout] = fast
	}
	return out, whole, nil
}

// writeBasePage writes a page as the default theme's base.html does around its
// content block, which the page's content method writes.
func writeBasePage(buf *bytes.Buffer, pg *Page, whole wholePage) error {
	w := pg.writer(buf)
	w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if pg.Title != "" && pg.Title != pg.Site.Title {
		w.text(pg.Title)
		w.raw(" · ")
	}
	w.text(pg.Site.Title)
	w.raw("</title>")
	if pg.Site.BaseURL != "" {
		w.raw("\n<link rel=\"canonical\" href=\"")
		w.url(pg.Site.BaseURL)
		w.url(pg.URL)
		w.raw("\">")
	}
	w.raw("\n<meta name=\"generator\" content=\"archfolio\">\n<link rel=\"stylesheet\" href=\"")
	w.url(pg.Root)
	w.raw("assets/style.css\">\n<link rel=\"stylesheet\" href=\"")
	w.url(pg.Root)
	w.raw("assets/chroma.css\">\n</head>\n<body data-root=\"")
	w.text(pg.Root)
	w.raw("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n  <a class=\"site-title\" href=\"")
	w.url(pg.Root)
	w.raw("\">")
	w.text(pg.Site.Title)
	w.raw("</a>\n  <nav aria-label=\"Main\">\n    <ul class=\"menu\">")
	menu, err := pg.MenuHTML()
	if err != nil {
		return err
	}
	w.raw(string(menu))
	w.raw("\n    </ul>\n  </nav>\n  <form class=\"quick-search\" role=\"search\" action=\"")
	w.url(pg.Root)
	w.raw("search/\" method=\"get\">\n    <label for=\"q\" class=\"visually-hidden\">Search documents</label>\n    <input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search…\" autocomplete=\"off\">\n  </form>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
	body, err := whole.content(pg)
	if err != nil {
		return err
	}
	w.raw(string(body))
	w.raw("\n</main>\n<footer class=\"site-footer\">\n  <p>")
	w.text(pg.Site.Title)
	w.raw(" · generated by archfolio · as of ")
	w.date(pg.Site.Today)
	w.raw("</p>\n</footer>\n<script src=\"")
	w.url(pg.Root)
	w.raw("assets/site.js\"></script>")
	if whole.scripts != nil {
		if err := whole.scripts.ExecuteTemplate(buf, "scripts", pg); err != nil {
			return err
		}
	}
	w.raw("\n</body>\n</html>\n")
	return nil
}
