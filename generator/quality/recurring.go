package quality

import (
	"cmp"
	"slices"
	"time"

	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
)

// SystemicBlueprints is how many blueprints a gap must recur in to be systemic:
// one fix for the engineering teams rather than one per blueprint.
const SystemicBlueprints = 3

// The ways a gap recurs: the standard a review finding or remediation item is
// against or a residual threat's mitigations name; the statement of a
// standard that a finding, an item or a residual threat's mitigation names
// (standard#STATEMENT); the STRIDE category of a residual threat;
// the type of component a residual threat targets (its asset's technology,
// else its asset's type).
const (
	ByStandard  = "standard"
	ByStatement = "statement"
	ByStride    = "stride"
	ByComponent = "component"
)

// Recurrence is the review findings, residual threats and remediation items
// that concern one standard, STRIDE category or component type, across
// blueprints.
type Recurrence struct {
	By  string // ByStandard, ByStatement, ByStride or ByComponent
	Key string // the standard's id, standard#STATEMENT, the category or the component type as written
	// Standard is the standard, when By is ByStandard or ByStatement; then
	// Statement is the statement's id and StatementAnchor its row's anchor
	// on the standard's page.
	Standard                   *generator.Document
	Statement, StatementAnchor string
	// Blueprints are those the findings are about, the threats are modelled
	// for and the items affect, by title.
	Blueprints []*generator.Document
	Findings   []reviews.Finding
	Threats    []*risk.Threat
	// Items are the remediation items against the standard or named by the
	// group's findings and threats, by id; Open those still to be fixed.
	Items, Open []*backlog.BacklogItem
	// Since is the earliest date among them: a finding's review date, an
	// item's discovered date (threats carry none); zero when none has one.
	Since time.Time
}

// Systemic reports whether the gap recurs in SystemicBlueprints blueprints or more.
func (r *Recurrence) Systemic() bool { return len(r.Blueprints) >= SystemicBlueprints }

// Name is the group in words: the standard's title, the STRIDE category
// humanized, the component type as the threat model writes it.
func (r *Recurrence) Name() string {
	switch {
	case r.By == ByStatement:
		return r.Standard.Title + ", statement " + r.Statement
	case r.Standard != nil:
		return r.Standard.Title
	case r.By == ByStride:
		return generator.Humanize(r.Key)
	}
	return r.Key
}

// How says in words what the group is gathered by.
func (r *Recurrence) How() string {
	switch r.By {
	case ByStandard:
		return "Standard"
	case ByStatement:
		return "Standard statement"
	case ByStride:
		return "STRIDE category"
	}
	return "Component type"
}

// recurrences gathers the groups as they are found.
type recurrences struct {
	groups map[[2]string]*Recurrence
	bps    map[*Recurrence]map[*generator.Document]bool
	items  map[*Recurrence]map[*backlog.BacklogItem]bool
	bl     *backlog.Backlog
}

func (rs *recurrences) group(by, key string) *Recurrence {
	g := rs.groups[[2]string{by, key}]
	if g == nil {
		g = &Recurrence{By: by, Key: key}
		rs.groups[[2]string{by, key}] = g
		rs.bps[g] = map[*generator.Document]bool{}
		rs.items[g] = map[*backlog.BacklogItem]bool{}
	}
	return g
}

func (rs *recurrences) blueprint(g *Recurrence, bps ...*generator.Document) {
	for _, bp := range bps {
		if bp != nil && !retired(bp) {
			rs.bps[g][bp] = true
		}
	}
}

// item adds the remediation item d to g, with the blueprints it affects.
func (rs *recurrences) item(g *Recurrence, d *generator.Document) {
	if it := rs.bl.ByDoc[d]; it != nil {
		rs.items[g][it] = true
		rs.blueprint(g, it.Affects...)
		g.Since = earliest(g.Since, it.Discovered)
	}
}

// recurring groups the findings, residual threats and remediation items of p
// and returns the groups found in two blueprints or more: most blueprints (so
// systemic ones) first, then by how they are gathered and their key. A retired blueprint is history: its
// findings and threats are left out, and it is no blueprint of a group.
func recurring(p *generator.Portfolio) []*Recurrence {
	rs := &recurrences{groups: map[[2]string]*Recurrence{}, bps: map[*Recurrence]map[*generator.Document]bool{},
		items: map[*Recurrence]map[*backlog.BacklogItem]bool{}, bl: backlog.Of(p)}
	if rs.bl == nil {
		rs.bl = &backlog.Backlog{}
	}
	if s := reviews.Of(p); s != nil {
		for _, rv := range s.Reviews {
			for _, f := range rv.Findings {
				if f.Standard == nil || (rv.Subject != nil && retired(rv.Subject)) {
					continue
				}
				groups := []*Recurrence{rs.group(ByStandard, f.Standard.ID)}
				groups[0].Standard = f.Standard
				if f.Statement != nil {
					groups = append(groups, rs.statement(*f.Statement))
				}
				for _, g := range groups {
					g.Findings = append(g.Findings, f)
					rs.blueprint(g, rv.Subject)
					g.Since = earliest(g.Since, rv.Date)
					if f.Remediation != nil {
						rs.item(g, f.Remediation)
					}
				}
			}
		}
	}
	for _, it := range rs.bl.Items {
		if it.Standard != nil {
			g := rs.group(ByStandard, it.Standard.ID)
			g.Standard = it.Standard
			rs.item(g, it.Doc)
		}
		if it.Statement != nil {
			rs.item(rs.statement(*it.Statement), it.Doc)
		}
	}
	if reg := risk.Of(p); reg != nil {
		for _, t := range reg.Threats {
			if t.Residual() && (t.Subject == nil || !retired(t.Subject)) {
				rs.threat(reg, t)
			}
		}
	}
	return rs.list()
}

// statement is the group of a standard's statement.
func (rs *recurrences) statement(s risk.StatementRef) *Recurrence {
	g := rs.group(ByStatement, s.Standard.ID+"#"+s.ID)
	g.Standard, g.Statement, g.StatementAnchor = s.Standard, s.ID, s.Anchor
	return g
}

// threat adds a residual threat to the groups of the standards and
// statements its mitigations name, its STRIDE category's and its component
// type's.
func (rs *recurrences) threat(reg *risk.RiskRegister, t *risk.Threat) {
	var groups []*Recurrence
	for _, d := range t.Mitigations {
		if d.Kind == "standard" {
			g := rs.group(ByStandard, d.ID)
			g.Standard = d
			if !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
	}
	for _, s := range t.Statements {
		g := rs.statement(s)
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	if t.Stride != "" {
		groups = append(groups, rs.group(ByStride, t.Stride))
	}
	if m := reg.Models[t.Model]; m != nil && m.System != nil {
		for _, a := range m.System.Assets {
			if a.ID == t.Target && cmp.Or(a.Technology, a.Type) != "" {
				groups = append(groups, rs.group(ByComponent, cmp.Or(a.Technology, a.Type)))
			}
		}
	}
	for _, g := range groups {
		g.Threats = append(g.Threats, t)
		rs.blueprint(g, t.Subject)
		for _, d := range t.Remediation {
			rs.item(g, d)
		}
	}
}

// list orders the groups found in two blueprints or more.
func (rs *recurrences) list() []*Recurrence {
	var out []*Recurrence
	for _, g := range rs.groups {
		if len(rs.bps[g]) < 2 {
			continue
		}
		for bp := range rs.bps[g] {
			g.Blueprints = append(g.Blueprints, bp)
		}
		slices.SortFunc(g.Blueprints, func(a, b *generator.Document) int {
			return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
		})
		for it := range rs.items[g] {
			g.Items = append(g.Items, it)
		}
		slices.SortFunc(g.Items, func(a, b *backlog.BacklogItem) int { return cmp.Compare(a.Doc.ID, b.Doc.ID) })
		for _, it := range g.Items {
			if it.Open() {
				g.Open = append(g.Open, it)
			}
		}
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *Recurrence) int {
		return cmp.Or(cmp.Compare(len(b.Blueprints), len(a.Blueprints)), cmp.Compare(a.By, b.By), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// earliest is the earlier of two dates, a zero one counting as none.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}
