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
	{"page.html", []string{"content", "value", "status", "tags"},
		"6cfe49ba71806fe6a5e015c669f9069fa97d51db9fe22295465578662261ea27", "DocumentHTML", (*Page).DocumentHTML},
	{"kind.html", []string{"content", "value", "status", "filters"},
		"c58d342409682c13a628a34166f4e2c08236ed1598bf96e11fa2030fc94bb1b2", "KindHTML", (*Page).KindHTML},
	{"group.html", []string{"content", "doclist"},
		"183a38702079f22c345e2eb0a76bdb085b8b38ede79e78cf6cfb54b4566a18f0", "GroupHTML", (*Page).GroupHTML},
	{"impact.html", []string{"content", "deps-criticality", "deps-lifecycle", "status"},
		"1599fb6d95799741051d80b5abdb88e080bb10a72fa800cf2930ebf75dad7471", "ImpactHTML", (*Page).ImpactHTML},
	{"risks.html", []string{"content", "risk-counts", "risk-severity", "risk-heatmap", "risk-stride", "filters", "status", "risk-docs"},
		"35c50af731398a6d52b40a270405d16c0ece64c6592d23f27caf26e4721f22fd", "RisksHTML", (*Page).RisksHTML},
	{"dependencies.html", []string{"content", "deps-frame", "deps-legend", "deps-criticality", "deps-lifecycle", "deps-edge", "status"},
		"5f94340ee0270a13ef3926216ee643c041cb8d149c636f3301f0a0ad34e7d25e", "DependenciesHTML", (*Page).DependenciesHTML},
	{"matrix.html", []string{"content", "matrix-legend", "alignment", "matrix-rollups", "matrix-controls", "matrix-family"},
		"2a9648d8c6a70e19e503b0104d275feae90517d0e3f59c9d7a2e93cab6d9e920", "MatrixHTML", (*Page).MatrixHTML},
	{"backlog.html", []string{"content", "filters", "backlog-table", "backlog-groups", "backlog-jira", "backlog-due", "backlog-waiver", "risk-severity", "status"},
		"fdb22757ab8f3339806bf04303aac3ca8fa396a6960e96b5388ecf2bcbf6520b", "BacklogHTML", (*Page).BacklogHTML},
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
	w := htmlWriter{buf}
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

// panelWriter writes a panel; fragmentWriter writes a document fragment, or
// reports false to leave it to the template.
type (
	panelWriter    = func(pg *PanelPage, w htmlWriter) error
	fragmentWriter = func(pg *Page, w htmlWriter, d *Document) bool
)

// fastPanels and fastFragments list them, as fastLayouts.
var (
	fastPanels = []fastWriter[panelWriter]{
		{"deps-neighbourhood", []string{"deps-neighbourhood", "deps-frame"},
			"7b8d06054b896e1f59a2840cfbf9daee36c86d001f94a37cea013b2a331c7be8", writeNeighbourhoodPanel},
		{"matrix-row", []string{"matrix-row", "alignment", "alignment-record", "waiver-days"},
			"3b83e41f53862c8c8f2c66f6a2d3d167d7649a30d71526bf921174a2c1809504", writeMatrixRowPanel},
		{"matrix-column", []string{"matrix-column", "alignment", "alignment-record", "waiver-days"},
			"4e792882fbefc18cb7377f9ff90137bdd0aeceaaf18e69e2226caebc2331e065", writeMatrixColumnPanel},
		{"risk-model-threats", []string{"risk-model-threats", "risk-severity", "risk-docs", "status"},
			"7095a1d5766d9a942536f38db1c531967f53cabb558c2718a10a906ef56e1ff0", writeRiskModelThreatsPanel},
		{"risk-model-summary", []string{"risk-model-summary", "risk-heatmap", "risk-stride", "risk-residual", "risk-counts", "risk-severity", "status"},
			"d60b0c490e8055ba7fe724f573504add76599309e977442226bbf632c0137317", writeRiskModelSummaryPanel},
		{"risk-blueprint", []string{"risk-blueprint", "risk-residual", "risk-counts", "risk-severity", "status"},
			"3ccd0f3352073a98d13b707c99bcdc0536f0cc223557efe949ffe2be354caa26", writeRiskBlueprintPanel},
		{"review-history", []string{"review-history", "status", "review-outcome", "review-late-count", "review-late"},
			"2a74ce5138a0793bcbf5d502a1767c7e78e62037603330bcddee8d8384a9fcbf", writeReviewHistoryPanel},
		{"review-findings", []string{"review-findings", "review-outcome", "review-late", "risk-severity", "status", "review-conditions"},
			"8f0bef0c680ab4a8402268436dc4c03cd5b2a9c034e4a875451855a42545cc1d", writeReviewFindingsPanel},
		{"backlog-item", []string{"backlog-item", "backlog-jira", "backlog-due", "backlog-waiver"},
			"f5b03e07854dd68c7dcf820703a37fcda3bbffba3d31fa56acc150d5a06abd0a", writeBacklogItemPanel},
		{"backlog-blueprint", []string{"backlog-blueprint", "backlog-table", "backlog-due", "backlog-jira", "risk-severity", "status", "backlog-waiver"},
			"7bc0c3f1b8cef196cc64d20c497a631052099ace94f441518131412f8e8f1c2b", writeBacklogBlueprintPanel},
		{"roadmap-blueprint-panel", []string{"roadmap-blueprint-panel", "status"},
			"d964152454064587a320a5ec69dd252d25c371fae2a6540d754576ecf7ee7c9d", writeRoadmapBlueprintPanel},
		{"risk-addressed", []string{"risk-addressed", "risk-severity", "status"},
			"d7c43afb5e17e5700be29b77c1e41c7a61a1fd43ea615e4e52d881f9777e0e93", writeRiskAddressedPanel},
	}
	fastFragments = []fastWriter[fragmentWriter]{
		{"doclink", []string{"doclink"}, "f21141884c9211c46994e8e49741564435c2511954a85f64931168ac59c77b6d", writeDocLink},
		{"docitem", []string{"docitem", "status"}, "a2fa11e68859560085bb03ea51045abfc8c7fb518d0980b8c2256730da7e1de0", writeDocItem},
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
