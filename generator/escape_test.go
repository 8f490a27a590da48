package generator_test

import (
	"archfolio/generator/sitetest"
	"regexp"
	"strings"
	"testing"
)

// hostile is a site whose every content value tries to break out of its context
// (testdata/hostile.txtar).
func hostile() map[string]string { return sitetest.Archive("testdata/hostile.txtar") }

// executable matches markup that would run script if it reached a browser.
var executable = regexp.MustCompile(`(?i)<script>alert|<img[^>]*onerror=|<svg[^>]*onload=|<div[^>]*onclick=|\son\w+="alert|href="javascript:|src="javascript:|href="data:text`)

func TestContentIsInertEverywhere(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, hostile(), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("unexpected errors:\n%s", sitetest.DiagLines(diags))
	}
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if strings.HasSuffix(name, ".csv") {
			continue // data for spreadsheets, checked for formula injection elsewhere
		}
		if m := executable.Find(data); m != nil {
			t.Errorf("%s contains executable content %q", name, m)
		}
		if strings.HasSuffix(name, ".js") && strings.Contains(string(data), "</script") {
			t.Errorf("%s contains </script, which would close an inline script", name)
		}
	}
	page, _ := out.File("blueprints/x/index.html")
	for _, want := range []string{
		"&lt;script&gt;alert(7)&lt;/script&gt;", // raw HTML is shown, escaped, not dropped
		"&lt;div onclick=&quot;alert(8)&quot;&gt;raw block&lt;/div&gt;",
		"&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("x page lacks the escaped text %q", want)
		}
	}
}

func TestUnsafeHTMLOptIn(t *testing.T) {
	t.Parallel()
	site := map[string]string{
		"archfolio.yaml": "unsafe_html: true\n",
		"content/x.md":   "---\nkind: guide\ntitle: X\n---\n<div class=\"callout\">kept</div>\n\n[bad](javascript:alert(1))\n",
	}
	out, _ := sitetest.Render(t, site, "2026-11-27")
	page, _ := out.File("guides/x/index.html")
	if !strings.Contains(string(page), `<div class="callout">kept</div>`) {
		t.Error("unsafe_html: true did not pass raw HTML through")
	}
	if strings.Contains(string(page), `href="javascript:`) {
		t.Error("a javascript: link survived with unsafe_html: true")
	}
}
