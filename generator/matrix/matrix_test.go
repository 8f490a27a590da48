package matrix_test

import (
	"archfolio/generator/diag"
	"archfolio/generator/matrix"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"bytes"
	"cmp"
	"strings"
	"testing"
	"unsafe"
)

// matrixSite is a small portfolio that exercises every alignment status, a
// statement-level record, an expired, an expiring and a valid waiver, gaps from
// applies_to, and each record rule (testdata/matrix/site.txtar). Today is
// 2026-11-27.
func matrixSite() map[string]string {
	return sitetest.Archive("../testdata/matrix/site.txtar")
}

func loadMatrix(t testing.TB, files map[string]string, today string) (*matrix.Matrix, diag.Diagnostics) {
	t.Helper()
	p, diags := sitetest.Load(t, files, today)
	if matrix.Of(p) == nil {
		t.Fatal("no matrix computed")
	}
	return matrix.Of(p), diags
}

// cellOf finds a cell by blueprint and standard id.
func cellOf(t testing.TB, m *matrix.Matrix, bp, std string) *matrix.MatrixCell {
	t.Helper()
	for _, row := range m.Rows {
		if row.Doc.ID != bp {
			continue
		}
		for _, col := range m.Columns {
			if col.Doc.ID == std {
				return row.Cell(col.Index)
			}
		}
	}
	t.Fatalf("no cell %s × %s", bp, std)
	return nil
}

func TestMatrixCells(t *testing.T) {
	t.Parallel()
	m, _ := loadMatrix(t, matrixSite(), "2026-11-27")
	for _, tc := range []struct {
		bp, std    string
		status     matrix.Alignment
		applies    bool
		statements string // statement statuses, "" when the standard has none
	}{
		{"bp-pay", "std-auth", matrix.AlignExpired, true, "implemented exception-expired -"},
		{"bp-pay", "std-log", matrix.AlignNotApplicable, true, ""},
		{"bp-pay", "std-tls", matrix.AlignPartial, false, "partial partial"},
		{"bp-pay", "std-draft", matrix.AlignNone, false, ""},
		// The whole-standard record fills the statements the A-2 record leaves.
		{"bp-claims", "std-auth", matrix.AlignNonCompliant, true, "implemented non-compliant implemented"},
		{"bp-claims", "std-log", matrix.AlignNone, false, ""},
		// A record on an unknown statement still counts for the standard.
		{"bp-claims", "std-tls", matrix.AlignImplemented, false, "- -"},
		// applies_to without a record: a gap on must and should, nothing on may.
		{"bp-portal", "std-auth", matrix.AlignNotAssessed, true, "not-assessed not-assessed -"},
		{"bp-portal", "std-draft", matrix.AlignNone, false, ""},
		{"bp-portal", "std-log", matrix.AlignNone, false, ""},
		{"bp-legacy", "std-auth", matrix.AlignNone, false, ""},
		{"bp-legacy", "std-log", matrix.AlignNone, false, ""},
		{"bp-web", "std-tls", matrix.AlignAlternative, false, "alternative alternative"},
		{"bp-web", "std-auth", matrix.AlignException, false, "exception exception exception"},
		{"bp-web", "std-log", matrix.AlignPlanned, false, ""},
		{"bp-data", "std-tls", matrix.AlignException, false, "exception implemented"},
		{"bp-mobile", "std-auth", matrix.AlignException, true, "exception exception exception"},
		{"bp-mobile", "std-log", matrix.AlignAlternative, false, ""},
		{"bp-mobile", "std-tls", matrix.AlignPlanned, false, "planned planned"},
	} {
		c := cellOf(t, m, tc.bp, tc.std)
		var sts []string
		for _, s := range c.Statements {
			sts = append(sts, cmp.Or(s.String(), "-"))
		}
		if c.Status != tc.status || c.Applies != tc.applies || strings.Join(sts, " ") != tc.statements {
			t.Errorf("%s × %s = %q applies=%v statements %q; want %q applies=%v statements %q",
				tc.bp, tc.std, c.Status, c.Applies, strings.Join(sts, " "), tc.status, tc.applies, tc.statements)
		}
	}
}

func TestMatrixDiagnostics(t *testing.T) {
	t.Parallel()
	_, diags := loadMatrix(t, matrixSite(), "2026-11-27")
	want := `content/blueprints/bp-claims.md:11:25: error: compliance[2].statement: "T-9" is not a statement of "std-tls" (did you mean "T-1"?) (its statements: T-1, T-2)
content/blueprints/bp-data.md:8:5: error: compliance[0]: status exception needs a waiver: add waiver: {approved_by, expires, justification} with an expiry date
content/blueprints/bp-data.md:11:16: warning: compliance[1].evidence[0]: "rev-missing" is neither a known document id nor an http(s) URL: link a document by its id or give a URL
content/blueprints/bp-data.md:12:5: warning: compliance[1].waiver: a waiver only counts for status exception (this record is implemented): remove it or set status: exception
content/blueprints/bp-data.md:13:5: warning: compliance[2]: a second record for "std-tls" (first at compliance[1]); the worse status counts: merge them
content/blueprints/bp-pay.md:13:33: error: compliance[1].waiver.expires: the waiver for "std-auth" statement "A-2" expired on 2026-11-26, 1 day ago: renew it with a new approved expiry, fix the gap, or record the status as non-compliant
content/blueprints/bp-pay.md:14:5: error: compliance[2]: status not-applicable needs a justification: add justification: saying why "std-log" does not apply
content/blueprints/bp-web.md:8:5: error: compliance[0]: status alternative needs a justification: add justification: describing how the alternative meets "std-tls"
content/blueprints/bp-web.md:11:33: warning: compliance[1].waiver.expires: the waiver for "std-auth" expires on 2026-12-27, in 30 days: renew it or close the gap before then
content/blueprints/bp-web.md:12:5: error: compliance[2]: status planned needs a planned date: add planned: with the quarter (2027-Q1) or date when "std-log" will be met
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// matrix.json written a cell at a time must be byte for byte the whole encoding.
func TestMatrixJSONStreamsTheWholeEncoding(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.LoadDir(t, "../..")
	want, err := render.IndentJSON(matrix.ExportMatrixJSON(matrix.Of(p), true))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := matrix.ExportWriteMatrixJSON(&got, matrix.Of(p)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("streamed matrix.json differs from the whole encoding:\n%.300s\nwant\n%.300s", got.Bytes(), want)
	}
	if !bytes.Contains(want, []byte(`"cells": [`+"\n")) {
		t.Error("the sample's matrix.json has no cells: the comparison proves nothing")
	}
}

// A withdrawn statement leaves the matrix: no blueprint is a gap for it, a
// record naming it does not count and is a warning, and the other statements
// roll up as before.
func TestWithdrawnStatements(t *testing.T) {
	t.Parallel()
	std := "---\nid: std\nkind: standard\ntitle: Std\nstatus: effective\nfamily: f\napplies_to: {criticality: [high]}\nstatements:\n" +
		"  - {id: S-1, text: One, level: must}\n  - {id: S-2, text: Two, level: must, withdrawn: true}\n---\n"
	bp := func(id, extra string) string {
		return "---\nid: " + id + "\nkind: blueprint\ntitle: " + id + "\nstatus: implemented\nowner: o\ncriticality: high\ncompliance:\n" +
			"  - {standard: std, statement: S-1, status: implemented}\n" + extra + "---\n"
	}
	m, diags := loadMatrix(t, map[string]string{"content/std.md": std, "content/a.md": bp("a", ""),
		"content/b.md": bp("b", "  - {standard: std, statement: S-2, status: not-applicable, justification: retired}\n")}, "2026-11-27")
	want := `content/b.md:10:21: warning: compliance[1].statement: "S-2" of "std" is withdrawn, so this record no longer counts: align with the statement that replaced it, or remove the record [AF313]` + "\n"
	var got strings.Builder
	for _, d := range diags {
		got.WriteString(d.String() + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
	for _, id := range []string{"a", "b"} {
		if c := cellOf(t, m, id, "std"); c.Status != matrix.AlignImplemented || len(c.Statements) != 1 {
			t.Errorf("%s × std = %v over %d statements, want implemented over S-1 alone", id, c.Status, len(c.Statements))
		}
	}
}

// A standard's page lists its statements once: each row is the statement's
// anchor, its text keeps its items as nested lists, its guidance is folded
// under it, a withdrawn one is marked; the matrix's statement columns link to
// the rows, and the generic field table of statements is gone.
func TestStatementRows(t *testing.T) {
	t.Parallel()
	std := "---\nid: std\nkind: standard\ntitle: Std\nstatus: effective\nfamily: f\napplies_to: {criticality: [high]}\nstatements:\n" +
		"  - id: AC-2\n    text: |-\n      Account <Management>:\n      a. Define types;\n        1. Users;\n        2. Services;\n      b. Review.\n    level: must\n    guidance: |-\n      Why it matters.\n\n      What to do.\n" +
		"  - {id: AC-3, text: Enforce., level: must, withdrawn: true}\n---\n"
	bp := "---\nid: a\nkind: blueprint\ntitle: A\nstatus: implemented\nowner: o\ncriticality: high\ncompliance:\n  - {standard: std, statement: AC-2, status: implemented}\n---\n"
	out, _ := sitetest.Render(t, map[string]string{"content/std.md": std, "content/a.md": bp}, "2026-11-27")
	page, _ := out.File("standards/std/index.html")
	want := `<tr id="stmt-ac-2"><th scope="row"><a href="#stmt-ac-2">AC-2</a></th>
<td>Account &lt;Management&gt;:<ul class="statement-items"><li>a. Define types;<ul class="statement-items"><li>1. Users;</li><li>2. Services;</li></ul></li><li>b. Review.</li></ul><details class="guidance"><summary>Guidance</summary><p>Why it matters.</p><p>What to do.</p></details></td><td>must</td>`
	if !strings.Contains(string(page), want) {
		i := strings.Index(string(page), `<tr id="stmt-ac-2">`)
		t.Errorf("AC-2's row:\n%s\nwant:\n%s", string(page)[max(i, 0):max(i, 0)+600], want)
	}
	if !strings.Contains(string(page), `<tr id="stmt-ac-3" class="withdrawn"><th scope="row"><a href="#stmt-ac-3">AC-3</a> <span class="badge withdrawn">withdrawn</span></th>`) {
		t.Error("the withdrawn statement is not marked on the standard's page")
	}
	if strings.Contains(string(page), `id="field-statements"`) {
		t.Error("the statements are listed twice: the generic field table is still there")
	}
	var names []string
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "matrix/") && strings.HasSuffix(n, ".html") {
			names = append(names, n)
			if data, _ := out.File(n); strings.Contains(string(data), "standards/std/#stmt-ac-2") {
				return
			}
		}
	}
	t.Errorf("no matrix page (%s) links the statement's row", strings.Join(names, ", "))
}

// Records assessed the same day share the date's text: a large portfolio has
// hundreds of thousands of records and a few hundred dates.
func TestRecordsAssessedTheSameDayShareItsText(t *testing.T) {
	t.Parallel()
	files := matrixSite()
	files["content/blueprints/bp-twice.md"] = "---\nkind: blueprint\ntitle: Twice\ndomain: payments\ncompliance:\n" +
		"  - {standard: std-auth, statement: A-1, status: implemented, evidence: [https://e.example/1], assessed: 2026-05-01}\n" +
		"  - {standard: std-log, status: implemented, evidence: [https://e.example/2], assessed: 2026-05-01}\n---\nBody.\n"
	m, diags := loadMatrix(t, files, "2026-11-27")
	var texts []string
	for _, r := range m.Records {
		if r.Assessed == "2026-05-01" {
			texts = append(texts, r.Assessed)
		}
	}
	if len(texts) != 3 {
		t.Fatalf("%d records assessed 2026-05-01, want 3\n%s", len(texts), sitetest.DiagLines(diags))
	}
	for _, s := range texts[1:] {
		if unsafe.StringData(s) != unsafe.StringData(texts[0]) {
			t.Error("records assessed the same day: a text each, want one")
		}
	}
}
