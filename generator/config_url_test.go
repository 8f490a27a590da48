package generator

import (
	"strings"
	"testing"
)

// base_url and jira.url that are not web addresses are reported (testdata/codes)
// and reach no page, export or link.
func TestConfigURLsReachNoPage(t *testing.T) {
	t.Parallel()
	out, _ := renderSite(t, siteOptions(t, "testdata/codes/config-urls"))
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if strings.Contains(string(data), "javascript:") {
			t.Errorf("%s holds a javascript: URL from archfolio.yaml", name)
		}
	}
	if _, ok := out.File("remediation/rem/index.html"); !ok {
		t.Errorf("the site was not rendered: %v", out.Names())
	}
}
