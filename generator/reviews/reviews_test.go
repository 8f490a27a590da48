package reviews_test

import (
	"archfolio/generator/render"
	"archfolio/generator/reviews"
	"archfolio/generator/sitetest"
	"strings"
	"testing"
	"time"
)

func TestReviewSchedule(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	s := reviews.Of(p)
	dues := func(list []reviews.ReviewDue) string {
		var out []string
		for _, u := range list {
			out = append(out, u.Review.Doc.ID+"@"+u.Due.Format(time.DateOnly))
		}
		return strings.Join(out, " ")
	}
	// rev-pay-design's next (2026-09-01) is superseded by the later implementation
	// review; rev-web's next has passed; rev-idp is scheduled.
	if got := dues(s.Overdue); got != "rev-web@2026-11-01" {
		t.Errorf("overdue = %s, want rev-web@2026-11-01", got)
	}
	if got := dues(s.Upcoming); got != "rev-idp@2026-12-10 rev-pay-impl@2027-06-01" {
		t.Errorf("upcoming = %s", got)
	}
	if s.Overdue[0].Days != 26 || !s.Upcoming[0].Scheduled || s.Upcoming[0].Days != 13 {
		t.Errorf("days: overdue %d (want 26), upcoming %d scheduled %v (want 13, true)", s.Overdue[0].Days, s.Upcoming[0].Days, s.Upcoming[0].Scheduled)
	}
	if len(s.Conditions) != 1 || s.Conditions[0].Condition.Text != "Agree a settlement file check" || s.Conditions[0].Condition.DaysLate != 57 {
		t.Errorf("conditions past due = %+v, want the unmet one, 57 days late", s.Conditions)
	}
	if got := s.BySubject[p.ByID["pay"]]; len(got) != 2 || got[0].Doc.ID != "rev-pay-impl" {
		t.Errorf("pay's review history = %v, want newest first", got)
	}
	if f := s.FoundIn[p.ByID["rem-a"]]; len(f) != 1 || f[0].ID != "F-1" || f[0].Review.ID != "rev-pay-design" {
		t.Errorf("rem-a found in %+v, want F-1 of rev-pay-design", f)
	}
	card := reviews.View.Cards(p)[0]
	if card.Value != "2" || card.Alert != render.AlertWarning || card.Detail != "1 overdue, 1 in the next 30 days; 1 condition past due" {
		t.Errorf("reviews card = %+v", card)
	}
}

func TestReviewDiagnostics(t *testing.T) {
	t.Parallel()
	site := sitetest.Archive("../testdata/sites/review-diagnostics.txtar")
	_, diags := sitetest.Load(t, site, riskToday)
	want := `content/r.md:7:1: warning: outcome approved-with-conditions lists no conditions: add them under conditions ({text, due, met})
content/r.md:9:27: error: findings[0].remediation: unknown id "rem-x"
content/r.md:10:6: error: findings[1].id: duplicate finding id "F-1" (findings[0] has it too); give each finding its own id
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestFindingAndRemediationLinkBothWays(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	if n := diags.Errors(); n != 1 { // rem-c's expired waiver
		t.Fatalf("want 1 error, got:\n%s", sitetest.DiagLines(diags))
	}
	review := outputFile(t, out, "reviews/rev-pay-design/index.html")
	if !strings.Contains(review, `<a href="../../remediation/rem-a/">Sign webhooks</a>`) {
		t.Errorf("the review's finding does not link its remediation item")
	}
	rem := outputFile(t, out, "remediation/rem-a/index.html")
	if !strings.Contains(rem, `Finding <a href="../../reviews/rev-pay-design/#finding-f-1">F-1</a>`) {
		t.Errorf("the remediation item does not link back to the finding")
	}
	if !strings.Contains(rem, "Found in") {
		t.Errorf("the remediation item has no found-in relation")
	}
}

// riskToday is the pinned date of the risk, review and backlog fixture site.
const riskToday = "2026-11-27"

func outputFile(t *testing.T, out *render.MemOutput, name string) string {
	t.Helper()
	data, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s in the output", name)
	}
	return string(data)
}
