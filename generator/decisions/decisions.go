// Package decisions is the decision log: how decisions replace one another.
// Its analysis reads each decision's supersedes and reports a loop of
// supersession (an error: no decision of it is the one in force) and a
// decision that an accepted one supersedes but whose own status does not say
// so (a warning). Each decision's page shows its whole chain: every decision
// it replaced or that replaced it, directly or through others, oldest first,
// with the ones in force marked. The decisions index is the log itself,
// newest first (the kind's order: -date, in schema.yaml).
package decisions

import (
	"cmp"
	"slices"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/graph"
	"archfolio/generator/render"
)

// View is the decision log's analysis and its panel on decision pages.
var View = render.View{Name: "decisions", Analyse: analyse, Panels: panels, JSON: logJSON}

// result is where the analysis keeps the log on a Portfolio.
var result = generator.NewResult[*Log]()

// Of returns the decision log of p.
func Of(p *generator.Portfolio) *Log { return result.Get(p) }

// kind is the kind whose documents are decisions, and relation the reference
// by which a newer decision names the ones it replaces.
const (
	kind     = "decision"
	relation = "supersedes"
)

// Log is the supersession between a portfolio's decisions.
type Log struct {
	// Chains holds each decision's chain, shared by its members; a decision
	// that supersedes nothing and that nothing supersedes has none.
	Chains map[*generator.Document]*Chain
	// Cycles are the loops of supersession, each reported once.
	Cycles []graph.Cycle
}

// Chain is a set of decisions joined by supersession, in the order they were
// taken: a decision comes after every one it supersedes (by date, then id,
// where supersession does not decide, or inside a loop).
type Chain struct {
	Entries []*Entry
}

// Entry is one decision of a chain.
type Entry struct {
	Doc *generator.Document
	// Supersedes and SupersededBy are its neighbours in the chain, by id.
	Supersedes, SupersededBy []*generator.Document
	// InForce: accepted, and no accepted decision supersedes it.
	InForce bool
}

// analyse builds the supersession graph of the decisions and their chains.
func analyse(p *generator.Portfolio) diag.Diagnostics {
	decisions := p.ByKind[kind]
	log := &Log{Chains: map[*generator.Document]*Chain{}}
	result.Set(p, log)
	if len(decisions) == 0 {
		return nil
	}
	supersedes := map[*generator.Document][]*generator.Document{}
	supersededBy := map[*generator.Document][]*generator.Document{}
	nodes := make([]graph.Node, 0, len(decisions))
	var edges []graph.Edge
	for _, d := range decisions {
		nodes = append(nodes, graph.Node{ID: d.ID})
		for _, r := range d.Refs {
			if r.Relation != relation || r.To == nil || r.To.Kind != kind || slices.Contains(supersedes[d], r.To) {
				continue
			}
			supersedes[d] = append(supersedes[d], r.To)
			supersededBy[r.To] = append(supersededBy[r.To], d)
			edges = append(edges, graph.Edge{From: d.ID, To: r.To.ID, Source: r.Field})
		}
	}
	log.Cycles = graph.Cycles(graph.New(nodes, edges))
	var diags diag.Diagnostics
	for _, c := range log.Cycles {
		diags = append(diags, cycleDiagnostic(p, c))
	}
	byID := func(a, b *generator.Document) int { return cmp.Compare(a.ID, b.ID) }
	for _, d := range decisions {
		slices.SortFunc(supersedes[d], byID)
		slices.SortFunc(supersededBy[d], byID)
		if d := notMarked(d, supersededBy[d]); d != nil {
			diags = append(diags, *d)
		}
	}
	for _, members := range components(decisions, supersedes, supersededBy) {
		chain := &Chain{}
		for _, d := range order(members, supersedes) {
			e := &Entry{Doc: d, Supersedes: supersedes[d], SupersededBy: supersededBy[d]}
			e.InForce = d.Status == "accepted" && !slices.ContainsFunc(e.SupersededBy, accepted)
			chain.Entries = append(chain.Entries, e)
			log.Chains[d] = chain
		}
	}
	return diags
}

func accepted(d *generator.Document) bool { return d.Status == "accepted" }

// notMarked is the warning for a decision that an accepted decision
// supersedes but whose status is not superseded, at its status.
func notMarked(d *generator.Document, by []*generator.Document) *diag.Diagnostic {
	if d.Status == "superseded" {
		return nil
	}
	var ids []string
	for _, s := range by {
		if accepted(s) {
			ids = append(ids, generator.Quote(s.ID))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	status := "no status"
	if d.Status != "" {
		status = "status " + generator.Quote(d.Status)
	}
	msg := "accepted decision " + generator.Elide(ids, ", ") + " supersedes this one, which has " + status +
		": set status: superseded, or take it out of the newer decision's supersedes"
	if len(ids) > 1 {
		msg = "accepted decisions " + generator.Elide(ids, ", ") + " supersede this one, which has " + status +
			": set status: superseded, or take it out of the newer decisions' supersedes"
	}
	at := d.Pos("status")
	out := diag.NewDiagnostic(diag.CodeSupersededNotMarked, d.Path, at, msg)
	return &out
}

// cycleDiagnostic is the error for one loop of supersession, at the
// supersedes entry that closes it. (A decision that names itself is the link
// stage's error, AF203, and has no edge here.)
func cycleDiagnostic(p *generator.Portfolio, c graph.Cycle) diag.Diagnostic {
	d := p.ByID[c.Closing.From]
	loop := make([]string, 0, len(c.Path)+1)
	for _, id := range append(slices.Clone(c.Path), c.Path[0]) {
		loop = append(loop, generator.Quote(id))
	}
	msg := "supersession cycle " + generator.Elide(loop, " → ") +
		": a decision cannot replace one that replaces it; remove one of these supersedes"
	return diag.NewDiagnostic(diag.CodeSupersessionCycle, d.Path, d.Pos(c.Closing.Source), msg)
}

// components returns the sets of decisions joined by supersession (two or
// more each), each in id order, the sets ordered by their first id.
func components(decisions []*generator.Document, out, in map[*generator.Document][]*generator.Document) [][]*generator.Document {
	seen := map[*generator.Document]bool{}
	var sets [][]*generator.Document
	for _, d := range decisions { // in id order (Portfolio.ByKind)
		if seen[d] || (len(out[d]) == 0 && len(in[d]) == 0) {
			continue
		}
		var set []*generator.Document
		stack := []*generator.Document{d}
		seen[d] = true
		for len(stack) > 0 {
			cur := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			set = append(set, cur)
			for _, next := range append(slices.Clone(out[cur]), in[cur]...) {
				if !seen[next] {
					seen[next] = true
					stack = append(stack, next)
				}
			}
		}
		slices.SortFunc(set, func(a, b *generator.Document) int { return cmp.Compare(a.ID, b.ID) })
		sets = append(sets, set)
	}
	return sets
}

// order puts a chain's decisions in the order they were taken: each after
// every decision it supersedes, ties (and what a loop leaves) by date and id.
func order(members []*generator.Document, supersedes map[*generator.Document][]*generator.Document) []*generator.Document {
	taken := func(a, b *generator.Document) int {
		return cmp.Or(generator.DateField(a.Fields, "date").Compare(generator.DateField(b.Fields, "date")), cmp.Compare(a.ID, b.ID))
	}
	remaining := slices.Clone(members)
	slices.SortFunc(remaining, taken)
	done := map[*generator.Document]bool{}
	out := make([]*generator.Document, 0, len(members))
	for len(remaining) > 0 {
		// The earliest decision whose superseded ones are all placed; in a
		// loop none is, and the earliest of all goes next.
		next := 0
		for i, d := range remaining {
			if !slices.ContainsFunc(supersedes[d], func(s *generator.Document) bool { return !done[s] }) { // all in the chain
				next = i
				break
			}
		}
		d := remaining[next]
		remaining = slices.Delete(remaining, next, next+1)
		done[d] = true
		out = append(out, d)
	}
	return out
}

// panels is the chain panel of a decision that has one.
func panels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	if d.Kind != kind {
		return nil
	}
	c := Of(p).Chains[d]
	if c == nil {
		return nil
	}
	return []render.Panel{render.NewPanel(chainPanel, "decision-chain", "Decision chain", ChainData{Chain: c, Doc: d})}
}

// ChainData is what the decision-chain panel shows: the chain and the decision
// whose page it is on.
type ChainData struct {
	Chain *Chain
	Doc   *generator.Document
}

// logJSON is the decision log's part of portfolio.json: each chain as the ids
// of its decisions in order, with those in force.
func logJSON(p *generator.Portfolio) any {
	l := Of(p)
	type chainJSON struct {
		Decisions []string `json:"decisions"`
		InForce   []string `json:"in_force"`
	}
	seen := map[*Chain]bool{}
	chains := []chainJSON{}
	for _, d := range p.ByKind[kind] {
		c := l.Chains[d]
		if c == nil || seen[c] {
			continue
		}
		seen[c] = true
		cj := chainJSON{Decisions: []string{}, InForce: []string{}}
		for _, e := range c.Entries {
			cj.Decisions = append(cj.Decisions, e.Doc.ID)
			if e.InForce {
				cj.InForce = append(cj.InForce, e.Doc.ID)
			}
		}
		chains = append(chains, cj)
	}
	cycles := [][]string{}
	for _, c := range l.Cycles {
		cycles = append(cycles, c.Members)
	}
	return map[string]any{"chains": chains, "cycles": cycles}
}
