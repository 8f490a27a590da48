package matrix

import (
	"archfolio/generator/markup"
	"archfolio/generator/render"
	"html/template"
)

// matrixContent is the content of the matrix page.
var matrixContent = markup.New[render.PageData[*MatrixPage]]("matrix-content", render.ContentWriter(matrixHTML))

// matrixHTML writes the "matrix-content" component (layout.go): the view switch, the legend, the grid (its rows by RowsHTML,
// as the grid has them) and the roll-ups of the page's mode.
func matrixHTML(pg *render.Page, d *MatrixPage) (template.HTML, error) {
	m, g := d.Matrix, d.Grid
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	w.Raw("\n<h1>")
	w.Text(pg.Title)
	w.Raw("</h1>\n<p class=\"lede\">")
	switch d.Mode {
	case "statements":
		w.Raw("Blueprints against each statement of the ")
		w.Text(d.Family.Family)
		w.Raw(" standards.")
	case "controls":
		w.Raw("Blueprints against the ")
		w.Text(d.Framework.Title)
		w.Raw(" controls their standards map to; a blueprint's status for a control is the worst of its statuses on those standards.")
	default:
		w.Raw("Which blueprint meets which enterprise standard, on what evidence and with which exceptions, as of ")
		w.Date(pg.Site.Today)
		w.Raw(".")
	}
	if t := m.Total; t.Applicable != 0 {
		w.Raw(" Overall compliance ")
		w.Int(t.Percent())
		w.Raw("% (")
		w.Int(t.Adopted)
		w.Raw(" of ")
		w.Int(t.Applicable)
		w.Raw(" alignments met), ")
		w.Int(t.Gaps)
		if t.Gaps == 1 {
			w.Raw(" open gap.")
		} else {
			w.Raw(" open gaps.")
		}
	}
	w.Raw("</p>\n\n<nav class=\"matrix-views\" aria-label=\"Matrix views\">\n  <p><span class=\"mv-label\">Columns:</span>")
	putMatrixLinks(w, pg, d.Views)
	w.Raw("</p>")
	if len(d.Details) > 0 {
		w.Raw("\n  <p><span class=\"mv-label\">Expand to statements:</span>")
		putMatrixLinks(w, pg, d.Details)
		w.Raw("</p>")
	}
	w.Raw("\n  <p><a href=\"")
	w.URL(pg.Rel("matrix/waivers/"))
	w.Raw("\">Waiver register</a> · Export: <a href=\"")
	w.URL(pg.Rel("matrix.csv"))
	w.Raw("\" download>matrix.csv</a> · <a href=\"")
	w.URL(pg.Rel("matrix.json"))
	w.Raw("\">matrix.json</a></p>\n</nav>\n\n")
	matrixLegendBlock.Put(w, m)
	switch {
	case len(d.Groups) > 0:
		w.Raw("\n<p>The framework maps ")
		w.Int(len(d.Framework.Controls))
		w.Raw(" controls, too many for one grid: each control group has its own.</p>\n<ul class=\"grouplist\">")
		for _, l := range d.Groups {
			w.Raw("<li>")
			w.Link(pg.Rel(l.URL), l.Label)
			w.Raw("</li>")
		}
		w.Raw("</ul>")
	case len(g.Columns) > 0 && len(g.RowGroups) > 0:
		if d.Left > 0 {
			w.Raw("\n<p class=\"matrix-left-out\">")
			w.Int(d.Left)
			w.Raw(" blueprint")
			if d.Left != 1 {
				w.Raw("s have")
			} else {
				w.Raw(" has")
			}
			w.Raw(" no record and no required cell in these columns and ")
			if d.Left != 1 {
				w.Raw("are")
			} else {
				w.Raw("is")
			}
			w.Raw(" left out; <a href=\"")
			w.URL(pg.Rel("matrix/"))
			w.Raw("\">the standards matrix</a> lists every blueprint.</p>")
		}
		d.Pages.Nav(w, pg.Rel, d.PageNo, "Pages of the matrix", "blueprints")
		putMatrixGrid(w, pg, d)
		d.Pages.Nav(w, pg.Rel, d.PageNo, "Pages of the matrix, again", "blueprints")
	case len(g.Columns) > 0 && d.Left > 0:
		w.Raw("\n<p>No blueprint has a record or a required cell in these columns.</p>")
	default:
		w.Raw("\n<p>The matrix is empty: it needs at least one blueprint and one standard.</p>")
	}
	if d.PageNo > 0 {
		w.Raw("\n<p>The roll-ups are on <a href=\"")
		w.URL(pg.Rel(d.Pages.URL(0)))
		w.Raw("\">the first page</a>.</p>\n")
		return pg.Lend(buf), nil
	}
	switch d.Mode {
	case "standards":
		matrixRollupsBlock.Put(w, render.PageData[*MatrixPage]{Page: pg, Data: d})
	case "controls":
		matrixControlsBlock.Put(w, render.PageData[*FrameworkCoverage]{Page: pg, Data: d.Framework})
	case "statements":
		matrixFamilyBlock.Put(w, render.PageData[*FamilyCoverage]{Page: pg, Data: d.Family})
	}
	w.Raw("\n")
	return pg.Lend(buf), nil
}

// matrixLinks writes the entries of the matrix view switch.
func putMatrixLinks(w markup.Writer, pg *render.Page, links []MatrixLink) {
	for _, l := range links {
		w.Raw(" <a href=\"")
		w.URL(pg.Rel(l.URL))
		w.Raw("\"")
		if l.Current {
			w.Raw(" aria-current=\"page\"")
		}
		w.Raw(">")
		w.Text(l.Label)
		w.Raw("</a>")
	}
}

// matrixGrid writes the grid: its filters, headers and rows.
func putMatrixGrid(w markup.Writer, pg *render.Page, d *MatrixPage) {
	g := d.Grid
	paged := &render.PagedFilters{List: d.Pages, Page: d.PageNo, Noun: "blueprints", Rel: pg.Rel}
	w.Raw("\n<form class=\"filters matrix-filters\" data-matrix-filter=\"matrix-grid\"")
	render.PutPagedFilterAttrs(w, paged)
	w.Raw(" hidden>\n  <h2 class=\"visually-hidden\">Filter blueprints</h2>")
	render.PutFilterSelects(w, d.Filters)
	w.Raw("\n  <output class=\"filter-count\" aria-live=\"polite\"></output>")
	render.PutPagedFilterCount(w, paged)
	w.Raw("\n</form>\n<div class=\"matrix-scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n<table class=\"matrix\" id=\"matrix-grid\">\n<caption id=\"matrix-caption\">")
	w.Text(pg.Title)
	w.Raw(": rows are blueprints grouped by domain; each cell links to the record in the blueprint's page.</caption>\n<thead>\n<tr class=\"mx-groups\"><td class=\"mx-corner\" colspan=\"3\"></td>")
	for _, cg := range g.ColGroups {
		w.Raw("<th scope=\"colgroup\" colspan=\"")
		w.Int(cg.Span)
		w.Raw("\" title=\"")
		w.Text(cg.Label)
		w.Raw("\"><span>")
		putLinkOrText(w, pg, cg.URL, cg.Label)
		w.Raw("</span></th>")
	}
	w.Raw("</tr>\n<tr class=\"mx-heads\"><th scope=\"col\" class=\"mx-bp\">Blueprint</th><th scope=\"col\" class=\"mx-n\">Score</th><th scope=\"col\" class=\"mx-n\">Gaps</th>")
	for _, c := range g.Columns {
		w.Raw("<th scope=\"col\" class=\"mx-col\"")
		if c.Title != "" {
			w.Raw(" title=\"")
			w.Text(c.Title)
			w.Raw("\"")
		}
		w.Raw("><span>")
		putLinkOrText(w, pg, c.URL, c.Label)
		w.Raw("</span></th>")
	}
	w.Raw("</tr>\n<tr class=\"mx-adoption\"><th scope=\"row\" colspan=\"3\">Adoption</th>")
	for _, c := range g.Columns {
		w.Raw("<td>")
		putAdoption(w, c.Tally, "")
		w.Raw("</td>")
	}
	w.Raw("</tr>\n</thead>")
	w.Raw(string(d.RowsHTML(pg)))
	w.Raw("\n</table>\n</div>")
}

// linkOrText writes a link to url from page pg, or just the text when url is "".
func putLinkOrText(w markup.Writer, pg *render.Page, url, text string) {
	if url != "" {
		w.Link(pg.Rel(url), text)
	} else {
		w.Text(text)
	}
}

// matrixRollupsBlock is the "matrix-rollups" component: adoption and
// effectiveness per standard, coverage per family and per framework.
var matrixRollupsBlock = markup.New[render.PageData[*MatrixPage]]("matrix-rollups", writeMatrixRollups)

func writeMatrixRollups(w markup.Writer, pd render.PageData[*MatrixPage]) {
	pg, d := pd.Page, pd.Data
	m := d.Matrix
	w.Raw("\n<section aria-labelledby=\"effectiveness\">\n<h2 id=\"effectiveness\">Standards: adoption and effectiveness</h2>\n<p>Adoption is implemented plus alternative over applicable blueprints (not-applicable left out); gaps are non-compliant, not assessed, planned, partial and exceptions whose waiver expired.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Family</th><th scope=\"col\" class=\"num\">Applicable</th><th scope=\"col\" class=\"num\">Adopted</th><th scope=\"col\" class=\"num\">Adoption</th><th scope=\"col\" class=\"num\">Gaps</th><th scope=\"col\">Targets</th></tr></thead>\n<tbody>")
	for _, c := range m.Columns {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Link(pg.Rel(c.Doc.URL), c.Doc.Title)
		w.Raw("</th><td>")
		w.Text(c.Family)
		w.Raw("</td>\n<td class=\"num\">")
		w.Int(c.Tally.Applicable)
		w.Raw("</td><td class=\"num\">")
		w.Int(c.Tally.Adopted)
		w.Raw("</td><td class=\"num\">")
		putAdoption(w, c.Tally, "–")
		w.Raw("</td><td class=\"num\">")
		w.Int(c.Tally.Gaps)
		w.Raw("</td>\n<td>")
		for _, t := range c.Targets {
			if !t.Measured {
				continue
			}
			if t.Met {
				w.Raw("<span class=\"target\"><span class=\"align a-implemented\"><span aria-hidden=\"true\">✓</span> met</span> ")
			} else {
				w.Raw("<span class=\"target\"><span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> not met</span> ")
			}
			w.Text(t.Target)
			w.Raw("</span> ")
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>\n\n<section aria-labelledby=\"family-coverage\">\n<h2 id=\"family-coverage\">Coverage by family</h2>\n<p>A family's controls are the statements of its standards (a standard without statements counts as one). A control is covered when at least one blueprint implements it.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Family</th><th scope=\"col\" class=\"num\">Standards</th><th scope=\"col\" class=\"num\">Controls</th><th scope=\"col\" class=\"num\">Covered</th><th scope=\"col\">Controls with no implementing blueprint</th></tr></thead>\n<tbody>")
	for _, f := range m.Families {
		w.Raw("\n<tr><th scope=\"row\"><a href=\"")
		w.URL(pg.Rel(d.Expand[f.Family]))
		w.Raw("\">")
		if f.Family != "" {
			w.Text(f.Family)
		} else {
			w.Raw("No family")
		}
		w.Raw("</a></th><td class=\"num\">")
		w.Int(len(f.Columns))
		w.Raw("</td><td class=\"num\">")
		w.Int(f.Controls)
		w.Raw("</td><td class=\"num\">")
		w.Int(f.Covered)
		w.Raw(" (")
		w.Int(f.Percent())
		w.Raw("%)</td>\n<td>")
		for i, u := range f.Uncovered {
			if i > 0 {
				w.Raw(", ")
			}
			if u.Statement != "" {
				w.Link(pg.Rel(u.Column.Doc.URL), u.Statement)
			} else {
				w.Link(pg.Rel(u.Column.Doc.URL), u.Column.Doc.Title)
			}
		}
		if len(f.Uncovered) == 0 {
			w.Raw("none")
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>")
	if len(m.Frameworks) > 0 {
		w.Raw("\n<section aria-labelledby=\"framework-coverage\">\n<h2 id=\"framework-coverage\">Coverage by framework control</h2>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\" class=\"num\">Controls mapped</th><th scope=\"col\" class=\"num\">Covered</th><th scope=\"col\" class=\"num\">With no implementing blueprint</th></tr></thead>\n<tbody>")
		for _, f := range m.Frameworks {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Link(pg.Rel(d.FrameworkURL[f.Framework]), f.Title)
			w.Raw("</th><td class=\"num\">")
			w.Int(len(f.Controls))
			w.Raw("</td><td class=\"num\">")
			w.Int(f.Covered)
			w.Raw(" (")
			w.Int(f.Percent())
			w.Raw("%)</td><td class=\"num\">")
			w.Int(f.Uncovered())
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>\n</section>")
	}
	w.Raw("\n")
}

// matrixControlsBlock is the "matrix-controls" component: a framework's
// controls and the standards that map to them.
var matrixControlsBlock = markup.New[render.PageData[*FrameworkCoverage]]("matrix-controls", writeMatrixControls)

func writeMatrixControls(w markup.Writer, pd render.PageData[*FrameworkCoverage]) {
	pg, f := pd.Page, pd.Data
	w.Raw("\n<section aria-labelledby=\"control-coverage\">\n<h2 id=\"control-coverage\">Controls of ")
	w.Text(f.Title)
	w.Raw("</h2>\n<p>")
	w.Int(f.Covered)
	w.Raw(" of ")
	w.Int(len(f.Controls))
	w.Raw(" mapped controls (")
	w.Int(f.Percent())
	w.Raw("%) have at least one implementing blueprint.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Standards mapping to it</th><th scope=\"col\" class=\"num\">Implementing</th><th scope=\"col\" class=\"num\">Gaps</th></tr></thead>\n<tbody>")
	for _, c := range f.Controls {
		w.Raw("\n<tr")
		if c.Tally.Adopted == 0 {
			w.Raw(" class=\"uncovered\"")
		}
		w.Raw("><th scope=\"row\"><code>")
		w.Text(c.ID)
		w.Raw("</code> ")
		w.Text(c.Label)
		if c.Title != "" {
			w.Raw(" <span class=\"control-title\">")
			w.Text(c.Title)
			w.Raw("</span>")
		}
		w.Raw("</th>\n<td>")
		for i, col := range c.Columns {
			if i > 0 {
				w.Raw(", ")
			}
			w.Link(pg.Rel(col.Doc.URL), col.Doc.Title)
		}
		w.Raw("</td>\n<td class=\"num\">")
		if c.Tally.Adopted != 0 {
			w.Int(c.Tally.Adopted)
		} else {
			w.Raw("<span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> none</span>")
		}
		w.Raw("</td><td class=\"num\">")
		w.Int(c.Tally.Gaps)
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</section>\n")
}

// matrixFamilyBlock is the "matrix-family" component: the statements of a
// family's standards with their adoption.
var matrixFamilyBlock = markup.New[render.PageData[*FamilyCoverage]]("matrix-family", writeMatrixFamily)

func writeMatrixFamily(w markup.Writer, pd render.PageData[*FamilyCoverage]) {
	pg, f := pd.Page, pd.Data
	w.Raw("\n<section aria-labelledby=\"family-statements\">\n<h2 id=\"family-statements\">Statements of the ")
	w.Text(f.Family)
	w.Raw(" family</h2>\n<p>")
	w.Int(f.Covered)
	w.Raw(" of ")
	w.Int(f.Controls)
	w.Raw(" statements (")
	w.Int(f.Percent())
	w.Raw("%) have at least one implementing blueprint.</p>")
	for _, c := range f.Columns {
		w.Raw("\n<h3>")
		w.Link(pg.Rel(c.Doc.URL), c.Doc.Title)
		w.Raw("</h3>")
		if len(c.Statements) == 0 {
			w.Raw("<p>No statements: blueprints align with the standard as a whole.</p>")
			continue
		}
		w.Raw("\n<dl class=\"statements\">")
		for _, s := range c.StatementAdoption() {
			w.Raw("<dt>")
			w.Text(s.Statement.ID)
			w.Raw(" <span class=\"summary\">(")
			w.Text(s.Statement.Level)
			if s.Tally.Applicable != 0 {
				w.Raw(", adoption ")
				w.Int(s.Tally.Percent())
				w.Raw("%")
			}
			w.Raw(")</span></dt><dd>")
			w.Text(s.Statement.Text)
			w.Raw("</dd>")
		}
		w.Raw("</dl>")
	}
	w.Raw("\n</section>\n")
}

// matrixLegendBlock is the "matrix-legend" component: what each alignment
// status means.
var matrixLegendBlock = markup.New[*Matrix]("matrix-legend", writeMatrixLegend)

func writeMatrixLegend(w markup.Writer, m *Matrix) {
	w.Raw("\n<details class=\"matrix-legend\" open>\n<summary>Legend</summary>\n<ul>")
	for _, a := range m.Alignments() {
		w.Raw("\n  <li>")
		putAlignment(w, a)
		w.Raw(" <span class=\"legend-meaning\">")
		w.Text(a.Meaning())
		w.Raw("</span></li>")
	}
	w.Raw("\n  <li><span class=\"align a-none\">blank</span> <span class=\"legend-meaning\">the standard does not apply and nothing is recorded</span></li>\n</ul>\n</details>\n")
}
