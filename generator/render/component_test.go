package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// The registry lists every component once, in slot order, and the default
// theme defines none of them: Go is their one source.
func TestRegistry(t *testing.T) {
	components := markup.Components()
	seen := map[string]bool{}
	for i, c := range components {
		if c.Slot != i {
			t.Errorf("%s is registry[%d] but has slot %d", c.Name, i, c.Slot)
		}
		if seen[c.Name] {
			t.Errorf("%s is registered twice", c.Name)
		}
		seen[c.Name] = true
	}
	opts := siteOptions(t, "../..")
	th, err := loadTheme(opts.Site, &generator.Config{}, opts.Theme, templateFuncs(&generator.Portfolio{Config: &generator.Config{}}))
	if err != nil {
		t.Fatal(err)
	}
	for i, tmpl := range th.ov {
		if tmpl != nil {
			t.Errorf("the default theme defines %q (in %s): the component's Go writer is its markup",
				components[i].Name, tmpl.Tree.ParseName)
		}
	}
}

// overrideMarker is what a test theme's template for a component writes: its
// name and the Go type of the data it received.
func overrideMarker(name, typ string) string {
	return fmt.Sprintf(`<i class="override">%s %s</i>`, name, typ)
}

// A theme replaces any single component by a template of its name, which
// receives the component's own typed data; the sample portfolio shows every
// component somewhere.
func TestComponentOverrides(t *testing.T) {
	site := os.DirFS("../..")
	opts := siteOptions(t, "../..")
	p, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range markup.Components() {
		name := c.Name
		t.Run(name, func(t *testing.T) {
			theme := fstest.MapFS{"themes/marked/layouts/" + name + ".html": &fstest.MapFile{Data: []byte(
				`{{define "` + name + `"}}` + overrideMarker(name, `{{printf "%T" .}}`) + `{{end}}`)}}
			o := opts
			o.Site = overlayFS{top: theme, base: site}
			cfg := *p.Config
			cfg.Theme = "marked"
			q := *p
			q.Config = &cfg
			out := &MemOutput{}
			if err := Render(context.Background(), &q, o, out); err != nil {
				t.Fatal(err)
			}
			want := []byte(overrideMarker(name, c.Type.String()))
			for _, f := range out.Names() {
				if data, _ := out.File(f); bytes.Contains(data, want) {
					return
				}
			}
			t.Errorf("no page shows the theme's %q: want %s", name, want)
		})
	}
}

// A theme's template that neither a component nor a layout calls is a warning
// at its define.
func TestUnusedOverrideWarning(t *testing.T) {
	files := map[string]string{
		"archfolio.yaml":                  "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/_extra.html": "{{/* extra */}}\n{{define \"status\"}}<b>{{.}}</b>{{end}}\n  {{define \"stauts\"}}{{.}}{{end}}\n",
		"themes/corp/layouts/base.html":   "<!DOCTYPE html>\n{{block \"content\" .}}{{end}}\n",
		"content/guides/g.md":             "---\nkind: guide\ntitle: G\nowner: Team\nstatus: draft\n---\nBody.\n",
	}
	_, diags := loadTestSite(t, files, goldenToday)
	got := diagLines(diags)
	if want := "themes/corp/layouts/_extra.html:3:3: warning:"; !strings.Contains(got, want) || !strings.Contains(got, `"stauts"`) {
		t.Errorf("diagnostics:\n%s\nwant a warning at %s about \"stauts\"", got, want)
	}
	if want := "themes/corp/layouts/base.html:1:1: warning: layouts/base.html is not used"; !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant %s", got, want)
	}
	if strings.Count(got, "\n") != 2 {
		t.Errorf("the status override or the content block is reported as unused:\n%s", got)
	}
}

// A theme's layout file that defines "content" replaces a Go layout's content
// component, inside the Go base; a theme's old base.html changes nothing.
func TestThemeLayoutContent(t *testing.T) {
	files := map[string]string{
		"archfolio.yaml":                "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/page.html": `{{define "content"}}<p class="mine">{{.Doc.Title}}</p>{{end}}`,
		"themes/corp/layouts/base.html": "<!DOCTYPE html>\n{{block \"content\" .}}{{end}}\n",
		"content/guides/g.md":           "---\nkind: guide\ntitle: G\nowner: Team\n---\nBody.\n",
		"content/guides/h.md":           "---\nkind: guide\ntitle: H\nowner: Team\n---\nBody.\n",
	}
	out, _ := renderTestSite(t, files, goldenToday)
	page, _ := out.File("guides/g/index.html")
	if !bytes.Contains(page, []byte(`<main id="main" tabindex="-1">`+"\n"+`<p class="mine">G</p>`)) {
		t.Errorf("the theme's page.html content is not in the Go base:\n%s", page)
	}
	index, _ := out.File("guides/index.html")
	if !bytes.Contains(index, []byte(`<a href="../guides/h/">H</a>`)) {
		t.Errorf("the kind index lost its Go content:\n%s", index)
	}
}

// A theme's "status" template changes the words of the status filter's options
// as it changes the badges: an option reads as the badge it picks (its text,
// without tags), or as the default badge where the template shows nothing.
func TestStatusOverrideNamesTheFilterOptions(t *testing.T) {
	files := map[string]string{
		"archfolio.yaml":                  "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/status.html": `{{define "status"}}{{if eq . "draft"}}<span class="st"><i>Entwurf</i> &amp; mehr</span>{{else if eq . "approved"}}<span class="st">Freigegeben</span>{{end}}{{end}}`,
		"content/guides/g.md":             "---\nkind: guide\ntitle: G\nowner: Team\nstatus: draft\n---\nBody.\n",
		"content/guides/h.md":             "---\nkind: guide\ntitle: H\nowner: Team\nstatus: approved\n---\nBody.\n",
		"content/guides/i.md":             "---\nkind: guide\ntitle: I\nowner: Team\nstatus: deprecated\n---\nBody.\n",
	}
	out, _ := renderTestSite(t, files, goldenToday)
	index, _ := out.File("guides/index.html")
	_, sel, ok := strings.Cut(string(index), `<select data-filter="status">`)
	sel, _, _ = strings.Cut(sel, "</select>")
	if !ok {
		t.Fatalf("no status filter on the guides' index:\n%s", index)
	}
	for _, want := range []string{
		`<option value="draft">Entwurf &amp; mehr</option>`,
		`<option value="approved">Freigegeben</option>`,
		`<option value="deprecated">Deprecated</option>`,
	} {
		if !strings.Contains(sel, want) {
			t.Errorf("status filter: want %s in\n%s", want, sel)
		}
	}
	if strings.Contains(sel, "<span") || strings.Contains(sel, "<i>") {
		t.Errorf("the template's markup is left in the select:\n%s", sel)
	}
	if !strings.Contains(string(index), `<span class="st">Freigegeben</span>`) {
		t.Errorf("the index's badges are not the theme's:\n%s", index)
	}
	delete(files, "themes/corp/layouts/status.html")
	files["archfolio.yaml"] = "title: Not themed\n"
	out, _ = renderTestSite(t, files, goldenToday)
	index, _ = out.File("guides/index.html")
	if !strings.Contains(string(index), `<option value="draft">Draft</option>`) {
		t.Errorf("without the template: want the default words:\n%s", index)
	}
}
