package matrix_test

import (
	"archfolio/generator/matrix"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// mainOf returns the <main> element of a page: the part the matrix view owns,
// without the menu other views add to.
func mainOf(t *testing.T, page []byte) []byte {
	t.Helper()
	start := bytes.Index(page, []byte("<main"))
	end := bytes.Index(page, []byte("</main>"))
	if start < 0 || end < start {
		t.Fatalf("no <main> in page")
	}
	return page[start : end+len("</main>\n")]
}

func renderMatrixSite(t *testing.T) *render.MemOutput {
	t.Helper()
	out, _ := sitetest.Render(t, matrixSite(), "2026-11-27")
	return out
}

func fileOf(t *testing.T, out *render.MemOutput, name string) []byte {
	t.Helper()
	data, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s; files: %v", name, out.Names())
	}
	return data
}

func TestMatrixGolden(t *testing.T) {
	t.Parallel()
	out := renderMatrixSite(t)
	sitetest.Golden(t, "testdata/index.golden.html", mainOf(t, fileOf(t, out, "matrix/index.html")))
	sitetest.Golden(t, "testdata/controls.golden.html", mainOf(t, fileOf(t, out, "matrix/controls/nist-800-53r5/index.html")))
	sitetest.Golden(t, "testdata/statements-iam.golden.html", mainOf(t, fileOf(t, out, "matrix/statements/iam/index.html")))
	sitetest.Golden(t, "testdata/waivers.golden.html", mainOf(t, fileOf(t, out, "matrix/waivers/index.html")))
	sitetest.Golden(t, "testdata/matrix.golden.csv", fileOf(t, out, "matrix.csv"))
	sitetest.Golden(t, "testdata/matrix.golden.json", fileOf(t, out, "matrix.json"))
	again := renderMatrixSite(t)
	for _, name := range []string{"matrix/index.html", "matrix.csv", "matrix.json", "matrix/waivers/index.html"} {
		if !bytes.Equal(fileOf(t, out, name), fileOf(t, again, name)) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

func TestMatrixPageReadsWithoutJavaScript(t *testing.T) {
	t.Parallel()
	page := string(fileOf(t, renderMatrixSite(t), "matrix/index.html"))
	for _, want := range []string{
		`<form class="filters matrix-filters" data-matrix-filter="matrix-grid" hidden>`,
		`<script src="../assets/matrix.js"></script>`,
		// Every status by colour class, symbol and words.
		`<td class="a-exception-expired"><a href="../blueprints/bp-pay/#align-std-auth" aria-label="Exception (waiver expired): 1 exception (waiver expired), 1 implemented">⚠</a></td>`,
		`<td class="a-not-assessed"><a href="../blueprints/bp-portal/#align-std-auth" aria-label="Not assessed">?</a></td>`,
		`<td class="a-not-applicable"><a href="../blueprints/bp-pay/#align-std-log" aria-label="Not applicable">–</a></td>`,
		`<th scope="colgroup" colspan="2" title="iam"><span><a href="../matrix/statements/iam/">iam</a></span></th>`,
		`<a href="../matrix/controls/nist-800-53r5/">Controls: NIST SP 800-53 Rev. 5</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("matrix page lacks %s", want)
		}
	}
	if n := strings.Count(page, "<tr data-bp"); n != 7 {
		t.Errorf("%d blueprint rows, want all 7", n)
	}
}

func TestMatrixPanels(t *testing.T) {
	t.Parallel()
	out := renderMatrixSite(t)
	bp := string(fileOf(t, out, "blueprints/bp-pay/index.html"))
	for _, want := range []string{
		`<section class="panel" id="alignment" aria-labelledby="alignment-title">`,
		`Score <strong>0%</strong>: 0 of 2 applicable standards implemented or met by an alternative.`,
		`<tr id="align-std-auth">`,
		`<div class="record" id="compliance-1">`,
		`Waiver approved by CISO, expires 2026-11-26 (expired 1 day ago): Legacy adjuster desktop`,
		`Source: <code>content/blueprints/bp-pay.md:10</code>`,
		"Evidence:\n    <a href=\"https://evidence.example/a1\">https://evidence.example/a1</a></p>",
		`<a href="../../blueprints/bp-claims/">Claims</a>`,
	} {
		if !strings.Contains(bp, want) {
			t.Errorf("blueprint page lacks %s", want)
		}
	}
	if strings.Contains(bp, "<dt>Compliance</dt>") {
		t.Error("the metadata panel repeats the compliance list the alignment panel shows")
	}
	std := string(fileOf(t, out, "standards/std-auth/index.html"))
	for _, want := range []string{
		`Adoption <strong>0%</strong>: 0 of 5 applicable blueprints`,
		`<td>Share of in-scope blueprints implementing it</td><td>50% by 2027-Q2</td><td><span class="align a-non-compliant"><span aria-hidden="true">✗</span> Not met</span>: adoption 0%</td>`,
		`<td>Sign-ins with MFA</td><td>99%</td><td>not measured here</td>`,
		`<a href="../../blueprints/bp-portal/#align-std-auth">Portal</a>`,
		`<td>No record yet, though the standard applies to this blueprint.</td>`,
	} {
		if !strings.Contains(std, want) {
			t.Errorf("standard page lacks %s", want)
		}
	}
	home := string(fileOf(t, out, "index.html"))
	for _, want := range []string{
		`<span class="card-title">Compliance</span>`, `<span class="card-value">25%</span>`, `3 of 12 alignments met; 6 open gaps`,
		`<span class="card-title">Alignment waivers</span>`, `1 expired, 1 expiring within 30 days`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
}

// hostileSite puts formula and markup payloads everywhere content reaches the
// matrix exports and pages (testdata/matrix/hostile.txtar).
func hostileSite() map[string]string {
	return sitetest.Archive("../testdata/matrix/hostile.txtar")
}

func TestMatrixCSVInjection(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, hostileSite(), "2026-11-27")
	records, err := csv.NewReader(bytes.NewReader(fileOf(t, out, "matrix.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 {
		t.Fatalf("want a header, the cell and its statement: %q", records)
	}
	for _, rec := range records[1:] {
		for i, cell := range rec {
			t0 := strings.TrimLeft(cell, " ")
			if t0 != "" && strings.ContainsRune("=+-@\t\r", rune(t0[0])) {
				t.Errorf("column %s: %q can run as a formula", matrix.ExportCSVHeader[i], cell)
			}
		}
	}
	row := records[1]
	col := func(name string) string {
		for i, h := range matrix.ExportCSVHeader {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"standard_title":  `'=HYPERLINK("http://evil.example","x")`,
		"owner":           "'-2+3",
		"family":          "'@crypto",
		"blueprint_title": "'\t<script>alert(1)</script>",
		"domain":          "'=domain",
		"justification":   "'=cmd|' /C calc'!A0",
		"evidence":        "'+carriage; javascript:alert(1); https://ok.example/x",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got := records[2][8]; got != "'+S1" {
		t.Errorf("statement = %q, want '+S1", got)
	}
	page := string(fileOf(t, out, "blueprints/b/index.html"))
	if strings.Contains(page, "<script>alert(1)") || strings.Contains(page, `href="javascript:`) {
		t.Error("blueprint page lets markup or a javascript: URL through")
	}
	matrix := string(fileOf(t, out, "matrix/index.html"))
	if strings.Contains(matrix, "<script>alert(1)") || !strings.Contains(matrix, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("matrix page does not escape a blueprint title")
	}
}

func TestMatrixJSONShape(t *testing.T) {
	t.Parallel()
	out := renderMatrixSite(t)
	var m matrix.MatrixJSON
	if err := json.Unmarshal(fileOf(t, out, "matrix.json"), &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != 1 || m.Today != "2026-11-27" || len(m.Standards) != 4 || len(m.Blueprints) != 7 || len(m.Waivers) != 4 {
		t.Errorf("matrix.json: version %d, today %s, %d standards, %d blueprints, %d waivers",
			m.Version, m.Today, len(m.Standards), len(m.Blueprints), len(m.Waivers))
	}
	var pj struct {
		Views struct {
			Matrix matrix.MatrixSummaryJSON `json:"matrix"`
		} `json:"views"`
	}
	if err := json.Unmarshal(fileOf(t, out, "portfolio.json"), &pj); err != nil {
		t.Fatal(err)
	}
	if s := pj.Views.Matrix; s.Export != "matrix.json" || s.Summary.Applicable != 12 || s.Waivers["expired"] != 1 {
		t.Errorf("portfolio.json views.matrix = %+v", s)
	}
}
