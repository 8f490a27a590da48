package matrix_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/matrix"
	"archfolio/generator/sitetest"
)

// A standard many blueprints align with lists ColumnPanelRows of them on its
// page, gaps first, and says where the others are; the waiver register lists
// WaiversPerPage exceptions a page and links its pages.
func TestLargeColumnAndWaiversArePaged(t *testing.T) {
	t.Parallel()
	const n = matrix.ColumnPanelRows + 50
	files := map[string]string{
		"content/s.md":  "---\nkind: standard\ntitle: Wide standard\nfamily: iam\nstatus: effective\n---\n",
		"content/s2.md": "---\nkind: standard\ntitle: Other standard\nfamily: iam\nstatus: effective\n---\n",
		"content/s3.md": "---\nkind: standard\ntitle: Third standard\nfamily: iam\nstatus: effective\n---\n",
	}
	for i := range n {
		status := "implemented"
		if i%100 == 99 {
			status = "non-compliant"
		}
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\nowner: Team\ncompliance:\n"+
			"  - {standard: s, status: %s, evidence: [https://e.example/%d]}\n"+
			"  - {standard: s2, status: exception, waiver: {approved_by: CISO, expires: 2027-06-30, justification: Legacy}}\n"+
			"  - {standard: s3, status: exception, waiver: {approved_by: CISO, expires: 2027-06-30, justification: Legacy}}\n---\n", i, status, i)
	}
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page, _ := out.File("standards/s/index.html")
	panel, _, _ := strings.Cut(string(page), `id="rel-title"`) // the backlinks after it name every blueprint
	if rows := regexp.MustCompile(`<th scope="row"><a href="../../blueprints/bp-\d+/#align-s"`).FindAllString(panel, -1); len(rows) != matrix.ColumnPanelRows {
		t.Errorf("the standard's alignment panel lists %d blueprints, want %d", len(rows), matrix.ColumnPanelRows)
	}
	if !strings.Contains(panel, fmt.Sprintf("The %d of %d blueprints", matrix.ColumnPanelRows, n)) {
		t.Error("the standard's page does not say how many of its blueprints it lists")
	}
	for i := 99; i < n; i += 100 { // every gap is listed
		if !strings.Contains(panel, fmt.Sprintf(`href="../../blueprints/bp-%03d/#align-s"`, i)) {
			t.Errorf("the gap of bp-%03d is not listed", i)
		}
	}
	first, _ := out.File("matrix/waivers/index.html")
	second, ok := out.File("matrix/waivers/2/index.html")
	if !ok {
		t.Fatal("no second page of the waiver register")
	}
	count := func(b []byte) int { return strings.Count(string(b), `<tr class="waiver-`) }
	if a, b := count(first), count(second); a != matrix.WaiversPerPage || a+b != 2*n {
		t.Errorf("waiver register pages list %d and %d exceptions, want %d and %d", a, b, matrix.WaiversPerPage, 2*n-matrix.WaiversPerPage)
	}
	if !strings.Contains(string(first), `<a rel="next" href="../../matrix/waivers/2/#waivers">`) {
		t.Error("the waiver register's first page does not link to its second")
	}
}
