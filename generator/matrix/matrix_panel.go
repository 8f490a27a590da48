package matrix

import (
	"archfolio/generator/markup"
	"archfolio/generator/render"
	"strings"
)

// The alignment panels: a blueprint's alignment with each standard that
// applies, and a standard's adoption by every blueprint, with their records.

// writeItems writes the panel's table rows: one per standard on a blueprint's
// page (mp.Row), one per blueprint on a standard's page (mp.Column).
func (mp MatrixPanel) writeItems(pg *render.Page, w markup.Writer) {
	for _, it := range mp.Items {
		if mp.Row != nil {
			w.Raw("\n<tr id=\"")
			w.Text(it.Column.Anchor())
			w.Raw("\">\n  <th scope=\"row\">")
			w.Link(pg.Rel(it.Column.Doc.URL), it.Column.Doc.Title)
			w.Raw(" <span class=\"kind-tag\">")
			w.Text(it.Column.Family)
			w.Raw("</span>")
			if it.Cell.Applies {
				w.Raw("<br><span class=\"summary\">required: the standard applies to this blueprint</span>")
			}
			w.Raw("</th>")
		} else {
			w.Raw("\n<tr>\n  <th scope=\"row\"><a href=\"")
			w.URL(pg.Rel(it.Row.Doc.URL))
			w.Raw("#")
			w.URLPart(it.Column.Anchor())
			w.Raw("\">")
			w.Text(it.Row.Doc.Title)
			w.Raw("</a>")
			if it.Row.Domain != "" {
				w.Raw(" <span class=\"kind-tag\">")
				w.Text(it.Row.Domain)
				w.Raw("</span>")
			}
			w.Raw("</th>")
		}
		w.Raw("\n  <td>")
		putAlignment(w, it.Cell.Status)
		if it.Cell.Mixed() {
			w.Raw("\n    <ul class=\"statement-statuses\" aria-label=\"By statement\">")
			for _, s := range it.Statements {
				w.Raw("<li><span class=\"a-")
				w.Text(s.Status.String())
				w.Raw("\" title=\"")
				w.Text(s.Status.Label())
				w.Raw("\"><span aria-hidden=\"true\">")
				w.Text(s.Status.Symbol())
				w.Raw("</span><span class=\"visually-hidden\">")
				w.Text(s.Status.Label())
				w.Raw("</span></span> ")
				if mp.Row != nil {
					w.Raw("<abbr title=\"")
					w.Text(s.Statement.Text)
					w.Raw("\">")
					w.Text(s.Statement.ID)
					w.Raw("</abbr>")
				} else {
					w.Text(s.Statement.ID)
				}
				w.Raw("</li>")
			}
			w.Raw("</ul>")
		}
		w.Raw("</td>\n  <td>")
		for _, r := range it.Cell.Records {
			putRecord(w, pg, r, mp.Row != nil)
		}
		if len(it.Cell.Records) == 0 {
			if mp.Row != nil {
				w.Raw("No record yet: add one to <code>compliance</code>.")
			} else {
				w.Raw("No record yet, though the standard applies to this blueprint.")
			}
		}
		w.Raw("</td>\n</tr>")
	}
}

// alignmentBlock is the "alignment" component: a status as a badge.
var alignmentBlock = markup.New[Alignment]("alignment", writeAlignment)

func putAlignment(w markup.Writer, a Alignment) { alignmentBlock.Put(w, a) }

// PutAlignment writes the "alignment" component: a status as a badge, its
// symbol and its word.
func PutAlignment(w markup.Writer, a Alignment) { alignmentBlock.Put(w, a) }

func writeAlignment(w markup.Writer, a Alignment) {
	if a == AlignNone {
		return
	}
	w.Raw("<span class=\"align a-")
	w.Text(a.String())
	w.Raw("\"><span aria-hidden=\"true\">")
	w.Text(a.Symbol())
	w.Raw("</span> ")
	w.Text(a.Label())
	w.Raw("</span>")
}

// AlignmentRecordData is what the "alignment-record" component receives: a
// record and the page it is shown on (for links).
type AlignmentRecordData struct {
	Page   *render.Page
	Record *AlignmentRecord
	// ID is the record's element id: its Anchor on its blueprint's page, which
	// matrix cells link to; on a standard's page, which lists the records of
	// many blueprints, the blueprint's id comes first so that no id repeats.
	ID string
}

// alignmentRecordBlock is the "alignment-record" component: an alignment record
// with its evidence, waiver and source line.
var alignmentRecordBlock = markup.New[AlignmentRecordData]("alignment-record", writeAlignmentRecord)

// waiverDaysBlock is the "waiver-days" component: how long a waiver has left.
var waiverDaysBlock = markup.New[*AlignmentWaiver]("waiver-days", writeWaiverDays)

func writeWaiverDays(w markup.Writer, wv *AlignmentWaiver) {
	if wv.Expires.IsZero() {
		return
	}
	switch {
	case wv.DaysLeft < 0:
		w.Raw("expired ")
		w.Text(wv.DaysAgo())
		w.Raw(" ago")
	case wv.DaysLeft == 0:
		w.Raw("expires today")
	default:
		w.Text(wv.DaysLeftText())
		w.Raw(" left")
	}
}

func putRecord(w markup.Writer, pg *render.Page, r *AlignmentRecord, ownPage bool) {
	id := r.Anchor()
	if !ownPage {
		id = r.Blueprint.ID + "-" + id
	}
	alignmentRecordBlock.Put(w, AlignmentRecordData{Page: pg, Record: r, ID: id})
}

// PutRecord writes the "alignment-record" component for a record shown on a
// page other than its blueprint's: its statement, status, evidence, waiver
// and source line.
func PutRecord(w markup.Writer, pg *render.Page, r *AlignmentRecord) { putRecord(w, pg, r, false) }

func writeAlignmentRecord(w markup.Writer, d AlignmentRecordData) {
	pg, r := d.Page, d.Record
	w.Raw("\n<div class=\"record\" id=\"")
	w.Text(d.ID)
	w.Raw("\">\n  <p class=\"record-head\">")
	if r.Statement != "" {
		w.Raw("<strong>")
		w.Text(r.Statement)
		w.Raw("</strong>")
	} else {
		w.Raw("Whole standard")
	}
	w.Raw(": ")
	putAlignment(w, r.Effective())
	if r.Assessed != "" {
		w.Raw(" · assessed ")
		w.Text(r.Assessed)
	}
	if r.Planned != "" {
		w.Raw(" · planned ")
		w.Text(r.Planned)
	}
	w.Raw("</p>")
	if r.Justification != "" {
		w.Raw("<p class=\"justification\">")
		w.Text(r.Justification)
		w.Raw("</p>")
	}
	if len(r.Evidence) > 0 {
		w.Raw("\n  <p class=\"evidence\">Evidence:")
		for i, e := range r.Evidence {
			if i > 0 {
				w.Raw(",")
			}
			w.Raw("\n    ")
			switch {
			case e.Doc != nil:
				w.Link(pg.Rel(e.Doc.URL), e.Doc.Title)
			case e.URL != "":
				w.Link(e.URL, e.URL)
			default:
				w.Text(e.Text)
			}
		}
		w.Raw("</p>")
	}
	if wv := r.Waiver; wv != nil {
		w.Raw("\n  <p class=\"waiver waiver-")
		w.Text(wv.State())
		w.Raw("\">Waiver approved by ")
		w.Text(wv.ApprovedBy)
		if x := wv.ExpiresText(); x != "" {
			w.Raw(", expires ")
			w.Text(x)
			w.Raw(" (")
			waiverDaysBlock.Put(w, wv)
			w.Raw(")")
		}
		if wv.Justification != "" {
			w.Raw(": ")
			w.Text(wv.Justification)
		}
		w.Raw("</p>")
	}
	w.Raw("\n  <p class=\"source\">Source: <code>")
	w.Text(r.Source())
	w.Raw("</code></p>\n</div>")
}

// matrixRowPanel is the "matrix-row" panel component.
var matrixRowPanel = markup.New[render.PanelPage[MatrixPanel]]("matrix-row", render.PanelWriter(writeMatrixRowPanel))

// writeMatrixRowPanel writes the "matrix-row" panel: a blueprint's alignment.
func writeMatrixRowPanel(pg render.PanelPage[MatrixPanel], w markup.Writer) error {
	mp := pg.Data
	t := mp.Row.Tally
	w.Raw("\n<p class=\"matrix-summary\">")
	if t.Applicable != 0 {
		w.Raw("Score <strong>")
		w.Int(t.Percent())
		w.Raw("%</strong>: ")
		w.Int(t.Adopted)
		w.Raw(" of ")
		w.Int(t.Applicable)
		w.Raw(" applicable standards implemented or met by an alternative.")
	} else {
		w.Raw("No standard applies to this blueprint yet.")
	}
	w.Raw("\n")
	if t.Gaps != 0 {
		w.Int(t.Gaps)
		if t.Gaps == 1 {
			w.Raw(" open gap.")
		} else {
			w.Raw(" open gaps.")
		}
	} else {
		w.Raw("No open gaps.")
	}
	w.Raw("\nSee the <a href=\"")
	w.URL(pg.Rel("matrix/"))
	w.Raw("\">alignment matrix</a>.</p>")
	if gaps := mp.Gaps(); len(gaps) > 0 {
		w.Raw("\n<p>Open gaps:")
		for i, g := range gaps {
			if i > 0 {
				w.Raw(",")
			}
			w.Raw(" <a href=\"#")
			w.URLPart(g.Column.Anchor())
			w.Raw("\">")
			w.Text(g.Column.Doc.Title)
			w.Raw("</a> (")
			w.Text(g.Cell.Status.Label())
			w.Raw(")")
		}
		w.Raw(".</p>")
	}
	if len(mp.Items) > 0 {
		w.Raw("\n<table class=\"data alignment-table\">\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Status</th><th scope=\"col\">Records and evidence</th></tr></thead>\n<tbody>")
		mp.writeItems(pg.Page, w)
		w.Raw("\n</tbody>\n</table>")
	}
	w.Raw("\n")
	return nil
}

// matrixColumnPanel is the "matrix-column" panel component.
var matrixColumnPanel = markup.New[render.PanelPage[MatrixPanel]]("matrix-column", render.PanelWriter(writeMatrixColumnPanel))

// writeMatrixColumnPanel writes the "matrix-column" panel: a standard's adoption.
func writeMatrixColumnPanel(pg render.PanelPage[MatrixPanel], w markup.Writer) error {
	mp := pg.Data
	c := mp.Column
	t := c.Tally
	w.Raw("\n<p class=\"matrix-summary\">")
	if t.Applicable != 0 {
		w.Raw("Adoption <strong>")
		w.Int(t.Percent())
		w.Raw("%</strong>: ")
		w.Int(t.Adopted)
		w.Raw(" of ")
		w.Int(t.Applicable)
		w.Raw(" applicable blueprints implement it or meet it by an alternative; ")
		w.Int(t.Gaps)
		if t.Gaps == 1 {
			w.Raw(" open gap.")
		} else {
			w.Raw(" open gaps.")
		}
	} else {
		w.Raw("No blueprint aligns with this standard yet.")
	}
	w.Raw("\n")
	if !c.Requires {
		w.Raw(" It declares no <code>applies_to</code> in force (none, or the standard is draft or retired), so only recorded alignments count.")
	}
	w.Raw("\nSee its column in the <a href=\"")
	w.URL(pg.Rel("matrix/"))
	w.Raw("\">alignment matrix</a>.</p>")
	if b := t.Breakdown(); len(b) > 0 {
		w.Raw("\n<p>")
		putBreakdown(w, b)
		w.Raw("</p>")
	}
	if len(c.Targets) > 0 {
		w.Raw("\n<h3>Effectiveness targets</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Target</th><th scope=\"col\">Measured by the matrix</th></tr></thead>\n<tbody>")
		for _, tg := range c.Targets {
			w.Raw("\n<tr><td>")
			w.Text(tg.Metric)
			w.Raw("</td><td>")
			w.Text(tg.Target)
			w.Raw("</td><td>")
			switch {
			case !tg.Measured:
				w.Raw("not measured here")
			case tg.Met:
				w.Raw("<span class=\"align a-implemented\"><span aria-hidden=\"true\">✓</span> Met</span>: adoption ")
			default:
				w.Raw("<span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> Not met</span>: adoption ")
			}
			if tg.Measured {
				w.Int(t.Percent())
				w.Raw("%")
			}
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>")
	}
	if len(c.Statements)+len(c.Withdrawn) > 0 {
		w.Raw("\n<h3>Statements</h3>\n<div class=\"table-scroll\">\n<table class=\"data statements\">\n<thead><tr><th scope=\"col\">Statement</th><th scope=\"col\">Requirement</th><th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Adoption</th><th scope=\"col\">Blueprints by status</th></tr></thead>\n<tbody>")
		for _, sa := range c.StatementAdoption() {
			putStatementRow(w, sa.Statement, false)
			w.Raw("<td>")
			w.Text(sa.Statement.Level)
			w.Raw("</td>\n<td class=\"num\">")
			putAdoption(w, sa.Tally, "–")
			w.Raw("</td>\n<td>")
			putBreakdown(w, sa.Tally.Breakdown())
			w.Raw("</td></tr>")
		}
		for _, st := range c.Withdrawn {
			putStatementRow(w, st, true)
			w.Raw("<td>")
			w.Text(st.Level)
			w.Raw("</td>\n<td class=\"num\">–</td>\n<td>withdrawn: not in the matrix</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>\n</div>")
	}
	if len(mp.Items) > 0 {
		w.Raw("\n<h3>Blueprints</h3>")
		if mp.More > 0 {
			w.Raw("\n<p>The ")
			w.Int(len(mp.Items))
			w.Raw(" of ")
			w.Int(len(mp.Items) + mp.More)
			w.Raw(" blueprints with a cell in this column that this page lists, gaps first. Every one is in the standard's column of the <a href=\"")
			w.URL(pg.Rel("matrix/"))
			w.Raw("\">alignment matrix</a>, in <a href=\"")
			w.URL(pg.Rel("matrix.csv"))
			w.Raw("\" download>matrix.csv</a> and on its own page.</p>")
		}
		w.Raw("\n<table class=\"data alignment-table\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Status</th><th scope=\"col\">Records and evidence</th></tr></thead>\n<tbody>")
		mp.writeItems(pg.Page, w)
		w.Raw("\n</tbody>\n</table>")
	}
	w.Raw("\n")
	return nil
}

// putStatementRow opens a statement's row: its id (the row's anchor) and its
// text, which keeps the list structure of its items (a line each, indented two
// spaces a level), and its guidance folded under it.
func putStatementRow(w markup.Writer, st Statement, withdrawn bool) {
	w.Raw("\n<tr id=\"")
	w.Text(st.Anchor)
	w.Raw("\"")
	if withdrawn {
		w.Raw(" class=\"withdrawn\"")
	}
	w.Raw("><th scope=\"row\"><a href=\"#")
	w.Text(st.Anchor)
	w.Raw("\">")
	w.Text(st.ID)
	w.Raw("</a>")
	if withdrawn {
		w.Raw(" <span class=\"badge withdrawn\">withdrawn</span>")
	}
	w.Raw("</th>\n<td>")
	putStatementText(w, st.Text)
	if g := strings.TrimSpace(st.Guidance); g != "" {
		w.Raw("<details class=\"guidance\"><summary>Guidance</summary>")
		for para := range strings.SplitSeq(g, "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				w.Raw("<p>")
				w.Text(para)
				w.Raw("</p>")
			}
		}
		w.Raw("</details>")
	}
	w.Raw("</td>")
}

// putStatementText writes a statement's text: its first line, then each
// further line as an item of a list nested by its indentation (two spaces a
// level), as import oscal writes a control's a./1./(a) items.
func putStatementText(w markup.Writer, text string) {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	w.Text(strings.TrimSpace(lines[0]))
	depth := 0 // lists open, each with an item open
	for _, line := range lines[1:] {
		item := strings.TrimSpace(line)
		if item == "" {
			continue
		}
		d := min((len(line)-len(strings.TrimLeft(line, " ")))/2+1, depth+1)
		if d > depth {
			w.Raw("<ul class=\"statement-items\"><li>")
			depth++
		} else {
			w.Raw("</li>")
			for ; depth > d; depth-- {
				w.Raw("</ul></li>")
			}
			w.Raw("<li>")
		}
		w.Text(item)
	}
	for ; depth > 0; depth-- {
		w.Raw("</li></ul>")
	}
}

// adoption writes a tally's adoption as a percentage, or none when nothing
// applies.
func putAdoption(w markup.Writer, t AlignmentTally, none string) {
	if t.Applicable == 0 {
		w.Raw(none)
		return
	}
	w.Int(t.Percent())
	w.Raw("%")
}

// breakdown writes status counts as the matrix-column template does.
func putBreakdown(w markup.Writer, counts []AlignmentCount) {
	for _, ac := range counts {
		w.Raw("<span class=\"count\">")
		putAlignment(w, ac.Status)
		w.Raw(" ")
		w.Int(ac.Count)
		w.Raw("</span> ")
	}
}
