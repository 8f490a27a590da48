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
	{"risks.html", []string{"content", "risk-heatmap", "risk-stride", "filters", "risk-docs"},
		"223cd8af9bb9e8fccf1b56350d8217b29469404f5f603661f4c9e7271090db17", "RisksHTML", (*Page).RisksHTML},
	{"dependencies.html", []string{"content", "deps-frame", "deps-legend"},
		"211b9b993d7fff979a0824bb411f41622cea86c867e3410c19435e2ec1e198e0", "DependenciesHTML", (*Page).DependenciesHTML},
	{"matrix.html", []string{"content", "matrix-legend", "matrix-rollups", "matrix-controls", "matrix-family"},
		"873cb49b6f3d9b9d6ba7da0d541f54e1e0e6ba8db5f0eb69c1e256397234b5a3", "MatrixHTML", (*Page).MatrixHTML},
	{"backlog.html", []string{"content", "filters", "backlog-table", "backlog-groups"},
		"b9837e1a977c2049910652f6cc60f3d6af00948a4032e79b0dd6862f69546d5b", "BacklogHTML", (*Page).BacklogHTML},
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

// fastWriter is a panel or fragment template with a Go equivalent W, guarded
// like a fast layout: used only when the templates it stands for are the
// default theme's.
type fastWriter[W any] struct {
	name      string   // the panel's template (Panel.Template) or the fragment's name
	templates []string // the templates the writer does the work of
	digest    string
	write     W
}

// panelWriter writes a panel.
type panelWriter = func(pg *PanelPage, w htmlWriter) error

// fastPanels lists them, as fastLayouts.
var (
	fastPanels = []fastWriter[panelWriter]{
		{"deps-neighbourhood", []string{"deps-neighbourhood", "deps-frame"},
			"7b8d06054b896e1f59a2840cfbf9daee36c86d001f94a37cea013b2a331c7be8", writeNeighbourhoodPanel},
		{"matrix-row", []string{"matrix-row"},
			"4b637b0a744b054d95df3376f0c6ec10673a012559844eb5125933e932a3a89c", writeMatrixRowPanel},
		{"matrix-column", []string{"matrix-column"},
			"73f1144da32e329970b652c703114f0caec406e3e41a33e125fe8d5b66e85980", writeMatrixColumnPanel},
		{"risk-model-threats", []string{"risk-model-threats", "risk-docs"},
			"1500a4f70cc25ea29917073800f921657ee038db6013d20ee1fa83ed67a215b9", writeRiskModelThreatsPanel},
		{"risk-model-summary", []string{"risk-model-summary", "risk-heatmap", "risk-stride", "risk-residual"},
			"f6f1d92c1fb92426f1784f53c0bbc48d2709bd291b67db2d9609d669f39dd620", writeRiskModelSummaryPanel},
		{"risk-blueprint", []string{"risk-blueprint", "risk-residual"},
			"ecc3fc6fcbbd63198954dfa8bd80b11aa8a82d4ec9e12378c39c7aacbf2c7bc2", writeRiskBlueprintPanel},
		{"review-history", []string{"review-history"},
			"57f154eba16484f4a161f2f1fa382061662f567ad7c30ac8e12d355638d9b643", writeReviewHistoryPanel},
		{"review-findings", []string{"review-findings", "review-conditions"},
			"7d01b6678165d079fc9adc88bece26775b44f211829a9d3984b4d442e6713ecc", writeReviewFindingsPanel},
		{"backlog-item", []string{"backlog-item"},
			"4f09f7d59dd526a7aee031822a911406d60ab74d489f740e41a6824162a133a7", writeBacklogItemPanel},
		{"backlog-blueprint", []string{"backlog-blueprint", "backlog-table"},
			"dec760518b957079e6c2cf37aae1356cc5895b4d9057e63a1ec6db76d5f507dc", writeBacklogBlueprintPanel},
		{"roadmap-blueprint-panel", []string{"roadmap-blueprint-panel"},
			"ad8a3e138daf85efb79b2b32ced51ccb736dbcd0254edd40297ebc60a3191cef", writeRoadmapBlueprintPanel},
		{"risk-addressed", []string{"risk-addressed"},
			"0e5605841c71498d63cdfddf966165264a48082e0c11e8ea4664b444c13c7d8f", writeRiskAddressedPanel},
	}
)

// fastWriters returns, by name, the writers whose templates in the page.html set
// are the default theme's.
func fastWriters[W any](page *template.Template, list []fastWriter[W]) map[string]W {
	out := map[string]W{}
	for _, f := range list {
		if page != nil && templatesDigest(page, f.templates) == f.digest {
			out[f.name] = f.write
		}
	}
	return out
}
