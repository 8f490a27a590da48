package matrix_test

import (
	"archfolio/generator/matrix"
	"archfolio/generator/sitetest"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestAlignmentOrder(t *testing.T) {
	t.Parallel()
	for i, a := range matrix.ExportAlignments {
		if matrix.ExportRank(a) != i {
			t.Errorf("%s ranks %d, want %d", a, matrix.ExportRank(a), i)
		}
		if a.Symbol() == "" || a.Label() == "" || a.Meaning() == "" {
			t.Errorf("%s lacks a symbol, label or meaning", a)
		}
		if matrix.ExportWorse(a, matrix.AlignNone) != a || matrix.ExportWorse(matrix.AlignNone, a) != a {
			t.Errorf("AlignNone must never win a roll-up against %s", a)
		}
	}
	if got := matrix.ExportWorse(matrix.AlignImplemented, matrix.AlignNonCompliant); got != matrix.AlignNonCompliant {
		t.Errorf("worse(implemented, non-compliant) = %s", got)
	}
	if got := matrix.ExportWorse(matrix.AlignExpired, matrix.AlignException); got != matrix.AlignExpired {
		t.Errorf("worse(expired, exception) = %s", got)
	}
	gaps := []matrix.Alignment{}
	for _, a := range matrix.ExportAlignments {
		if a.Gap() {
			gaps = append(gaps, a)
		}
	}
	want := []matrix.Alignment{matrix.AlignNonCompliant, matrix.AlignExpired, matrix.AlignNotAssessed, matrix.AlignPlanned, matrix.AlignPartial}
	if !slices.Equal(gaps, want) {
		t.Errorf("gaps = %v, want %v", gaps, want)
	}
}

// appliesSite is one standard with the given applies_to (YAML, or "" for none)
// and a blueprint with the given extra front matter.
func appliesSite(appliesTo, standardStatus, blueprint string) map[string]string {
	std := "---\nkind: standard\ntitle: S\nfamily: f\nstatus: " + standardStatus + "\n"
	if appliesTo != "" {
		std += "applies_to: " + appliesTo + "\n"
	}
	return map[string]string{
		"content/s.md": std + "---\n",
		"content/b.md": "---\nkind: blueprint\ntitle: B\n" + blueprint + "---\n",
	}
}

func TestMatrixAppliesTo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, appliesTo, status, blueprint string
		want                               bool
	}{
		{"one field matches", "{criticality: [high]}", "effective", "criticality: high\n", true},
		{"one field differs", "{criticality: [high]}", "effective", "criticality: low\n", false},
		{"field missing", "{criticality: [high]}", "effective", "domain: x\n", false},
		{"every field must match", "{criticality: [high], domain: [pay]}", "effective", "criticality: high\ndomain: claims\n", false},
		{"every field matches", "{criticality: [high], domain: [pay, claims]}", "effective", "criticality: high\ndomain: claims\n", true},
		{"a list field matches by any item", "{tags: [pci]}", "effective", "tags: [web, pci]\n", true},
		{"blueprint status", "{status: [approved]}", "effective", "status: approved\n", true},
		{"empty applies_to means every blueprint", "{}", "effective", "", true},
		{"no applies_to requires nothing", "", "effective", "criticality: high\n", false},
		{"a draft standard requires nothing", "{criticality: [high]}", "draft", "criticality: high\n", false},
		{"a retired standard requires nothing", "{criticality: [high]}", "retired", "criticality: high\n", false},
		{"a retired blueprint is exempt", "{criticality: [high]}", "approved", "criticality: high\nstatus: retired\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, diags := loadMatrix(t, appliesSite(tc.appliesTo, tc.status, tc.blueprint), "2026-11-27")
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
			}
			c := cellOf(t, m, "b", "s")
			if c.Applies != tc.want {
				t.Errorf("applies = %v, want %v", c.Applies, tc.want)
			}
			wantStatus := matrix.AlignNone
			if tc.want {
				wantStatus = matrix.AlignNotAssessed
			}
			if c.Status != wantStatus {
				t.Errorf("status = %q, want %q", c.Status, wantStatus)
			}
		})
	}
}

func TestMatrixAppliesToDiagnostics(t *testing.T) {
	t.Parallel()
	_, diags := loadMatrix(t, appliesSite("{critcality: [high], lifecycle: [actve]}", "effective", ""), "2026-11-27")
	want := `content/s.md:6:14: warning: applies_to.critcality: a blueprint has no field "critcality" (did you mean "criticality"?), so this standard applies to no blueprint
content/s.md:6:46: warning: applies_to.lifecycle: "actve" is not a lifecycle value (did you mean "active"?) (want one of: plan, phase-in, active, phase-out, end-of-life)
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestMatrixWaiverExpiry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		expires  string
		state    string
		days     int
		status   matrix.Alignment
		severity string // of the diagnostic at the expires line, "" for none
		message  string
	}{
		{"2026-11-20", "expired", -7, matrix.AlignExpired, "error", "expired on 2026-11-20, 7 days ago"},
		{"2026-11-26", "expired", -1, matrix.AlignExpired, "error", "expired on 2026-11-26, 1 day ago"},
		{"2026-11-27", "expiring", 0, matrix.AlignException, "warning", "expires on 2026-11-27, today"},
		{"2026-11-28", "expiring", 1, matrix.AlignException, "warning", "expires on 2026-11-28, in 1 day"},
		{"2026-12-27", "expiring", 30, matrix.AlignException, "warning", "expires on 2026-12-27, in 30 days"},
		{"2026-12-28", "valid", 31, matrix.AlignException, "", ""},
	} {
		t.Run(tc.expires, func(t *testing.T) {
			files := appliesSite("", "effective", fmt.Sprintf(
				"compliance:\n  - standard: s\n    status: exception\n    waiver:\n      approved_by: CISO\n      expires: %s\n", tc.expires))
			m, diags := loadMatrix(t, files, "2026-11-27")
			c := cellOf(t, m, "b", "s")
			w := c.Records[0].Waiver
			if w.State() != tc.state || w.DaysLeft != tc.days || c.Status != tc.status {
				t.Errorf("state %s, %d days left, cell %s; want %s, %d, %s", w.State(), w.DaysLeft, c.Status, tc.state, tc.days, tc.status)
			}
			got := sitetest.DiagLines(diags)
			if tc.severity == "" {
				if got != "" {
					t.Errorf("want no diagnostic, got:\n%s", got)
				}
				return
			}
			prefix := "content/b.md:9:7: " + tc.severity + ": compliance[0].waiver.expires: the waiver for \"s\" "
			if len(diags) != 1 || !strings.HasPrefix(got, prefix+tc.message) {
				t.Errorf("diagnostics:\n%s\nwant one starting %q", got, prefix+tc.message)
			}
		})
	}
}

func TestMatrixRollUps(t *testing.T) {
	t.Parallel()
	m, _ := loadMatrix(t, matrixSite(), "2026-11-27")
	col := func(id string) *matrix.MatrixColumn {
		for _, c := range m.Columns {
			if c.Doc.ID == id {
				return c
			}
		}
		t.Fatalf("no column %s", id)
		return nil
	}
	auth := col("std-auth")
	// std-auth cells: pay expired, claims non-compliant, portal not-assessed,
	// web exception, mobile exception: 5 applicable, none adopted, 3 gaps.
	if a := auth.Tally; a.Applicable != 5 || a.Adopted != 0 || a.Gaps != 3 || a.Percent() != 0 {
		t.Errorf("std-auth tally %+v", a)
	}
	// pay implemented, claims implemented (whole), portal not-assessed, web and
	// mobile exception: 2 of 5 adopted.
	if a := auth.StatementTallies[0]; a.Applicable != 5 || a.Adopted != 2 || a.Percent() != 40 {
		t.Errorf("A-1 tally %+v", a)
	}
	if !auth.Targets[0].Measured || auth.Targets[0].Met || auth.Targets[0].Percent != 50 {
		t.Errorf("adoption target %+v: want measured, 50%%, not met", auth.Targets[0])
	}
	if auth.Targets[1].Measured {
		t.Errorf("a metric not about blueprints is not measured: %+v", auth.Targets[1])
	}
	// std-log: pay not-applicable, web planned, mobile alternative.
	if a := col("std-log").Tally; a.Applicable != 2 || a.Adopted != 1 || a.Percent() != 50 || a.Count(matrix.AlignNotApplicable) != 1 {
		t.Errorf("std-log tally %+v", a)
	}
	row := m.Row(m.Rows[0].Doc)
	if row.Doc.ID != "bp-claims" {
		t.Fatalf("rows sort by domain then title; first is %s", row.Doc.ID)
	}
	if a := row.Tally; a.Applicable != 2 || a.Adopted != 1 || a.Gaps != 1 {
		t.Errorf("bp-claims tally %+v", a)
	}
	var ids []string
	for _, r := range m.Exceptions {
		ids = append(ids, r.Blueprint.ID+"/"+r.Waiver.State())
	}
	if want := "bp-data/missing bp-pay/expired bp-web/expiring bp-mobile/valid"; strings.Join(ids, " ") != want {
		t.Errorf("exceptions %q, want %q", strings.Join(ids, " "), want)
	}
}

func TestMatrixCoverage(t *testing.T) {
	t.Parallel()
	m, _ := loadMatrix(t, matrixSite(), "2026-11-27")
	var fams []string
	for _, f := range m.Families {
		var unc []string
		for _, u := range f.Uncovered {
			unc = append(unc, cmp.Or(u.Statement, u.Column.Doc.ID))
		}
		fams = append(fams, fmt.Sprintf("%s %d/%d [%s]", f.Family, f.Covered, f.Controls, strings.Join(unc, " ")))
	}
	// T-2 is covered by bp-web's alternative; A-2 has no implementing blueprint.
	want := "crypto 2/2 [] | iam 2/4 [A-2 std-draft] | logging 1/1 []"
	if got := strings.Join(fams, " | "); got != want {
		t.Errorf("families:\n%s\nwant:\n%s", got, want)
	}
	if len(m.Frameworks) != 1 || m.Frameworks[0].Title != "NIST SP 800-53 Rev. 5" {
		t.Fatalf("frameworks %+v", m.Frameworks)
	}
	var ctl []string
	for _, c := range m.Frameworks[0].Controls {
		ctl = append(ctl, fmt.Sprintf("%s=%d/%d", c.Label, c.Tally.Adopted, c.Tally.Applicable))
	}
	// ac-2 maps from std-auth and std-log: a blueprint's status is the worse one,
	// so bp-mobile (exception, alternative) does not implement it.
	if got, want := strings.Join(ctl, " "), "AC-2=0/5 AU-2=1/2 IA-2=0/5 SC-8=2/5"; got != want {
		t.Errorf("controls %s, want %s", got, want)
	}
	if f := m.Frameworks[0]; f.Covered != 2 || f.Uncovered() != 2 || f.Percent() != 50 {
		t.Errorf("framework coverage %d covered, %d uncovered, %d%%", f.Covered, f.Uncovered(), f.Percent())
	}
}

func TestControlIDs(t *testing.T) {
	t.Parallel()
	ids := []string{"ac-10", "ac-2.1", "a.5.16", "ac-2", "ia-2.10", "ia-2.2", "a.5.3", "ac-1"}
	slices.SortFunc(ids, matrix.ExportCompareControlIDs)
	if got := strings.Join(ids, " "); got != "a.5.3 a.5.16 ac-1 ac-2 ac-2.1 ac-10 ia-2.2 ia-2.10" {
		t.Errorf("sorted %s", got)
	}
	for id, want := range map[string]string{"ac-2.1": "AC-2(1)", "ia-2": "IA-2", "sc-28.1.2": "SC-28(1)(2)", "a.5.16": "A.5.16"} {
		if got := matrix.ControlLabel(id); got != want {
			t.Errorf("controlLabel(%s) = %s, want %s", id, got, want)
		}
	}
	if g := matrix.ExportControlGroup("a.5.16"); g != "A.5" {
		t.Errorf("controlGroup(a.5.16) = %s", g)
	}
}
