package backlog

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

// result is where the backlog analysis keeps its result on a Portfolio.
var result = generator.NewResult[*Backlog]()

// Of returns the backlog view's analysis of p.
func Of(p *generator.Portfolio) *Backlog { return result.Get(p) }

// BacklogItem is a remediation item with its due date worked out at Today.
type BacklogItem struct {
	Doc      *generator.Document
	Jira     string
	JiraURL  string // "" when archfolio.yaml has no jira.url
	Severity string
	Status   string
	Source   *generator.Document
	Affects  []*generator.Document
	Standard *generator.Document
	// Statement is the standard's statement the item names (standard:
	// ID#STATEMENT), or nil; readBacklogItem reports one the standard lacks.
	Statement  *risk.StatementRef
	Discovered time.Time // zero when not given
	// Due is the explicit due date, else discovered + the severity's SLA; DueBasis
	// says which ("due", "sla" or "" when there is none).
	Due      time.Time
	DueBasis string
	SLADays  int
	SLADue   time.Time // discovered + SLA; zero without discovered
	// Overdue: open and past Due; SLABreached: open and past SLADue.
	Overdue     bool
	SLABreached bool
	DaysLate    int // days past Due when overdue
	DaysLeft    int // days until Due otherwise
	Waiver      *Waiver
}

// Waiver is a remediation item's approved exception and its expiry countdown.
type Waiver struct {
	ApprovedBy    string
	Expires       time.Time
	Justification string
	Expired       bool // expires is before Today
	Expiring      bool // not expired, within WaiverWarningDays
	Days          int  // days left, or days since expiry when expired
}

// Open reports whether the item is still to be fixed: open, in progress or blocked.
func (it *BacklogItem) Open() bool {
	return it.Status == "" || it.Status == "open" || it.Status == "in-progress" || it.Status == "blocked"
}

// BacklogGroup is the open items of one blueprint, owner or source.
type BacklogGroup struct {
	Name  string
	Slug  string
	Doc   *generator.Document // the blueprint or source document, if any
	Items []*BacklogItem
	Of    int // on a page that shows part of the group: how many items it has in all
}

// Backlog is the remediation backlog: every item and the views of the open ones.
type Backlog struct {
	Items    []*BacklogItem // every item: open ones in backlog order, then the rest by id
	Open     []*BacklogItem // overdue first, then SLA breaches, then by due date
	Accepted []*BacklogItem // risk-accepted
	Waivers  []*BacklogItem // not done, with a waiver, soonest expiry first
	Done     int
	Overdue  int
	Breached int
	// ByBlueprint, ByOwner and BySource group the open items.
	ByBlueprint, ByOwner, BySource []BacklogGroup
	ByDoc                          map[*generator.Document]*BacklogItem
	Filters                        []render.Filter
}

func analyseBacklog(p *generator.Portfolio) diag.Diagnostics {
	b := &Backlog{ByDoc: map[*generator.Document]*BacklogItem{}}
	var diags diag.Diagnostics
	for _, d := range p.ByKind["remediation"] {
		it, named := readBacklogItem(p, d)
		diags = append(diags, named...)
		diags = append(diags, checkBacklogItem(d, it)...)
		b.ByDoc[d] = it
		switch {
		case it.Open():
			b.Open = append(b.Open, it)
		case it.Status == "risk-accepted":
			b.Accepted = append(b.Accepted, it)
		case it.Status == "done":
			b.Done++
		}
		if it.Waiver != nil && it.Status != "done" {
			b.Waivers = append(b.Waivers, it)
		}
		if it.Overdue {
			b.Overdue++
		}
		if it.SLABreached {
			b.Breached++
		}
	}
	slices.SortStableFunc(b.Open, backlogOrder)
	slices.SortStableFunc(b.Accepted, backlogOrder)
	slices.SortStableFunc(b.Waivers, func(x, y *BacklogItem) int { return x.Waiver.Expires.Compare(y.Waiver.Expires) })
	b.Items = append(slices.Clone(b.Open), b.Accepted...)
	for _, d := range p.ByKind["remediation"] {
		if it := b.ByDoc[d]; !it.Open() && it.Status != "risk-accepted" {
			b.Items = append(b.Items, it)
		}
	}
	b.ByBlueprint = groupBacklog(b.Open, func(it *BacklogItem) []*generator.Document { return it.Affects }, nil, "No blueprint named")
	b.ByOwner = groupBacklog(b.Open, nil, func(it *BacklogItem) string { return it.Doc.Owner }, "No owner")
	b.BySource = groupBacklog(b.Open, func(it *BacklogItem) []*generator.Document { return docList(it.Source) }, nil, "No source named")
	b.Filters = backlogFilters(b.Open)
	result.Set(p, b)
	return diags
}

func docList(d *generator.Document) []*generator.Document {
	if d == nil {
		return nil
	}
	return []*generator.Document{d}
}

// backlogOrder puts overdue items first, then SLA breaches, then the rest; within
// each by due date (none last), worst severity, id.
func backlogOrder(x, y *BacklogItem) int {
	band := func(it *BacklogItem) int {
		switch {
		case it.Overdue:
			return 0
		case it.SLABreached:
			return 1
		}
		return 2
	}
	due := func(it *BacklogItem) time.Time {
		if it.Due.IsZero() {
			return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return it.Due
	}
	return cmp.Or(cmp.Compare(band(x), band(y)), due(x).Compare(due(y)),
		cmp.Compare(risk.SeverityRank(y.Severity), risk.SeverityRank(x.Severity)), cmp.Compare(x.Doc.ID, y.Doc.ID))
}

// readBacklogItem works out a remediation item's due date, SLA and waiver at
// Today, and the statement it names; it reports a statement its standard
// lacks.
func readBacklogItem(p *generator.Portfolio, d *generator.Document) (*BacklogItem, diag.Diagnostics) {
	f := d.Fields
	it := &BacklogItem{Doc: d, Jira: f.String("jira"), Severity: f.String("severity"), Status: d.Status,
		Source: generator.RefTarget(d, "source"), Affects: generator.RefTargets(d, "affects["), Standard: generator.RefTarget(d, "standard"),
		Discovered: generator.DateField(f, "discovered"), Due: generator.DateField(f, "due")}
	sink := &diag.DiagSink{Path: d.Path}
	if named := risk.NamedStatements(d, "standard", diag.CodeUnknownStatement, sink); len(named) > 0 {
		it.Statement = &named[0]
	}
	it.JiraURL = p.Config.JiraURL(it.Jira)
	it.SLADays = p.Config.SLADays(it.Severity)
	if !it.Discovered.IsZero() && it.SLADays > 0 {
		it.SLADue = it.Discovered.AddDate(0, 0, it.SLADays)
	}
	switch {
	case !it.Due.IsZero():
		it.DueBasis = "due"
	case !it.SLADue.IsZero():
		it.Due, it.DueBasis = it.SLADue, "sla"
	}
	if it.Open() && !it.Due.IsZero() {
		if it.Due.Before(p.Today) {
			it.Overdue, it.DaysLate = true, generator.DaysBetween(it.Due, p.Today)
		} else {
			it.DaysLeft = generator.DaysBetween(p.Today, it.Due)
		}
	}
	it.SLABreached = it.Open() && !it.SLADue.IsZero() && it.SLADue.Before(p.Today)
	if w := f.Obj("waiver"); w != nil {
		wv := &Waiver{ApprovedBy: w.String("approved_by"), Expires: generator.DateField(w, "expires"), Justification: w.String("justification")}
		if !wv.Expires.IsZero() {
			wv.Days = generator.DaysBetween(p.Today, wv.Expires)
			if wv.Days < 0 {
				wv.Expired, wv.Days = true, -wv.Days
			} else {
				wv.Expiring = wv.Days <= generator.WaiverWarningDays
			}
		}
		it.Waiver = wv
	}
	return it, sink.Diags
}

// checkBacklogItem reports expired and expiring waivers, a risk acceptance without a
// waiver, and an open item with no way to know when it is due.
func checkBacklogItem(d *generator.Document, it *BacklogItem) diag.Diagnostics {
	sink := &diag.DiagSink{Path: d.Path}
	w := it.Waiver
	switch {
	case it.Status == "done":
	case w != nil && w.Expired:
		sink.Report(diag.CodeItemWaiverExpired, d.Pos("waiver.expires"), "waiver.expires: the waiver expired on %s (%s ago): renew it with a new expiry, or fix the item and set status: done",
			w.Expires.Format(time.DateOnly), generator.Plural(w.Days, "day", "days"))
	case w != nil && w.Expiring:
		sink.Report(diag.CodeItemWaiverExpiring, d.Pos("waiver.expires"), "waiver.expires: the waiver expires on %s, in %s: renew it or plan the fix",
			w.Expires.Format(time.DateOnly), generator.Plural(w.Days, "day", "days"))
	case w == nil && it.Status == "risk-accepted":
		sink.Report(diag.CodeMissingItemWaiver, d.Pos("status"), "status risk-accepted needs a waiver ({approved_by, expires, justification}) so the acceptance expires")
	}
	if it.Open() && it.Due.IsZero() {
		sink.Report(diag.CodeNoDueDate, d.PosOf("severity"), "open item has neither due nor discovered: set discovered (the %s SLA then gives the due date) or due",
			cmp.Or(it.Severity, "severity's"))
	}
	return sink.Diags
}

// groupBacklog groups items by documents (blueprints, sources) or by a name
// (owner); items with neither go to a last group named none.
func groupBacklog(items []*BacklogItem, docs func(*BacklogItem) []*generator.Document, name func(*BacklogItem) string, none string) []BacklogGroup {
	byName := map[string]*BacklogGroup{}
	var rest []*BacklogItem
	add := func(n string, d *generator.Document, it *BacklogItem) {
		g := byName[n]
		if g == nil {
			g = &BacklogGroup{Name: n, Doc: d}
			byName[n] = g
		}
		g.Items = append(g.Items, it)
	}
	for _, it := range items {
		switch {
		case docs != nil && len(docs(it)) > 0:
			for _, d := range docs(it) {
				add(d.Title+"\x00"+d.ID, d, it)
			}
		case name != nil && name(it) != "":
			add(name(it), nil, it)
		default:
			rest = append(rest, it)
		}
	}
	var out []BacklogGroup
	used := map[string]bool{}
	for _, k := range generator.SortedKeys(byName) {
		g := *byName[k]
		if g.Doc != nil {
			g.Name = g.Doc.Title
		}
		g.Slug = generator.UniqueAnchor(used, generator.Slug(g.Name))
		out = append(out, g)
	}
	if len(rest) > 0 {
		out = append(out, BacklogGroup{Name: none, Slug: generator.UniqueAnchor(used, generator.Slug(none)), Items: rest})
	}
	return out
}

func backlogFilters(items []*BacklogItem) []render.Filter {
	values := func(get func(*BacklogItem) []string) []string {
		seen := map[string]bool{}
		for _, it := range items {
			for _, v := range get(it) {
				if v != "" {
					seen[v] = true
				}
			}
		}
		return generator.SortedKeys(seen)
	}
	sev := values(func(it *BacklogItem) []string { return []string{it.Severity} })
	slices.SortFunc(sev, func(a, b string) int { return cmp.Compare(risk.SeverityRank(b), risk.SeverityRank(a)) })
	return []render.Filter{
		{Name: "severity", Label: "Severity", Values: sev, Show: generator.Humanize},
		{Name: "status", Label: "Status", Values: values(func(it *BacklogItem) []string { return []string{it.Status} }), Show: generator.Humanize},
		{Name: "owner", Label: "Owner", Values: values(func(it *BacklogItem) []string { return []string{it.Doc.Owner} })},
		{Name: "blueprint", Label: "Blueprint", Values: values(func(it *BacklogItem) []string { return titles(it.Affects) })},
	}
}

func titles(ds []*generator.Document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Title)
	}
	return out
}

// FilterValue returns what the item offers to a backlog filter; several blueprints
// are joined by U+001F, which the filter script splits on.
func (it *BacklogItem) FilterValue(name string) string {
	switch name {
	case "severity":
		return it.Severity
	case "status":
		return it.Status
	case "owner":
		return it.Doc.Owner
	case "blueprint":
		s := ""
		for i, t := range titles(it.Affects) {
			if i > 0 {
				s += "\x1f"
			}
			s += t
		}
		return s
	}
	return ""
}

// backlogCards are the home page's figures: overdue remediation and waivers that
// have expired or expire within WaiverWarningDays. Overdue remediation is
// critical when a critical item is overdue, else a warning.
func backlogCards(p *generator.Portfolio) []render.Card {
	b := Of(p)
	criticalOverdue := slices.ContainsFunc(b.Open, func(it *BacklogItem) bool { return it.Overdue && it.Severity == "critical" })
	expired, expiring := 0, 0
	for _, it := range b.Waivers {
		if it.Waiver.Expired {
			expired++
		} else if it.Waiver.Expiring {
			expiring++
		}
	}
	return []render.Card{
		{Title: "Overdue remediation", Value: strconv.Itoa(b.Overdue),
			Detail: fmt.Sprintf("of %d open items; %d past their SLA", len(b.Open), b.Breached), URL: "backlog/", Alert: render.WorstAlert(criticalOverdue, b.Overdue > 0)},
		{Title: "Remediation waivers", Value: strconv.Itoa(expired + expiring),
			Detail: fmt.Sprintf("%d expired, %d within %d days", expired, expiring, generator.WaiverWarningDays),
			URL:    "backlog/#waivers", Alert: render.WorstAlert(expired > 0, expiring > 0)},
	}
}
