package quality_test

import (
	"strings"
	"testing"

	"archfolio/generator/quality"
	"archfolio/generator/sitetest"
)

// TestFindingsRecurByStatement: review findings and remediation items that
// name a standard's statement (standard: ID#STATEMENT) recur by that
// statement. Three blueprints' reviews find TLS-1 unmet: a systemic gap of
// the statement, with the item that fixes it; a statement the standard lacks
// is an error at the finding's or the item's standard (AF311).
func TestFindingsRecurByStatement(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/standards/crypto.md": "---\nid: crypto\nkind: standard\ntitle: Cryptography\nstatus: effective\nowner: Security\n" +
			"family: crypto\nstatements:\n  - {id: TLS-1, level: must, text: TLS 1.2 or later}\n  - {id: KEY-1, level: must, text: Keys in the KMS}\n---\nBody.\n",
		"content/remediation/rem-tls.md": "---\nid: rem-tls\nkind: remediation\ntitle: Retire TLS 1.0 endpoints\nstatus: open\nowner: Platform Team\n" +
			"severity: high\ndiscovered: 2026-09-01\nstandard: crypto#TLS-1\naffects: [portal]\n---\nBody.\n",
		"content/remediation/rem-keys.md": "---\nid: rem-keys\nkind: remediation\ntitle: Move keys to the KMS\nstatus: open\nowner: Platform Team\n" +
			"severity: medium\ndiscovered: 2026-09-01\nstandard: crypto#KEYS-1\naffects: [ledger]\n---\nBody.\n",
	}
	for i, bp := range []string{"portal", "ledger", "claims", "billing"} {
		files["content/blueprints/"+bp+".md"] = "---\nid: " + bp + "\nkind: blueprint\ntitle: " + strings.ToUpper(bp[:1]) + bp[1:] + "\nstatus: implemented\nowner: Team\n---\nBody.\n"
		standard := "crypto#TLS-1"
		if bp == "billing" {
			standard = "crypto#TLS-9"
		}
		files["content/reviews/rv-"+bp+".md"] = "---\nid: rv-" + bp + "\nkind: review\ntitle: Review of " + bp + "\nstatus: completed\nowner: Architecture Board\n" +
			"subject: " + bp + "\nstage: design\ndate: 2026-10-0" + string(rune('1'+i)) + "\noutcome: approved\n" +
			"findings:\n  - {id: F-1, title: TLS 1.0 still accepted, severity: high, standard: " + standard + "}\n---\nBody.\n"
	}
	p, diags := sitetest.Load(t, files, today)
	want := "content/remediation/rem-keys.md:9:1: error: standard: \"KEYS-1\" is not a statement of standard \"crypto\" (did you mean \"KEY-1\"?)\n" +
		"content/reviews/rv-billing.md:12:62: error: findings[0].standard: \"TLS-9\" is not a statement of standard \"crypto\" (did you mean \"TLS-1\"?)\n"
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	var found *quality.Recurrence
	for _, r := range quality.Of(p).Recurring {
		if r.By == quality.ByStatement && r.Key == "crypto#TLS-1" {
			found = r
		}
	}
	if found == nil || !found.Systemic() {
		t.Fatalf("the group of crypto#TLS-1 is missing or not systemic: %+v", found)
	}
	var bps, items []string
	for _, b := range found.Blueprints {
		bps = append(bps, b.ID)
	}
	for _, it := range found.Open {
		items = append(items, it.Doc.ID)
	}
	if got := strings.Join(bps, ",") + " | " + strings.Join(items, ",") + " | " + found.Name(); got != "claims,ledger,portal | rem-tls | Cryptography, statement TLS-1" {
		t.Errorf("the statement's group: %s", got)
	}
}

// TestRecurringRowsNameFive: a gap across seven blueprints names five of them
// on the page and says how many more, so that a gap across thousands keeps
// the page bounded; the text report names all seven.
func TestRecurringRowsNameFive(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/standards/crypto.md": "---\nid: crypto\nkind: standard\ntitle: Cryptography\nstatus: effective\nowner: Security\n" +
			"family: crypto\nstatements:\n  - {id: TLS-1, level: must, text: TLS 1.2 or later}\n---\nBody.\n",
	}
	for i := range 7 {
		bp := "bp-" + string(rune('a'+i))
		files["content/blueprints/"+bp+".md"] = "---\nid: " + bp + "\nkind: blueprint\ntitle: Blueprint " + bp + "\nstatus: implemented\nowner: Team\n---\nBody.\n"
		files["content/reviews/rv-"+bp+".md"] = "---\nid: rv-" + bp + "\nkind: review\ntitle: Review of " + bp + "\nstatus: completed\nowner: Board\n" +
			"subject: " + bp + "\nstage: design\ndate: 2026-10-01\noutcome: approved\n" +
			"findings:\n  - {id: F-1, title: TLS 1.0 still accepted, severity: high, standard: crypto#TLS-1}\n---\nBody.\n"
	}
	out, _ := sitetest.Render(t, files, today)
	page, _ := out.File("quality/index.html")
	row := string(page)
	start := strings.Index(row, "Standard statement: ")
	if start < 0 {
		t.Fatal("no row for the statement")
	}
	row = row[start : start+strings.Index(row[start:], "</tr>")]
	if links, more := strings.Count(row, `href="../blueprints/`), strings.Contains(row, "Blueprint bp-e</a> and 2 more</td>"); links != 5 || !more {
		t.Errorf("the row names %d blueprints (want 5), and 2 more: %v\n%s", links, more, row)
	}
	p, _ := sitetest.Load(t, files, today)
	var b strings.Builder
	if err := quality.WriteText(&b, quality.Of(p)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Blueprint bp-g") {
		t.Error("the text report leaves out a blueprint of the gap")
	}
}
