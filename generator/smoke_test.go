package generator_test

import (
	"archfolio/generator/sitetest"
	"strings"
	"testing"
)

func TestSmallSiteRendersWithBacklinks(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, sitetest.Archive("testdata/sites/small-site-with-backlinks.txtar"), "2026-11-27")
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page, ok := out.File("blueprints/beta/index.html")
	if !ok {
		t.Fatalf("no page for beta; files: %v", out.Names())
	}
	for _, want := range []string{"Depended on by", `href="../../blueprints/a/"`, "Mentioned by"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("beta page lacks %q", want)
		}
	}
	alpha, _ := out.File("blueprints/a/index.html")
	if !strings.Contains(string(alpha), `<a class="wikilink" href="../../blueprints/beta/">the beta</a>`) {
		t.Errorf("alpha's wikilink not resolved:\n%s", alpha)
	}
}
