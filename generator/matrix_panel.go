package generator

// The alignment panels: a blueprint's alignment with each standard that
// applies, and a standard's adoption by every blueprint, with their records.

// writeItems writes the panel's table rows: one per standard on a blueprint's
// page (mp.Row), one per blueprint on a standard's page (mp.Column).
func (mp MatrixPanel) writeItems(pg *Page, w htmlWriter) {
	for _, it := range mp.Items {
		if mp.Row != nil {
			w.raw("\n<tr id=\"")
			w.text(it.Column.Anchor())
			w.raw("\">\n  <th scope=\"row\">")
			w.link(pg.Rel(it.Column.Doc.URL), it.Column.Doc.Title)
			w.raw(" <span class=\"kind-tag\">")
			w.text(it.Column.Family)
			w.raw("</span>")
			if it.Cell.Applies {
				w.raw("<br><span class=\"summary\">required by its applies_to</span>")
			}
			w.raw("</th>")
		} else {
			w.raw("\n<tr>\n  <th scope=\"row\"><a href=\"")
			w.url(pg.Rel(it.Row.Doc.URL))
			w.raw("#")
			w.urlPart(it.Column.Anchor())
			w.raw("\">")
			w.text(it.Row.Doc.Title)
			w.raw("</a>")
			if it.Row.Domain != "" {
				w.raw(" <span class=\"kind-tag\">")
				w.text(it.Row.Domain)
				w.raw("</span>")
			}
			w.raw("</th>")
		}
		w.raw("\n  <td>")
		w.alignment(it.Cell.Status)
		if it.Cell.Mixed() {
			w.raw("\n    <ul class=\"statement-statuses\" aria-label=\"By statement\">")
			for _, s := range it.Statements {
				w.raw("<li><span class=\"a-")
				w.text(s.Status.String())
				w.raw("\" title=\"")
				w.text(s.Status.Label())
				w.raw("\"><span aria-hidden=\"true\">")
				w.text(s.Status.Symbol())
				w.raw("</span><span class=\"visually-hidden\">")
				w.text(s.Status.Label())
				w.raw("</span></span> ")
				if mp.Row != nil {
					w.raw("<abbr title=\"")
					w.text(s.Statement.Text)
					w.raw("\">")
					w.text(s.Statement.ID)
					w.raw("</abbr>")
				} else {
					w.text(s.Statement.ID)
				}
				w.raw("</li>")
			}
			w.raw("</ul>")
		}
		w.raw("</td>\n  <td>")
		for _, r := range it.Cell.Records {
			w.record(pg, r)
		}
		if len(it.Cell.Records) == 0 {
			if mp.Row != nil {
				w.raw("No record yet: add one to <code>compliance</code>.")
			} else {
				w.raw("No record yet: the standard's applies_to requires one.")
			}
		}
		w.raw("</td>\n</tr>")
	}
}

// alignmentBlock is the "alignment" component: a status as a badge.
var alignmentBlock = Component[Alignment]{Name: "alignment", slot: slotAlignment, write: writeAlignment}

func (w htmlWriter) alignment(a Alignment) { alignmentBlock.put(w, a) }

func writeAlignment(w htmlWriter, a Alignment) {
	if a == AlignNone {
		return
	}
	w.raw("<span class=\"align a-")
	w.text(a.String())
	w.raw("\"><span aria-hidden=\"true\">")
	w.text(a.Symbol())
	w.raw("</span> ")
	w.text(a.Label())
	w.raw("</span>")
}

// AlignmentRecordData is what the "alignment-record" component receives: a
// record and the page it is shown on (for links).
type AlignmentRecordData struct {
	Page   *Page
	Record *AlignmentRecord
}

// alignmentRecordBlock is the "alignment-record" component: an alignment record
// with its evidence, waiver and source line.
var alignmentRecordBlock = Component[AlignmentRecordData]{Name: "alignment-record", slot: slotAlignmentRecord, write: writeAlignmentRecord}

// waiverDaysBlock is the "waiver-days" component: how long a waiver has left.
var waiverDaysBlock = Component[*AlignmentWaiver]{Name: "waiver-days", slot: slotWaiverDays, write: writeWaiverDays}

func writeWaiverDays(w htmlWriter, wv *AlignmentWaiver) {
	if wv.Expires.IsZero() {
		return
	}
	switch {
	case wv.DaysLeft < 0:
		w.raw("expired ")
		w.text(wv.DaysAgo())
		w.raw(" ago")
	case wv.DaysLeft == 0:
		w.raw("expires today")
	default:
		w.text(wv.DaysLeftText())
		w.raw(" left")
	}
}

func (w htmlWriter) record(pg *Page, r *AlignmentRecord) {
	alignmentRecordBlock.put(w, AlignmentRecordData{Page: pg, Record: r})
}

func writeAlignmentRecord(w htmlWriter, d AlignmentRecordData) {
	pg, r := d.Page, d.Record
	w.raw("\n<div class=\"record\" id=\"")
	w.text(r.Anchor())
	w.raw("\">\n  <p class=\"record-head\">")
	if r.Statement != "" {
		w.raw("<strong>")
		w.text(r.Statement)
		w.raw("</strong>")
	} else {
		w.raw("Whole standard")
	}
	w.raw(": ")
	w.alignment(r.Effective())
	if r.Assessed != "" {
		w.raw(" · assessed ")
		w.text(r.Assessed)
	}
	if r.Planned != "" {
		w.raw(" · planned ")
		w.text(r.Planned)
	}
	w.raw("</p>")
	if r.Justification != "" {
		w.raw("<p class=\"justification\">")
		w.text(r.Justification)
		w.raw("</p>")
	}
	if len(r.Evidence) > 0 {
		w.raw("\n  <p class=\"evidence\">Evidence:")
		for i, e := range r.Evidence {
			if i > 0 {
				w.raw(",")
			}
			w.raw("\n    ")
			switch {
			case e.Doc != nil:
				w.link(pg.Rel(e.Doc.URL), e.Doc.Title)
			case e.URL != "":
				w.link(e.URL, e.URL)
			default:
				w.text(e.Text)
			}
		}
		w.raw("</p>")
	}
	if wv := r.Waiver; wv != nil {
		w.raw("\n  <p class=\"waiver waiver-")
		w.text(wv.State())
		w.raw("\">Waiver approved by ")
		w.text(wv.ApprovedBy)
		if x := wv.ExpiresText(); x != "" {
			w.raw(", expires ")
			w.text(x)
			w.raw(" (")
			waiverDaysBlock.put(w, wv)
			w.raw(")")
		}
		if wv.Justification != "" {
			w.raw(": ")
			w.text(wv.Justification)
		}
		w.raw("</p>")
	}
	w.raw("\n  <p class=\"source\">Source: <code>")
	w.text(r.Source())
	w.raw("</code></p>\n</div>")
}

// matrixRowPanel is the "matrix-row" panel component.
var matrixRowPanel = Component[PanelPage[MatrixPanel]]{Name: "matrix-row", slot: slotMatrixRow, write: panelWriter(writeMatrixRowPanel)}

// writeMatrixRowPanel writes the "matrix-row" panel: a blueprint's alignment.
func writeMatrixRowPanel(pg PanelPage[MatrixPanel], w htmlWriter) error {
	mp := pg.Data
	t := mp.Row.Tally
	w.raw("\n<p class=\"matrix-summary\">")
	if t.Applicable != 0 {
		w.raw("Score <strong>")
		w.int(t.Percent())
		w.raw("%</strong>: ")
		w.int(t.Adopted)
		w.raw(" of ")
		w.int(t.Applicable)
		w.raw(" applicable standards implemented or met by an alternative.")
	} else {
		w.raw("No standard applies to this blueprint yet.")
	}
	w.raw("\n")
	if t.Gaps != 0 {
		w.int(t.Gaps)
		if t.Gaps == 1 {
			w.raw(" open gap.")
		} else {
			w.raw(" open gaps.")
		}
	} else {
		w.raw("No open gaps.")
	}
	w.raw("\nSee the <a href=\"")
	w.url(pg.Rel("matrix/"))
	w.raw("\">alignment matrix</a>.</p>")
	if gaps := mp.Gaps(); len(gaps) > 0 {
		w.raw("\n<p>Open gaps:")
		for i, g := range gaps {
			if i > 0 {
				w.raw(",")
			}
			w.raw(" <a href=\"#")
			w.urlPart(g.Column.Anchor())
			w.raw("\">")
			w.text(g.Column.Doc.Title)
			w.raw("</a> (")
			w.text(g.Cell.Status.Label())
			w.raw(")")
		}
		w.raw(".</p>")
	}
	if len(mp.Items) > 0 {
		w.raw("\n<table class=\"data alignment-table\">\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Status</th><th scope=\"col\">Records and evidence</th></tr></thead>\n<tbody>")
		mp.writeItems(pg.Page, w)
		w.raw("\n</tbody>\n</table>")
	}
	w.raw("\n")
	return nil
}

// matrixColumnPanel is the "matrix-column" panel component.
var matrixColumnPanel = Component[PanelPage[MatrixPanel]]{Name: "matrix-column", slot: slotMatrixColumn, write: panelWriter(writeMatrixColumnPanel)}

// writeMatrixColumnPanel writes the "matrix-column" panel: a standard's adoption.
func writeMatrixColumnPanel(pg PanelPage[MatrixPanel], w htmlWriter) error {
	mp := pg.Data
	c := mp.Column
	t := c.Tally
	w.raw("\n<p class=\"matrix-summary\">")
	if t.Applicable != 0 {
		w.raw("Adoption <strong>")
		w.int(t.Percent())
		w.raw("%</strong>: ")
		w.int(t.Adopted)
		w.raw(" of ")
		w.int(t.Applicable)
		w.raw(" applicable blueprints implement it or meet it by an alternative; ")
		w.int(t.Gaps)
		if t.Gaps == 1 {
			w.raw(" open gap.")
		} else {
			w.raw(" open gaps.")
		}
	} else {
		w.raw("No blueprint aligns with this standard yet.")
	}
	w.raw("\n")
	if !c.Requires {
		w.raw(" It declares no <code>applies_to</code> in force (none, or the standard is draft or retired), so only recorded alignments count.")
	}
	w.raw("\nSee its column in the <a href=\"")
	w.url(pg.Rel("matrix/"))
	w.raw("\">alignment matrix</a>.</p>")
	if b := t.Breakdown(); len(b) > 0 {
		w.raw("\n<p>")
		w.breakdown(b)
		w.raw("</p>")
	}
	if len(c.Targets) > 0 {
		w.raw("\n<h3>Effectiveness targets</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Target</th><th scope=\"col\">Measured by the matrix</th></tr></thead>\n<tbody>")
		for _, tg := range c.Targets {
			w.raw("\n<tr><td>")
			w.text(tg.Metric)
			w.raw("</td><td>")
			w.text(tg.Target)
			w.raw("</td><td>")
			switch {
			case !tg.Measured:
				w.raw("not measured here")
			case tg.Met:
				w.raw("<span class=\"align a-implemented\"><span aria-hidden=\"true\">✓</span> Met</span>: adoption ")
			default:
				w.raw("<span class=\"align a-non-compliant\"><span aria-hidden=\"true\">✗</span> Not met</span>: adoption ")
			}
			if tg.Measured {
				w.int(t.Percent())
				w.raw("%")
			}
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	}
	if len(c.Statements) > 0 {
		w.raw("\n<h3>Statements</h3>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Statement</th><th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Adoption</th><th scope=\"col\">Blueprints by status</th></tr></thead>\n<tbody>")
		for _, sa := range c.StatementAdoption() {
			w.raw("\n<tr><th scope=\"row\"><abbr title=\"")
			w.text(sa.Statement.Text)
			w.raw("\">")
			w.text(sa.Statement.ID)
			w.raw("</abbr></th><td>")
			w.text(sa.Statement.Level)
			w.raw("</td>\n<td class=\"num\">")
			w.adoption(sa.Tally, "–")
			w.raw("</td>\n<td>")
			w.breakdown(sa.Tally.Breakdown())
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	}
	if len(mp.Items) > 0 {
		w.raw("\n<h3>Blueprints</h3>\n<table class=\"data alignment-table\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\">Status</th><th scope=\"col\">Records and evidence</th></tr></thead>\n<tbody>")
		mp.writeItems(pg.Page, w)
		w.raw("\n</tbody>\n</table>")
	}
	w.raw("\n")
	return nil
}

// adoption writes a tally's adoption as a percentage, or none when nothing
// applies.
func (w htmlWriter) adoption(t AlignmentTally, none string) {
	if t.Applicable == 0 {
		w.raw(none)
		return
	}
	w.int(t.Percent())
	w.raw("%")
}

// breakdown writes status counts as the matrix-column template does.
func (w htmlWriter) breakdown(counts []AlignmentCount) {
	for _, ac := range counts {
		w.raw("<span class=\"count\">")
		w.alignment(ac.Status)
		w.raw(" ")
		w.int(ac.Count)
		w.raw("</span> ")
	}
}
