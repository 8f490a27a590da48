package generator

import (
	"strings"
	"testing"
)

// Owners and tags whose names slug alike (any two non-Latin names) get pages of
// their own, and every link goes to the right one; a 300-character owner gets a
// folder name a file system takes.
func TestOwnerAndTagPagesDoNotCollide(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Platform Engineering ", 15)
	files := map[string]string{
		"content/a.md": "---\nkind: guide\ntitle: A\nowner: 张伟\ntags: [数据]\n---\n",
		"content/b.md": "---\nkind: guide\ntitle: B\nowner: 李娜\ntags: [安全]\n---\n",
		"content/c.md": "---\nkind: guide\ntitle: C\nowner: " + long + "\n---\n",
	}
	out, diags := renderTestSite(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", diagLines(diags))
	}
	for doc, want := range map[string][]string{
		"guides/a/index.html": {`href="../../owners/x/">张伟</a>`, `href="../../tags/x-2/">数据</a>`},
		"guides/b/index.html": {`href="../../owners/x-2/">李娜</a>`, `href="../../tags/x/">安全</a>`},
	} {
		page := string(fileOf(t, out, doc))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", doc, w)
			}
		}
	}
	for page, title := range map[string]string{"owners/x/index.html": "张伟", "owners/x-2/index.html": "李娜",
		"tags/x-2/index.html": "数据", "tags/x/index.html": "安全"} {
		if !strings.Contains(string(fileOf(t, out, page)), "<h1>"+title) {
			t.Errorf("%s is not %s's page", page, title)
		}
	}
	slug := groupSlugBase(long)
	if len(slug) > maxGroupSlug {
		t.Errorf("slug of a long owner is %d bytes", len(slug))
	}
	fileOf(t, out, "owners/"+slug+"/index.html")
}
