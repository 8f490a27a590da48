package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/render"
	"cmp"
	"context"
	"path"
	"regexp"
	"strings"
	"testing"
)

// headLink finds the href of every <link> and the src of every <script> a page
// asks the browser to fetch.
var headLink = regexp.MustCompile(`<(?:link rel="(?:icon|stylesheet)"|script) (?:href|src)="([^"]*)"`)

// TestHeadLinksAndSitemapUnderEachBaseURL builds the minimal portfolio with no
// base URL, a path and an absolute URL, and checks what the head and the
// sitemap say: every page links a favicon the site has (so no page load asks
// for a missing file); the 404 page, served at every missing address, has no
// canonical link; and sitemap.xml, whose locations must be absolute, is written
// only under an absolute base URL.
func TestHeadLinksAndSitemapUnderEachBaseURL(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"", "/arch/", "https://intranet.example/arch/"} {
		t.Run(cmp.Or(base, "none"), func(t *testing.T) {
			t.Parallel()
			opts := siteOptions(t, "../examples/minimal")
			opts.BaseURL = base
			out, _ := renderSite(t, opts)
			checkHeadLinks(t, out, base)
			for _, name := range []string{"404.html", "index.html", "blueprints/web-app/index.html"} {
				page, _ := out.File(name)
				canonical := strings.Contains(string(page), `rel="canonical"`)
				if want := base != "" && name != "404.html"; canonical != want {
					t.Errorf("%s: canonical link %v, want %v", name, canonical, want)
				}
			}
			sm, ok := out.File("sitemap.xml")
			if want := strings.HasPrefix(base, "https://"); ok != want {
				t.Fatalf("sitemap.xml written: %v, want %v:\n%s", ok, want, sm)
			}
			for _, loc := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(string(sm), -1) {
				if !strings.HasPrefix(loc[1], base) {
					t.Errorf("sitemap location %q is not absolute", loc[1])
				}
			}
			if ok && !strings.Contains(string(sm), "<loc>https://intranet.example/arch/blueprints/web-app/</loc>") {
				t.Errorf("sitemap lacks a page:\n%s", sm)
			}
			// The dev server's lazy site lists the same files.
			p, _, err := generator.Load(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			lazy, err := render.NewLazySite(context.Background(), p, opts)
			if err != nil {
				t.Fatal(err)
			}
			if _, found, err := lazy.File("sitemap.xml"); err != nil || found != ok {
				t.Errorf("lazy site has sitemap.xml: %v (%v), want %v", found, err, ok)
			}
		})
	}
}

// checkHeadLinks checks that every icon, stylesheet and script a page links is
// a file of the site, on every page.
func checkHeadLinks(t *testing.T, out *render.MemOutput, base string) {
	t.Helper()
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page, _ := out.File(name)
		if !strings.Contains(string(page), `<link rel="icon" href="`) {
			t.Errorf("%s links no favicon", name)
		}
		for _, m := range headLink.FindAllStringSubmatch(string(page), -1) {
			target := m[1]
			if name == "404.html" { // links from the site's root, absolute
				target = strings.TrimPrefix(target, cmp.Or(base, "/"))
			} else {
				target = path.Join(path.Dir(name), target)
			}
			if _, ok := out.File(target); !ok {
				t.Errorf("%s links %s, which the site does not have", name, m[1])
			}
		}
	}
}
