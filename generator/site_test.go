package generator_test

import (
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkInternalLinks asserts that every relative link of every HTML page of a
// rendered site points at a file of the site (folder links at their index.html),
// and that no page links with an absolute path, which would break under a sub-path.
func checkInternalLinks(t *testing.T, out *render.MemOutput) {
	t.Helper()
	files := map[string]bool{}
	for _, n := range out.Names() {
		files[n] = true
	}
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		data, _ := out.File(name)
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			raw := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: unparsable link %q", name, raw)
				continue
			}
			if u.Scheme != "" || u.Host != "" || (u.Path == "" && u.RawQuery == "") {
				continue
			}
			if strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: absolute link %q breaks under a sub-path", name, raw)
				continue
			}
			target := path.Join(path.Dir(name), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." || strings.HasSuffix(u.Path, "/..") {
				target = path.Join(target, "index.html")
			}
			if target == "index.html" && u.Path == "" {
				continue
			}
			if !files[target] {
				t.Errorf("%s: link %q points at %s, which the site does not have", name, raw, target)
			}
		}
	}
}

func TestEveryInternalLinkResolves(t *testing.T) {
	t.Parallel()
	for _, root := range []string{"..", "../examples/minimal"} {
		out, _ := sharedRender(t, root)
		checkInternalLinks(t, out)
	}
}

func TestThemeOverrideReplacesFilesOneByOne(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, map[string]string{
		"archfolio.yaml":                "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/home.html": `{{define "content"}}<h1 class="corp-home">{{.Site.Title}}</h1>{{end}}`,
		"themes/corp/static/style.css":  "body { color: rebeccapurple; }\n",
		"themes/corp/static/logo.svg":   "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
		"static/robots.txt":             "User-agent: *\n",
		"content/g.md":                  "---\nkind: guide\ntitle: G\n---\n",
	}, "2026-11-27")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	home, _ := out.File("index.html")
	if !strings.Contains(string(home), `<h1 class="corp-home">Themed</h1>`) {
		t.Error("the site's home layout did not replace the default")
	}
	css, _ := out.File("assets/style.css")
	if string(css) != "body { color: rebeccapurple; }\n" {
		t.Error("the site's style.css did not replace the default")
	}
	for _, f := range []string{"assets/logo.svg", "assets/site.js", "robots.txt"} {
		if _, ok := out.File(f); !ok {
			t.Errorf("%s missing: theme and static files are added to the default ones", f)
		}
	}
	page, _ := out.File("guides/g/index.html")
	if !strings.Contains(string(page), `class="doc doc-guide"`) {
		t.Error("the default page layout was not kept for files the theme does not override")
	}
}

func TestConfigAddsKindsAndFields(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("testdata/sites/config-adds-kinds-and-fields.txtar"), "2026-11-27")
	want := `content/bad.md:4:1: error: status "retired" is not a capability status (want one of: planned, live)
content/bad.md:5:1: error: lane: "network" is not allowed (want one of: iam, data)
content/bp.md:1:1: error: missing required field cost_centre
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if k := p.Schema.Kinds["capability"]; k == nil || k.Section != "capabilitys" && k.Section != "capabilities" {
		t.Errorf("added kind has section %v", k)
	}
	bp := p.ByID["bp"]
	if len(bp.Backlinks) != 1 || bp.Backlinks[0].Inverse != "realises" {
		t.Errorf("backlink from the added kind missing: %+v", bp.Backlinks)
	}
}

func TestConfigDiagnostics(t *testing.T) {
	t.Parallel()
	_, diags := sitetest.Load(t, map[string]string{
		"archfolio.yaml": "title: X\nsla: {critical: 0, urgent: 3}\njira: {url: https://jira.example/browse/}\nkinds:\n  blueprint:\n    fields:\n      x: {type: strnig}\n",
	}, "2026-11-27")
	got := sitetest.DiagLines(diags)
	for _, want := range []string{
		`sla: "critical": want critical, high, medium or low with a positive number of days`,
		`sla: "urgent"`,
		`jira.url "https://jira.example/browse/" has no {key} placeholder`,
		`unknown type "strnig"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}

func TestHiddenConfigFile(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, map[string]string{
		".archfolio.yaml": "title: Hidden\ncolour: blue\n",
		"content/g.md":    "---\nkind: guide\ntitle: G\n---\n",
	}, "2026-11-27")
	if p.Config.Title != "Hidden" {
		t.Errorf("title %q: .archfolio.yaml was not read", p.Config.Title)
	}
	if got := sitetest.DiagLines(diags); got != ".archfolio.yaml:2:1: error: unknown setting \"colour\"\n" {
		t.Errorf("diagnostics name the wrong file:\n%s", got)
	}
	p, _ = sitetest.Load(t, map[string]string{
		".archfolio.yaml": "title: Hidden\n",
		"archfolio.yaml":  "title: Visible\n",
	}, "2026-11-27")
	if p.Config.Title != "Visible" {
		t.Errorf("title %q: archfolio.yaml must win over .archfolio.yaml", p.Config.Title)
	}
}
