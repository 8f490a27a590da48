package matrix

import (
	"archfolio/generator"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The matrix pages: matrix/ (standards grouped by family), matrix/statements/FAMILY/
// (a family expanded to its statements), matrix/controls/FRAMEWORK/ (columns are a
// framework's controls) and matrix/waivers/. Each grid is complete HTML; the
// filters are a progressive enhancement (matrix.js), over the rows of the page.
//
// A grid's rows are cut into pages (pager.ByCost) of at most rowBudget bytes of
// rows, counted from the cells each row writes: page 1 is the grid's own URL,
// with the roll-ups; the others follow at URL/blueprints/N/. The statements and
// controls grids leave out the blueprints with no cell in their columns (those
// rows would be blank but for the score, which matrix/ shows).

// MatrixPage is the data of a matrix grid page.
type MatrixPage struct {
	Matrix    *Matrix
	Mode      string // "standards", "statements" or "controls"
	Views     []MatrixLink
	Details   []MatrixLink // the families, each expanded to its statements
	Grid      *MatrixGrid
	Filters   []render.Filter
	Family    *FamilyCoverage    // statements mode
	Framework *FrameworkCoverage // controls mode
	// Expand maps a family to its statements page, FrameworkURL a framework to its
	// controls page, for the roll-up tables.
	Expand       map[string]string
	FrameworkURL map[string]string
	// Pages is how the grid's rows are cut into pages, PageNo this page's
	// (from 0); Left counts the blueprints the grid leaves out, having no
	// cell in its columns.
	Pages  pager.List
	PageNo int
	Left   int
	// Groups link the grids of a framework's control groups, on the page of
	// a framework with more than GridControls controls (which has no grid).
	Groups []MatrixLink
}

// rowBudget is how many bytes of grid rows a matrix page holds; rowBytes,
// cellBytes and blankBytes are about what a row, each cell that is not blank
// and each run of blank cells between them write.
const (
	rowBudget  = 300_000
	rowBytes   = 450
	cellBytes  = 120
	blankBytes = 25
)

// gridRowsOf is the rows a grid shows, with the number of cells that are not
// blank each writes (at most).
type gridRowsOf struct {
	rows  []*MatrixRow
	cells []int
}

// split cuts the rows into pages for a grid at url.
func (g gridRowsOf) split(url string) pager.List {
	cost := func(i int) int { return rowBytes + cellBytes*g.cells[i] + blankBytes*(g.cells[i]+1) }
	return pager.List{Split: pager.ByCost(len(g.rows), rowBudget, cost),
		First: url, More: url + "blueprints/", Fragment: "matrix-grid"}
}

// standardsRows are every row of matrix/, each with its cells that are not
// blank; none when there is no standard, and so no grid.
func standardsRows(m *Matrix) gridRowsOf {
	if len(m.Columns) == 0 {
		return gridRowsOf{}
	}
	g := gridRowsOf{rows: m.Rows, cells: make([]int, len(m.Rows))}
	for i, row := range m.Rows {
		for range row.Cells() {
			g.cells[i]++
		}
	}
	return g
}

// familyRows are the rows with a cell in one of the family's standards: each
// writes a cell per statement of those standards (one for a standard without).
func familyRows(m *Matrix, f *FamilyCoverage) gridRowsOf {
	width := make([]int, len(m.Columns)) // by column index; 0 for other families'
	for _, col := range f.Columns {
		width[col.Index] = max(1, len(col.Statements))
	}
	var g gridRowsOf
	for _, row := range m.Rows {
		n := 0
		for j := range row.Cells() {
			n += width[j]
		}
		if n > 0 {
			g.rows, g.cells = append(g.rows, row), append(g.cells, n)
		}
	}
	return g
}

// frameworkRows are the rows with a status for one of the framework's
// controls: each writes a cell per control it has a status for.
func frameworkRows(m *Matrix, f *FrameworkCoverage) gridRowsOf {
	controls := make([][]int, len(m.Columns)) // column index → the framework's controls it maps to
	for k, c := range f.Controls {
		for _, col := range c.Columns {
			controls[col.Index] = append(controls[col.Index], k)
		}
	}
	var g gridRowsOf
	seen := make([]int, len(f.Controls)) // the last row (from 1) that counted each control
	for i, row := range m.Rows {
		n := 0
		for j := range row.Cells() {
			for _, k := range controls[j] {
				if seen[k] != i+1 {
					seen[k] = i + 1
					n++
				}
			}
		}
		if n > 0 {
			g.rows, g.cells = append(g.rows, row), append(g.cells, n)
		}
	}
	return g
}

// MatrixLink is one entry of the view switch.
type MatrixLink struct {
	Label, URL string
	Current    bool
}

// MatrixGrid is a matrix table: column groups, columns, and rows grouped by domain.
type MatrixGrid struct {
	ColGroups []GridGroup
	Columns   []GridColumn
	RowGroups []GridRowGroup
}

// Width is the number of table columns: the blueprint, its score and gaps, and the
// grid's columns.
func (g *MatrixGrid) Width() int { return len(g.Columns) + 3 }

// GridGroup is a header spanning several columns.
type GridGroup struct {
	Label, URL string
	Span       int
}

// GridColumn is one column header with the column's adoption.
type GridColumn struct {
	Label, Title, URL string
	Tally             AlignmentTally
}

// GridRowGroup is the rows of one domain.
type GridRowGroup struct {
	Label string
	Rows  []GridRow
}

// GridRow is one blueprint's row of a grid.
type GridRow struct {
	Row         *MatrixRow
	Criticality string
	Owner       string
	Status      string
	Cells       []GridCell
}

// GridCell is one cell of a grid: its status, the anchor of its entry in the
// blueprint's alignment panel, and a breakdown when it rolls up mixed statements.
type GridCell struct {
	Status Alignment
	Anchor string
	Note   string
	// Span is the number of columns the cell spans: a run of blank cells is one
	// cell (most of a large portfolio's grid is blank).
	Span int
}

// cellRow builds a grid row's cells, merging runs of blank cells.
type cellRow []GridCell

// blanks adds n blank cells.
func (cs *cellRow) blanks(n int) {
	if n > 0 {
		cs.add(GridCell{})
		(*cs)[len(*cs)-1].Span += n - 1
	}
}

func (cs *cellRow) add(c GridCell) {
	c.Span = 1
	if n := len(*cs); n > 0 && c.Status == AlignNone && (*cs)[n-1].Status == AlignNone {
		(*cs)[n-1].Span++
		return
	}
	*cs = append(*cs, c)
}

// Classes lists the statuses the row has, for the status filter.
func (r GridRow) Classes() string {
	var seen statusSet
	for _, c := range r.Cells {
		seen[c.Status] = true
	}
	return seen.String()
}

// statusSet is a set of alignment statuses.
type statusSet [AlignNotApplicable + 1]bool

// String lists the statuses of the set, worst first, joined by U+001F.
func (seen *statusSet) String() string {
	var out []string
	for _, a := range alignments {
		if seen[a] {
			out = append(out, a.String())
		}
	}
	return strings.Join(out, "\x1f")
}

// gridSpec is one matrix grid: its mode, the URL and title of its first page,
// its rows, how a page of them is filled in, and the statuses a row's cells
// have in it (statuses calls add for each cell, as fill makes them, without
// making them: for the grid's rows file).
type gridSpec struct {
	mode, url, title string
	rows             gridRowsOf
	fill             func(mp *MatrixPage, rows []*MatrixRow)
	statuses         func(row *MatrixRow, add func(Alignment))
}

// gridItem is a grid of the matrix with its rows cut into pages, or the page
// of a framework of more than GridControls controls (catalogue set), which has
// no grid of its own and comes just before the grids of its control groups.
type gridItem struct {
	grid      gridSpec
	pages     pager.List
	catalogue *FrameworkCoverage
	groups    []MatrixLink
}

// gridList is every grid of the matrix in page order, worked out once per
// matrix (computeMatrix): its pages and its rows files both read it.
func (m *Matrix) gridList() []gridItem { return m.grids() }

func makeGridList(m *Matrix) []gridItem {
	var out []gridItem
	forGrids(m, familyURLs(m), frameworkURLs(m), func(g gridSpec) {
		out = append(out, gridItem{grid: g, pages: g.rows.split(g.url)})
	},
		func(f *FrameworkCoverage, groups []MatrixLink) {
			out = append(out, gridItem{catalogue: f, groups: groups})
		})
	return out
}

// forGrids calls grid for every grid of the matrix, in page order, and
// catalogue, just before the grids of its control groups, for a framework of
// more than GridControls controls, whose page has no grid of its own.
func forGrids(m *Matrix, famURL, fwURL map[string]string, grid func(gridSpec), catalogue func(f *FrameworkCoverage, groups []MatrixLink)) {
	grid(gridSpec{"standards", "matrix/", "Standards alignment matrix", standardsRows(m),
		func(mp *MatrixPage, rows []*MatrixRow) { mp.Grid = standardsGrid(m, famURL, rows) },
		func(row *MatrixRow, add func(Alignment)) { standardsStatuses(row, add) }})
	for _, f := range m.Families {
		grid(gridSpec{"statements", famURL[f.Family], "Alignment matrix: " + familyLabel(f.Family) + " statements", familyRows(m, f),
			func(mp *MatrixPage, rows []*MatrixRow) { mp.Family, mp.Grid = f, statementsGrid(m, f, rows) },
			func(row *MatrixRow, add func(Alignment)) { statementsStatuses(f, row, add) }})
	}
	for _, f := range m.Frameworks {
		title := "Alignment matrix: " + f.Title + " controls"
		if len(f.Controls) <= GridControls {
			grid(gridSpec{"controls", fwURL[f.Framework], title, frameworkRows(m, f),
				func(mp *MatrixPage, rows []*MatrixRow) { mp.Framework, mp.Grid = f, controlsGrid(m, f, rows) },
				func(row *MatrixRow, add func(Alignment)) { controlsStatuses(f, row, add) }})
			continue
		}
		groups := controlGroups(f, fwURL[f.Framework])
		catalogue(f, groups.links)
		for i, g := range groups.coverage {
			grid(gridSpec{"controls", groups.links[i].URL, "Alignment matrix: " + g.Title + " controls", frameworkRows(m, g),
				func(mp *MatrixPage, rows []*MatrixRow) { mp.Framework, mp.Grid = g, controlsGrid(m, g, rows) },
				func(row *MatrixRow, add func(Alignment)) { controlsStatuses(g, row, add) }})
		}
	}
}

// frameworkURLs maps each framework to its controls page.
func frameworkURLs(m *Matrix) map[string]string {
	fwURL := map[string]string{}
	for _, f := range m.Frameworks {
		fwURL[f.Framework] = "matrix/controls/" + generator.Slug(f.Framework) + "/"
	}
	return fwURL
}

// gridFilterRows is the rows file of a grid of more than one page
// (render.FilterRows). A row's alignment statuses are those of its cells in
// the grid's columns, walked (gridSpec.statuses) rather than made.
func gridFilterRows(it gridItem, filters func() []render.Filter) (render.ExportFile, bool) {
	g, pages := it.grid, it.pages
	last, fields := -1, GridRow{} // row last's fields: Write asks for each filter in turn
	value := func(i int, name string) string {
		row := g.rows.rows[i]
		if name != "align" {
			if i != last {
				last, fields = i, gridRow(row, nil)
			}
			return fields.FilterValue(name)
		}
		var seen statusSet
		g.statuses(row, func(a Alignment) { seen[a] = true })
		return seen.String()
	}
	return render.FilterRows{List: pages, Filters: filters, Value: value}.File()
}

// The statuses of a row's cells in each kind of grid, as standardsGrid,
// statementsGrid and controlsGrid make its cells; a blank cell (AlignNone) is
// no filter's value, so standardsStatuses leaves the blank cells out.

func standardsStatuses(row *MatrixRow, add func(Alignment)) {
	for _, c := range row.Cells() {
		add(c.Status)
	}
}

func statementsStatuses(f *FamilyCoverage, row *MatrixRow, add func(Alignment)) {
	for _, col := range f.Columns {
		c := row.Cell(col.Index)
		if len(col.Statements) == 0 {
			add(c.Status)
			continue
		}
		for k := range col.Statements {
			s := AlignNone
			if c.Statements != nil {
				s = c.Statements[k]
			}
			add(s)
		}
	}
}

func controlsStatuses(f *FrameworkCoverage, row *MatrixRow, add func(Alignment)) {
	for _, c := range f.Controls {
		s, _ := c.Cell(row)
		add(s)
	}
}

// matrixPages lists the matrix pages.
func matrixPages(p *generator.Portfolio) []render.PageJob {
	m := Of(p)
	if m == nil {
		return nil
	}
	famURL, fwURL := familyURLs(m), frameworkURLs(m)
	// The filters read every blueprint's fields: worked out when the first
	// matrix page is rendered (the dev server renders only the pages asked for).
	filters := sync.OnceValue(func() []render.Filter { return matrixFilters(p, m) })
	newPage := func(mode, url string) *MatrixPage {
		mp := &MatrixPage{Matrix: m, Mode: mode, Filters: filters(), Expand: famURL, FrameworkURL: fwURL}
		mp.Views = append(mp.Views, MatrixLink{Label: "Standards by family", URL: "matrix/", Current: url == "matrix/"})
		for _, f := range m.Frameworks {
			mp.Views = append(mp.Views, MatrixLink{Label: "Controls: " + f.Title, URL: fwURL[f.Framework], Current: url == fwURL[f.Framework]})
		}
		for _, f := range m.Families {
			mp.Details = append(mp.Details, MatrixLink{Label: familyLabel(f.Family), URL: famURL[f.Family], Current: url == famURL[f.Family]})
		}
		return mp
	}
	// The grids (a cell per blueprint and column) are made as each page is
	// rendered: held all at once they would grow with blueprints × standards for
	// the whole render. Which rows each page shows is worked out here, from the
	// cells that are not blank, so that every page can be listed.
	var jobs []render.PageJob
	grid := func(it gridItem) {
		g, pages := it.grid, it.pages
		for k := range pages.Pages() {
			t := pages.Title(g.title, k)
			jobs = append(jobs, render.Content(render.PageJob{URL: pages.URL(k), Layout: "matrix.html",
				Page: &render.Page{Title: t, Section: "matrix"}},
				matrixContent, func() *MatrixPage {
					mp := newPage(g.mode, g.url)
					mp.Pages, mp.PageNo, mp.Left = pages, k, len(m.Rows)-len(g.rows.rows)
					from, to := pages.Range(k)
					g.fill(mp, g.rows.rows[from:to])
					return mp
				}))
		}
	}
	// A catalogue's worth of controls: the framework's page keeps the
	// roll-ups and links a grid per control group.
	catalogue := func(f *FrameworkCoverage, groups []MatrixLink) {
		jobs = append(jobs, render.Content(render.PageJob{URL: fwURL[f.Framework], Layout: "matrix.html",
			Page: &render.Page{Title: "Alignment matrix: " + f.Title + " controls", Section: "matrix"}},
			matrixContent, func() *MatrixPage {
				mp := newPage("controls", fwURL[f.Framework])
				mp.Framework, mp.Grid, mp.Groups = f, &MatrixGrid{}, groups
				return mp
			}))
	}
	for _, it := range m.gridList() {
		if it.catalogue != nil {
			catalogue(it.catalogue, it.groups)
		} else {
			grid(it)
		}
	}
	waivers := pager.List{Split: pager.ByCount(len(m.Exceptions), WaiversPerPage), First: "matrix/waivers/", More: "matrix/waivers/", Fragment: "waivers"}
	for k := range waivers.Pages() {
		from, to := waivers.Range(k)
		title := waivers.Title("Waiver register", k)
		jobs = append(jobs, render.PageJob{URL: waivers.URL(k), Layout: "waivers.html",
			Page: &render.Page{Title: title, Section: "matrix",
				Data: &WaiverPage{Matrix: m, Exceptions: m.Exceptions[from:to], Pages: waivers, PageNo: k}}})
	}
	return jobs
}

// GridControls is how many controls a framework's grid has at most; a
// framework that maps more (a whole catalogue) has a grid per control group,
// so that a grid's header and rows stay bounded, and its page links them.
const GridControls = 200

// frameworkGroups are a framework's control groups, each as a coverage of its
// own, with the links to their grids.
type frameworkGroups struct {
	coverage []*FrameworkCoverage
	links    []MatrixLink
}

// controlGroups splits a framework's controls by group ("AC"), in order, each
// at url + the group's slug; a group's Title is the framework's and its name.
func controlGroups(f *FrameworkCoverage, url string) frameworkGroups {
	var out frameworkGroups
	used := map[string]bool{}
	for _, c := range f.Controls {
		if n := len(out.links); n == 0 || out.links[n-1].Label != cmp.Or(c.Group, "other") {
			slug := generator.Slug(cmp.Or(c.Group, "other"))
			for i := 2; used[slug] || slug == "blueprints"; i++ {
				slug = generator.Slug(cmp.Or(c.Group, "other")) + "-" + strconv.Itoa(i)
			}
			used[slug] = true
			out.coverage = append(out.coverage, &FrameworkCoverage{Framework: f.Framework, Title: f.Title + " " + cmp.Or(c.Group, "other")})
			out.links = append(out.links, MatrixLink{Label: cmp.Or(c.Group, "other"), URL: url + slug + "/"})
		}
		g := out.coverage[len(out.coverage)-1]
		g.Controls = append(g.Controls, c)
		if c.Tally.Adopted > 0 {
			g.Covered++
		}
	}
	return out
}

// WaiverPage is a page of the waiver register: WaiversPerPage of the
// matrix's exceptions (Exceptions), the first page at matrix/waivers/, the
// others at matrix/waivers/N/.
type WaiverPage struct {
	*Matrix
	Exceptions []*AlignmentRecord
	Pages      pager.List
	PageNo     int
}

// WaiversPerPage is how many exceptions a page of the waiver register lists
// (a row is about 550 bytes).
const WaiversPerPage = 800

// Nav is the links between the register's pages, for the theme's template.
func (wp *WaiverPage) Nav(pg *render.Page) template.HTML {
	buf := pg.NewBuffer()
	wp.Pages.Nav(pg.Writer(buf), pg.Rel, wp.PageNo, "Pages of the waiver register", "exceptions")
	return pg.Lend(buf)
}

// familyURLs gives each family its statements page, with unique slugs.
func familyURLs(m *Matrix) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	for _, f := range m.Families {
		s := generator.Slug(familyLabel(f.Family))
		for i := 2; used[s]; i++ {
			s = generator.Slug(familyLabel(f.Family)) + "-" + strconv.Itoa(i)
		}
		used[s] = true
		out[f.Family] = "matrix/statements/" + s + "/"
	}
	return out
}

func familyLabel(f string) string {
	if f == "" {
		return "No family"
	}
	return f
}

func standardsGrid(m *Matrix, famURL map[string]string, rows []*MatrixRow) *MatrixGrid {
	g := &MatrixGrid{}
	anchors := make([]string, len(m.Columns)) // one string per column, shared by its cells
	for j, col := range m.Columns {
		anchors[j] = col.Anchor()
	}
	for _, col := range m.Columns {
		if n := len(g.ColGroups); n == 0 || g.ColGroups[n-1].Label != familyLabel(col.Family) {
			g.ColGroups = append(g.ColGroups, GridGroup{Label: familyLabel(col.Family), URL: famURL[col.Family]})
		}
		g.ColGroups[len(g.ColGroups)-1].Span++
		g.Columns = append(g.Columns, GridColumn{Label: col.Doc.Title, Title: col.Doc.Title, URL: col.Doc.URL, Tally: col.Tally})
	}
	g.RowGroups = gridRows(rows, func(row *MatrixRow) []GridCell {
		var cells cellRow
		next := 0 // the first column not written yet
		for j, c := range row.Cells() {
			cells.blanks(j - next)
			cell := GridCell{Status: c.Status, Anchor: anchors[j]}
			if c.Mixed() {
				cell.Note = breakdownText(c.StatementTally())
			}
			cells.add(cell)
			next = j + 1
		}
		cells.blanks(len(m.Columns) - next)
		return cells
	})
	return g
}

func statementsGrid(m *Matrix, f *FamilyCoverage, rows []*MatrixRow) *MatrixGrid {
	g := &MatrixGrid{}
	for _, col := range f.Columns {
		g.ColGroups = append(g.ColGroups, GridGroup{Label: col.Doc.Title, URL: col.Doc.URL, Span: max(1, len(col.Statements))})
		if len(col.Statements) == 0 {
			g.Columns = append(g.Columns, GridColumn{Label: "whole standard", Title: col.Doc.Title, URL: col.Doc.URL, Tally: col.Tally})
		}
		for k, s := range col.Statements {
			g.Columns = append(g.Columns, GridColumn{Label: s.ID, Title: "(" + s.Level + ") " + s.Text, URL: col.Doc.URL + "#" + s.Anchor, Tally: col.StatementTallies[k]})
		}
	}
	anchors := make([]string, len(f.Columns)) // one string per column, shared by its cells
	for i, col := range f.Columns {
		anchors[i] = col.Anchor()
	}
	g.RowGroups = gridRows(rows, func(row *MatrixRow) []GridCell {
		var cells cellRow
		for i, col := range f.Columns {
			c := row.Cell(col.Index)
			if len(col.Statements) == 0 {
				cells.add(GridCell{Status: c.Status, Anchor: anchors[i]})
				continue
			}
			for k := range col.Statements {
				s := AlignNone
				if c.Statements != nil {
					s = c.Statements[k]
				}
				cells.add(GridCell{Status: s, Anchor: anchors[i]})
			}
		}
		return cells
	})
	return g
}

func controlsGrid(m *Matrix, f *FrameworkCoverage, rows []*MatrixRow) *MatrixGrid {
	g := &MatrixGrid{}
	for _, c := range f.Controls {
		if n := len(g.ColGroups); n == 0 || g.ColGroups[n-1].Label != c.Group {
			g.ColGroups = append(g.ColGroups, GridGroup{Label: c.Group})
		}
		g.ColGroups[len(g.ColGroups)-1].Span++
		var titles []string
		for _, col := range c.Columns {
			titles = append(titles, col.Doc.Title)
		}
		label := c.Label
		if c.Title != "" {
			label += " " + c.Title
		}
		g.Columns = append(g.Columns, GridColumn{Label: label, Title: c.ID + ": " + strings.Join(titles, "; "), Tally: c.Tally})
	}
	g.RowGroups = gridRows(rows, func(row *MatrixRow) []GridCell {
		var cells cellRow
		for _, c := range f.Controls {
			s, by := c.Cell(row)
			cell := GridCell{Status: s}
			if by != nil {
				cell.Anchor = by.Anchor()
			}
			cells.add(cell)
		}
		return cells
	})
	return g
}

// gridRows groups the rows (in matrix order) by domain, with the cells of a grid.
func gridRows(rows []*MatrixRow, cells func(*MatrixRow) []GridCell) []GridRowGroup {
	var out []GridRowGroup
	for _, row := range rows {
		label := cmp.Or(row.Domain, generator.NoDomain)
		if len(out) == 0 || out[len(out)-1].Label != label {
			out = append(out, GridRowGroup{Label: label})
		}
		g := &out[len(out)-1]
		g.Rows = append(g.Rows, gridRow(row, cells(row)))
	}
	return out
}

// gridRow is a row of a grid with its cells.
func gridRow(row *MatrixRow, cells []GridCell) GridRow {
	return GridRow{Row: row, Criticality: row.Doc.Fields.String("criticality"),
		Owner: row.Doc.Owner, Status: row.Doc.Status, Cells: cells}
}

// breakdownText says how many statements a cell rolls up per status.
func breakdownText(t AlignmentTally) string {
	var parts []string
	for _, bc := range t.Breakdown() {
		parts = append(parts, strconv.Itoa(bc.Count)+" "+strings.ToLower(bc.Status.Label()))
	}
	return strings.Join(parts, ", ")
}

// matrixFilters lists the filter selects: domain, criticality, owner, blueprint
// status and alignment status.
func matrixFilters(p *generator.Portfolio, m *Matrix) []render.Filter {
	sets := map[string]map[string]bool{"domain": {}, "criticality": {}, "owner": {}, "status": {}, "align": {}}
	for _, row := range m.Rows {
		for name, v := range map[string]string{"domain": cmp.Or(row.Domain, generator.NoDomain), "criticality": row.Doc.Fields.String("criticality"),
			"owner": row.Doc.Owner, "status": row.Doc.Status} {
			if v != "" {
				sets[name][v] = true
			}
		}
		for _, c := range row.Cells() {
			if c.Status != AlignNone {
				sets["align"][c.Status.String()] = true
			}
		}
	}
	var critOrder, statusOrder, alignOrder []string
	if k := p.Schema.Kinds["blueprint"]; k != nil {
		statusOrder = k.Statuses
		if f := k.Fields.ByName["criticality"]; f != nil {
			critOrder = slices.Clone(f.Values)
			slices.Reverse(critOrder)
		}
	}
	for _, a := range alignments {
		alignOrder = append(alignOrder, a.String())
	}
	return []render.Filter{
		{Name: "domain", Label: "Domain", Values: render.DomainValues(generator.SortedKeys(sets["domain"])), Show: generator.Humanize},
		{Name: "criticality", Label: "Criticality", Values: render.InOrder(critOrder, sets["criticality"]), Show: generator.Humanize},
		{Name: "owner", Label: "Owner", Values: generator.SortedKeys(sets["owner"])},
		{Name: "status", Label: "Blueprint status", Values: render.InOrder(statusOrder, sets["status"]), Show: generator.Humanize},
		{Name: "align", Label: "Alignment status", Values: render.InOrder(alignOrder, sets["align"]), Show: generator.Humanize},
	}
}

// FilterValue returns what a grid row offers to a matrix filter.
func (r GridRow) FilterValue(name string) string {
	switch name {
	case "domain":
		return cmp.Or(r.Row.Domain, generator.NoDomain)
	case "criticality":
		return r.Criticality
	case "owner":
		return r.Owner
	case "status":
		return r.Status
	case "align":
		return r.Classes()
	}
	return ""
}

// RowsHTML writes the grid's row groups for page pg. A run of blank cells (the
// standards that do not apply) is one cell spanning the run (GridCell.Span): most
// of a large portfolio's grid is blank, since a standard applies to some domains
// only, and a cell each would make blank cells most of the page's bytes. It is
// written in Go because the template loop it replaces made a
// reflective call per cell.
func (mp *MatrixPage) RowsHTML(pg *render.Page) template.HTML {
	g := mp.Grid
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	for _, grp := range g.RowGroups {
		w.Raw("\n<tbody>\n<tr class=\"mx-group\"><th scope=\"rowgroup\" colspan=\"3\">")
		w.Text(grp.Label)
		w.Raw("</th><td colspan=\"")
		w.Int(len(g.Columns))
		w.Raw("\"></td></tr>")
		for _, row := range grp.Rows {
			href := pg.Rel(row.Row.Doc.URL)
			w.Raw("\n<tr data-bp")
			render.PutFilterAttrs(w, mp.Filters, row.FilterValue)
			w.Raw("><th scope=\"row\"><a href=\"")
			w.URL(href)
			w.Raw("\">")
			w.Text(row.Row.Doc.Title)
			w.Raw("</a></th><td class=\"mx-n\">")
			if t := row.Row.Tally; t.Applicable != 0 {
				w.Int(t.Percent())
				w.Raw("%")
			}
			w.Raw("</td><td class=\"mx-n\">")
			w.Int(row.Row.Tally.Gaps)
			w.Raw("</td>")
			for _, c := range row.Cells {
				if c.Status == AlignNone {
					if c.Span > 1 {
						w.Raw("<td colspan=\"")
						w.Int(c.Span)
						w.Raw("\"></td>")
					} else {
						w.Raw("<td></td>")
					}
					continue
				}
				w.Raw("<td class=\"a-")
				w.Text(c.Status.String())
				w.Raw("\"><a href=\"")
				w.URL(href)
				w.Raw("#")
				w.URLPart(c.Anchor)
				w.Raw("\" aria-label=\"")
				w.Text(c.Status.Label())
				if c.Note != "" {
					w.Raw(": ")
					w.Text(c.Note)
				}
				w.Raw("\">")
				w.Text(c.Status.Symbol())
				w.Raw("</a></td>")
			}
			w.Raw("</tr>")
		}
		w.Raw("\n</tbody>")
	}
	return pg.Lend(buf)
}
