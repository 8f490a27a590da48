package matrix

import (
	"archfolio/generator"
	"maps"
	"slices"
)

// recordReuse is what readRecords may take from the matrix of the dev server's
// last load (result.Earlier) instead of reading a blueprint's compliance list
// again: on a large portfolio, reading every record on every save is most of the
// matrix's cost.
//
// A blueprint's records and their diagnostics are a function of
//   - its parse (its compliance list, positions and references' attributes):
//     the earlier row's blueprint has the same Fields, so its file did not change,
//     and the same path and id;
//   - which standard each compliance reference resolved to: the same ids, in
//     the same places of the list;
//   - what checkStatement reads of those standards' columns (sameStatements);
//   - for each evidence entry that is not a URL, whether a document has that id,
//     and whether it is left out for the audience;
//   - Today (waivers' days left): the same;
//   - every id of the portfolio, but only for the suggestions of an unknown
//     evidence id: a row that has one is never reused (MatrixRow.reusable).
//
// Reused records are copies pointing to this load's documents; what they share
// with the earlier matrix (waivers, evidence without documents, diagnostics) is
// never modified.
//
// A row whose records are reused also reuses its cells when every column is the
// same for them (sameForCells): a row's cells are a function of its records, its
// blueprint (its parse) and the columns.
type recordReuse struct {
	rows map[*generator.Object]*MatrixRow // the earlier load's rows, by their blueprint's Fields
	// sameCol holds this load's columns whose standard has a column in the
	// earlier load with the same id and the same statements.
	sameCol map[*MatrixColumn]bool
	// sameCells is set when each column is the same for cells as the earlier
	// load's column at its index.
	sameCells bool
}

// newRecordReuse returns what m may reuse of earlier, the matrix of the last load,
// or nil. m's columns must be complete.
func newRecordReuse(m, earlier *Matrix) *recordReuse {
	if earlier == nil || !earlier.Today.Equal(m.Today) {
		return nil
	}
	u := &recordReuse{rows: make(map[*generator.Object]*MatrixRow, len(earlier.Rows)), sameCol: map[*MatrixColumn]bool{}}
	for _, row := range earlier.Rows {
		if row.reusable && row.Doc.Fields != nil {
			u.rows[row.Doc.Fields] = row
		}
	}
	byID := make(map[string]*MatrixColumn, len(earlier.Columns))
	for _, c := range earlier.Columns {
		byID[c.Doc.ID] = c
	}
	for _, c := range m.Columns {
		if e := byID[c.Doc.ID]; e != nil && sameStatements(e, c) {
			u.sameCol[c] = true
		}
	}
	u.sameCells = slices.EqualFunc(earlier.Columns, m.Columns, sameForCells)
	return u
}

// sameForCells reports whether fillRow and roll read the same of columns a and b
// (statementAt follows from Statements).
func sameForCells(a, b *MatrixColumn) bool {
	sameCondition := func(x, y appliesCondition) bool { return x.field == y.field && slices.Equal(x.values, y.values) }
	sameStatement := func(x, y Statement) bool { return x.ID == y.ID && x.Level == y.Level }
	return a.Index == b.Index && a.Requires == b.Requires && slices.EqualFunc(a.conditions, b.conditions, sameCondition) &&
		slices.EqualFunc(a.Statements, b.Statements, sameStatement) && maps.Equal(a.withdrawn, b.withdrawn)
}

// sameStatements reports whether checkStatement finds the same for any record in
// column a as in column b: everything of a column it reads.
func sameStatements(a, b *MatrixColumn) bool {
	framework := func(c *MatrixColumn) string {
		if len(c.MapsTo) == 0 {
			return ""
		}
		return c.MapsTo[0].Framework
	}
	sameID := func(x, y Statement) bool { return x.ID == y.ID }
	return slices.EqualFunc(a.Statements, b.Statements, sameID) && maps.Equal(a.withdrawn, b.withdrawn) &&
		maps.Equal(a.outside, b.outside) && framework(a) == framework(b)
}

// row fills row from the earlier load's row of its blueprint when nothing it was
// made from changed, and reports whether it did; row's records, diagnostics and
// cells are then set.
func (u *recordReuse) row(p *generator.Portfolio, row *MatrixRow, m *Matrix) bool {
	if u == nil {
		return false
	}
	e := u.rows[row.Doc.Fields]
	if e == nil || e.Doc.Path != row.Doc.Path || e.Doc.ID != row.Doc.ID {
		return false
	}
	recs, ok := u.records(p, row.Doc, e, m)
	if !ok {
		return false
	}
	row.records, row.diags, row.reusable = recs, e.diags, true
	if !u.sameCells || !row.reuseCells(e) {
		m.fillRow(row, recs)
	}
	return true
}

// reuseCells gives row the cells of e, the earlier load's row of its blueprint,
// with row's records, and reports whether they fit.
func (row *MatrixRow) reuseCells(e *MatrixRow) bool {
	sorted := sortedByColumn(row.records)
	cells := slices.Clone(e.cells)
	next := 0
	for i := range cells {
		c := &cells[i]
		if len(c.Records) == 0 {
			continue
		}
		end := next + len(c.Records)
		if end > len(sorted) || sorted[next].col != int(e.cols[i]) {
			return false
		}
		c.Records, next = sorted[next:end:end], end
	}
	if next != len(sorted) {
		return false
	}
	row.cells, row.cols = cells, e.cols
	return true
}

// records returns d's records as the earlier load read them into its row e, made
// for this load, when nothing they were read from changed.
func (u *recordReuse) records(p *generator.Portfolio, d *generator.Document, e *MatrixRow, m *Matrix) ([]*AlignmentRecord, bool) {
	slab := make([]AlignmentRecord, len(e.records))
	out := make([]*AlignmentRecord, len(e.records))
	k := 0
	for _, ref := range d.Refs {
		idx, ok := complianceIndex(ref.Field)
		if !ok || ref.To == nil || ref.To.Kind != "standard" || ref.Attrs == nil {
			continue
		}
		if k == len(e.records) {
			return nil, false
		}
		was := e.records[k]
		col := m.colOf[ref.To]
		if was.Index != idx || was.Standard.ID != ref.To.ID || col == nil || !u.sameCol[col] {
			return nil, false
		}
		r := &slab[k]
		*r = *was
		r.Blueprint, r.Standard, r.col = d, ref.To, col.Index
		if !r.relinkEvidence(p) {
			return nil, false
		}
		out[k] = r
		k++
	}
	if k != len(e.records) {
		return nil, false
	}
	return out, true
}

// relinkEvidence points the record's evidence to this load's documents, copying
// the list when an entry names one, and reports whether each entry that is not a
// URL reads as newRecord would read it now.
func (r *AlignmentRecord) relinkEvidence(p *generator.Portfolio) bool {
	copied := false
	for i, ev := range r.Evidence {
		if ev.URL != "" {
			continue
		}
		doc := p.ByID[ev.key]
		if doc == nil {
			text := ev.key
			if p.Restricted(ev.key) {
				text = generator.RestrictedReference
			}
			if ev.Doc != nil || ev.Text != text {
				return false
			}
			continue
		}
		if ev.Doc == nil {
			return false
		}
		if !copied {
			r.Evidence, copied = slices.Clone(r.Evidence), true
		}
		r.Evidence[i].Doc = doc
	}
	return true
}
