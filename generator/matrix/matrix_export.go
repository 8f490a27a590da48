package matrix

import (
	"archfolio/generator"
	"archfolio/generator/render"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// matrixCSVHeader is the first line of matrix.csv; generator/help/csv.md documents each column.
var matrixCSVHeader = []string{"blueprint", "blueprint_title", "domain", "criticality", "owner",
	"standard", "standard_title", "family", "statement", "level", "status", "required",
	"evidence", "planned", "assessed", "justification",
	"waiver_approved_by", "waiver_expires", "waiver_days_left", "waiver_state", "source"}

func matrixFiles(p *generator.Portfolio) []render.ExportFile {
	m := Of(p)
	if m == nil {
		return nil
	}
	files := []render.ExportFile{
		{Name: "matrix.csv", Write: func(w io.Writer) error { return matrixCSV(w, m) }},
		{Name: "matrix.json", Write: func(w io.Writer) error { return writeMatrixJSON(w, m) }},
	}
	filters := sync.OnceValue(func() []render.Filter { return matrixFilters(p, m) })
	for _, it := range m.gridList() {
		if it.catalogue != nil {
			continue
		}
		if f, ok := gridFilterRows(it, filters); ok {
			files = append(files, f)
		}
	}
	return files
}

// matrixCSV writes one line per non-empty cell: the blueprint × standard roll-up
// (statement empty), then each of its statements that has a status. Every text
// cell is neutralised against spreadsheet formula injection.
func matrixCSV(out io.Writer, m *Matrix) error {
	w := csv.NewWriter(out)
	if err := w.Write(matrixCSVHeader); err != nil {
		return err
	}
	var l csvLiner
	for _, row := range m.Rows {
		for j, c := range row.Cells() {
			col := m.Columns[j]
			if c.Status == AlignNone && len(c.Records) == 0 {
				continue
			}
			if err := w.Write(l.line(row, col, "", "", c.Status, c.Applies, c.Records)); err != nil {
				return err
			}
			for k, st := range col.Statements {
				if c.Statements == nil || c.Statements[k] == AlignNone {
					continue
				}
				line := l.line(row, col, st.ID, st.Level, c.Statements[k], c.Applies, governing(c.Records, st.ID))
				if err := w.Write(line); err != nil {
					return err
				}
			}
		}
	}
	w.Flush()
	return w.Error()
}

// governing returns the records that decide a statement's status: its own, else
// the whole-standard ones.
func governing(recs []*AlignmentRecord, statement string) []*AlignmentRecord {
	var own, whole []*AlignmentRecord
	for _, r := range recs {
		switch r.Statement {
		case statement:
			own = append(own, r)
		case "":
			whole = append(whole, r)
		}
	}
	if len(own) > 0 {
		return own
	}
	return whole
}

// csvLiner makes the lines of matrix.csv in slices it keeps from line to line
// (csv.Writer.Write is done with a line when it returns): a 10,000-blueprint
// matrix has hundreds of thousands of lines, and their slices were a twentieth
// of a build's garbage.
type csvLiner struct {
	text                                      []string
	evidence, planned, justification          []string
	approvers, expires, days, states, sources []string
}

// line returns the line of a cell's roll-up (statement "") or of a statement.
func (l *csvLiner) line(row *MatrixRow, col *MatrixColumn, statement, level string, status Alignment, required bool, recs []*AlignmentRecord) []string {
	evidence, planned, justification := l.evidence[:0], l.planned[:0], l.justification[:0]
	approvers, expires, days, states, sources := l.approvers[:0], l.expires[:0], l.days[:0], l.states[:0], l.sources[:0]
	assessed := ""
	for _, r := range recs {
		for _, e := range r.Evidence {
			evidence = appendNew(evidence, e.Text)
		}
		planned = appendNew(planned, r.Planned)
		justification = appendNew(justification, r.Justification)
		assessed = max(assessed, r.Assessed)
		if r.Status == AlignException { // a waiver on any other status is ignored
			if w := r.Waiver; w != nil {
				approvers = appendNew(approvers, w.ApprovedBy)
				expires = appendNew(expires, w.ExpiresText())
				if w.ExpiresText() != "" {
					days = append(days, strconv.Itoa(w.DaysLeft))
				}
			}
			states = appendNew(states, r.Waiver.State())
		}
		sources = append(sources, r.Source())
	}
	l.evidence, l.planned, l.justification = evidence, planned, justification
	l.approvers, l.expires, l.days, l.states, l.sources = approvers, expires, days, states, sources
	req := "no"
	if required {
		req = "yes"
	}
	d := row.Doc
	text := append(l.text[:0], d.ID, d.Title, row.Domain, d.Fields.String("criticality"), d.Owner,
		col.Doc.ID, col.Doc.Title, col.Family, statement, level, status.String(), req,
		join(evidence), join(planned), assessed, join(justification), join(approvers), join(expires))
	for i, s := range text {
		text[i] = generator.CSVSafe(s)
	}
	// The days are integers written by archfolio, never content, so they are safe as
	// they are (a negative number stays a number).
	l.text = append(text, join(days), generator.CSVSafe(join(states)), generator.CSVSafe(join(sources)))
	return l.text
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func join(list []string) string { return strings.Join(list, "; ") }

// MatrixJSON is the schema of matrix.json, version 1; generator/help/matrix.md documents it.
type MatrixJSON struct {
	Version    int                   `json:"version"`
	Today      string                `json:"today"`
	Statuses   []string              `json:"statuses"` // worst first
	Summary    TallyJSON             `json:"summary"`
	Standards  []MatrixStandardJSON  `json:"standards"`
	Blueprints []MatrixBlueprintJSON `json:"blueprints"`
	Cells      []MatrixCellJSON      `json:"cells"`
	Waivers    []WaiverJSON          `json:"waivers"`
	Families   []FamilyJSON          `json:"families"`
	Frameworks []FrameworkJSON       `json:"frameworks"`
}

// TallyJSON is an adoption figure: cells by status, applicable, adopted, gaps.
type TallyJSON struct {
	Applicable int            `json:"applicable"`
	Adopted    int            `json:"adopted"`
	Percent    int            `json:"percent"`
	Gaps       int            `json:"gaps"`
	Counts     map[string]int `json:"counts"`
}

// MatrixStandardJSON is one column of matrix.json.
type MatrixStandardJSON struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Family        string              `json:"family"`
	Status        string              `json:"status,omitempty"`
	URL           string              `json:"url"`
	Requires      bool                `json:"requires"`
	MapsTo        map[string][]string `json:"maps_to"`
	Adoption      TallyJSON           `json:"adoption"`
	Statements    []StatementJSON     `json:"statements"`
	Effectiveness []EffectivenessJSON `json:"effectiveness"`
}

// StatementJSON is one statement of a standard with its adoption.
type StatementJSON struct {
	ID       string    `json:"id"`
	Level    string    `json:"level"`
	Adoption TallyJSON `json:"adoption"`
}

// EffectivenessJSON is one effectiveness target and whether the matrix measures it.
type EffectivenessJSON struct {
	Metric   string `json:"metric"`
	Target   string `json:"target"`
	Measured bool   `json:"measured"`
	Met      *bool  `json:"met,omitempty"`
}

// MatrixBlueprintJSON is one row of matrix.json.
type MatrixBlueprintJSON struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Domain      string    `json:"domain,omitempty"`
	Criticality string    `json:"criticality,omitempty"`
	Owner       string    `json:"owner,omitempty"`
	Status      string    `json:"status,omitempty"`
	URL         string    `json:"url"`
	Score       TallyJSON `json:"score"`
	Gaps        []string  `json:"gaps"` // standard ids
}

// MatrixCellJSON is one non-empty cell of matrix.json.
type MatrixCellJSON struct {
	Blueprint  string              `json:"blueprint"`
	Standard   string              `json:"standard"`
	Status     string              `json:"status"`
	Required   bool                `json:"required"`
	Statements []CellStatementJSON `json:"statements,omitempty"`
	Records    []RecordJSON        `json:"records"`
}

// CellStatementJSON is the status of one statement within a cell.
type CellStatementJSON struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// RecordJSON is one alignment record as written, with its effective status.
type RecordJSON struct {
	Index         int            `json:"index"`
	Statement     string         `json:"statement,omitempty"`
	Status        string         `json:"status"`
	Effective     string         `json:"effective"`
	Evidence      []EvidenceJSON `json:"evidence"`
	Planned       string         `json:"planned,omitempty"`
	Assessed      string         `json:"assessed,omitempty"`
	Justification string         `json:"justification,omitempty"`
	Waiver        *WaiverJSON    `json:"waiver,omitempty"`
	Path          string         `json:"path"`
	Line          int            `json:"line"`
}

// EvidenceJSON is one evidence entry: its text, and the document or URL it names.
type EvidenceJSON struct {
	Text string `json:"text"`
	ID   string `json:"id,omitempty"`
	URL  string `json:"url,omitempty"`
}

// WaiverJSON is an exception's waiver; in the waivers list it names its cell.
type WaiverJSON struct {
	Blueprint     string `json:"blueprint,omitempty"`
	Standard      string `json:"standard,omitempty"`
	Statement     string `json:"statement,omitempty"`
	ApprovedBy    string `json:"approved_by"`
	Expires       string `json:"expires,omitempty"`
	DaysLeft      *int   `json:"days_left,omitempty"`
	State         string `json:"state"`
	Justification string `json:"justification,omitempty"`
}

// FamilyJSON is the coverage of one family of standards.
type FamilyJSON struct {
	Family    string           `json:"family"`
	Standards []string         `json:"standards"`
	Controls  int              `json:"controls"`
	Covered   int              `json:"covered"`
	Uncovered []ControlRefJSON `json:"uncovered"`
}

// ControlRefJSON names a standard, or one statement of it.
type ControlRefJSON struct {
	Standard  string `json:"standard"`
	Statement string `json:"statement,omitempty"`
}

// FrameworkJSON is the coverage of an external framework's controls.
type FrameworkJSON struct {
	Framework string        `json:"framework"`
	Title     string        `json:"title"`
	Covered   int           `json:"covered"`
	Controls  []ControlJSON `json:"controls"`
}

// ControlJSON is one framework control: the standards mapping to it and the
// blueprints' statuses for it.
type ControlJSON struct {
	ID        string    `json:"id"`
	Label     string    `json:"label"`
	Standards []string  `json:"standards"`
	Adoption  TallyJSON `json:"adoption"`
}

func tallyJSON(t AlignmentTally) TallyJSON {
	out := TallyJSON{Applicable: t.Applicable, Adopted: t.Adopted, Percent: t.Percent(), Gaps: t.Gaps, Counts: map[string]int{}}
	for _, bc := range t.Breakdown() {
		out.Counts[bc.Status.String()] = bc.Count
	}
	return out
}

// writeMatrixJSON writes matrix.json, its cells one at a time (streamJSON): the
// same bytes as IndentJSON(matrixJSON(m, true)).
func writeMatrixJSON(w io.Writer, m *Matrix) error {
	type at struct {
		row  *MatrixRow
		col  int
		cell *MatrixCell
	}
	var cells []at
	for _, row := range m.Rows {
		for j, c := range row.Cells() {
			if c.Status != AlignNone || len(c.Records) > 0 {
				cells = append(cells, at{row, j, c})
			}
		}
	}
	return render.StreamJSON(w, matrixJSON(m, false), "cells", len(cells), func(i int) any {
		c := cells[i]
		return cellJSON(c.row, m.Columns[c.col], c.cell)
	})
}

// matrixJSON is matrix.json, with its cells or without (an empty list).
func matrixJSON(m *Matrix, withCells bool) MatrixJSON {
	out := MatrixJSON{Version: 1, Today: m.Today.Format(time.DateOnly), Summary: tallyJSON(m.Total),
		Standards: []MatrixStandardJSON{}, Blueprints: []MatrixBlueprintJSON{}, Cells: []MatrixCellJSON{},
		Waivers: []WaiverJSON{}, Families: []FamilyJSON{}, Frameworks: []FrameworkJSON{}}
	for _, a := range alignments {
		out.Statuses = append(out.Statuses, a.String())
	}
	for _, col := range m.Columns {
		out.Standards = append(out.Standards, standardJSON(col))
	}
	for _, row := range m.Rows {
		bj := MatrixBlueprintJSON{ID: row.Doc.ID, Title: row.Doc.Title, Domain: row.Domain,
			Criticality: row.Doc.Fields.String("criticality"), Owner: row.Doc.Owner, Status: row.Doc.Status,
			URL: row.Doc.URL, Score: tallyJSON(row.Tally), Gaps: []string{}}
		for j, c := range row.Cells() {
			col := m.Columns[j]
			if c.Status.Gap() {
				bj.Gaps = append(bj.Gaps, col.Doc.ID)
			}
			if withCells && (c.Status != AlignNone || len(c.Records) > 0) {
				out.Cells = append(out.Cells, cellJSON(row, col, c))
			}
		}
		out.Blueprints = append(out.Blueprints, bj)
	}
	for _, r := range m.Exceptions {
		w := waiverJSON(r.Waiver)
		w.Blueprint, w.Standard, w.Statement = r.Blueprint.ID, r.Standard.ID, r.Statement
		out.Waivers = append(out.Waivers, w)
	}
	for _, f := range m.Families {
		fj := FamilyJSON{Family: f.Family, Controls: f.Controls, Covered: f.Covered, Standards: []string{}, Uncovered: []ControlRefJSON{}}
		for _, col := range f.Columns {
			fj.Standards = append(fj.Standards, col.Doc.ID)
		}
		for _, u := range f.Uncovered {
			fj.Uncovered = append(fj.Uncovered, ControlRefJSON{Standard: u.Column.Doc.ID, Statement: u.Statement})
		}
		out.Families = append(out.Families, fj)
	}
	for _, f := range m.Frameworks {
		fj := FrameworkJSON{Framework: f.Framework, Title: f.Title, Covered: f.Covered, Controls: []ControlJSON{}}
		for _, c := range f.Controls {
			cj := ControlJSON{ID: c.ID, Label: c.Label, Adoption: tallyJSON(c.Tally), Standards: []string{}}
			for _, col := range c.Columns {
				cj.Standards = append(cj.Standards, col.Doc.ID)
			}
			fj.Controls = append(fj.Controls, cj)
		}
		out.Frameworks = append(out.Frameworks, fj)
	}
	return out
}

func standardJSON(col *MatrixColumn) MatrixStandardJSON {
	sj := MatrixStandardJSON{ID: col.Doc.ID, Title: col.Doc.Title, Family: col.Family, Status: col.Doc.Status,
		URL: col.Doc.URL, Requires: col.Requires, MapsTo: map[string][]string{}, Adoption: tallyJSON(col.Tally),
		Statements: []StatementJSON{}, Effectiveness: []EffectivenessJSON{}}
	for _, fc := range col.MapsTo {
		sj.MapsTo[fc.Framework] = append([]string{}, fc.Controls...)
	}
	for k, s := range col.Statements {
		sj.Statements = append(sj.Statements, StatementJSON{ID: s.ID, Level: s.Level, Adoption: tallyJSON(col.StatementTallies[k])})
	}
	for _, t := range col.Targets {
		ej := EffectivenessJSON{Metric: t.Metric, Target: t.Target, Measured: t.Measured}
		if t.Measured {
			met := t.Met
			ej.Met = &met
		}
		sj.Effectiveness = append(sj.Effectiveness, ej)
	}
	return sj
}

func cellJSON(row *MatrixRow, col *MatrixColumn, c *MatrixCell) MatrixCellJSON {
	cj := MatrixCellJSON{Blueprint: row.Doc.ID, Standard: col.Doc.ID, Status: c.Status.String(), Required: c.Applies, Records: []RecordJSON{}}
	for k, s := range c.Statements {
		if s != AlignNone {
			cj.Statements = append(cj.Statements, CellStatementJSON{ID: col.Statements[k].ID, Status: s.String()})
		}
	}
	for _, r := range c.Records {
		rj := RecordJSON{Index: r.Index, Statement: r.Statement, Status: r.Status.String(), Effective: r.Effective().String(),
			Evidence: []EvidenceJSON{}, Planned: r.Planned, Assessed: r.Assessed, Justification: r.Justification,
			Path: r.Blueprint.Path, Line: r.Line()}
		for _, e := range r.Evidence {
			ej := EvidenceJSON{Text: e.Text, URL: e.URL}
			if e.Doc != nil {
				ej.ID = e.Doc.ID
			}
			rj.Evidence = append(rj.Evidence, ej)
		}
		if r.Waiver != nil {
			w := waiverJSON(r.Waiver)
			rj.Waiver = &w
		}
		cj.Records = append(cj.Records, rj)
	}
	return cj
}

func waiverJSON(w *AlignmentWaiver) WaiverJSON {
	if w == nil {
		return WaiverJSON{State: "missing"}
	}
	out := WaiverJSON{ApprovedBy: w.ApprovedBy, Expires: w.ExpiresText(), State: w.State(), Justification: w.Justification}
	if w.ExpiresText() != "" {
		days := w.DaysLeft
		out.DaysLeft = &days
	}
	return out
}

// MatrixSummaryJSON is the matrix's part of portfolio.json: the headline figures;
// matrix.json has the cells.
type MatrixSummaryJSON struct {
	Export     string               `json:"export"`
	Summary    TallyJSON            `json:"summary"`
	Standards  map[string]TallyJSON `json:"standards"`
	Blueprints map[string]TallyJSON `json:"blueprints"`
	Waivers    map[string]int       `json:"waivers"` // by state
}

func matrixSummaryJSON(p *generator.Portfolio) any {
	m := Of(p)
	if m == nil {
		return nil
	}
	out := MatrixSummaryJSON{Export: "matrix.json", Summary: tallyJSON(m.Total), Standards: map[string]TallyJSON{},
		Blueprints: map[string]TallyJSON{}, Waivers: map[string]int{}}
	for _, col := range m.Columns {
		out.Standards[col.Doc.ID] = tallyJSON(col.Tally)
	}
	for _, row := range m.Rows {
		out.Blueprints[row.Doc.ID] = tallyJSON(row.Tally)
	}
	for _, r := range m.Exceptions {
		out.Waivers[r.Waiver.State()]++
	}
	return out
}
