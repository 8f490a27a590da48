package matrix

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"cmp"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"
)

// result is where the matrix analysis keeps its result on a Portfolio.
var result = generator.NewResult[*Matrix]()

// Of returns the matrix view's analysis of p.
func Of(p *generator.Portfolio) *Matrix { return result.Get(p) }

// Alignment is the status of one cell of the standards alignment matrix: a
// blueprint against a standard, or against one statement of it. The authored
// statuses are those of an alignment record; AlignExpired, AlignNotAssessed and
// AlignNone are derived. It is a small number (a matrix holds millions of them)
// whose String is the status's word.
type Alignment uint8

// The alignment statuses, worst first after AlignNone.
const (
	AlignNone          Alignment = iota // the standard does not apply and nothing is recorded
	AlignNonCompliant                   // non-compliant
	AlignExpired                        // exception-expired: an exception whose waiver lapsed before today
	AlignNotAssessed                    // not-assessed: the standard applies and nothing is recorded
	AlignPlanned                        // planned
	AlignPartial                        // partial
	AlignException                      // exception
	AlignAlternative                    // alternative
	AlignImplemented                    // implemented
	AlignNotApplicable                  // not-applicable
)

// alignments lists the statuses worst first: a rolled-up cell takes the worst
// status of its parts.
var alignments = [...]Alignment{AlignNonCompliant, AlignExpired, AlignNotAssessed, AlignPlanned,
	AlignPartial, AlignException, AlignAlternative, AlignImplemented, AlignNotApplicable}

// alignmentWords are the statuses as written, indexed by rank.
var alignmentWords = [...]string{"non-compliant", "exception-expired", "not-assessed", "planned",
	"partial", "exception", "alternative", "implemented", "not-applicable", ""}

// String returns the status as written in front matter and exports ("" for
// AlignNone).
func (a Alignment) String() string { return alignmentWords[a.rank()] }

// parseAlignment reads an authored status; anything else is AlignNone.
func parseAlignment(s string) Alignment {
	for _, a := range alignments {
		if alignmentWords[a.rank()] == s {
			return a
		}
	}
	return AlignNone
}

// rank is the status's place in alignments; AlignNone (and anything unknown) ranks
// after all of them, so it never wins a roll-up.
func (a Alignment) rank() int {
	if a == AlignNone || a > AlignNotApplicable {
		return len(alignments)
	}
	return int(a) - 1
}

// worse returns the worse of two statuses.
func worse(a, b Alignment) Alignment {
	if b.rank() < a.rank() {
		return b
	}
	return a
}

// Symbol returns the status's symbol, shown with its colour and its words.
func (a Alignment) Symbol() string {
	return [...]string{"✗", "⚠", "?", "○", "◐", "⚑", "≈", "✓", "–", ""}[a.rank()]
}

// Label returns the status in words.
func (a Alignment) Label() string {
	if a == AlignExpired {
		return "Exception (waiver expired)"
	}
	if a == AlignNone {
		return "Does not apply"
	}
	return generator.Humanize(a.String())
}

// Meaning explains the status for the matrix legend.
func (a Alignment) Meaning() string {
	return [...]string{
		"the blueprint fails the standard",
		"an exception whose waiver has expired",
		"the standard applies to the blueprint and no record says how it is met",
		"not met yet; a date is planned",
		"partly met; the rest is planned",
		"not met, under an approved waiver that has not expired",
		"met by an alternative, justified control",
		"met, with evidence",
		"does not apply, with a justification",
		"",
	}[a.rank()]
}

// Adopted reports whether the status counts towards adoption: implemented, or met
// by an approved alternative.
func (a Alignment) Adopted() bool { return a == AlignImplemented || a == AlignAlternative }

// Applicable reports whether a cell with this status counts in the denominator of
// adoption: anything recorded or required except not-applicable.
func (a Alignment) Applicable() bool { return a != AlignNone && a != AlignNotApplicable }

// Gap reports whether the status is an open gap: something required that is not
// met and not covered by a valid exception.
func (a Alignment) Gap() bool {
	switch a {
	case AlignNonCompliant, AlignExpired, AlignNotAssessed, AlignPlanned, AlignPartial:
		return true
	}
	return false
}

// Matrix is the standards alignment matrix of a portfolio: every blueprint against
// every standard, with the roll-ups that measure each standard's effectiveness.
type Matrix struct {
	Today   time.Time
	Rows    []*MatrixRow    // blueprints by domain, then title
	Columns []*MatrixColumn // standards by family, then title
	// Records lists every alignment record of a resolved standard, by blueprint then
	// position in its compliance list.
	Records []*AlignmentRecord
	// Exceptions lists the records with status exception: those without a usable
	// waiver first, then by expiry, soonest (or longest expired) first.
	Exceptions []*AlignmentRecord
	Families   []*FamilyCoverage
	Frameworks []*FrameworkCoverage
	Total      AlignmentTally // over every cell

	rowOf map[*generator.Document]*MatrixRow
	colOf map[*generator.Document]*MatrixColumn
	// grids lists the matrix's grids for its pages and their rows files
	// (gridList), worked out once.
	grids func() []gridItem
}

// MatrixRow is one blueprint's row. It keeps only its cells that are not blank
// (a record, or a standard that applies): most of a large portfolio's matrix is
// blank, since a standard applies to some domains only, so a row of every cell
// would hold mostly copies of the blank cell.
type MatrixRow struct {
	Doc    *generator.Document
	Domain string
	Tally  AlignmentTally
	cells  []MatrixCell // the cells that are not blank, in column order
	cols   []int32      // their column indexes

	// What the next load may reuse (recordReuse): the blueprint's records in
	// the order written, their diagnostics, and whether they may be reused.
	records  []*AlignmentRecord
	diags    diag.Diagnostics
	reusable bool
}

// blankCell is every blank cell; it is never modified.
var blankCell MatrixCell

// Cell returns the row's cell in column j: a blank cell (which must not be
// modified) when nothing is recorded and the standard does not apply.
func (r *MatrixRow) Cell(j int) *MatrixCell {
	if i, ok := slices.BinarySearch(r.cols, int32(j)); ok {
		return &r.cells[i]
	}
	return &blankCell
}

// Cells yields the row's cells that are not blank, with their column indexes, in
// column order.
func (r *MatrixRow) Cells() iter.Seq2[int, *MatrixCell] {
	return func(yield func(int, *MatrixCell) bool) {
		for i := range r.cells {
			if !yield(int(r.cols[i]), &r.cells[i]) {
				return
			}
		}
	}
}

// MatrixColumn is one standard's column.
type MatrixColumn struct {
	Doc        *generator.Document
	Index      int
	Family     string
	Statements []Statement
	// Withdrawn lists the statements marked withdrawn, shown on the
	// standard's page but not in the matrix.
	Withdrawn []Statement
	MapsTo    []FrameworkControls
	// Requires is false for draft and retired standards, and for standards without
	// applies_to: they make no blueprint a gap.
	Requires bool
	Tally    AlignmentTally
	// StatementTallies holds the adoption of each statement, parallel to Statements.
	StatementTallies []AlignmentTally
	Targets          []EffectivenessTarget

	conditions  []appliesCondition
	statementAt map[string]int
	// withdrawn holds the statements marked withdrawn: not in Statements, so
	// no blueprint is a gap for them, and a record naming one is a warning.
	withdrawn map[string]bool
	// outside holds outside_baseline: controls of the standard's framework
	// that the baseline it was imported from leaves out.
	outside map[string]bool
}

// Statement is one requirement of a standard.
type Statement struct {
	ID, Text, Level string
	Guidance        string
	// Anchor is the id of its row on the standard's page ("stmt-ac-2-1"),
	// which the matrix's statement columns link to.
	Anchor string
}

// FrameworkControls is the external controls of one framework a standard maps to.
type FrameworkControls struct {
	Framework string
	Controls  []string
}

// MatrixCell is one blueprint × standard cell.
type MatrixCell struct {
	Status Alignment
	// Applies says the standard's applies_to requires the blueprint to align.
	Applies bool
	// Records are the blueprint's records on the standard, in the order written.
	Records []*AlignmentRecord
	// Statements holds the status of each statement of the standard (parallel to
	// the column's Statements), or nil when the standard has none.
	Statements []Alignment
}

// AlignmentTally counts cells by status, for adoption and gap figures.
type AlignmentTally struct {
	Counts     [len(alignments)]int
	Applicable int // cells that are recorded or required, except not-applicable
	Adopted    int // implemented or alternative
	Gaps       int
}

func (t *AlignmentTally) add(a Alignment) {
	if a == AlignNone {
		return
	}
	t.Counts[a.rank()]++
	if a.Applicable() {
		t.Applicable++
	}
	if a.Adopted() {
		t.Adopted++
	}
	if a.Gap() {
		t.Gaps++
	}
}

// Percent is adoption in whole percent (rounded down), 0 when nothing applies.
func (t AlignmentTally) Percent() int {
	if t.Applicable == 0 {
		return 0
	}
	return t.Adopted * 100 / t.Applicable
}

// Count returns how many cells have status a.
func (t AlignmentTally) Count(a Alignment) int {
	if a == AlignNone {
		return 0
	}
	return t.Counts[a.rank()]
}

// AlignmentCount is one status and how many cells have it.
type AlignmentCount struct {
	Status Alignment
	Count  int
}

// Breakdown lists the statuses that occur, worst first.
func (t AlignmentTally) Breakdown() []AlignmentCount {
	var out []AlignmentCount
	for i, n := range t.Counts {
		if n > 0 {
			out = append(out, AlignmentCount{alignments[i], n})
		}
	}
	return out
}

// Row returns the matrix row of a blueprint, or nil.
func (m *Matrix) Row(d *generator.Document) *MatrixRow { return m.rowOf[d] }

// Column returns the matrix column of a standard, or nil.
func (m *Matrix) Column(d *generator.Document) *MatrixColumn { return m.colOf[d] }

// computeMatrix is the matrix analysis: a pure function of the linked portfolio
// and its Today. It reads every blueprint's compliance records, fills each cell
// (authored records, not-assessed where a standard's applies_to requires a record
// and none exists, statements rolled up worst first) and computes the roll-ups.
// The diagnostics are the alignment-record rules and waiver expiry.
func computeMatrix(p *generator.Portfolio) (*Matrix, diag.Diagnostics) {
	m := &Matrix{Today: dateOnly(p.Today), rowOf: map[*generator.Document]*MatrixRow{}, colOf: map[*generator.Document]*MatrixColumn{}}
	m.grids = sync.OnceValue(func() []gridItem { return makeGridList(m) })
	var diags diag.Diagnostics
	// Every id, sorted, for suggestions: worked out only for a record with an
	// unknown evidence id.
	ids := sync.OnceValue(func() []string { return generator.SortedKeys(p.ByID) })
	for _, d := range p.ByKind["standard"] {
		col, ds := newColumn(p, d)
		diags = append(diags, ds...)
		m.Columns = append(m.Columns, col)
	}
	slices.SortFunc(m.Columns, func(a, b *MatrixColumn) int {
		return cmp.Or(compareEmptyLast(a.Family, b.Family), compareFold(a.Doc.Title, b.Doc.Title), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	for i, c := range m.Columns {
		c.Index = i
		c.StatementTallies = make([]AlignmentTally, len(c.Statements))
		m.colOf[c.Doc] = c
	}
	for _, d := range p.ByKind["blueprint"] {
		row := &MatrixRow{Doc: d, Domain: strings.TrimSpace(d.Fields.String("domain"))}
		m.Rows = append(m.Rows, row)
		m.rowOf[d] = row
	}
	slices.SortFunc(m.Rows, func(a, b *MatrixRow) int {
		return cmp.Or(compareEmptyLast(a.Domain, b.Domain), compareFold(a.Doc.Title, b.Doc.Title), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	reuse := newRecordReuse(m, result.Earlier(p))
	dates := dateTexts{}
	for _, row := range m.Rows {
		if !reuse.row(p, row, m) {
			row.records, row.diags, row.reusable = readRecords(p, row.Doc, m, ids, dates)
			m.fillRow(row, row.records)
		}
		diags = append(diags, row.diags...)
		m.Records = append(m.Records, row.records...)
	}
	m.rollUp(p.Config)
	return m, diags
}

// fillRow computes one blueprint's cells from its records and the standards'
// applies_to conditions.
func (m *Matrix) fillRow(row *MatrixRow, recs []*AlignmentRecord) {
	// Each cell's records are a window of the row's records sorted by column.
	sorted := sortedByColumn(recs)
	values := blueprintValues{doc: row.Doc}
	exempt := row.Doc.Status == "retired"
	// One backing array holds the statement statuses of the whole row.
	var backing []Alignment
	next := 0 // the first record of a later column
	for _, col := range m.Columns {
		var c MatrixCell
		if next < len(sorted) && sorted[next].col == col.Index {
			end := next + 1
			for end < len(sorted) && sorted[end].col == col.Index {
				end++
			}
			c.Records, next = sorted[next:end:end], end
		}
		c.Applies = col.Requires && !exempt && col.applies(&values)
		if !c.Applies && len(c.Records) == 0 {
			continue
		}
		if n := len(col.Statements); n > 0 {
			if len(backing) < n {
				backing = make([]Alignment, max(n, 64))
			}
			c.Statements, backing = backing[:n:n], backing[n:]
		}
		c.roll(col)
		row.cells = append(row.cells, c)
		row.cols = append(row.cols, int32(col.Index))
	}
	row.cells = slices.Clip(row.cells)
	row.cols = slices.Clip(row.cols)
}

// sortedByColumn returns a row's records sorted by column, in the order written
// within a column.
func sortedByColumn(recs []*AlignmentRecord) []*AlignmentRecord {
	sorted := slices.Clone(recs)
	slices.SortStableFunc(sorted, func(a, b *AlignmentRecord) int { return cmp.Compare(a.col, b.col) })
	return sorted
}

// roll computes the cell's statement statuses and its rolled-up status. A
// statement takes its own records (worst first), else the whole-standard record,
// else not-assessed when the standard applies and the statement is a must or a
// should. A record naming an unknown statement still counts for the standard;
// one naming a withdrawn statement does not.
func (c *MatrixCell) roll(col *MatrixColumn) {
	whole, extra := AlignNone, AlignNone
	var own []Alignment
	for _, r := range c.Records {
		st := r.Effective()
		if r.Statement == "" {
			whole = worse(whole, st)
			continue
		}
		k, ok := col.statementAt[r.Statement]
		if !ok {
			if !col.withdrawn[r.Statement] {
				extra = worse(extra, st)
			}
			continue
		}
		if own == nil {
			own = make([]Alignment, len(col.Statements))
		}
		own[k] = worse(own[k], st)
	}
	if len(col.Statements) == 0 {
		c.Status = worse(whole, extra)
		if c.Status == AlignNone && c.Applies {
			c.Status = AlignNotAssessed
		}
		return
	}
	if len(c.Statements) != len(col.Statements) {
		c.Statements = make([]Alignment, len(col.Statements))
	}
	status := extra
	for k, s := range col.Statements {
		v := AlignNone
		if own != nil {
			v = own[k]
		}
		if v == AlignNone {
			v = whole
		}
		if v == AlignNone && c.Applies && s.Level != "may" {
			v = AlignNotAssessed
		}
		c.Statements[k] = v
		status = worse(status, v)
	}
	c.Status = status
}

// StatementTally counts the cell's statements by status.
func (c *MatrixCell) StatementTally() AlignmentTally {
	var t AlignmentTally
	for _, s := range c.Statements {
		t.add(s)
	}
	return t
}

// Mixed reports whether the cell rolls up statements of more than one status.
func (c *MatrixCell) Mixed() bool {
	for _, s := range c.Statements {
		if s != AlignNone && s != c.Status {
			return true
		}
	}
	return false
}

// rollUp computes the tallies, the coverage by family and by framework control,
// and the exception register.
func (m *Matrix) rollUp(cfg *generator.Config) {
	for _, row := range m.Rows {
		for j, c := range row.Cells() {
			if c.Status == AlignNone {
				continue
			}
			col := m.Columns[j]
			row.Tally.add(c.Status)
			col.Tally.add(c.Status)
			m.Total.add(c.Status)
			for k, s := range c.Statements {
				col.StatementTallies[k].add(s)
			}
		}
	}
	for _, col := range m.Columns {
		col.measureTargets()
	}
	m.Families = familyCoverage(m)
	m.Frameworks = frameworkCoverage(m, cfg)
	for _, r := range m.Records {
		if r.Status == AlignException {
			m.Exceptions = append(m.Exceptions, r)
		}
	}
	slices.SortStableFunc(m.Exceptions, func(a, b *AlignmentRecord) int {
		return cmp.Or(compareBool(a.Waiver.usable(), b.Waiver.usable()), a.Waiver.expires().Compare(b.Waiver.expires()))
	})
}

// compareEmptyLast orders strings case-insensitively with "" after everything.
func compareEmptyLast(a, b string) int {
	if (a == "") != (b == "") {
		return compareBool(a == "", b == "")
	}
	return compareFold(a, b)
}

func compareFold(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) }

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// dateOnly returns the calendar day of t, at midnight UTC.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
