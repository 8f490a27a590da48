package backlog_test

import (
	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestBacklogDueDatesAndOrder(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	b := backlog.Of(p)
	var got []string
	for _, it := range b.Open {
		got = append(got, fmt.Sprintf("%s due %s (%s) overdue=%v sla=%v", it.Doc.ID, it.Due.Format(time.DateOnly),
			it.DueBasis, it.Overdue, it.SLABreached))
	}
	want := []string{
		// discovered 2026-10-01 + critical SLA 30 days: overdue.
		"rem-a due 2026-10-31 (sla) overdue=true sla=true",
		// explicit due in January, but discovered 2026-08-01 + the site's medium SLA of 60 days has passed.
		"rem-b due 2027-01-10 (due) overdue=false sla=true",
		// discovered 2026-11-20 + low SLA 180 days.
		"rem-e due 2027-05-19 (sla) overdue=false sla=false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("open items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := b.ByDoc[p.ByID["rem-a"]]; a.DaysLate != 27 || a.JiraURL != "https://jira.example.com/browse/SEC-1" {
		t.Errorf("rem-a: %d days late (want 27), jira %q", a.DaysLate, a.JiraURL)
	}
	if len(b.Accepted) != 1 || b.Accepted[0].Doc.ID != "rem-c" || b.Done != 1 {
		t.Errorf("accepted = %v, done = %d; want rem-c and 1", b.Accepted, b.Done)
	}
	groups := func(gs []backlog.BacklogGroup) string {
		var out []string
		for _, g := range gs {
			var ids []string
			for _, it := range g.Items {
				ids = append(ids, it.Doc.ID)
			}
			out = append(out, g.Name+"="+strings.Join(ids, ","))
		}
		return strings.Join(out, " | ")
	}
	for name, c := range map[string]struct {
		got  []backlog.BacklogGroup
		want string
	}{
		"blueprint": {b.ByBlueprint, "Identity <provider>=rem-b | Payments=rem-a,rem-b | No blueprint named=rem-e"},
		"owner":     {b.ByOwner, "@ops=rem-e | Payments Team=rem-a,rem-b"},
		"source":    {b.BySource, "Payments design review=rem-a | Payments implementation review=rem-b | Payments threat model=rem-e"},
	} {
		if g := groups(c.got); g != c.want {
			t.Errorf("by %s = %s\nwant %s", name, g, c.want)
		}
	}
	cards := backlog.View.Cards(p)
	if cards[0].Value != "1" || cards[1].Value != "2" || cards[1].Detail != "1 expired, 1 within 30 days" {
		t.Errorf("cards = %+v", cards)
	}
}

func TestWaiverExpiry(t *testing.T) {
	t.Parallel()
	doc := func(expires, status string) map[string]string {
		return map[string]string{"content/r.md": `
---
kind: remediation
title: R
status: ` + status + `
severity: low
discovered: 2026-11-01
waiver:
  approved_by: CISO
  expires: ` + expires + `
---
`}
	}
	for _, c := range []struct{ expires, status, want string }{
		{"2026-11-26", "open", "content/r.md:9:3: error: waiver.expires: the waiver expired on 2026-11-26 (1 day ago): renew it with a new expiry, or fix the item and set status: done\n"},
		{"2026-11-27", "open", "content/r.md:9:3: warning: waiver.expires: the waiver expires on 2026-11-27, in 0 days: renew it or plan the fix\n"},
		{"2026-12-27", "risk-accepted", "content/r.md:9:3: warning: waiver.expires: the waiver expires on 2026-12-27, in 30 days: renew it or plan the fix\n"},
		{"2026-12-28", "open", ""},
		{"2026-01-01", "done", ""}, // a fixed item's waiver no longer matters
	} {
		_, diags := sitetest.Load(t, doc(c.expires, c.status), riskToday)
		if got := sitetest.DiagLines(diags); got != c.want {
			t.Errorf("expires %s, %s:\n%s\nwant:\n%s", c.expires, c.status, got, c.want)
		}
	}
}

func TestBacklogItemWarnings(t *testing.T) {
	t.Parallel()
	_, diags := sitetest.Load(t, sitetest.Archive("../testdata/sites/backlog-item-warnings.txtar"), riskToday)
	want := `content/a.md:4:1: warning: status risk-accepted needs a waiver ({approved_by, expires, justification}) so the acceptance expires
content/b.md:5:1: warning: open item has neither due nor discovered: set discovered (the high SLA then gives the due date) or due
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestCSVSafe(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example","x")`: `'=HYPERLINK("http://evil.example","x")`,
		"+1+1":                                  "'+1+1",
		"-2+3":                                  "'-2+3",
		"@SUM(A1:A2)":                           "'@SUM(A1:A2)",
		"\t=1":                                  "'\t=1",
		"\r=1":                                  "'\r'=1",
		"plain title":                           "plain title",
		"a=b":                                   "a=b",
		"2026-11-27":                            "2026-11-27",
		"":                                      "",
		"'already quoted":                       "'already quoted",
		"SEC-101":                               "SEC-101",
		"Ünïcode = fine later":                  "Ünïcode = fine later",
		"  =x":                                  "'  =x",
		"\n=cmd|' /C calc'!A0":                  "\n'=cmd|' /C calc'!A0",
		"first line\n  +1 and more":             "first line\n'  +1 and more",
		"rem-a; =HYPERLINK(\"x\"); @SUM(1)":     "rem-a; '=HYPERLINK(\"x\"); '@SUM(1)",
		"a;=b; c":                               "a;=b; c",
		"\r\n-1":                                "'\r\n'-1",
	} {
		if got := generator.CSVSafe(in); got != want {
			t.Errorf("CSVSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBacklogCSV(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	data := outputFile(t, out, "backlog.csv")
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(backlog.CSVHeader, ",") {
		t.Errorf("header = %v", rows[0])
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
		for i, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %s column %s starts with a formula character: %q", r[0], rows[0][i], cell)
			}
		}
	}
	if got := strings.Join(ids, " "); got != "rem-a rem-b rem-e rem-c rem-d" {
		t.Errorf("rows = %s, want open items in backlog order, then risk-accepted, then done", got)
	}
	e := rows[3]
	if e[1] != `'=HYPERLINK("http://evil.example","x")` || e[6] != "'@ops" {
		t.Errorf("rem-e title %q, owner %q: want both defused with a leading '", e[1], e[6])
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
