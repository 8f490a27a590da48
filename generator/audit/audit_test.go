package audit_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/sitetest"
)

const today = "2026-11-27"

func TestPackGolden(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, sitetest.Archive("../testdata/audit/site.txtar"), today)
	want := "content/blueprints/claims.md:14:33: warning: compliance[0].waiver.expires: the waiver for \"auth\" statement \"AUTH-1\" expires on 2026-12-15, in 18 days: renew it or close the gap before then\n"
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	for page, golden := range map[string]string{
		"print/standards/auth/index.html":      "testdata/standard-auth.html",
		"print/blueprints/portal/index.html":   "testdata/blueprint-portal.html",
		"print/blueprints/payments/index.html": "testdata/blueprint-payments.html",
	} {
		b, ok := out.File(page)
		if !ok {
			t.Errorf("no %s", page)
			continue
		}
		sitetest.Golden(t, golden, sitetest.Main(t, b))
		if !strings.Contains(string(b), `<link rel="stylesheet" href="../../../assets/audit-print.css" media="print">`) {
			t.Errorf("%s does not link the print stylesheet", page)
		}
	}
	if _, ok := out.File("assets/audit-print.css"); !ok {
		t.Error("assets/audit-print.css is not published")
	}
}

// TestPackLinked checks that every standard's and blueprint's page links its
// pack, and no other page does.
func TestPackLinked(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("../testdata/audit/site.txtar"), today)
	link := regexp.MustCompile(`<a class="audit-pack-link" href="([^"]*)">Audit pack</a>`)
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, "/index.html") || strings.HasPrefix(name, "print/") {
			continue
		}
		b, _ := out.File(name)
		m := link.FindStringSubmatch(string(b))
		var want string
		for _, section := range []string{"standards", "blueprints"} {
			if id, ok := strings.CutPrefix(strings.TrimSuffix(name, "/index.html"), section+"/"); ok && !strings.Contains(id, "/") {
				want = "../../print/" + section + "/" + id + "/"
			}
		}
		switch {
		case want == "" && m != nil:
			t.Errorf("%s links an audit pack (%s)", name, m[1])
		case want != "" && m == nil:
			t.Errorf("%s does not link its audit pack", name)
		case want != "" && m[1] != want:
			t.Errorf("%s links its pack at %s, want %s", name, m[1], want)
		}
	}
}

// TestPackBounded renders a standard that applies to thousands of blueprints,
// each with a long record: its pack is cut into pages, each well under the
// megabyte every page is held to, that together list every blueprint once.
func TestPackBounded(t *testing.T) {
	t.Parallel()
	n := 3000
	if testing.Short() {
		n = 600
	}
	files := map[string]string{"content/standards/s.md": "---\nkind: standard\ntitle: S\nstatus: effective\nfamily: iam\n" +
		"statements:\n  - {id: S-1, text: One, level: must}\n  - {id: S-2, text: Two, level: must}\napplies_to: {criticality: [high]}\n---\n"}
	long := strings.Repeat("a compensating control is in place and reviewed every quarter; ", 8)
	for i := range n {
		files[fmt.Sprintf("content/blueprints/b%05d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %d\ndomain: d%d\ncriticality: high\n"+
			"compliance:\n  - {standard: s, statement: S-1, status: exception, evidence: [\"https://evidence.example.com/%d\"], waiver: {approved_by: CISO, expires: 2027-06-01, justification: %q}}\n"+
			"  - {standard: s, statement: S-2, status: not-applicable, justification: %q}\n---\n", i, i%3, i, long, long)
	}
	out, _ := sitetest.Render(t, files, today)
	row := regexp.MustCompile(`<tr><th scope="row"><a href="[^"]*blueprints/(b\d+)/">`)
	seen := map[string]int{}
	pages, largest := 0, 0
	for k := 1; ; k++ {
		name := "print/standards/s/index.html"
		if k > 1 {
			name = fmt.Sprintf("print/standards/s/%d/index.html", k)
		}
		b, ok := out.File(name)
		if !ok {
			break
		}
		pages++
		largest = max(largest, len(b))
		if len(b) > 400_000 {
			t.Errorf("%s is %d bytes, want at most 400 kB", name, len(b))
		}
		for _, m := range row.FindAllStringSubmatch(string(b), -1) {
			seen[m[1]]++
		}
	}
	t.Logf("%d blueprints: %d pages, the largest %d bytes", n, pages, largest)
	if pages < 2 {
		t.Errorf("%d blueprints fit on %d page, want the pack cut into pages", n, pages)
	}
	if len(seen) != n {
		t.Errorf("the pack's pages list %d blueprints, want %d", len(seen), n)
	}
	for id, c := range seen {
		if c != 1 {
			t.Errorf("%s is listed %d times", id, c)
		}
	}
}
