package generator

import (
	"strings"
	"testing"
)

// matrixSite is a small portfolio that exercises every alignment status, a
// statement-level record, an expired, an expiring and a valid waiver, gaps from
// applies_to, and each record rule. Today is 2026-11-27.
func matrixSite() map[string]string {
	return map[string]string{
		"archfolio.yaml": `
frameworks:
  nist-800-53r5: {title: "NIST SP 800-53 Rev. 5"}
`,
		"content/standards/std-auth.md": `
---
kind: standard
title: Authentication
status: effective
family: iam
statements:
  - {id: A-1, text: Federate sign-in., level: must}
  - {id: A-2, text: Use MFA., level: must}
  - {id: A-3, text: Passkeys are welcome., level: may}
maps_to:
  nist-800-53r5: [ac-2, ia-2]
applies_to:
  criticality: [high, mission-critical]
effectiveness:
  - {metric: Share of in-scope blueprints implementing it, target: 50% by 2027-Q2}
  - {metric: Sign-ins with MFA, target: 99%}
---
`,
		"content/standards/std-log.md": `
---
kind: standard
title: Logging
status: effective
family: logging
maps_to:
  nist-800-53r5: [au-2, ac-2]
applies_to:
  criticality: [mission-critical]
  domain: [payments]
---
`,
		"content/standards/std-tls.md": `
---
kind: standard
title: Transport encryption
status: effective
family: crypto
statements:
  - {id: T-1, text: TLS 1.2 or later., level: must}
  - {id: T-2, text: Mutual TLS inside., level: should}
maps_to:
  nist-800-53r5: [sc-8]
---
`,
		"content/standards/std-draft.md": `
---
kind: standard
title: Workload identity
status: draft
family: iam
applies_to:
  criticality: [high]
---
`,
		"content/blueprints/bp-pay.md": `
---
kind: blueprint
title: Payments
status: implemented
owner: Payments Team
domain: payments
criticality: mission-critical
compliance:
  - {standard: std-auth, statement: A-1, status: implemented, evidence: [https://evidence.example/a1], assessed: 2026-05-01}
  - standard: std-auth
    statement: A-2
    status: exception
    waiver: {approved_by: CISO, expires: 2026-11-26, justification: Legacy adjuster desktop}
  - {standard: std-log, status: not-applicable}
  - {standard: std-tls, status: partial, planned: 2027-Q1, evidence: [bp-claims]}
---
`,
		"content/blueprints/bp-claims.md": `
---
kind: blueprint
title: Claims
status: implemented
owner: Claims Team
domain: claims
criticality: high
compliance:
  - {standard: std-auth, status: implemented, evidence: [bp-pay, https://evidence.example/claims]}
  - {standard: std-auth, statement: A-2, status: non-compliant}
  - {standard: std-tls, statement: T-9, status: implemented}
---
`,
		"content/blueprints/bp-portal.md": `
---
kind: blueprint
title: Portal
status: approved
owner: Digital Team
domain: digital
criticality: high
---
`,
		"content/blueprints/bp-legacy.md": `
---
kind: blueprint
title: Legacy
status: retired
domain: claims
criticality: mission-critical
---
`,
		"content/blueprints/bp-web.md": `
---
kind: blueprint
title: Website
status: implemented
domain: digital
criticality: low
compliance:
  - {standard: std-tls, status: alternative}
  - standard: std-auth
    status: exception
    waiver: {approved_by: CISO, expires: 2026-12-27}
  - {standard: std-log, status: planned}
---
`,
		"content/blueprints/bp-data.md": `
---
kind: blueprint
title: Data platform
status: implemented
domain: data
criticality: medium
compliance:
  - {standard: std-tls, statement: T-1, status: exception}
  - standard: std-tls
    status: implemented
    evidence: [rev-missing]
    waiver: {approved_by: CISO, expires: 2027-01-01}
  - {standard: std-tls, status: implemented}
---
`,
		"content/blueprints/bp-mobile.md": `
---
kind: blueprint
title: Mobile
status: implemented
domain: digital
criticality: mission-critical
compliance:
  - standard: std-auth
    status: exception
    waiver: {approved_by: CISO, expires: 2026-12-28, justification: Vendor SDK}
  - {standard: std-log, status: alternative, justification: Logs ship through the vendor}
  - {standard: std-tls, status: planned, planned: 2027-Q2}
---
`,
	}
}

func loadMatrix(t testing.TB, files map[string]string, today string) (*Matrix, Diagnostics) {
	t.Helper()
	p, diags := loadTestSite(t, files, today)
	if p.Matrix == nil {
		t.Fatal("no matrix computed")
	}
	return p.Matrix, diags
}

// cellOf finds a cell by blueprint and standard id.
func cellOf(t testing.TB, m *Matrix, bp, std string) *MatrixCell {
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
		status     Alignment
		applies    bool
		statements string // statement statuses, "" when the standard has none
	}{
		{"bp-pay", "std-auth", AlignExpired, true, "implemented exception-expired -"},
		{"bp-pay", "std-log", AlignNotApplicable, true, ""},
		{"bp-pay", "std-tls", AlignPartial, false, "partial partial"},
		{"bp-pay", "std-draft", AlignNone, false, ""},
		// The whole-standard record fills the statements the A-2 record leaves.
		{"bp-claims", "std-auth", AlignNonCompliant, true, "implemented non-compliant implemented"},
		{"bp-claims", "std-log", AlignNone, false, ""},
		// A record on an unknown statement still counts for the standard.
		{"bp-claims", "std-tls", AlignImplemented, false, "- -"},
		// applies_to without a record: a gap on must and should, nothing on may.
		{"bp-portal", "std-auth", AlignNotAssessed, true, "not-assessed not-assessed -"},
		{"bp-portal", "std-draft", AlignNone, false, ""},
		{"bp-portal", "std-log", AlignNone, false, ""},
		{"bp-legacy", "std-auth", AlignNone, false, ""},
		{"bp-legacy", "std-log", AlignNone, false, ""},
		{"bp-web", "std-tls", AlignAlternative, false, "alternative alternative"},
		{"bp-web", "std-auth", AlignException, false, "exception exception exception"},
		{"bp-web", "std-log", AlignPlanned, false, ""},
		{"bp-data", "std-tls", AlignException, false, "exception implemented"},
		{"bp-mobile", "std-auth", AlignException, true, "exception exception exception"},
		{"bp-mobile", "std-log", AlignAlternative, false, ""},
		{"bp-mobile", "std-tls", AlignPlanned, false, "planned planned"},
	} {
		c := cellOf(t, m, tc.bp, tc.std)
		var sts []string
		for _, s := range c.Statements {
			sts = append(sts, cmpOr(s.String(), "-"))
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
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}
