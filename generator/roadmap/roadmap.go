package roadmap

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"cmp"
	"slices"
	"strings"
	"time"
)

// result is where the roadmap analysis keeps its result on a Portfolio.
var result = generator.NewResult[*Roadmap]()

// Of returns the roadmap view's analysis of p.
func Of(p *generator.Portfolio) *Roadmap { return result.Get(p) }

// The roadmap view: roadmap items (kind roadmap) laid out per track in capability
// lanes over quarters. This file is the model and its analysis, pure functions of
// the linked documents, the site's declared capabilities and Today;
// roadmap_check.go reports problems, roadmap_svg.go and roadmap_view.go show it.

// DefaultTrack is the track of a roadmap item that names none.
const DefaultTrack = "iam"

// maxQuarters bounds a timeline (ten years); an item reaching past it is clipped
// and warned about, so that a typo (2206-Q1) cannot produce a mile-wide picture.
const maxQuarters = 40

// Roadmap is the analysed roadmap of a portfolio: every item and every track.
type Roadmap struct {
	// Items holds every roadmap item, by id.
	Items []*RoadmapItem
	// ByID finds an item by its document id.
	ByID map[string]*RoadmapItem
	// Tracks are sorted with the default track first, then by slug.
	Tracks []*Track
	// Slipped lists the slipped items of every track, earliest end first.
	Slipped []*RoadmapItem
	// ByBlueprint lists, per blueprint id, the items that deliver it.
	ByBlueprint map[string][]*RoadmapItem
}

// Track is one roadmap (IAM by default): its lanes, items and quarter window.
type Track struct {
	Name  string // as first written in an item (or DefaultTrack)
	Slug  string
	Title string // "IAM roadmap"
	URL   string // "roadmap/iam/"
	// Items holds the track's items in timeline order: lane, then start, end, id.
	Items []*RoadmapItem
	// Lanes are the track's capabilities, sorted by title then id.
	Lanes []*Lane
	// First and Last are the quarter indexes (see quarterOf) the timeline covers.
	First, Last int
	// Outcomes traces each outcome to capabilities, items, blueprints and epics.
	Outcomes []*Outcome
	Slipped  []*RoadmapItem
	// Undated counts the items without valid start and end, left off the timeline.
	Undated int
}

// Lane is one capability of a track: its items and its maturity.
type Lane struct {
	Capability  string // the id written in items' capability field
	Title       string
	Description string
	Maturity    Maturity
	Items       []*RoadmapItem
}

// Maturity is a capability's maturity now and where it is headed, on the levels
// traditional, initial, advanced, optimal (CISA zero trust maturity model).
type Maturity struct {
	Current, Target string
	// Source says where the values come from: "archfolio.yaml", "items" or "".
	Source string
}

// Arrow is the lane's maturity as text: "initial → advanced".
func (m Maturity) Arrow() string {
	switch {
	case m.Current == "" && m.Target == "":
		return ""
	case m.Target == "" || m.Target == m.Current:
		return cmp.Or(m.Current, "?")
	}
	return cmp.Or(m.Current, "?") + " → " + m.Target
}

// CurrentRank is the current level's place among the maturity levels (0 for
// traditional), or -1; tables sort by it.
func (m Maturity) CurrentRank() int { return maturityRank(m.Current) }

// FirstQuarter names the first quarter of the track's timeline: "2026 Q1".
func (t *Track) FirstQuarter() string { return quarterName(t.First) }

// LastQuarter names the last quarter of the track's timeline.
func (t *Track) LastQuarter() string { return quarterName(t.Last) }

// RoadmapItem is one roadmap document as the timeline sees it.
type RoadmapItem struct {
	Doc        *generator.Document
	Track      *Track
	Lane       *Lane
	TrackSlug  string
	Capability string
	Status     string
	// Start and End are the periods as written; From and To the normalised
	// inclusive date range (a quarter covers its whole quarter).
	Start, End generator.Period
	From, To   time.Time
	// Dated is false when start or end is missing, invalid or out of order.
	Dated bool
	// Slipped: the item ended before Today and is neither done nor cancelled.
	Slipped      bool
	Maturity     Maturity
	Milestones   []Milestone
	Outcomes     []OutcomeMeasure
	DependsOn    []*RoadmapItem
	DependedOnBy []*RoadmapItem
	Delivers     []*generator.Document
	Jira         string
	JiraURL      string
	// TimelineURL is the page of its track whose timeline draws the item (PerPage).
	TimelineURL string
}

// StartLabel is the item's start as written, with the day it stands for when
// written as a quarter: "2026-Q3 (2026-07-01)".
func (it *RoadmapItem) StartLabel() string { return periodDay(it.Start.Text, it.Start.Start) }

// EndLabel is the item's end as written, with the day it stands for.
func (it *RoadmapItem) EndLabel() string { return periodDay(it.End.Text, it.End.End) }

// Milestone is a dated point of a roadmap item, done, due or missed at Today.
type Milestone struct {
	Name  string
	Date  time.Time
	Done  bool
	State string // "done", "due" (today or later) or "missed"

	index int // its place in the item's milestones list, for diagnostics
}

// Outcome is a named outcome with the capabilities and items that serve it.
type Outcome struct {
	Name     string
	Measures []OutcomeMeasure
	Lanes    []OutcomeLane
}

// OutcomeLane is the items of one capability serving an outcome.
type OutcomeLane struct {
	Lane  *Lane
	Items []*RoadmapItem
}

// OutcomeMeasure is how one item measures an outcome: a KPI from baseline to target.
type OutcomeMeasure struct {
	Name, KPI, Baseline, Target string
	Item                        *RoadmapItem
}

// closedStatus reports whether an item with status s can no longer slip.
func closedStatus(s string) bool { return s == "done" || s == "cancelled" }

// quarterOf returns t's quarter index: year×4 + quarter − 1.
func quarterOf(t time.Time) int { return t.Year()*4 + int(t.Month()-1)/3 }

// quarterStart returns the first day of the quarter with index q.
func quarterStart(q int) time.Time {
	return time.Date(q/4, time.Month(q%4*3+1), 1, 0, 0, 0, 0, time.UTC)
}

// itemSpan normalises an item's start and end periods to an inclusive date range,
// from the first day of start to the last day of end; ok is false when the end lies
// before the start.
func itemSpan(start, end generator.Period) (from, to time.Time, ok bool) {
	return start.Start, end.End, !end.End.Before(start.Start)
}

// isSlipped reports whether an item ending on end has slipped at today: it ended
// before today (an item ending today has not) and is neither done nor cancelled.
func isSlipped(end, today time.Time, status string) bool {
	return end.Before(today) && !closedStatus(status)
}

// milestoneState says whether a milestone is done, due (today or later) or missed.
func milestoneState(date, today time.Time, done bool) string {
	switch {
	case done:
		return "done"
	case date.Before(today):
		return "missed"
	}
	return "due"
}

// buildRoadmap analyses the roadmap documents: items with normalised dates, links
// between them, tracks, lanes, maturity and outcomes; then it checks them.
func buildRoadmap(docs []*generator.Document, cfg *generator.Config, today time.Time) (*Roadmap, diag.Diagnostics) {
	rm := &Roadmap{ByID: map[string]*RoadmapItem{}, ByBlueprint: map[string][]*RoadmapItem{}}
	for _, d := range docs {
		it := newRoadmapItem(d, cfg, today)
		rm.Items = append(rm.Items, it)
		rm.ByID[d.ID] = it
	}
	slices.SortFunc(rm.Items, func(a, b *RoadmapItem) int { return cmp.Compare(a.Doc.ID, b.Doc.ID) })
	for _, it := range rm.Items {
		linkRoadmapItem(rm, it)
	}
	for _, it := range rm.Items {
		slices.SortFunc(it.DependedOnBy, byItemID)
	}
	for _, id := range generator.SortedKeys(rm.ByBlueprint) {
		slices.SortFunc(rm.ByBlueprint[id], byTimeline)
	}
	rm.Tracks = buildTracks(rm.Items, cfg, today)
	for _, t := range rm.Tracks {
		rm.Slipped = append(rm.Slipped, t.Slipped...)
	}
	slices.SortFunc(rm.Slipped, byEnd)
	diags := checkRoadmap(rm, cfg)
	return rm, diags
}

func byItemID(a, b *RoadmapItem) int { return cmp.Compare(a.Doc.ID, b.Doc.ID) }

// byTimeline orders items by start, end, then id; undated items go last.
func byTimeline(a, b *RoadmapItem) int {
	if a.Dated != b.Dated {
		if a.Dated {
			return -1
		}
		return 1
	}
	return cmp.Or(a.From.Compare(b.From), a.To.Compare(b.To), byItemID(a, b))
}

func byEnd(a, b *RoadmapItem) int { return cmp.Or(a.To.Compare(b.To), byItemID(a, b)) }

// newRoadmapItem reads one roadmap document's fields.
func newRoadmapItem(d *generator.Document, cfg *generator.Config, today time.Time) *RoadmapItem {
	f := d.Fields
	it := &RoadmapItem{Doc: d, Status: d.Status, Capability: strings.TrimSpace(f.String("capability")),
		TrackSlug: trackSlug(f.String("track")), Jira: f.String("jira")}
	it.JiraURL = cfg.JiraURL(it.Jira)
	it.Start, _ = f.Get("start").(generator.Period)
	it.End, _ = f.Get("end").(generator.Period)
	if it.Start.Text != "" && it.End.Text != "" {
		it.From, it.To, it.Dated = itemSpan(it.Start, it.End)
	}
	it.Slipped = it.Dated && isSlipped(it.To, today, it.Status)
	if m := f.Obj("maturity"); m != nil {
		it.Maturity = Maturity{Current: m.String("current"), Target: m.String("target"), Source: "items"}
	}
	for i, v := range f.List("milestones") {
		m, _ := v.(*generator.Object)
		date, ok := m.Get("date").(generator.Date)
		if !ok {
			continue
		}
		done, _ := m.Get("done").(bool)
		it.Milestones = append(it.Milestones, Milestone{Name: m.String("name"), Date: date.Time, Done: done,
			State: milestoneState(date.Time, today, done), index: i})
	}
	slices.SortStableFunc(it.Milestones, func(a, b Milestone) int { return a.Date.Compare(b.Date) })
	for _, v := range f.List("outcomes") {
		o, _ := v.(*generator.Object)
		if name := strings.TrimSpace(o.String("name")); name != "" {
			it.Outcomes = append(it.Outcomes, OutcomeMeasure{Name: name, KPI: o.String("kpi"),
				Baseline: o.String("baseline"), Target: o.String("target"), Item: it})
		}
	}
	return it
}

// linkRoadmapItem resolves an item's depends_on (other items) and delivers
// (blueprints) from the document's references, each target once.
func linkRoadmapItem(rm *Roadmap, it *RoadmapItem) {
	seen := map[*generator.Document]bool{}
	for _, r := range it.Doc.Refs {
		if r.To == nil || seen[r.To] {
			continue
		}
		switch {
		case strings.HasPrefix(r.Field, "depends_on["):
			if dep := rm.ByID[r.To.ID]; dep != nil && dep != it {
				seen[r.To] = true
				it.DependsOn = append(it.DependsOn, dep)
				dep.DependedOnBy = append(dep.DependedOnBy, it)
			}
		case strings.HasPrefix(r.Field, "delivers[") && r.To.Kind == "blueprint":
			seen[r.To] = true
			it.Delivers = append(it.Delivers, r.To)
			rm.ByBlueprint[r.To.ID] = append(rm.ByBlueprint[r.To.ID], it)
		}
	}
}

// trackSlug names a track in URLs: the slug of what is written, the default when
// nothing is. The slug "items" would collide with the item pages (roadmap/items/),
// so it becomes "items-track"; checkRoadmap reports it.
func trackSlug(name string) string {
	if strings.TrimSpace(name) == "" {
		return DefaultTrack
	}
	if s := generator.Slug(name); s != "items" {
		return s
	}
	return "items-track"
}

// trackTitle titles a track's roadmap: short lower-case names are acronyms
// ("iam" → "IAM roadmap"); others are humanised ("cloud" → "Cloud roadmap").
func trackTitle(name string) string {
	name = strings.TrimSpace(name)
	if name == strings.ToLower(name) && len(name) <= 3 {
		name = strings.ToUpper(name)
	}
	return generator.Humanize(name) + " roadmap"
}
