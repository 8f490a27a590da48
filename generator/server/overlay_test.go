package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestServeErrorOverlayAppearsAndClears(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)

	// A broken reference whose message carries markup: the overlay must escape it,
	// and the last good build stays served underneath.
	saveAtomically(t, dir, "content/blueprints/alpha.md", `
---
kind: blueprint
title: Alpha broken
depends_on: [beta, "<img src=x onerror=alert(1)>"]
---
Alpha.
`)
	pages := awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": has(`id="archfolio-overlay"`),
		"blueprints/beta/":  has(`id="archfolio-overlay"`),
	})
	alpha := pages["blueprints/alpha/"].body
	for _, want := range []string{
		"The portfolio has 1 error",
		"You are seeing the last build without errors",
		"<code>content/blueprints/alpha.md:4:20</code>: error: depends_on[1].id: unknown id",
		"&lt;img src=x onerror=alert(1)&gt;",
		`<code class="af-code" title="unknown-id">[AF201]</code></li>`,
		"<h1>Alpha gateway", // the last good build
	} {
		if !strings.Contains(alpha, want) {
			t.Errorf("alpha with an error lacks %q", want)
		}
	}
	for _, unwanted := range []string{"<img src=x", "Alpha broken"} {
		if strings.Contains(alpha, unwanted) {
			t.Errorf("alpha with an error contains %q", unwanted)
		}
	}
	if pg := get(t, s.URL()+"no/such/page/"); pg.status != http.StatusNotFound || !strings.Contains(pg.body, `id="archfolio-overlay"`) {
		t.Errorf("404 page while the portfolio has errors: %d without the overlay", pg.status)
	}

	// Fixing it clears the overlay and serves the new build.
	saveAtomically(t, dir, "content/blueprints/alpha.md", `
---
kind: blueprint
title: Alpha fixed
depends_on: [beta]
---
Alpha.
`)
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": func(p page) bool { return has("<h1>Alpha fixed")(p) && lacks("archfolio-overlay")(p) },
		"blueprints/beta/":  func(p page) bool { return has("Alpha fixed")(p) && lacks("archfolio-overlay")(p) },
	})
}

func TestServeWarningsBadge(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	writeSiteFile(t, dir, "content/blueprints/beta.md", `
---
kind: blueprint
title: Beta with a warning
colour: "<b>blue</b>"
---
Beta.
`)
	pages := awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/beta/": has("Beta with a warning", `id="archfolio-badge"`),
	})
	beta := pages["blueprints/beta/"].body
	for _, want := range []string{"1 warning", "<code>content/blueprints/beta.md:4:1</code>: unknown field &#34;colour&#34;",
		`<code class="af-code" title="unknown-field">[AF114]</code></li>`, "data-archfolio-dismiss"} {
		if !strings.Contains(beta, want) {
			t.Errorf("page with a warning lacks %q", want)
		}
	}
	if strings.Contains(beta, "archfolio-overlay") {
		t.Error("a warning brought up the error overlay")
	}
}

func TestServeTemplateFailureShowsOverlay(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	writeSite(t, dir, map[string]string{
		"archfolio.yaml":                  "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/_extra.html": `{{define "extra"}}ok{{end}}`,
	})
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)

	writeSiteFile(t, dir, "themes/corp/layouts/_extra.html", `{{define "extra"}}{{nosuchfunc}}{{end}}`)
	pages := awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": has("The site could not be built"),
	})
	alpha := pages["blueprints/alpha/"].body
	for _, want := range []string{"function &#34;nosuchfunc&#34; not defined", "<h1>Alpha gateway", "You are seeing the last build without errors"} {
		if !strings.Contains(alpha, want) {
			t.Errorf("page after a template error lacks %q", want)
		}
	}

	writeSiteFile(t, dir, "themes/corp/layouts/_extra.html", `{{define "extra"}}fine{{end}}`)
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": func(p page) bool { return has("<h1>Alpha gateway")(p) && lacks("archfolio-overlay")(p) },
	})
}

func TestServeFirstBuildFailing(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	writeSite(t, dir, map[string]string{
		"archfolio.yaml":                  "title: Themed\ntheme: corp\n",
		"themes/corp/layouts/_extra.html": `{{define "extra"}}{{nosuchfunc}}{{end}}`,
	})
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	for _, url := range []string{"", "blueprints/alpha/"} {
		pg := get(t, s.URL()+url)
		if pg.status != http.StatusInternalServerError || !strings.Contains(pg.body, "nosuchfunc") || !strings.Contains(pg.body, "__archfolio/live.js") {
			t.Errorf("/%s with no build: %d\n%s", url, pg.status, pg.body)
		}
	}
	writeSiteFile(t, dir, "archfolio.yaml", "title: Themed\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": func(p page) bool { return has("<h1>Alpha gateway")(p) && lacks("archfolio-overlay")(p) },
	})
}

func TestServeFirstBuildWithErrorsIsServed(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	writeSiteFile(t, dir, "content/blueprints/beta.md", "---\nkind: blueprint\ntitle: Beta\ndepends_on: [nowhere]\n---\n")
	s, _ := startServer(t, dir, nil)
	pg := get(t, s.URL()+"blueprints/beta/")
	if !has("<h1>Beta", `id="archfolio-overlay"`, `unknown id &#34;nowhere&#34;`)(pg) || strings.Contains(pg.body, "last build without errors") {
		t.Errorf("first build with errors:\n%s", pg.body)
	}
}

// One typo in a kind rejects the document, and every reference to it becomes
// an error too: the overlay shows the cause first and folds the references.
func TestServeOverlayShowsTheCauseFirst(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	saveAtomically(t, dir, "content/blueprints/beta.md", strings.Replace(baseSite()["content/blueprints/beta.md"], "kind: blueprint", "kind: blueprintx", 1))
	pages := awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/alpha/": has(`id="archfolio-overlay"`)})
	body := pages["blueprints/alpha/"].body
	cause := strings.Index(body, `unknown kind &#34;blueprintx&#34;`)
	folded := strings.Index(body, `<details class="af-folded"><summary>`)
	ref := strings.Index(body, `unknown id`)
	if cause < 0 || folded < 0 || ref < 0 || !(cause < folded && folded < ref) {
		i := strings.Index(body, `id="archfolio-overlay"`)
		t.Errorf("want the unknown kind first, then the unknown ids folded (at %d, %d, %d):\n%s", cause, folded, ref, body[max(i, 0):min(len(body), max(i, 0)+3000)])
	}
}
