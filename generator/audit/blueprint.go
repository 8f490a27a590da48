package audit

import (
	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/matrix"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
)

// BlueprintPack is a blueprint's audit pack: its alignment with each standard,
// its threats, its open review findings and its reviews.
type BlueprintPack struct {
	Row *matrix.MatrixRow
	// Standards are the blueprint's cells that are not blank, in the matrix's
	// column order.
	Standards []PackCell
	// Threats are every threat of the blueprint's threat models, model by
	// model as written.
	Threats []*risk.Threat
	// Findings are the findings of its reviews that are still open: with no
	// remediation item, or with one not yet done or accepted.
	Findings []OpenFinding
	Reviews  []*reviews.ReviewInfo // newest first
}

// PackCell is one standard's cell of a blueprint's row.
type PackCell struct {
	Column *matrix.MatrixColumn
	Cell   *matrix.MatrixCell
}

// OpenFinding is a review finding still open and the backlog item that
// tracks it, if any.
type OpenFinding struct {
	reviews.Finding
	Item *backlog.BacklogItem // nil when the finding names no remediation item
}

func blueprintPack(p *generator.Portfolio, m *matrix.Matrix, row *matrix.MatrixRow) *BlueprintPack {
	d := row.Doc
	pack := &BlueprintPack{Row: row, Reviews: reviews.Of(p).BySubject[d]}
	for _, col := range m.Columns {
		if c := row.Cell(col.Index); c.Status != matrix.AlignNone || len(c.Records) > 0 {
			pack.Standards = append(pack.Standards, PackCell{Column: col, Cell: c})
		}
	}
	reg := risk.Of(p)
	for _, bt := range reg.ByDoc[d] {
		if tm := reg.Models[bt.Model]; tm != nil {
			pack.Threats = append(pack.Threats, tm.Threats...)
		}
	}
	items := backlog.Of(p).ByDoc
	for _, r := range pack.Reviews {
		for _, f := range r.Findings {
			var it *backlog.BacklogItem
			if f.Remediation != nil {
				it = items[f.Remediation]
			}
			if it == nil || it.Open() {
				pack.Findings = append(pack.Findings, OpenFinding{Finding: f, Item: it})
			}
		}
	}
	return pack
}
