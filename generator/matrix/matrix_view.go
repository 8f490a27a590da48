package matrix

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"cmp"
	"slices"
	"strconv"
)

// View is the standards alignment matrix: every blueprint's alignment with
// every standard and statement, roll-ups by family and control framework,
// waivers, the matrix pages, panels, matrix.csv and matrix.json.
var View = render.View{Name: "matrix", Analyse: analyseMatrix,
	Menu:  &render.MenuItem{Label: "Matrix", URL: "matrix/", Section: "matrix"},
	Pages: matrixPages, Panels: matrixPanels, Cards: matrixCards, Files: matrixFiles, JSON: matrixSummaryJSON,
	Shows: []string{"blueprint.compliance", "standard.statements", "standard.effectiveness"}}

// The matrix view's hooks in the views table: the analysis, home cards, panels on
// blueprint and standard pages, its pages (matrix_page.go) and exports
// (matrix_export.go).

func analyseMatrix(p *generator.Portfolio) diag.Diagnostics {
	m, diags := computeMatrix(p)
	result.Set(p, m)
	return diags
}

func matrixCards(p *generator.Portfolio) []render.Card {
	m := Of(p)
	if m == nil {
		return nil
	}
	comp := render.Card{Title: "Compliance", URL: "matrix/", Value: "–", Detail: "no standard applies to a blueprint yet"}
	if t := m.Total; t.Applicable > 0 {
		comp.Value = strconv.Itoa(t.Percent()) + "%"
		comp.Detail = strconv.Itoa(t.Adopted) + " of " + strconv.Itoa(t.Applicable) + " alignments met; " +
			strconv.Itoa(t.Gaps) + " open " + generator.PluralWord(t.Gaps, "gap", "gaps")
		comp.Alert = render.AlertIf(t.Gaps > 0, render.AlertWarning)
	}
	var expired, expiring int
	for _, r := range m.Exceptions {
		switch {
		case r.Waiver.Expired():
			expired++
		case r.Waiver.Expiring():
			expiring++
		}
	}
	waivers := render.Card{Title: "Alignment waivers", URL: "matrix/waivers/", Value: strconv.Itoa(expired + expiring),
		Detail: strconv.Itoa(expired) + " expired, " + strconv.Itoa(expiring) + " expiring within " +
			strconv.Itoa(generator.WaiverWarningDays) + " days", Alert: render.WorstAlert(expired > 0, expiring > 0)}
	return []render.Card{comp, waivers}
}

// MatrixPanel is the data of a document's alignment panel: a blueprint's row or a
// standard's column, one item per non-empty cell.
type MatrixPanel struct {
	Row    *MatrixRow
	Column *MatrixColumn
	Items  []MatrixPanelItem
	// More counts the cells of a standard's column left out of Items: a
	// standard's page lists at most ColumnPanelRows blueprints, gaps first;
	// its column in the matrix, matrix.csv and each blueprint's page have them all.
	More int
}

// ColumnPanelRows is how many blueprints a standard's page lists (each with
// its records and evidence, about 1.3 kB).
const ColumnPanelRows = 400

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// MatrixPanelItem is one cell shown in a panel with the statements it rolls up.
type MatrixPanelItem struct {
	Row        *MatrixRow
	Column     *MatrixColumn
	Cell       *MatrixCell
	Statements []StatementStatus
}

// StatementStatus is one statement of a cell and its status.
type StatementStatus struct {
	Statement Statement
	Status    Alignment
}

// Gaps lists the row's open gaps.
func (mp MatrixPanel) Gaps() []MatrixPanelItem {
	var out []MatrixPanelItem
	for _, it := range mp.Items {
		if it.Cell.Status.Gap() {
			out = append(out, it)
		}
	}
	return out
}

func matrixPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	m := Of(p)
	if m == nil {
		return nil
	}
	if row := m.Row(d); row != nil {
		mp := MatrixPanel{Row: row}
		for _, col := range m.Columns {
			if c := row.Cell(col.Index); c.Status != AlignNone || len(c.Records) > 0 {
				mp.Items = append(mp.Items, panelItem(row, col))
			}
		}
		return []render.Panel{render.NewPanel(matrixRowPanel, "alignment", "Standards alignment", mp)}
	}
	if col := m.Column(d); col != nil {
		mp := MatrixPanel{Column: col}
		var rest []MatrixPanelItem // beyond ColumnPanelRows, gaps first
		for _, row := range m.Rows {
			if c := row.Cell(col.Index); c.Status != AlignNone || len(c.Records) > 0 {
				rest = append(rest, panelItem(row, col))
			}
		}
		if len(rest) > ColumnPanelRows {
			slices.SortStableFunc(rest, func(a, b MatrixPanelItem) int {
				return cmp.Compare(boolRank(!a.Cell.Status.Gap()), boolRank(!b.Cell.Status.Gap()))
			})
			mp.More = len(rest) - ColumnPanelRows
			rest = rest[:ColumnPanelRows]
		}
		mp.Items = rest
		return []render.Panel{render.NewPanel(matrixColumnPanel, "alignment", "Alignment across the portfolio", mp)}
	}
	return nil
}

func panelItem(row *MatrixRow, col *MatrixColumn) MatrixPanelItem {
	c := row.Cell(col.Index)
	it := MatrixPanelItem{Row: row, Column: col, Cell: c}
	n := 0
	for _, s := range c.Statements {
		if s != AlignNone {
			n++
		}
	}
	if n > 0 {
		it.Statements = make([]StatementStatus, 0, n)
	}
	for k, s := range c.Statements {
		if s != AlignNone {
			it.Statements = append(it.Statements, StatementStatus{Statement: col.Statements[k], Status: s})
		}
	}
	return it
}

// StatementAdoption is one statement of a standard and its adoption.
type StatementAdoption struct {
	Statement Statement
	Tally     AlignmentTally
}

// StatementAdoption lists the column's statements with their adoption.
func (col *MatrixColumn) StatementAdoption() []StatementAdoption {
	out := make([]StatementAdoption, len(col.Statements))
	for k, s := range col.Statements {
		out[k] = StatementAdoption{Statement: s, Tally: col.StatementTallies[k]}
	}
	return out
}

// Anchor is the id of the standard's entry in a blueprint's alignment panel.
func (col *MatrixColumn) Anchor() string { return "align-" + col.Doc.ID }

// Anchor is the id of the record's entry in its blueprint's alignment panel.
func (r *AlignmentRecord) Anchor() string { return "compliance-" + strconv.Itoa(r.Index) }

// Alignments lists every status, worst first, for legends.
func (m *Matrix) Alignments() []Alignment { return alignments[:] }
