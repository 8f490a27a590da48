// Package audit is the audit pack: for a standard or a blueprint, one
// printable page that holds what an auditor asks for, taken from the other
// views' analyses (matrix.Of, risk.Of, reviews.Of, backlog.Of) and never
// computed again here.
//
// A standard's pack (print/standards/ID/) lists its statements, the framework
// controls it maps to and every blueprint it applies to or that records an
// alignment with it: status, each record's evidence, justification and
// waiver with its expiry. A blueprint's pack (print/blueprints/ID/) lists its
// alignment with every standard, its threats, its open review findings and
// its reviews.
//
// A standard can apply to every blueprint of a portfolio, so its blueprints
// are cut into pages of about packBudget bytes (pager.ByCost, as the matrix
// grids are): the first at print/standards/ID/, the others at
// print/standards/ID/N/, each of them a printable page of its own that names
// the others. Pages rather than a page per domain, since one domain may hold
// most of a portfolio. A blueprint's pack grows only with the blueprint's own
// records, threats and reviews.
package audit

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/matrix"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// View is the audit pack: a printable page per standard and per blueprint,
// linked from each one's page.
var View = render.View{Name: "audit", Pages: packPages, Panels: packPanels}

// packBudget is about how many bytes of blueprint rows a standard's pack page
// holds, so that a page stays far below a megabyte with its statements and
// controls around them.
const packBudget = 300_000

// StandardPack is one page of a standard's audit pack.
type StandardPack struct {
	Column *matrix.MatrixColumn
	// Frameworks are the controls the standard maps to, each framework by
	// its title.
	Frameworks []FrameworkControls
	// Rows are this page's blueprints with a cell in the standard's column.
	Rows []PackRow
	List pager.List
	Page int // this page's number, from 0
}

// FrameworkControls is one framework the standard maps to, by title, and its
// controls.
type FrameworkControls struct {
	Title    string
	Controls []Control
}

// Control is a framework control by id, with its title from archfolio.yaml's
// frameworks: when it has one.
type Control struct {
	ID, Title string
}

// PackRow is one blueprint's cell of a standard's column.
type PackRow struct {
	Row  *matrix.MatrixRow
	Cell *matrix.MatrixCell
}

// URL is the address of the first page of a document's audit pack: a
// standard's or a blueprint's; "" for any other kind.
func URL(d *generator.Document) string {
	switch d.Kind {
	case "standard":
		return "print/standards/" + d.ID + "/"
	case "blueprint":
		return "print/blueprints/" + d.ID + "/"
	}
	return ""
}

func packPages(p *generator.Portfolio) []render.PageJob {
	m := matrix.Of(p)
	if m == nil {
		return nil
	}
	// Each standard's rows, in matrix order, from one pass over the cells that
	// are not blank (a blank cell has no status and no records).
	rows := make([][]PackRow, len(m.Columns))
	for _, row := range m.Rows {
		for j, c := range row.Cells() {
			if c.Status != matrix.AlignNone || len(c.Records) > 0 {
				rows[j] = append(rows[j], PackRow{Row: row, Cell: c})
			}
		}
	}
	var jobs []render.PageJob
	for _, col := range m.Columns {
		jobs = append(jobs, standardJobs(p, col, rows[col.Index])...)
	}
	for _, row := range m.Rows {
		d := row.Doc
		jobs = append(jobs, render.Content(render.PageJob{URL: URL(d), Layout: "audit.html",
			Page: &render.Page{Title: "Audit pack: " + d.Title, Section: "blueprint", Kind: p.Schema.Kinds["blueprint"]}},
			blueprintContent, func() *BlueprintPack { return blueprintPack(p, m, row) }))
	}
	return jobs
}

// standardJobs are the pages of a standard's pack, its blueprints (rows) cut by
// the bytes their rows write.
func standardJobs(p *generator.Portfolio, col *matrix.MatrixColumn, rows []PackRow) []render.PageJob {
	first := URL(col.Doc)
	list := pager.List{Split: pager.ByCost(len(rows), packBudget, func(i int) int { return rowCost(rows[i]) }),
		First: first, More: first, Fragment: "blueprints"}
	frameworks := frameworkTitles(p, col)
	var jobs []render.PageJob
	for k := range list.Pages() {
		from, to := list.Range(k)
		pack := &StandardPack{Column: col, Frameworks: frameworks, Rows: rows[from:to], List: list, Page: k}
		jobs = append(jobs, render.Content(render.PageJob{URL: list.URL(k), Layout: "audit.html",
			Page: &render.Page{Title: "Audit pack: " + col.Doc.Title, Section: "standard", Kind: p.Schema.Kinds["standard"]}},
			standardContent, func() *StandardPack { return pack }))
	}
	return jobs
}

// rowCost estimates the bytes a blueprint's row writes: its name and status,
// and each record with its evidence and waiver.
func rowCost(r PackRow) int {
	n := 400 + len(r.Row.Doc.Title)
	for _, rec := range r.Cell.Records {
		n += 500 + len(rec.Justification) + len(rec.Blueprint.Path)
		for _, e := range rec.Evidence {
			n += 120 + len(e.Text) + 2*len(e.URL)
			if e.Doc != nil {
				n += len(e.Doc.Title) + len(e.Doc.URL)
			}
		}
		if w := rec.Waiver; w != nil {
			n += 200 + len(w.ApprovedBy) + len(w.Justification)
		}
	}
	return n
}

// frameworkTitles names each framework the standard maps to by its title in
// archfolio.yaml's frameworks:, else by its id.
func frameworkTitles(p *generator.Portfolio, col *matrix.MatrixColumn) []FrameworkControls {
	var out []FrameworkControls
	for _, fc := range col.MapsTo {
		f := FrameworkControls{Title: p.Config.FrameworkTitle(fc.Framework)}
		for _, id := range fc.Controls {
			f.Controls = append(f.Controls, Control{ID: id, Title: p.Config.ControlTitle(fc.Framework, id)})
		}
		out = append(out, f)
	}
	return out
}

// packLink is the "audit-pack-link" panel component: the link from a
// standard's or a blueprint's page to its audit pack.
var packLink = markup.New[render.PanelPage[*generator.Document]]("audit-pack-link", render.PanelWriter(writePackLink))

func packPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	m := matrix.Of(p)
	if m == nil || (m.Row(d) == nil && m.Column(d) == nil) {
		return nil
	}
	return []render.Panel{render.NewPanel(packLink, "audit-pack", "Audit pack", d)}
}

func writePackLink(pg render.PanelPage[*generator.Document], w markup.Writer) error {
	w.Raw("\n<p><a class=\"audit-pack-link\" href=\"")
	w.URL(pg.Rel(URL(pg.Data)))
	w.Raw("\">Audit pack</a>: ")
	if pg.Data.Kind == "standard" {
		w.Raw("its statements and every blueprint's status, evidence, waivers and their expiry")
	} else {
		w.Raw("its alignment, threats, open findings and reviews")
	}
	w.Raw(" on one printable page.</p>\n")
	return nil
}
