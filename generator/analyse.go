package generator

import (
	"archfolio/generator/diag"
	"cmp"
	"context"
	"slices"
	"time"
)

// StaleDocument is a document whose review.last + review.every lies before today.
type StaleDocument struct {
	Doc      *Document
	Due      time.Time // when the review was due
	DaysLate int
}

// analyse runs every view's analysis over the linked portfolio, on all cores.
// Each is a pure function of the graph and Today that stores its result in its
// own Result on p and reads no other view's, so they run side by side; their
// diagnostics are returned in table order.
func analyse(p *Portfolio) diag.Diagnostics {
	per := make([]diag.Diagnostics, len(analyses))
	Parallel(context.Background(), len(analyses), func(i int) {
		per[i] = analyses[i].run(p)
	})
	var diags diag.Diagnostics
	for _, d := range per {
		diags = append(diags, d...)
	}
	return diags
}

func analyseStale(p *Portfolio) diag.Diagnostics {
	p.Stale = staleDocuments(p)
	return nil
}

// staleDocuments lists documents past their review date, most overdue first.
func staleDocuments(p *Portfolio) []StaleDocument {
	var out []StaleDocument
	for _, d := range p.Docs {
		rv := d.Fields.Obj("review")
		last, ok1 := rv.Get("last").(Date)
		every, ok2 := rv.Get("every").(Duration)
		if !ok1 || !ok2 {
			continue
		}
		due := every.AddTo(last.Time)
		if due.Before(p.Today) {
			out = append(out, StaleDocument{Doc: d, Due: due, DaysLate: int(p.Today.Sub(due).Hours() / 24)})
		}
	}
	slices.SortFunc(out, func(a, b StaleDocument) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	return out
}
