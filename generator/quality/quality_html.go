package quality

import (
	"strconv"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/matrix"
	"archfolio/generator/render"
)

// View is the data quality page, /quality/, and its home-page card.
var View = render.View{Name: "quality", Analyse: prepare, Pages: qualityPages, Cards: qualityCards}

// PerList is how many entries each list of the page shows, so that the page
// does not grow with the portfolio; `archfolio check --quality` lists them all.
const PerList = 100

// URL is the data quality page's address.
const URL = "quality/"

// content is the "quality-content" component: the data quality page.
var content = markup.New[render.PageData[*Report]]("quality-content", writeReport)

func qualityPages(p *generator.Portfolio) []render.PageJob {
	return []render.PageJob{render.Content(render.PageJob{URL: URL, Layout: "quality.html",
		Page: &render.Page{Title: "Data quality", Section: "quality"}}, content, func() *Report { return Of(p) })}
}

// qualityCards is the home page's figure: the share of expected fields filled
// in, and the gaps that recur systemically.
func qualityCards(p *generator.Portfolio) []render.Card {
	r := Of(p)
	filled, expected, gaps := 0, 0, 0
	for _, o := range r.Owners {
		filled, expected, gaps = filled+o.Filled, expected+o.Expected, gaps+o.Gaps()
	}
	systemic := 0
	for _, g := range r.Recurring {
		if g.Systemic() {
			systemic++
		}
	}
	return []render.Card{{Title: "Data quality", Value: strconv.Itoa(filled*100/max(expected, 1)) + "%",
		Detail: "of expected fields filled in; " + generator.Plural(gaps, "gap", "gaps") + " to fix, " +
			generator.Plural(systemic, "systemic recurring finding", "systemic recurring findings"),
		URL: URL, Alert: render.AlertIf(systemic > 0, render.AlertWarning)}}
}

func writeReport(w markup.Writer, pd render.PageData[*Report]) {
	pg, r := pd.Page, pd.Data
	w.Raw("\n<h1>Data quality</h1>\n<p class=\"summary\">As of ")
	w.Date(r.Today)
	w.Raw(": the fields the schema expects each kind to fill in, evidence and assessments of alignment records, reviews and references to retired documents, by owner; then the findings that recur across blueprints. <code>archfolio check --quality</code> prints the same report.</p>")
	writeKinds(w, r)
	writeOwners(w, pg, r)
	writeRecordTable(w, pg, "no-evidence", "Alignment records without evidence",
		"Records that say a control is implemented, partly implemented or met by an alternative, and name no evidence.", r.NoEvidence, false)
	writeRecordTable(w, pg, "stale-records", "Alignment records assessed more than a year ago",
		"Records last assessed more than a year before the date of this report, longest ago first.", r.Stale, true)
	writePastReview(w, pg, r)
	writeRetired(w, pg, r)
	writeRecurring(w, pg, r)
}

// openSection writes a section's heading and, when the list is empty, what
// says so; it reports whether there is a list to write.
func openSection(w markup.Writer, id, title string, n int, none string) bool {
	w.Raw("\n<section aria-labelledby=\"")
	w.Text(id)
	w.Raw("\">\n<h2 id=\"")
	w.Text(id)
	w.Raw("\">")
	w.Text(title)
	if n > 0 {
		w.Raw(" (")
		w.Int(n)
		w.Raw(")")
	}
	w.Raw("</h2>")
	if n == 0 {
		w.Raw("\n<p>")
		w.Text(none)
		w.Raw("</p>\n</section>")
	}
	return n > 0
}

// closeSection ends a section's table and says how many entries it left out.
func closeSection(w markup.Writer, n int) {
	w.Raw("\n</tbody>\n</table></div>")
	if n > PerList {
		w.Raw("\n<p class=\"summary\">The first ")
		w.Int(PerList)
		w.Raw(" of ")
		w.Int(n)
		w.Raw(": <code>archfolio check --quality</code> lists them all.</p>")
	}
	w.Raw("\n</section>")
}

// tableHead opens a table with its column headings.
func tableHead(w markup.Writer, cols ...string) {
	w.Raw("\n<div class=\"table-scroll\"><table class=\"data\">\n<thead><tr>")
	for _, c := range cols {
		w.Raw("<th scope=\"col\">")
		w.Text(c)
		w.Raw("</th>")
	}
	w.Raw("</tr></thead>\n<tbody>")
}

func writeKinds(w markup.Writer, r *Report) {
	if !openSection(w, "fields", "Expected fields by kind", len(r.Kinds), "No document has a field the schema marks as expected.") {
		return
	}
	tableHead(w, "Kind", "Field", "Documents that fill it in", "Share")
	for _, k := range r.Kinds {
		for _, f := range k.Fields {
			w.Raw("\n<tr><th scope=\"row\">")
			w.Text(k.Kind.Plural)
			w.Raw("</th><td>")
			w.Text(generator.Humanize(f.Field))
			w.Raw("</td><td class=\"num\">")
			putShare(w, f.Filled, f.Of)
			w.Raw("</td><td class=\"num\">")
			w.Int(f.Percent())
			w.Raw("%</td></tr>")
		}
	}
	w.Raw("\n</tbody>\n</table></div>\n</section>")
}

// putShare writes "N of M".
func putShare(w markup.Writer, n, of int) {
	w.Int(n)
	w.Raw(" of ")
	w.Int(of)
}

func writeOwners(w markup.Writer, pg *render.Page, r *Report) {
	if !openSection(w, "owners", "Owners, most gaps first", len(r.Owners), "No document yet.") {
		return
	}
	tableHead(w, "Owner", "Gaps", "Documents", "Expected fields filled in", "Missing fields", "Records without evidence",
		"Records assessed over a year ago", "Documents past review", "References to retired documents")
	for _, o := range r.Owners[:min(len(r.Owners), PerList)] {
		w.Raw("\n<tr><th scope=\"row\">")
		if o.Owner == "" {
			w.Text(OwnerName(o.Owner))
		} else {
			render.PutOwnerLink(w, pg, o.Owner)
		}
		w.Raw("</th><td class=\"num\">")
		w.Int(o.Gaps())
		w.Raw("</td><td class=\"num\">")
		w.Int(o.Docs)
		w.Raw("</td><td class=\"num\">")
		putShare(w, o.Filled, o.Expected)
		w.Raw(" (")
		w.Int(o.Percent())
		w.Raw("%)</td><td>")
		for i, m := range o.Missing {
			if i > 0 {
				w.Raw("<br>")
			}
			w.Text(MissingWords(m))
		}
		for _, n := range []int{o.NoEvidence, o.Stale, o.PastReview, o.RetiredTo} {
			w.Raw("</td><td class=\"num\">")
			w.Int(n)
		}
		w.Raw("</td></tr>")
	}
	closeSection(w, len(r.Owners))
}

// writeRecordTable writes a list of alignment records: with the date each
// was assessed when assessed is set, else with its status.
func writeRecordTable(w markup.Writer, pg *render.Page, id, title, intro string, gaps []StaleRecord, assessed bool) {
	if !openSection(w, id, title, len(gaps), "None.") {
		return
	}
	w.Raw("\n<p>")
	w.Text(intro)
	w.Raw("</p>")
	last := "Status"
	if assessed {
		last = "Assessed"
	}
	tableHead(w, "Blueprint", "Standard", "Statement", "Owner", last)
	for _, g := range gaps[:min(len(gaps), PerList)] {
		rec := g.Record
		w.Raw("\n<tr><th scope=\"row\">")
		w.Link(pg.Rel(rec.Blueprint.URL)+"#"+rec.Anchor(), rec.Blueprint.Title)
		w.Raw("</th><td>")
		w.Link(pg.Rel(rec.Standard.URL), rec.Standard.Title)
		w.Raw("</td><td>")
		w.Text(rec.Statement)
		w.Raw("</td><td>")
		w.Text(OwnerName(rec.Blueprint.Owner))
		w.Raw("</td><td>")
		if assessed {
			w.Date(g.Assessed)
			w.Raw(", ")
			w.Text(generator.Plural(g.Days, "day", "days"))
			w.Raw(" ago")
		} else {
			matrix.PutAlignment(w, rec.Status)
		}
		w.Raw("</td></tr>")
	}
	closeSection(w, len(gaps))
}

func writePastReview(w markup.Writer, pg *render.Page, r *Report) {
	if !openSection(w, "past-review", "Documents past review", len(r.PastReview), "Every document with a review cycle is within it.") {
		return
	}
	tableHead(w, "Document", "Kind", "Owner", "Review due", "Late")
	for _, s := range r.PastReview[:min(len(r.PastReview), PerList)] {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Link(pg.Rel(s.Doc.URL), s.Doc.Title)
		w.Raw("</th><td>")
		writeKind(w, r, s.Doc)
		w.Raw("</td><td>")
		w.Text(OwnerName(s.Doc.Owner))
		w.Raw("</td><td>")
		w.Date(s.Due)
		w.Raw("</td><td class=\"num\">")
		w.Text(generator.Plural(s.DaysLate, "day", "days"))
		w.Raw("</td></tr>")
	}
	closeSection(w, len(r.PastReview))
}

func writeKind(w markup.Writer, r *Report, d *generator.Document) {
	if k := r.Schema.Kinds[d.Kind]; k != nil {
		w.Text(k.Label)
		return
	}
	w.Text(generator.Humanize(d.Kind))
}

func writeRetired(w markup.Writer, pg *render.Page, r *Report) {
	if !openSection(w, "retired", "References to retired documents", len(r.Retired), "No document in use refers to a retired one.") {
		return
	}
	tableHead(w, "Document", "Owner", "Relation", "Retired document")
	for _, ref := range r.Retired[:min(len(r.Retired), PerList)] {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Link(pg.Rel(ref.From.URL), ref.From.Title)
		w.Raw("</th><td>")
		w.Text(OwnerName(ref.From.Owner))
		w.Raw("</td><td>")
		w.Text(ref.Relation)
		w.Raw("</td><td>")
		w.Link(pg.Rel(ref.To.URL), ref.To.Title)
		w.Raw(" (")
		writeKind(w, r, ref.To)
		w.Raw(")</td></tr>")
	}
	closeSection(w, len(r.Retired))
}
