// Package quality is the portfolio's data quality: how complete its documents
// are and where its evidence, reviews and references have gone stale, per kind
// and per owner, and the gaps that recur across blueprints (recurring.go). It
// computes nothing the other views compute: alignment records come from
// matrix.Of, documents past review from Portfolio.Stale, findings from
// reviews.Of, threats from risk.Of and remediation items from backlog.Of. So
// its analysis works nothing out (an analysis may not read another view's
// result): Of reads them once every analysis has run, on the first call of
// the /quality/ page, its home card or `archfolio check --quality` (WriteText),
// and keeps the report on the portfolio for the others.
//
// What counts:
//   - a field is filled in when the document writes it (or archfolio.yaml's
//     defaults: give it) with a value that is not empty; the fields measured
//     are those the schema marks expected: true (Schema.ExpectedFields);
//   - an alignment record needs evidence when it claims a control is met in
//     whole or in part: implemented, partial or alternative;
//   - an alignment record is stale when it was assessed more than a year
//     before Today;
//   - a document is past review as the home page's stale documents are
//     (review.last + review.every before Today);
//   - a retired document (status retired) counts in the completeness of its
//     kind but has no other gap: its records and its review are history;
//   - a front-matter reference to a retired document is a gap of the
//     referring document, unless that one is finished too (retired,
//     completed, done, cancelled, abandoned, superseded, deprecated or
//     rejected: its references are history); a body's mention is prose, often
//     about the retirement itself, and is not counted.
//
// Each gap belongs to an owner: a document's to its owner, an alignment
// record's to its blueprint's. Owners are ranked by their gaps, most first.
package quality

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/matrix"
)

// Report is the data quality of a portfolio at Today.
type Report struct {
	Today  time.Time
	Schema *generator.Schema
	// Kinds are the kinds with documents and expected fields, in schema order.
	Kinds []KindCompleteness
	// Owners are every owner of a document or a gap, most gaps first; the
	// documents without an owner are the one whose Owner is "".
	Owners []*OwnerGaps
	// NoEvidence are the alignment records that claim a control is met and
	// name no evidence; Stale those assessed more than a year ago, longest
	// ago first. Both by blueprint, then position.
	NoEvidence []StaleRecord
	Stale      []StaleRecord
	// PastReview are the documents past their review date, most overdue
	// first, but for retired ones.
	PastReview []generator.StaleDocument
	// Retired are the references to retired documents, by referring document.
	Retired []RetiredRef
	// Recurring are the gaps found in two blueprints or more, systemic ones
	// (in SystemicBlueprints or more) first (recurring.go).
	Recurring []*Recurrence
}

// KindCompleteness is how many documents of a kind fill in each expected field.
type KindCompleteness struct {
	Kind   *generator.Kind
	Docs   int
	Fields []FieldShare
}

// FieldShare is how many of a set of documents fill in one field.
type FieldShare struct {
	Kind   *generator.Kind
	Field  string
	Filled int
	Of     int
}

// Percent is the share filled in, rounded down, so that 100% means all.
func (f FieldShare) Percent() int { return f.Filled * 100 / max(f.Of, 1) }

// OwnerGaps is one owner's part of the report.
type OwnerGaps struct {
	Owner string // "" for the documents without an owner
	Docs  int
	// Filled and Expected count expected fields over the owner's documents:
	// those filled in, and all of them.
	Filled, Expected int
	// Missing are the kinds' fields some of the owner's documents leave
	// empty, by kind (schema order) then field (schema order).
	Missing                                  []FieldShare
	NoEvidence, Stale, PastReview, RetiredTo int
}

// Gaps counts everything the owner has to fix: each empty expected field,
// record without evidence or stale, document past review, reference to a
// retired document.
func (o *OwnerGaps) Gaps() int {
	return o.Expected - o.Filled + o.NoEvidence + o.Stale + o.PastReview + o.RetiredTo
}

// Percent is the share of the owner's expected fields filled in.
func (o *OwnerGaps) Percent() int { return o.Filled * 100 / max(o.Expected, 1) }

// StaleRecord is an alignment record with a gap, and how long ago it was
// assessed (zero when it was not).
type StaleRecord struct {
	Record   *matrix.AlignmentRecord
	Assessed time.Time
	Days     int // days since Assessed
}

// RetiredRef is a reference from a document in use to a retired one.
type RetiredRef struct {
	From, To *generator.Document
	Relation string // how From names it ("depends on")
	Field    string // the front-matter path
}

// needsEvidence are the alignment statuses that claim a control is met.
var needsEvidence = []matrix.Alignment{matrix.AlignImplemented, matrix.AlignPartial, matrix.AlignAlternative}

// result holds, on each portfolio, the report worked out once when first
// asked for: the page and the home card both read it.
var result = generator.NewResult[*lazyReport]()

type lazyReport struct {
	once sync.Once
	r    *Report
}

// prepare is the view's analysis: it cannot work the report out (that
// reads the other views' results, which an analysis may not), so it only
// gives the portfolio the place Of keeps it in.
func prepare(p *generator.Portfolio) diag.Diagnostics {
	result.Set(p, &lazyReport{})
	return nil
}

// Of returns the report of p, whose analyses have run, worked out on the
// first call.
func Of(p *generator.Portfolio) *Report {
	l := result.Get(p)
	if l == nil { // a portfolio loaded before the view was registered
		return report(p)
	}
	l.once.Do(func() { l.r = report(p) })
	return l.r
}

// report works out the report of p.
func report(p *generator.Portfolio) *Report {
	r := &Report{Today: p.Today, Schema: p.Schema}
	for _, s := range p.Stale {
		if !retired(s.Doc) {
			r.PastReview = append(r.PastReview, s)
		}
	}
	owners := map[string]*OwnerGaps{}
	owner := func(name string) *OwnerGaps {
		o := owners[name]
		if o == nil {
			o = &OwnerGaps{Owner: name}
			owners[name] = o
		}
		return o
	}
	r.Kinds = completeness(p, owner)
	if m := matrix.Of(p); m != nil {
		r.NoEvidence, r.Stale = recordGaps(p.Today, m.Records)
	}
	for _, g := range r.NoEvidence {
		owner(g.Record.Blueprint.Owner).NoEvidence++
	}
	for _, g := range r.Stale {
		owner(g.Record.Blueprint.Owner).Stale++
	}
	for _, s := range r.PastReview {
		owner(s.Doc.Owner).PastReview++
	}
	r.Retired = retiredRefs(p)
	for _, ref := range r.Retired {
		owner(ref.From.Owner).RetiredTo++
	}
	for _, o := range owners {
		r.Owners = append(r.Owners, o)
	}
	slices.SortFunc(r.Owners, func(a, b *OwnerGaps) int {
		return cmp.Or(cmp.Compare(b.Gaps(), a.Gaps()), compareOwner(a.Owner, b.Owner))
	})
	r.Recurring = recurring(p)
	return r
}

// compareOwner orders owners by name, the documents without one last.
func compareOwner(a, b string) int {
	if (a == "") != (b == "") {
		return cmp.Compare(b, a)
	}
	return cmp.Compare(a, b)
}

// completeness counts the expected fields each kind's documents fill in, and
// each owner's.
func completeness(p *generator.Portfolio, owner func(string) *OwnerGaps) []KindCompleteness {
	var out []KindCompleteness
	for _, name := range p.Schema.Order {
		docs, fields := p.ByKind[name], p.Schema.ExpectedFields(name)
		if len(docs) == 0 || len(fields) == 0 {
			continue
		}
		k := KindCompleteness{Kind: p.Schema.Kinds[name], Docs: len(docs)}
		perOwner := map[string][]FieldShare{}
		for _, d := range docs {
			o := owner(d.Owner)
			o.Docs++
			shares := perOwner[d.Owner]
			if shares == nil {
				shares = make([]FieldShare, len(fields))
				for i, f := range fields {
					shares[i] = FieldShare{Kind: k.Kind, Field: f}
				}
				perOwner[d.Owner] = shares
			}
			for i, f := range fields {
				shares[i].Of++
				o.Expected++
				if filled(d.Fields.Get(f)) {
					shares[i].Filled++
					o.Filled++
				}
			}
		}
		for i, f := range fields {
			share := FieldShare{Kind: k.Kind, Field: f, Of: len(docs)}
			for _, shares := range perOwner {
				share.Filled += shares[i].Filled
			}
			k.Fields = append(k.Fields, share)
		}
		for _, name := range generator.SortedKeys(perOwner) {
			for _, s := range perOwner[name] {
				if s.Filled < s.Of {
					owner(name).Missing = append(owner(name).Missing, s)
				}
			}
		}
		out = append(out, k)
	}
	return out
}

// filled reports whether a front-matter value says something: not absent,
// not an empty string, list or mapping.
func filled(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case *generator.Object:
		return len(v.Keys) > 0
	}
	return true
}

// recordGaps returns the records that claim a control is met without
// evidence, and those assessed more than a year before today.
func recordGaps(today time.Time, records []*matrix.AlignmentRecord) (noEvidence, stale []StaleRecord) {
	yearAgo := today.AddDate(-1, 0, 0)
	for _, rec := range records {
		if retired(rec.Blueprint) {
			continue
		}
		assessed, err := time.Parse(time.DateOnly, rec.Assessed)
		g := StaleRecord{Record: rec}
		if err == nil {
			g.Assessed, g.Days = assessed, generator.DaysBetween(assessed, today)
		}
		if len(rec.Evidence) == 0 && slices.Contains(needsEvidence, rec.Status) {
			noEvidence = append(noEvidence, g)
		}
		if err == nil && assessed.Before(yearAgo) {
			stale = append(stale, g)
		}
	}
	slices.SortStableFunc(stale, func(a, b StaleRecord) int { return a.Assessed.Compare(b.Assessed) })
	return noEvidence, stale
}

// retiredRefs lists the references from documents that are not retired to
// documents that are, one per document, target and relation.
func retiredRefs(p *generator.Portfolio) []RetiredRef {
	var out []RetiredRef
	for _, d := range p.Docs {
		if slices.Contains(finished, d.Status) {
			continue
		}
		seen := map[RetiredRef]bool{}
		for _, ref := range d.Refs {
			if ref.Field == "" || ref.To == nil || ref.To == d || !retired(ref.To) {
				continue
			}
			rr := RetiredRef{From: d, To: ref.To, Relation: ref.Relation}
			if seen[rr] {
				continue
			}
			seen[rr] = true
			rr.Field = ref.Field
			out = append(out, rr)
		}
	}
	slices.SortStableFunc(out, func(a, b RetiredRef) int {
		return cmp.Or(cmp.Compare(a.From.Path, b.From.Path), cmp.Compare(a.To.ID, b.To.ID))
	})
	return out
}

func retired(d *generator.Document) bool { return d.Status == "retired" }

// finished are the statuses, of any kind, that end a document's life: its
// references are history (a completed review of a blueprint since retired, a
// superseded decision), not gaps.
var finished = []string{"retired", "completed", "done", "cancelled", "abandoned", "superseded", "deprecated", "rejected"}
