package generator

import (
	"fmt"
	"html/template"
)

// MatrixHTML writes the "matrix-content" component (layout.go): the view switch, the legend, the grid (its rows by RowsHTML,
// as the grid has them) and the roll-ups of the page's mode.
func (pg *Page) MatrixHTML() (template.HTML, error) {
	d, ok := pg.Data.(*MatrixPage)
	if !ok {
		return "", fmt.Errorf("matrix.html: data is %T, not *MatrixPage", pg.Data)
	}
	m, g := d.Matrix, d.Grid
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<h1>")
	w.text(pg.Title)
	w.raw("</h1>\n<p class=\"lede\">")
	switch d.Mode {
	case "statements":
		w.raw("Blueprints against each statement of the ")
		w.text(d.Family.Family)
		w.raw(" standards.")
	case "controls":
		w.raw("Blueprints against the ")
		w.text(d.Framework.Title)
		w.raw(" controls their standards map to; a blueprint's status for a control is the worst of its statuses on those standards.")
	default:
		w.raw("Which blueprint meets which enterprise standard, on what evidence and with which exceptions, as of ")
		w.date(pg.Site.Today)
		w.raw(".")
	}
	if t := m.Total; t.Applicable != 0 {
		w.raw(" Overall compliance ")
		w.int(t.Percent())
		w.raw("% (")
		w.int(t.Adopted)
		w.raw(" of ")
		w.int(t.Applicable)
		w.raw(" alignments met), ")
		w.int(t.Gaps)
		if t.Gaps == 1 {
			w.raw(" open gap.")
		} else {
			w.raw(" open gaps.")
		}
	}
	w.raw("</p>\n\n<nav class=\"matrix-views\" aria-label=\"Matrix views\">\n  <p><span class=\"mv-label\">Columns:</span>")
	w.matrixLinks(pg, d.Views)
	w.raw("</p>")
	if len(d.Details) > 0 {
		w.raw("\n  <p><span class=\"mv-label\">Expand to statements:</span>")
		w.matrixLinks(pg, d.Details)
		w.raw("</p>")
	}
	w.raw("\n  <p><a href=\"")
	w.url(pg.Rel("matrix/waivers/"))
	w.raw("\">Waiver register</a> · Export: <a href=\"")
	w.url(pg.Rel("matrix.csv"))
	w.raw("\" download>matrix.csv</a> · <a href=\"")
	w.url(pg.Rel("matrix.json"))
	w.raw("\">matrix.json</a></p>\n</nav>\n\n")
	matrixLegendBlock.put(w, m)
	if len(g.Columns) > 0 && len(g.RowGroups) > 0 {
		w.matrixGrid(pg, d)
	} else {
		w.raw("\n<p>The matrix is empty: it needs at least one blueprint and one standard.</p>")
	}
	switch d.Mode {
	case "standards":
		matrixRollupsBlock.put(w, PageData[*MatrixPage]{Page: pg, Data: d})
	case "controls":
		matrixControlsBlock.put(w, PageData[*FrameworkCoverage]{Page: pg, Data: d.Framework})
	case "statements":
		matrixFamilyBlock.put(w, PageData[*FamilyCoverage]{Page: pg, Data: d.Family})
	}
	w.raw("\n")
	return pg.lend(buf), nil
}

// matrixLinks writes the entries of the matrix view switch.
func (w htmlWriter) matrixLinks(pg *Page, links []MatrixLink) {
	for _, l := range links {
		w.raw(" <a href=\"")
		w.url(pg.Rel(l.URL))
		w.raw("\"")
		if l.Current {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		w.text(l.Label)
		w.raw("</a>")
	}
}

// matrixGrid writes the grid: its filters, headers and rows.
func (w htmlWriter) matrixGrid(pg *Page, d *MatrixPage) {
	g := d.Grid
	w.raw("\n<form class=\"filters matrix-filters\" data-matrix-filter=\"matrix-grid\" hidden>\n  <h2 class=\"visually-hidden\">Filter blueprints</h2>")
	w.filterSelects(d.Filters, func(v string) {
		w.raw("<option value=\"")
		w.text(v)
		w.raw("\">")
		w.text(Humanize(v))
		w.raw("</option>")
	})
	w.raw("\n  <output class=\"filter-count\" aria-live=\"polite\"></output>\n</form>\n<div class=\"matrix-scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n<table class=\"matrix\" id=\"matrix-grid\">\n<caption id=\"matrix-caption\">")
	w.text(pg.Title)
	w.raw(": rows are blueprints grouped by domain; each cell links to the record in the blueprint's page.</caption>\n<thead>\n<tr class=\"mx-groups\"><td class=\"mx-corner\" colspan=\"3\"></td>")
	for _, cg := range g.ColGroups {
		w.raw("<th scope=\"colgroup\" colspan=\"")
		w.int(cg.Span)
		w.raw("\" title=\"")
		w.text(cg.Label)
		w.raw("\"><span>")
		w.linkOrText(pg, cg.URL, cg.Label)
		w.raw("</span></th>")
	}
	w.raw("</tr>\n<tr class=\"mx-heads\"><th scope=\"col\" class=\"mx-bp\">Blueprint</th><th scope=\"col\" class=\"mx-n\">Score</th><th scope=\"col\" class=\"mx-n\">Gaps</th>")
	for _, c := range g.Columns {
		w.raw("<th scope=\"col\" class=\"mx-col\"")
		if c.Title != "" {
			w.raw(" title=\"")
			w.text(c.Title)
			w.raw("\"")
		}
		w.raw("><span>")
		w.linkOrText(pg, c.URL, c.Label)
		w.raw("</span></th>")
	}
	w.raw("</tr>\n<tr class=\"mx-adoption\"><th scope=\"row\" colspan=\"3\">Adoption</th>")
	for _, c := range g.Columns {
		w.raw("<td>")
		w.adoption(c.Tally, "")
		w.raw("</td>")
	}
	w.raw("</tr>\n</thead>")
	w.raw(string(d.RowsHTML(pg)))
	w.raw("\n</table>\n</div>")
}

// linkOrText writes a link to url from page pg, or just the text when url is "".
func (w htmlWriter) linkOrText(pg *Page, url, text string) {
	if url != "" {
		w.link(pg.Rel(url), text)
	} else {
		w.text(text)
	}
}

// matrixRollupsBlock is the "matrix-rollups" component: adoption and
// effectiveness per standard, coverage per family and per framework.
var matrixRollupsBlock = Component[PageData[*MatrixPage]]{Name: "matrix-rollups", slot: slotMatrixRollups, write: writeMatrixRollups}

func writeMatrixRollups(w htmlWriter, pd PageData[*MatrixPage]) {
	pg, d := pd.Page, pd.Data
	m := d.Matrix
	w.raw("\n<section aria-labelledby=\"effectiveness\">\n<h2 id=\"effectiveness\">Standards: adoption and effectiveness</h2>\n<p>Adoption is implemented plus alternative over applicable blueprints (not-applicable left out); gaps are non-compliant, not assessed, planned, partial and exceptions whose waiver expired.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Family</th><th scope=\"col\" class=\"num\">Applicable</th><th scope=\"col\" class=\"num\">Adopted</th><th scope=\"col\" class=\"num\">Adoption</th><th scope=\"col\" class=\"num\">Gaps</th><th scope=\"col\">Targets</th></tr></thead>\n<tbody>")
	for _, c := range m.Columns {
		w.raw("\n<tr><th scope=\"row\">")
		w.link(pg.Rel(c.Doc.URL), c.Doc.Title)
		w.raw("</th><td>")
		w.text(c.Family)
		w.raw("</td>\n<td class=\"num\">")
		w.int(c.Tally.Applicable)
		w.raw("</td><td class=\"num\">")
		w.int(c.Tally.Adopted)
		w.raw("</td><td class=\"num\">")
		w.adoption(c.Tally, "–")
		w.raw("</td><td class=\"num\">")
		w.int(c.Tally.Gaps)
		w.raw("</td>\n<td>")
		for _, t := range c.Targets {
			if !t.Measured {
				continue
			}
			if t.Met {
				w.raw("<span class=\"target\"><span class=\"align a-implemented\"><span aria-hidden=\"true\">✓</span> met</span> ")
			} else {
				w.raw("<span class=\"target\"><span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> not met</span> ")
			}
			w.text(t.Target)
			w.raw("</span> ")
		}
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n</section>\n\n<section aria-labelledby=\"family-coverage\">\n<h2 id=\"family-coverage\">Coverage by family</h2>\n<p>A family's controls are the statements of its standards (a standard without statements counts as one). A control is covered when at least one blueprint implements it.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Family</th><th scope=\"col\" class=\"num\">Standards</th><th scope=\"col\" class=\"num\">Controls</th><th scope=\"col\" class=\"num\">Covered</th><th scope=\"col\">Controls with no implementing blueprint</th></tr></thead>\n<tbody>")
	for _, f := range m.Families {
		w.raw("\n<tr><th scope=\"row\"><a href=\"")
		w.url(pg.Rel(d.Expand[f.Family]))
		w.raw("\">")
		if f.Family != "" {
			w.text(f.Family)
		} else {
			w.raw("No family")
		}
		w.raw("</a></th><td class=\"num\">")
		w.int(len(f.Columns))
		w.raw("</td><td class=\"num\">")
		w.int(f.Controls)
		w.raw("</td><td class=\"num\">")
		w.int(f.Covered)
		w.raw(" (")
		w.int(f.Percent())
		w.raw("%)</td>\n<td>")
		for i, u := range f.Uncovered {
			if i > 0 {
				w.raw(", ")
			}
			if u.Statement != "" {
				w.link(pg.Rel(u.Column.Doc.URL), u.Statement)
			} else {
				w.link(pg.Rel(u.Column.Doc.URL), u.Column.Doc.Title)
			}
		}
		if len(f.Uncovered) == 0 {
			w.raw("none")
		}
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n</section>")
	if len(m.Frameworks) > 0 {
		w.raw("\n<section aria-labelledby=\"framework-coverage\">\n<h2 id=\"framework-coverage\">Coverage by framework control</h2>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\" class=\"num\">Controls mapped</th><th scope=\"col\" class=\"num\">Covered</th><th scope=\"col\" class=\"num\">With no implementing blueprint</th></tr></thead>\n<tbody>")
		for _, f := range m.Frameworks {
			w.raw("\n<tr><th scope=\"row\">")
			w.link(pg.Rel(d.FrameworkURL[f.Framework]), f.Title)
			w.raw("</th><td class=\"num\">")
			w.int(len(f.Controls))
			w.raw("</td><td class=\"num\">")
			w.int(f.Covered)
			w.raw(" (")
			w.int(f.Percent())
			w.raw("%)</td><td class=\"num\">")
			w.int(f.Uncovered())
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>\n</section>")
	}
	w.raw("\n")
}

// matrixControlsBlock is the "matrix-controls" component: a framework's
// controls and the standards that map to them.
var matrixControlsBlock = Component[PageData[*FrameworkCoverage]]{Name: "matrix-controls", slot: slotMatrixControls, write: writeMatrixControls}

func writeMatrixControls(w htmlWriter, pd PageData[*FrameworkCoverage]) {
	pg, f := pd.Page, pd.Data
	w.raw("\n<section aria-labelledby=\"control-coverage\">\n<h2 id=\"control-coverage\">Controls of ")
	w.text(f.Title)
	w.raw("</h2>\n<p>")
	w.int(f.Covered)
	w.raw(" of ")
	w.int(len(f.Controls))
	w.raw(" mapped controls (")
	w.int(f.Percent())
	w.raw("%) have at least one implementing blueprint.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Standards mapping to it</th><th scope=\"col\" class=\"num\">Implementing</th><th scope=\"col\" class=\"num\">Gaps</th></tr></thead>\n<tbody>")
	for _, c := range f.Controls {
		w.raw("\n<tr")
		if c.Tally.Adopted == 0 {
			w.raw(" class=\"uncovered\"")
		}
		w.raw("><th scope=\"row\"><code>")
		w.text(c.ID)
		w.raw("</code> ")
		w.text(c.Label)
		w.raw("</th>\n<td>")
		for i, col := range c.Columns {
			if i > 0 {
				w.raw(", ")
			}
			w.link(pg.Rel(col.Doc.URL), col.Doc.Title)
		}
		w.raw("</td>\n<td class=\"num\">")
		if c.Tally.Adopted != 0 {
			w.int(c.Tally.Adopted)
		} else {
			w.raw("<span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> none</span>")
		}
		w.raw("</td><td class=\"num\">")
		w.int(c.Tally.Gaps)
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n</section>\n")
}

// matrixFamilyBlock is the "matrix-family" component: the statements of a
// family's standards with their adoption.
var matrixFamilyBlock = Component[PageData[*FamilyCoverage]]{Name: "matrix-family", slot: slotMatrixFamily, write: writeMatrixFamily}

func writeMatrixFamily(w htmlWriter, pd PageData[*FamilyCoverage]) {
	pg, f := pd.Page, pd.Data
	w.raw("\n<section aria-labelledby=\"family-statements\">\n<h2 id=\"family-statements\">Statements of the ")
	w.text(f.Family)
	w.raw(" family</h2>\n<p>")
	w.int(f.Covered)
	w.raw(" of ")
	w.int(f.Controls)
	w.raw(" statements (")
	w.int(f.Percent())
	w.raw("%) have at least one implementing blueprint.</p>")
	for _, c := range f.Columns {
		w.raw("\n<h3>")
		w.link(pg.Rel(c.Doc.URL), c.Doc.Title)
		w.raw("</h3>")
		if len(c.Statements) == 0 {
			w.raw("<p>No statements: blueprints align with the standard as a whole.</p>")
			continue
		}
		w.raw("\n<dl class=\"statements\">")
		for _, s := range c.StatementAdoption() {
			w.raw("<dt>")
			w.text(s.Statement.ID)
			w.raw(" <span class=\"summary\">(")
			w.text(s.Statement.Level)
			if s.Tally.Applicable != 0 {
				w.raw(", adoption ")
				w.int(s.Tally.Percent())
				w.raw("%")
			}
			w.raw(")</span></dt><dd>")
			w.text(s.Statement.Text)
			w.raw("</dd>")
		}
		w.raw("</dl>")
	}
	w.raw("\n</section>\n")
}

// matrixLegendBlock is the "matrix-legend" component: what each alignment
// status means.
var matrixLegendBlock = Component[*Matrix]{Name: "matrix-legend", slot: slotMatrixLegend, write: writeMatrixLegend}

func writeMatrixLegend(w htmlWriter, m *Matrix) {
	w.raw("\n<details class=\"matrix-legend\" open>\n<summary>Legend</summary>\n<ul>")
	for _, a := range m.Alignments() {
		w.raw("\n  <li>")
		w.alignment(a)
		w.raw(" <span class=\"legend-meaning\">")
		w.text(a.Meaning())
		w.raw("</span></li>")
	}
	w.raw("\n  <li><span class=\"align a-none\">blank</span> <span class=\"legend-meaning\">the standard does not apply and nothing is recorded</span></li>\n</ul>\n</details>\n")
}
