package generator

import (
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
}

// fastLayouts lists them; a change to one of the templates must come with the
// same change in its method, then the new digest (TestDefaultThemeUsesFastLayouts
// prints it).
var fastLayouts = []fastLayout{
	{"page.html", []string{"content", "value", "status", "tags"},
		"6cfe49ba71806fe6a5e015c669f9069fa97d51db9fe22295465578662261ea27", "DocumentHTML"},
	{"kind.html", []string{"content", "value", "status", "filters"},
		"c58d342409682c13a628a34166f4e2c08236ed1598bf96e11fa2030fc94bb1b2", "KindHTML"},
	{"group.html", []string{"content", "doclist"},
		"183a38702079f22c345e2eb0a76bdb085b8b38ede79e78cf6cfb54b4566a18f0", "GroupHTML"},
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

// fastLayoutTemplates returns, for each layout of th whose templates are the
// default theme's, a copy whose content block calls the Go method.
func fastLayoutTemplates(pages map[string]*template.Template) (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, f := range fastLayouts {
		t := pages[f.layout]
		if t == nil || templatesDigest(t, f.templates) != f.digest {
			continue
		}
		fast, err := t.Clone()
		if err == nil {
			_, err = fast.New("fast-content").Parse(`{{define "content"}}{{.` + f.method + `}}{{end}}`)
		}
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		out[f.layout] = fast
	}
	return out, nil
}

// fastPanel is a panel template with a Go equivalent, like a fast layout.
type fastPanel struct {
	template  string   // the panel's template (Panel.Template)
	templates []string // the templates the function does the work of
	digest    string
	write     func(pg *PanelPage, w htmlWriter) error
}

// fastPanels lists them, as fastLayouts.
var fastPanels = []fastPanel{
	{"deps-neighbourhood", []string{"deps-neighbourhood", "deps-frame"},
		"7b8d06054b896e1f59a2840cfbf9daee36c86d001f94a37cea013b2a331c7be8", writeNeighbourhoodPanel},
}

// fastPanelWriters returns the Go writers of the panels whose templates in the
// page.html set are the default theme's, by template name.
func fastPanelWriters(page *template.Template) map[string]func(*PanelPage, htmlWriter) error {
	out := map[string]func(*PanelPage, htmlWriter) error{}
	for _, f := range fastPanels {
		if page != nil && templatesDigest(page, f.templates) == f.digest {
			out[f.template] = f.write
		}
	}
	return out
}

// fastFragment is a fragment template with a Go equivalent, like a fast layout.
type fastFragment struct {
	name      string
	templates []string
	digest    string
	write     func(pg *Page, w htmlWriter, d *Document) bool
}

// fastFragments lists them, as fastLayouts.
var fastFragments = []fastFragment{
	{"doclink", []string{"doclink"}, "f21141884c9211c46994e8e49741564435c2511954a85f64931168ac59c77b6d", writeDocLink},
	{"docitem", []string{"docitem", "status"}, "a2fa11e68859560085bb03ea51045abfc8c7fb518d0980b8c2256730da7e1de0", writeDocItem},
}

// fastFragmentWriters returns the Go writers of the fragments whose templates
// in the page.html set are the default theme's, by name.
func fastFragmentWriters(page *template.Template) map[string]func(*Page, htmlWriter, *Document) bool {
	out := map[string]func(*Page, htmlWriter, *Document) bool{}
	for _, f := range fastFragments {
		if page != nil && templatesDigest(page, f.templates) == f.digest {
			out[f.name] = f.write
		}
	}
	return out
}
