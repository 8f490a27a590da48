package history

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/dependencies"
	"archfolio/generator/graph"
	"archfolio/generator/matrix"
	"archfolio/generator/risk"
	"archfolio/generator/roadmap"
)

// Side names one end of a comparison.
type Side struct {
	Name string `json:"name"`           // as given: a revision, a date, "work tree"
	Hash string `json:"hash,omitempty"` // "" for the work tree
	Date string `json:"date"`           // the day its figures are worked out at, YYYY-MM-DD
}

// Diff is what changed in the portfolio between two sides; in JSON, a list
// with nothing in it is left out. Every list is sorted (worst first where worse has a meaning, else by id), so the same two
// revisions always give the same bytes.
type Diff struct {
	From Side `json:"from"`
	To   Side `json:"to"`

	Added   []DocRef    `json:"added,omitempty"`
	Removed []DocRef    `json:"removed,omitempty"`
	Moved   []Move      `json:"moved,omitempty"`   // same id, another file
	Renamed []Rename    `json:"renamed,omitempty"` // same file, another id
	Changed []DocChange `json:"changed,omitempty"`

	Adoption []AdoptionChange `json:"adoption,omitempty"` // per standard whose figures changed
	Cells    []CellChange     `json:"cells,omitempty"`    // worse first
	Waivers  []WaiverChange   `json:"waivers,omitempty"`

	EdgesAdded   []Edge         `json:"edges_added,omitempty"`
	EdgesRemoved []Edge         `json:"edges_removed,omitempty"`
	ImpactGrown  []ImpactChange `json:"impact_grown,omitempty"`

	Slipped     []RoadmapChange `json:"slipped,omitempty"` // newly slipped
	Rescheduled []RoadmapChange `json:"rescheduled,omitempty"`
	Milestones  []MilestoneDone `json:"milestones_done,omitempty"`

	ThreatsAdded    []ThreatChange `json:"threats_added,omitempty"`
	ThreatsRescored []ThreatChange `json:"threats_rescored,omitempty"`

	Opened       []DocRef `json:"remediation_opened,omitempty"`
	Closed       []DocRef `json:"remediation_closed,omitempty"`
	NewlyOverdue []DocRef `json:"remediation_newly_overdue,omitempty"`
}

// DocRef names a document.
type DocRef struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

func ref(d *generator.Document) DocRef {
	return DocRef{ID: d.ID, Kind: d.Kind, Title: d.Title, Path: d.Path}
}

// Move is a document whose file moved (its id stayed).
type Move struct {
	DocRef
	OldPath string `json:"old_path"`
}

// Rename is a document whose id changed in the same file.
type Rename struct {
	DocRef
	OldID string `json:"old_id"`
}

// DocChange is a document whose front matter or body changed.
type DocChange struct {
	DocRef
	Fields      []FieldChange `json:"fields"`
	BodyChanged bool          `json:"body_changed"`
}

// FieldChange is one top-level front-matter field, before and after ("" when absent).
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// AdoptionChange is a standard's adoption before and after.
type AdoptionChange struct {
	Standard               DocRef `json:"standard"`
	OldPercent, NewPercent int    `json:"-"`
	Old                    string `json:"old"` // "62% (5 of 8)", "" when the standard is new
	New                    string `json:"new"` // "" when the standard is gone
	OldGaps, NewGaps       int    `json:"-"`
}

// CellChange is one blueprint × standard cell whose status changed.
type CellChange struct {
	Blueprint DocRef `json:"blueprint"`
	Standard  DocRef `json:"standard"`
	Old       string `json:"old"` // "" when the cell was blank
	New       string `json:"new"`
	Worse     bool   `json:"worse"`
	NewGap    bool   `json:"new_gap"`
	ClosedGap bool   `json:"closed_gap"`
}

// WaiverChange is an exception's waiver that was added, extended or expired.
type WaiverChange struct {
	Blueprint DocRef `json:"blueprint"`
	Standard  DocRef `json:"standard"`
	Statement string `json:"statement,omitempty"`
	Change    string `json:"change"` // added, extended, expired
	Old, New  string `json:"-"`      // expiry dates
	Expires   string `json:"expires"`
}

// Edge is a dependency between two blueprints.
type Edge struct {
	From DocRef `json:"from"`
	To   DocRef `json:"to"`
}

// ImpactChange is a blueprint that more blueprints depend on than before.
type ImpactChange struct {
	Blueprint DocRef `json:"blueprint"`
	Old, New  int    `json:"-"`
	Before    int    `json:"before"`
	After     int    `json:"after"`
}

// RoadmapChange is a roadmap item that slipped or whose end moved.
type RoadmapChange struct {
	Item   DocRef `json:"item"`
	OldEnd string `json:"old_end"`
	NewEnd string `json:"new_end"`
	Later  bool   `json:"later"`
}

// MilestoneDone is a milestone marked done since.
type MilestoneDone struct {
	Item DocRef `json:"item"`
	Name string `json:"name"`
	Date string `json:"date"`
}

// ThreatChange is a threat that is new or whose severity changed.
type ThreatChange struct {
	Model    DocRef `json:"model"`
	ID       string `json:"id"`
	Title    string `json:"title"`
	Old      string `json:"old,omitempty"` // severity before, "" when new
	New      string `json:"new"`
	Worse    bool   `json:"worse"`
	Residual bool   `json:"residual"`
}

// Worse counts the changes for the worse: cells that got worse, waivers that
// expired, items that slipped, remediation newly overdue, threats added or
// raised, blueprints whose impact grew.
func (d *Diff) Worse() int {
	n := len(d.NewlyOverdue) + len(d.Slipped) + len(d.ImpactGrown)
	for _, c := range d.Cells {
		if c.Worse {
			n++
		}
	}
	for _, w := range d.Waivers {
		if w.Change == "expired" {
			n++
		}
	}
	for _, t := range append(slices.Clone(d.ThreatsAdded), d.ThreatsRescored...) {
		if t.Worse {
			n++
		}
	}
	return n
}

// Compare works out what changed from old to new. Each portfolio was loaded
// with the views registered (archfolio/generator/views) and its own Today;
// a body counts as changed when its rendered text did (Load without
// CheckOnly), else never.
func Compare(old, new *generator.Portfolio, from, to Side) *Diff {
	return compare(old, new, from, to, func(o, n *generator.Document) bool { return o.Text != n.Text })
}

// compare is Compare with bodyChanged telling whether a document's body
// changed.
func compare(old, new *generator.Portfolio, from, to Side, bodyChanged func(o, n *generator.Document) bool) *Diff {
	d := &Diff{From: from, To: to}
	compareDocuments(d, old, new, bodyChanged)
	compareAlignment(d, old, new)
	compareDependencies(d, old, new)
	compareRoadmap(d, old, new)
	compareThreats(d, old, new)
	compareRemediation(d, old, new)
	return d
}

func compareDocuments(d *Diff, old, new *generator.Portfolio, bodyChanged func(o, n *generator.Document) bool) {
	for _, n := range new.Docs {
		o := old.ByID[n.ID]
		switch {
		case o == nil:
			d.Added = append(d.Added, ref(n))
			continue
		case o.Path != n.Path:
			d.Moved = append(d.Moved, Move{DocRef: ref(n), OldPath: o.Path})
		}
		c := DocChange{DocRef: ref(n), BodyChanged: bodyChanged(o, n)}
		for _, k := range fieldNames(o, n) {
			if a, b := ValueText(o.Fields.Get(k)), ValueText(n.Fields.Get(k)); a != b {
				c.Fields = append(c.Fields, FieldChange{Field: k, Old: a, New: b})
			}
		}
		if len(c.Fields) > 0 || c.BodyChanged {
			d.Changed = append(d.Changed, c)
		}
	}
	for _, o := range old.Docs {
		if new.ByID[o.ID] == nil {
			d.Removed = append(d.Removed, ref(o))
		}
	}
	// A file whose document changed its id is a rename, not a removal and an addition.
	removedAt := map[string]int{}
	for i, r := range d.Removed {
		removedAt[r.Path] = i
	}
	gone := map[int]bool{}
	d.Added = slices.DeleteFunc(d.Added, func(a DocRef) bool {
		i, ok := removedAt[a.Path]
		if ok {
			d.Renamed = append(d.Renamed, Rename{DocRef: a, OldID: d.Removed[i].ID})
			gone[i] = true
		}
		return ok
	})
	var removed []DocRef
	for i, r := range d.Removed {
		if !gone[i] {
			removed = append(removed, r)
		}
	}
	d.Removed = removed
	byID := func(a, b DocRef) int { return cmp.Compare(a.ID, b.ID) }
	slices.SortFunc(d.Renamed, func(a, b Rename) int { return byID(a.DocRef, b.DocRef) })
	slices.SortFunc(d.Added, byID)
	slices.SortFunc(d.Removed, byID)
	slices.SortFunc(d.Moved, func(a, b Move) int { return byID(a.DocRef, b.DocRef) })
	slices.SortFunc(d.Changed, func(a, b DocChange) int { return byID(a.DocRef, b.DocRef) })
}

// fieldNames are the top-level fields of either document: the new one's in
// the order written, then those only the old one had.
func fieldNames(o, n *generator.Document) []string {
	var names []string
	seen := map[string]bool{}
	for _, d := range []*generator.Document{n, o} {
		if d.Fields == nil {
			continue
		}
		for _, k := range d.Fields.Keys {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	return names
}

// ValueText writes a front-matter value on one line: scalars as written,
// lists in brackets and mappings in braces, keys in the order written.
func ValueText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = ValueText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *generator.Object:
		parts := make([]string, 0, len(v.Keys))
		for k, x := range v.All() {
			parts = append(parts, k+": "+ValueText(x))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// cellKey names a cell by blueprint and standard id.
type cellKey struct{ bp, std string }

// cells returns every cell that is not blank, by ids.
func cells(p *generator.Portfolio) map[cellKey]matrix.Alignment {
	m := matrix.Of(p)
	out := map[cellKey]matrix.Alignment{}
	if m == nil {
		return out
	}
	for _, row := range m.Rows {
		for j, c := range row.Cells() {
			if c.Status != matrix.AlignNone {
				out[cellKey{row.Doc.ID, m.Columns[j].Doc.ID}] = c.Status
			}
		}
	}
	return out
}

// better orders alignment statuses from worst to best; not applicable and blank
// are neither.
func better(a, b matrix.Alignment) int {
	score := func(x matrix.Alignment) int {
		if x == matrix.AlignNone || x == matrix.AlignNotApplicable {
			return int(matrix.AlignImplemented) + 1
		}
		return int(x)
	}
	return cmp.Compare(score(a), score(b))
}

func compareAlignment(d *Diff, old, new *generator.Portfolio) {
	before, after := cells(old), cells(new)
	keys := map[cellKey]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	for k := range keys {
		a, b := before[k], after[k]
		bp, std := new.ByID[k.bp], new.ByID[k.std]
		if a == b || bp == nil || std == nil {
			continue // unchanged, or the blueprint or standard is gone (listed as removed)
		}
		// A cell that was blank (the standard did not apply) is worse only as a
		// gap: a blueprint that newly meets a standard has not regressed.
		worse := better(b, a) < 0
		if a == matrix.AlignNone {
			worse = b.Gap()
		}
		c := CellChange{Blueprint: ref(bp), Standard: ref(std), New: b.String(), Worse: worse,
			NewGap: b.Gap() && !a.Gap(), ClosedGap: a.Gap() && !b.Gap()}
		if a != matrix.AlignNone {
			c.Old = a.String()
		}
		if b == matrix.AlignNone {
			c.New = ""
		}
		d.Cells = append(d.Cells, c)
	}
	slices.SortFunc(d.Cells, func(x, y CellChange) int {
		if x.Worse != y.Worse {
			if x.Worse {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(x.Standard.ID, y.Standard.ID), cmp.Compare(x.Blueprint.ID, y.Blueprint.ID))
	})

	oldCols := map[string]*matrix.MatrixColumn{}
	if m := matrix.Of(old); m != nil {
		for _, c := range m.Columns {
			oldCols[c.Doc.ID] = c
		}
	}
	if m := matrix.Of(new); m != nil {
		for _, c := range m.Columns {
			o := oldCols[c.Doc.ID]
			ch := AdoptionChange{Standard: ref(c.Doc), NewPercent: c.Tally.Percent(), New: tallyText(c.Tally), NewGaps: c.Tally.Gaps}
			if o != nil {
				ch.OldPercent, ch.Old, ch.OldGaps = o.Tally.Percent(), tallyText(o.Tally), o.Tally.Gaps
			}
			if ch.Old != ch.New {
				d.Adoption = append(d.Adoption, ch)
			}
		}
	}
	slices.SortFunc(d.Adoption, func(x, y AdoptionChange) int {
		return cmp.Or(cmp.Compare(x.NewPercent-x.OldPercent, y.NewPercent-y.OldPercent), cmp.Compare(x.Standard.ID, y.Standard.ID))
	})
	compareWaivers(d, old, new)
}

func tallyText(t matrix.AlignmentTally) string {
	return strconv.Itoa(t.Percent()) + "% (" + strconv.Itoa(t.Adopted) + " of " + strconv.Itoa(t.Applicable) + ", " +
		generator.Plural(t.Gaps, "gap", "gaps") + ")"
}

// waiverKey names an exception record by blueprint, standard and statement.
type waiverKey struct{ bp, std, stmt string }

func waivers(p *generator.Portfolio) map[waiverKey]*matrix.AlignmentRecord {
	out := map[waiverKey]*matrix.AlignmentRecord{}
	if m := matrix.Of(p); m != nil {
		for _, r := range m.Records {
			if r.Waiver != nil {
				out[waiverKey{r.Blueprint.ID, r.Standard.ID, r.Statement}] = r
			}
		}
	}
	return out
}

func compareWaivers(d *Diff, old, new *generator.Portfolio) {
	before := waivers(old)
	for k, r := range waivers(new) {
		w := r.Waiver
		ch := WaiverChange{Blueprint: ref(r.Blueprint), Standard: ref(r.Standard), Statement: k.stmt, New: day(w.Expires), Expires: day(w.Expires)}
		o, had := before[k]
		switch {
		case !had:
			ch.Change = "added"
		case w.Expires.After(o.Waiver.Expires):
			ch.Change, ch.Old = "extended", day(o.Waiver.Expires)
		case w.DaysLeft < 0 && o.Waiver.DaysLeft >= 0:
			ch.Change, ch.Old = "expired", day(o.Waiver.Expires)
		default:
			continue
		}
		d.Waivers = append(d.Waivers, ch)
	}
	rank := map[string]int{"expired": 0, "extended": 1, "added": 2}
	slices.SortFunc(d.Waivers, func(x, y WaiverChange) int {
		return cmp.Or(cmp.Compare(rank[x.Change], rank[y.Change]), cmp.Compare(x.Blueprint.ID, y.Blueprint.ID),
			cmp.Compare(x.Standard.ID, y.Standard.ID), cmp.Compare(x.Statement, y.Statement))
	})
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// maxImpactChecks bounds how many blueprints' impact sets a comparison works
// out: those that added dependencies can have made bigger, nearest first.
const maxImpactChecks = 200

func compareDependencies(d *Diff, old, new *generator.Portfolio) {
	og, ng := dependencies.Of(old).Graph, dependencies.Of(new).Graph
	type pair struct{ from, to string }
	edges := func(g *graph.Graph) map[pair]bool {
		out := map[pair]bool{}
		for _, e := range g.Edges() {
			out[pair{e.From, e.To}] = true
		}
		return out
	}
	before, after := edges(og), edges(ng)
	var grown []string
	for e := range after {
		if !before[e] {
			if f, t := new.ByID[e.from], new.ByID[e.to]; f != nil && t != nil {
				d.EdgesAdded = append(d.EdgesAdded, Edge{ref(f), ref(t)})
				grown = append(grown, e.to)
			}
		}
	}
	for e := range before {
		if !after[e] {
			if f, t := old.ByID[e.from], old.ByID[e.to]; f != nil && t != nil {
				d.EdgesRemoved = append(d.EdgesRemoved, Edge{ref(f), ref(t)})
			}
		}
	}
	byEnds := func(x, y Edge) int { return cmp.Or(cmp.Compare(x.From.ID, y.From.ID), cmp.Compare(x.To.ID, y.To.ID)) }
	slices.SortFunc(d.EdgesAdded, byEnds)
	slices.SortFunc(d.EdgesRemoved, byEnds)

	// A new dependency onto t can grow the impact of t and of what t depends on.
	slices.Sort(grown)
	seen := map[string]bool{}
	queue := slices.Compact(grown)
	for len(queue) > 0 && len(seen) < maxImpactChecks {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		for _, e := range ng.Out(id) {
			queue = append(queue, e.To)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(seen)) {
		b := new.ByID[id]
		if b == nil {
			continue
		}
		was := 0
		if _, ok := og.Node(id); ok {
			was = graph.CountDependents(og, id)
		}
		if now := graph.CountDependents(ng, id); now > was {
			d.ImpactGrown = append(d.ImpactGrown, ImpactChange{Blueprint: ref(b), Old: was, New: now, Before: was, After: now})
		}
	}
	slices.SortStableFunc(d.ImpactGrown, func(x, y ImpactChange) int { return cmp.Compare(y.New-y.Old, x.New-x.Old) })
}

func compareRoadmap(d *Diff, old, new *generator.Portfolio) {
	or, nr := roadmap.Of(old), roadmap.Of(new)
	if nr == nil {
		return
	}
	for _, it := range nr.Items {
		var o *roadmap.RoadmapItem
		if or != nil {
			o = or.ByID[it.Doc.ID]
		}
		ch := RoadmapChange{Item: ref(it.Doc), NewEnd: it.End.Text}
		if o != nil {
			ch.OldEnd, ch.Later = o.End.Text, it.To.After(o.To)
		}
		if it.Slipped && (o == nil || !o.Slipped) {
			d.Slipped = append(d.Slipped, ch)
		} else if o != nil && it.End.Text != o.End.Text {
			d.Rescheduled = append(d.Rescheduled, ch)
		}
		done := map[string]bool{}
		if o != nil {
			for _, m := range o.Milestones {
				done[m.Name] = m.Done
			}
		}
		for _, m := range it.Milestones {
			if m.Done && !done[m.Name] {
				d.Milestones = append(d.Milestones, MilestoneDone{Item: ref(it.Doc), Name: m.Name, Date: day(m.Date)})
			}
		}
	}
	byItem := func(x, y RoadmapChange) int { return cmp.Compare(x.Item.ID, y.Item.ID) }
	slices.SortFunc(d.Slipped, byItem)
	slices.SortFunc(d.Rescheduled, func(x, y RoadmapChange) int {
		if x.Later != y.Later {
			if x.Later {
				return -1
			}
			return 1
		}
		return byItem(x, y)
	})
	slices.SortFunc(d.Milestones, func(x, y MilestoneDone) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Item.ID, y.Item.ID), cmp.Compare(x.Name, y.Name))
	})
}

func compareThreats(d *Diff, old, new *generator.Portfolio) {
	type key struct{ model, id string }
	before := map[key]*risk.Threat{}
	if r := risk.Of(old); r != nil {
		for _, t := range r.Threats {
			before[key{t.Model.ID, t.ID}] = t
		}
	}
	r := risk.Of(new)
	if r == nil {
		return
	}
	for _, t := range r.Threats {
		ch := ThreatChange{Model: ref(t.Model), ID: t.ID, Title: t.Title, New: t.Severity, Residual: t.Residual()}
		o := before[key{t.Model.ID, t.ID}]
		switch {
		case o == nil:
			ch.Worse = t.Residual()
			d.ThreatsAdded = append(d.ThreatsAdded, ch)
		case o.Severity != t.Severity:
			ch.Old, ch.Worse = o.Severity, risk.SeverityRank(t.Severity) > risk.SeverityRank(o.Severity)
			d.ThreatsRescored = append(d.ThreatsRescored, ch)
		}
	}
	worst := func(x, y ThreatChange) int {
		return cmp.Or(cmp.Compare(risk.SeverityRank(y.New), risk.SeverityRank(x.New)), cmp.Compare(x.Model.ID, y.Model.ID), cmp.Compare(x.ID, y.ID))
	}
	slices.SortFunc(d.ThreatsAdded, worst)
	slices.SortFunc(d.ThreatsRescored, worst)
}

func compareRemediation(d *Diff, old, new *generator.Portfolio) {
	before := map[string]*backlog.BacklogItem{}
	if b := backlog.Of(old); b != nil {
		for _, it := range b.Items {
			before[it.Doc.ID] = it
		}
	}
	b := backlog.Of(new)
	if b == nil {
		return
	}
	for _, it := range b.Items {
		o := before[it.Doc.ID]
		switch {
		case it.Open() && (o == nil || !o.Open()):
			d.Opened = append(d.Opened, ref(it.Doc))
		case !it.Open() && o != nil && o.Open():
			d.Closed = append(d.Closed, ref(it.Doc))
		}
		if it.Overdue && (o == nil || !o.Overdue) {
			d.NewlyOverdue = append(d.NewlyOverdue, ref(it.Doc))
		}
	}
	byID := func(a, b DocRef) int { return cmp.Compare(a.ID, b.ID) }
	slices.SortFunc(d.Opened, byID)
	slices.SortFunc(d.Closed, byID)
	slices.SortFunc(d.NewlyOverdue, byID)
}
