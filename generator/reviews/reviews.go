package reviews

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"archfolio/generator/risk"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// View is the review schedule: design, implementation and periodic reviews,
// their findings and conditions, the reviews page and panels.
var View = render.View{Name: "reviews", Analyse: analyseReviews, Menu: reviewsMenu(), Pages: reviewPages,
	Panels: reviewPanels, Cards: reviewCards, JSON: reviewsJSON, Files: reviewFiles, Sorted: reviewSorted,
	Shows: []string{"review.findings", "review.conditions"}}

// result is where the reviews analysis keeps its result on a Portfolio.
var result = generator.NewResult[*ReviewSchedule]()

// Of returns the reviews view's analysis of p.
func Of(p *generator.Portfolio) *ReviewSchedule { return result.Get(p) }

// reviewWindow is how far ahead, in days, a review counts as due soon on the home page.
const reviewWindow = 30

// ReviewInfo is one design, implementation or periodic review as the reviews view
// reads it.
type ReviewInfo struct {
	Doc        *generator.Document
	Subject    *generator.Document // nil when unresolved
	Stage      string
	Outcome    string
	Date       time.Time
	Next       time.Time // zero when the review names no next date
	Findings   []Finding
	Conditions []Condition
	// Open counts the unmet conditions, Overdue those of them past their due date.
	Open, Overdue int
	// NextOverdue: the next review is due, no later review has taken place, and the
	// date has passed NextLate days ago.
	NextOverdue bool
	NextLate    int
}

// Finding is one finding of a review; Remediation is the backlog item it led to.
type Finding struct {
	Review    *generator.Document
	ID, Title string
	Severity  string
	Standard  *generator.Document
	// Statement is the standard's statement the finding names
	// (standard: ID#STATEMENT), or nil.
	Statement   *risk.StatementRef
	Remediation *generator.Document
}

// Condition is a condition attached to a review outcome.
type Condition struct {
	Text     string
	Due      time.Time // zero when none
	Met      bool
	Overdue  bool // unmet and past due at Today
	DaysLate int
}

// ReviewDue is a review that is due: the next date of a subject's latest review, or
// a scheduled review.
type ReviewDue struct {
	Review    *ReviewInfo
	Due       time.Time
	Scheduled bool // the review itself is scheduled (rather than a follow-up of it)
	Overdue   bool
	Days      int // days late when overdue, else days left
}

// ConditionDue is an unmet condition past its due date.
type ConditionDue struct {
	Review    *ReviewInfo
	Condition Condition
}

// ReviewSchedule is the reviews view: every review, what is due and what is late.
type ReviewSchedule struct {
	Reviews    []*ReviewInfo // newest first
	Overdue    []ReviewDue   // most overdue first
	Upcoming   []ReviewDue   // soonest first
	Conditions []ConditionDue
	BySubject  map[*generator.Document][]*ReviewInfo // newest first
	ByDoc      map[*generator.Document]*ReviewInfo
	// FoundIn lists, for a remediation item, the review findings that name it.
	FoundIn map[*generator.Document][]Finding
	Filters []render.Filter
}

func analyseReviews(p *generator.Portfolio) diag.Diagnostics {
	s := &ReviewSchedule{BySubject: map[*generator.Document][]*ReviewInfo{}, ByDoc: map[*generator.Document]*ReviewInfo{},
		FoundIn: map[*generator.Document][]Finding{}}
	var diags diag.Diagnostics
	for _, d := range p.ByKind["review"] {
		r, ds := readReview(p, d)
		diags = append(diags, ds...)
		s.Reviews = append(s.Reviews, r)
		s.ByDoc[d] = r
		for _, f := range r.Findings {
			if f.Remediation != nil {
				s.FoundIn[f.Remediation] = append(s.FoundIn[f.Remediation], f)
			}
		}
		for _, c := range r.Conditions {
			if c.Overdue {
				s.Conditions = append(s.Conditions, ConditionDue{Review: r, Condition: c})
			}
		}
	}
	slices.SortFunc(s.Reviews, func(a, b *ReviewInfo) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	for _, r := range s.Reviews {
		if r.Subject != nil {
			s.BySubject[r.Subject] = append(s.BySubject[r.Subject], r)
		}
	}
	s.Overdue, s.Upcoming = reviewsDue(p.Today, s.Reviews)
	slices.SortStableFunc(s.Conditions, func(a, b ConditionDue) int { return a.Condition.Due.Compare(b.Condition.Due) })
	s.Filters = reviewFilters(s.Reviews)
	result.Set(p, s)
	return diags
}

// readReview reads a review's findings and conditions; it checks that finding ids
// are unique and that an approval with conditions lists them.
func readReview(p *generator.Portfolio, d *generator.Document) (*ReviewInfo, diag.Diagnostics) {
	f := d.Fields
	r := &ReviewInfo{Doc: d, Subject: generator.RefTarget(d, "subject"), Stage: f.String("stage"), Outcome: f.String("outcome"),
		Date: generator.DateField(f, "date"), Next: generator.DateField(f, "next")}
	sink := &diag.DiagSink{Path: d.Path}
	seen := map[string]int{}
	for i, v := range f.List("findings") {
		o, ok := v.(*generator.Object)
		if !ok {
			continue
		}
		at := "findings[" + strconv.Itoa(i) + "]"
		fd := Finding{Review: d, ID: o.String("id"), Title: o.String("title"), Severity: o.String("severity"),
			Standard: generator.RefTarget(d, at+".standard"), Remediation: generator.RefTarget(d, at+".remediation")}
		if named := risk.NamedStatements(d, at+".standard", diag.CodeUnknownStatement, sink); len(named) > 0 {
			fd.Statement = &named[0]
		}
		if first, dup := seen[fd.ID]; dup && fd.ID != "" {
			sink.Report(diag.CodeDuplicateFindingID, d.Pos(at+".id"), "%s.id: duplicate finding id %q (findings[%d] has it too); give each finding its own id", at, fd.ID, first)
		} else {
			seen[fd.ID] = i
		}
		r.Findings = append(r.Findings, fd)
	}
	for _, v := range f.List("conditions") {
		o, ok := v.(*generator.Object)
		if !ok {
			continue
		}
		met, _ := o.Get("met").(bool)
		c := Condition{Text: o.String("text"), Due: generator.DateField(o, "due"), Met: met}
		if !met {
			r.Open++
			if !c.Due.IsZero() && c.Due.Before(p.Today) {
				c.Overdue, c.DaysLate = true, generator.DaysBetween(c.Due, p.Today)
				r.Overdue++
			}
		}
		r.Conditions = append(r.Conditions, c)
	}
	if r.Outcome == "approved-with-conditions" && len(r.Conditions) == 0 {
		sink.Report(diag.CodeMissingConditions, d.Pos("outcome"), "outcome approved-with-conditions lists no conditions: add them under conditions ({text, due, met})")
	}
	return r, sink.Diags
}

// reviewsDue returns the overdue and upcoming reviews at today. A review's next date
// counts only while no later review of the same subject exists; a scheduled review
// counts at its own date.
func reviewsDue(today time.Time, reviews []*ReviewInfo) (overdue, upcoming []ReviewDue) {
	latest := map[string]time.Time{}
	for _, r := range reviews {
		subject := r.Doc.Fields.String("subject")
		if r.Date.After(latest[subject]) {
			latest[subject] = r.Date
		}
	}
	for _, r := range reviews {
		var due ReviewDue
		switch {
		case r.Doc.Status == "scheduled" && !r.Date.IsZero():
			due = ReviewDue{Review: r, Due: r.Date, Scheduled: true}
		case !r.Next.IsZero() && !latest[r.Doc.Fields.String("subject")].After(r.Date):
			due = ReviewDue{Review: r, Due: r.Next}
		default:
			continue
		}
		if due.Due.Before(today) {
			due.Overdue, due.Days = true, generator.DaysBetween(due.Due, today)
			if !due.Scheduled {
				r.NextOverdue, r.NextLate = true, due.Days
			}
			overdue = append(overdue, due)
		} else {
			due.Days = generator.DaysBetween(today, due.Due)
			upcoming = append(upcoming, due)
		}
	}
	byDue := func(a, b ReviewDue) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Review.Doc.ID, b.Review.Doc.ID))
	}
	slices.SortFunc(overdue, byDue)
	slices.SortFunc(upcoming, byDue)
	return overdue, upcoming
}

func reviewFilters(reviews []*ReviewInfo) []render.Filter {
	values := func(get func(*ReviewInfo) string) []string {
		seen := map[string]bool{}
		for _, r := range reviews {
			if v := get(r); v != "" {
				seen[v] = true
			}
		}
		return generator.SortedKeys(seen)
	}
	return []render.Filter{
		{Name: "stage", Label: "Stage", Values: values(func(r *ReviewInfo) string { return r.Stage }), Show: generator.Humanize},
		{Name: "outcome", Label: "Outcome", Values: values(func(r *ReviewInfo) string { return r.Outcome }), Show: generator.Humanize},
		{Name: "status", Label: "Status", Values: values(func(r *ReviewInfo) string { return r.Doc.Status }), Show: generator.Humanize},
		{Name: "blueprint", Label: "Blueprint", Values: values(func(r *ReviewInfo) string { return r.SubjectName() })},
	}
}

// SubjectName returns the title of the reviewed blueprint, or its id as written.
func (r *ReviewInfo) SubjectName() string {
	if r.Subject != nil {
		return r.Subject.Title
	}
	return r.Doc.Fields.String("subject")
}

// FilterValue returns what the review offers to a filter of the reviews page.
func (r *ReviewInfo) FilterValue(name string) string {
	switch name {
	case "stage":
		return r.Stage
	case "outcome":
		return r.Outcome
	case "status":
		return r.Doc.Status
	case "blueprint":
		return r.SubjectName()
	}
	return ""
}

func reviewsMenu() *render.MenuItem {
	return &render.MenuItem{Label: "Reviews", URL: "reviews/", Section: "review"}
}

// reviewPanels adds the review history to every blueprint page and the findings and
// conditions to a review's page.
func reviewPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	switch d.Kind {
	case "blueprint":
		return []render.Panel{render.NewPanel(reviewHistoryPanel, "bp-reviews", "Review history", Of(p).BySubject[d])}
	case "review":
		if r := Of(p).ByDoc[d]; r != nil && (len(r.Findings) > 0 || len(r.Conditions) > 0 || !r.Next.IsZero()) {
			return []render.Panel{render.NewPanel(reviewFindingsPanel, "rv-findings", "Findings and conditions", r)}
		}
	}
	return nil
}

// reviewCards is the home page's figure: reviews overdue or due within reviewWindow days.
func reviewCards(p *generator.Portfolio) []render.Card {
	s := Of(p)
	soon := 0
	for _, u := range s.Upcoming {
		if u.Days <= reviewWindow {
			soon++
		}
	}
	detail := fmt.Sprintf("%d overdue, %d in the next %d days", len(s.Overdue), soon, reviewWindow)
	if len(s.Conditions) > 0 {
		detail += "; " + generator.Plural(len(s.Conditions), "condition", "conditions") + " past due"
	}
	return []render.Card{{Title: "Reviews due", Value: strconv.Itoa(len(s.Overdue) + soon), Detail: detail,
		URL: "reviews/", Alert: render.AlertIf(len(s.Overdue) > 0 || len(s.Conditions) > 0, render.AlertWarning)}}
}

// reviewsJSON is the reviews view's part of portfolio.json.
func reviewsJSON(p *generator.Portfolio) any {
	type dueJSON struct {
		Review    string `json:"review"`
		Subject   string `json:"subject"`
		Due       string `json:"due"`
		Scheduled bool   `json:"scheduled"`
		Overdue   bool   `json:"overdue"`
	}
	type condJSON struct {
		Review string `json:"review"`
		Text   string `json:"text"`
		Due    string `json:"due"`
	}
	out := struct {
		Overdue    []dueJSON  `json:"overdue"`
		Upcoming   []dueJSON  `json:"upcoming"`
		Conditions []condJSON `json:"conditions_past_due"`
	}{[]dueJSON{}, []dueJSON{}, []condJSON{}}
	for _, list := range []struct {
		in  []ReviewDue
		out *[]dueJSON
	}{{Of(p).Overdue, &out.Overdue}, {Of(p).Upcoming, &out.Upcoming}} {
		for _, u := range list.in {
			*list.out = append(*list.out, dueJSON{Review: u.Review.Doc.ID, Subject: u.Review.Doc.Fields.String("subject"),
				Due: u.Due.Format(time.DateOnly), Scheduled: u.Scheduled, Overdue: u.Overdue})
		}
	}
	for _, c := range Of(p).Conditions {
		out.Conditions = append(out.Conditions, condJSON{Review: c.Review.Doc.ID, Text: c.Condition.Text,
			Due: c.Condition.Due.Format(time.DateOnly)})
	}
	return out
}
