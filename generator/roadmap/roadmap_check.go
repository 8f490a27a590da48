package roadmap

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/graph"
	"fmt"
	"slices"
	"strings"
	"time"
)

// checkRoadmap reports what is wrong with the roadmap: the declared capabilities,
// each item's dates, lane and milestones, and the dependencies between items
// (ordering warnings, cycles as errors).
func checkRoadmap(rm *Roadmap, cfg *generator.Config) diag.Diagnostics {
	diags := validateCapabilities(cfg)
	declared := generator.SortedKeys(capabilitiesOf(cfg))
	cycles := dependencyCycles(rm.Items)
	for _, t := range rm.Tracks {
		for _, it := range t.Items {
			sink := &diag.DiagSink{Path: it.Doc.Path}
			checkItem(it, t, declared, sink)
			checkDependencies(it, cycles, sink)
			diags = append(diags, sink.Diags...)
		}
	}
	return diags
}

// checkItem checks one item on its own: dates in order and within the timeline,
// a declared capability, milestones inside the item's span, a sensible maturity.
func checkItem(it *RoadmapItem, t *Track, declared []string, sink *diag.DiagSink) {
	d := it.Doc
	switch {
	case it.Start.Text != "" && it.End.Text != "" && !it.Dated:
		sink.Report(diag.CodeEndBeforeStart, d.Pos("end"), "end: %s is before start: %s; swap them or fix one of the dates",
			periodDay(it.End.Text, it.End.End), periodDay(it.Start.Text, it.Start.Start))
	case it.Dated && quarterOf(it.To) > t.Last:
		sink.Report(diag.CodeEndFarAhead, d.Pos("end"), "end: %s is more than %d years after the start of the %s (%s); the bar is cut off there; check the year",
			it.End.Text, maxQuarters/4, strings.ToLower(t.Title), day(quarterStart(t.First)))
	}
	if len(declared) > 0 && it.Capability != "" && !slices.Contains(declared, it.Capability) {
		sink.Report(diag.CodeUndeclaredCapability, d.PosOf("capability"), "capability: %q is not declared under capabilities in %s%s; declare it or use a declared one",
			it.Capability, generator.ConfigFile, diag.DidYouMean(it.Capability, declared))
	}
	if tr := d.Fields.String("track"); tr != "" && generator.Slug(tr) == "items" {
		sink.Report(diag.CodeTrackClash, d.Pos("track"), "track: %q would clash with the item pages at roadmap/items/; its pages are at %s", tr, t.URL)
	}
	if it.Dated {
		for _, m := range it.Milestones {
			if m.Date.Before(it.From) || m.Date.After(it.To) {
				sink.Report(diag.CodeMilestoneOutside, d.Pos(fmt.Sprintf("milestones[%d].date", m.index)), "milestones[%d]: %q on %s lies outside the item (%s to %s); move it or widen start/end",
					m.index, m.Name, day(m.Date), day(it.From), day(it.To))
			}
		}
	}
	cur, tgt := maturityRank(it.Maturity.Current), maturityRank(it.Maturity.Target)
	if cur >= 0 && tgt >= 0 && tgt < cur {
		sink.Report(diag.CodeMaturityBelowCurrent, d.Pos("maturity.target"), "maturity: target %q is below current %q; an item should raise maturity",
			it.Maturity.Target, it.Maturity.Current)
	}
}

// checkDependencies warns when an item starts before an item it depends on ends,
// or depends on a cancelled item; an edge on a cycle is reported as the cycle.
func checkDependencies(it *RoadmapItem, cycles map[*RoadmapItem]cycleStep, sink *diag.DiagSink) {
	if it.Status == "cancelled" {
		return
	}
	var next *RoadmapItem
	if step, ok := cycles[it]; ok {
		next = step.next()
		field := dependencyField(it, next)
		sink.Report(diag.CodeRoadmapCycle, it.Doc.Pos(field), "%s: dependency cycle %s; remove one of these dependencies", field, step.describe())
	}
	for _, dep := range it.DependsOn {
		field := dependencyField(it, dep)
		switch {
		case dep == next:
			continue
		case dep.Status == "cancelled":
			sink.Report(diag.CodeCancelledDependency, it.Doc.Pos(field), "%s: %q is cancelled; drop the dependency or depend on what replaces it", field, dep.Doc.ID)
		case startsBeforeEnd(it, dep):
			sink.Report(diag.CodeDependencyEndsLate, it.Doc.Pos(field), "%s: %q ends %s but this item starts %s; start after it ends, or drop the dependency",
				field, dep.Doc.ID, periodDay(dep.End.Text, dep.To), periodDay(it.Start.Text, it.From))
		}
	}
}

// startsBeforeEnd reports whether it starts on or before the last day of dep,
// which it depends on: it should start after dep ends.
func startsBeforeEnd(it, dep *RoadmapItem) bool {
	return it.Dated && dep.Dated && !it.From.After(dep.To)
}

// dependencyField is the front-matter path where it names dep ("depends_on[2]").
func dependencyField(it, dep *RoadmapItem) string {
	for _, r := range it.Doc.Refs {
		if r.To == dep.Doc && strings.HasPrefix(r.Field, "depends_on[") {
			return r.Field
		}
	}
	return "depends_on"
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// periodDay names the day a period stands for, with the quarter it was written as:
// "2026-06-30 (2026-Q2)", or just "2026-06-30" when written as that date.
func periodDay(text string, t time.Time) string {
	if text == day(t) {
		return text
	}
	return day(t) + " (" + text + ")"
}

// cycleStep is an item's place on a dependency cycle: cycle[at] is the item and
// the cycle's last element repeats its first.
type cycleStep struct {
	cycle []*RoadmapItem
	at    int
}

// next is the item this one depends on along the cycle.
func (c cycleStep) next() *RoadmapItem { return c.cycle[c.at+1] }

// describe writes the cycle as seen from the item, "a" → "b" → "a", eliding the
// middle of a long one.
func (c cycleStep) describe() string {
	n := len(c.cycle) - 1
	return generator.ElideFunc(n+1, func(j int) string { return generator.Quote(c.cycle[(c.at+j)%n].Doc.ID) }, " → ")
}

// dependencyCycles finds the items on depends_on cycles: for every strongly
// connected group of items, one shortest cycle through its smallest id (from the
// graph package, which the dependency map uses too).
func dependencyCycles(items []*RoadmapItem) map[*RoadmapItem]cycleStep {
	byID := make(map[string]*RoadmapItem, len(items))
	nodes := make([]graph.Node, 0, len(items))
	var edges []graph.Edge
	for _, it := range items {
		byID[it.Doc.ID] = it
		nodes = append(nodes, graph.Node{ID: it.Doc.ID})
		for _, dep := range it.DependsOn {
			edges = append(edges, graph.Edge{From: it.Doc.ID, To: dep.Doc.ID})
		}
	}
	out := map[*RoadmapItem]cycleStep{}
	for _, c := range graph.Cycles(graph.New(nodes, edges)) {
		if len(c.Path) < 2 {
			continue // a self-reference is reported by the link stage
		}
		cycle := make([]*RoadmapItem, 0, len(c.Path)+1)
		for _, id := range c.Path {
			cycle = append(cycle, byID[id])
		}
		cycle = append(cycle, cycle[0])
		for i := range len(cycle) - 1 {
			out[cycle[i]] = cycleStep{cycle: cycle, at: i}
		}
	}
	return out
}
