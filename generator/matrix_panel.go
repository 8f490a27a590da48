package generator

import (
	"html/template"
)

// The items of the alignment panels, written in Go: a standard's page lists every
// blueprint it applies to (250 at 10,000 documents) with their records, and the
// template loop made a reflective call per value, 1.6 s of a 10,000-document
// build. The markup is the theme's "alignment" and "alignment-record" templates
// (layouts/_matrix.html), byte for byte; the site goldens hold it to them.

// ItemsHTML writes the panel's table rows: one per standard on a blueprint's page
// (mp.Row), one per blueprint on a standard's page (mp.Column).
func (mp MatrixPanel) ItemsHTML(pg *PanelPage) template.HTML {
	buf := pg.bufs().get()
	w := htmlWriter{buf}
	for _, it := range mp.Items {
		if mp.Row != nil {
			w.raw("\n<tr id=\"")
			w.text(it.Column.Anchor())
			w.raw("\">\n  <th scope=\"row\"><a href=\"")
			w.url(pg.Rel(it.Column.Doc.URL))
			w.raw("\">")
			w.text(it.Column.Doc.Title)
			w.raw("</a> <span class=\"kind-tag\">")
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
			w.record(pg.Page, r)
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
	return pg.lend(buf)
}

// alignment is the theme's "alignment" template: a status as a badge.
func (w htmlWriter) alignment(a Alignment) {
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

// record is the theme's "alignment-record" template: an alignment record with its
// evidence, waiver and source line, linked from page pg.
func (w htmlWriter) record(pg *Page, r *AlignmentRecord) {
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
				w.raw("<a href=\"")
				w.url(pg.Rel(e.Doc.URL))
				w.raw("\">")
				w.text(e.Doc.Title)
				w.raw("</a>")
			case e.URL != "":
				w.raw("<a href=\"")
				w.url(e.URL)
				w.raw("\">")
				w.text(e.URL)
				w.raw("</a>")
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
