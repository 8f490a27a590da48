package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archfolio/generator/sitetest"
)

// quarterRepo makes the Changes page's fixture repository.
func quarterRepo(t *testing.T) string {
	t.Helper()
	return sitetest.GitHistory(t, "../../generator/changes/testdata/quarter")
}

// TestBuildSince builds the Changes page's fixture repository: archfolio.yaml
// names q2, --since overrides it, and a revision that does not exist is a
// warning, with the page saying why and the site published.
func TestBuildSince(t *testing.T) {
	t.Parallel()
	dir := quarterRepo(t)
	for _, c := range []struct {
		args    []string
		heading string
		warning string
	}{
		{nil, "<h1>Changes since q2</h1>", ""},
		{[]string{"--since", "applies"}, "<h1>Changes since applies</h1>", ""},
		{[]string{"--since", "v9"}, "There is no comparison with v9: revision &#34;v9&#34; does not exist in this repository.",
			`archfolio: warning: --since v9: revision "v9" does not exist in this repository; the Changes page says so and the rest of the site is built [AF911]`},
	} {
		out := filepath.Join(t.TempDir(), "out")
		// Before the waiver of the fixture expires, so that the portfolio has no error.
		r := archfolio(t, append([]string{"build", "-s", dir, "-d", out, "--today", "2026-10-25"}, c.args...)...)
		expectCode(t, r, 0)
		if got := strings.Contains(r.stderr, "[AF911]"); got != (c.warning != "") || !strings.Contains(r.stderr, c.warning) {
			t.Errorf("%v: stderr\n%s\nwant the warning %q", c.args, r.stderr, c.warning)
		}
		page, err := os.ReadFile(filepath.Join(out, "changes", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), c.heading) {
			t.Errorf("%v: the Changes page lacks %q", c.args, c.heading)
		}
		if _, err := os.Stat(filepath.Join(out, "blueprints", "claims-core", "index.html")); err != nil {
			t.Errorf("%v: the rest of the site: %v", c.args, err)
		}
	}
}

// TestServeSince: serve --since overrides archfolio.yaml's changes.since too.
func TestServeSince(t *testing.T) {
	t.Parallel()
	url, stderr, cancel, code := startServe(t, "-s", quarterRepo(t), "--today", "2026-10-25", "--since", "applies")
	resp, err := http.Get(url + "changes/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "<h1>Changes since applies</h1>") {
		t.Errorf("the Changes page:\n%s", page)
	}
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d\n%s", c, stderr)
	}
}
