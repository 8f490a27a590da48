package render

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/markup"
	"html/template"
	"io"
	"slices"
	"strconv"
)

// A View is one of the site's analyses and the pages that show it (the matrix, the
// dependency map, the roadmap, the risk register, the reviews, the backlog). Each
// view is a package of its own under generator/: a pure analysis of the linked
// portfolio, kept in its Result on the Portfolio, then what it adds to the site.
// RegisterView adds one; the views are in menu order, and every hook is optional.
type View struct {
	Name string
	// Analyse computes the view from the portfolio (storing it in its Result)
	// and reports problems it finds; it runs after link, alongside the other
	// views' analyses, so it must not read their results.
	Analyse func(p *generator.Portfolio) diag.Diagnostics
	// Menu is the view's entry in the site's menu, if any.
	Menu *MenuItem
	// Pages lists the view's own pages.
	Pages func(p *generator.Portfolio) []PageJob
	// Panels returns the view's panels on a document's page.
	Panels func(p *generator.Portfolio, d *generator.Document) []Panel
	// Cards returns the view's figures for the home page.
	Cards func(p *generator.Portfolio) []Card
	// Files lists the view's exports (CSV, JSON), written as the site is rendered.
	Files func(p *generator.Portfolio) []ExportFile
	// Sorted lists the view's sortable lists of several pages, whose rows
	// files (SortRows) are written with the exports.
	Sorted func(p *generator.Portfolio) []SortRows
	// JSON returns the view's part of portfolio.json, under "views"."name".
	JSON func(p *generator.Portfolio) any
	// Shows lists the fields ("blueprint.compliance") the view's panels present, so
	// that the generic metadata panel and field tables leave them out.
	Shows []string
	// Funcs are template functions the view gives the theme's templates: the
	// constructors of its components' data, for a layout that calls a
	// component with more than one value.
	Funcs template.FuncMap
}

// views lists the registered views in menu order; the staleness of documents
// is built in and comes first. It is complete once the program has
// initialised (RegisterView runs from package initialisation) and never
// changes afterwards.
var views = []View{{Name: "stale", Cards: staleCards}}

// RegisterView adds a view to every site, after the views registered before
// it. It must be called while the program initialises (generator/views does,
// one line per view); a name or template function registered twice panics.
func RegisterView(v View) {
	for _, old := range views {
		if old.Name == v.Name {
			panic("generator: view " + v.Name + " registered twice")
		}
		for name := range v.Funcs {
			if _, dup := old.Funcs[name]; dup {
				panic("generator: template function " + name + " registered twice")
			}
		}
	}
	views = append(views, v)
	if v.Analyse != nil {
		generator.RegisterAnalysis(v.Name, v.Analyse)
	}
}

func staleCards(p *generator.Portfolio) []Card {
	return []Card{{Title: "Stale documents", Value: strconv.Itoa(len(p.Stale)), Detail: "past their review date",
		URL: "#stale", Alert: AlertIf(len(p.Stale) > 0, AlertWarning)}}
}

// viewShows reports whether a view presents the field of a kind in its own panel.
func viewShows(kind, field string) bool {
	key := kind + "." + field
	for _, v := range views {
		if slices.Contains(v.Shows, key) {
			return true
		}
	}
	return false
}

// Panel is a section a view adds to a document page: a component (or a
// theme template) over the view's typed data (NewPanel, TemplatePanel).
type Panel struct {
	ID    string // the section's anchor id
	Title string
	Name  string // the component's or template's name
	write func(pg *Page, w markup.Writer)
}

// NewPanel returns a panel that component c writes for data.
func NewPanel[T any](c *markup.Component[PanelPage[T]], id, title string, data T) Panel {
	return Panel{ID: id, Title: title, Name: c.Name, write: func(pg *Page, w markup.Writer) {
		c.Put(w, PanelPage[T]{Page: pg, Data: data})
	}}
}

// TemplatePanel returns a panel that the theme's template name renders from
// data: a panel too rare to need Go.
func TemplatePanel[T any](name, id, title string, data T) Panel {
	return Panel{ID: id, Title: title, Name: name, write: func(pg *Page, w markup.Writer) {
		if pg.renderer == nil {
			return
		}
		if err := pg.renderer.th.pages["page.html"].ExecuteTemplate(w.Buffer, name, PanelPage[T]{Page: pg, Data: data}); err != nil {
			w.Fail(err)
		}
	}}
}

// PanelWriter adapts a panel's Go writer to a component's: its error is the
// page's.
func PanelWriter[T any](write func(pg PanelPage[T], w markup.Writer) error) func(markup.Writer, PanelPage[T]) {
	return func(w markup.Writer, pg PanelPage[T]) {
		if err := write(pg, w); err != nil {
			w.Fail(err)
		}
	}
}

// PanelHTML is a panel rendered by its template, ready for page.html.
type PanelHTML struct {
	ID, Title string
	HTML      template.HTML
}

// Panels renders the views' panels for the page's document.
func (pg *Page) Panels() ([]PanelHTML, error) {
	if pg.Doc == nil || pg.renderer == nil {
		return nil, nil
	}
	var out []PanelHTML
	for _, v := range views {
		if v.Panels == nil {
			continue
		}
		for _, panel := range v.Panels(pg.renderer.p, pg.Doc) {
			buf := pg.renderer.bufs.Get()
			w := pg.writer(buf)
			panel.write(pg, w)
			if w.Err() != nil {
				pg.renderer.bufs.Put(buf)
				return nil, w.Err()
			}
			out = append(out, PanelHTML{ID: panel.ID, Title: panel.Title, HTML: pg.lend(buf)})
		}
	}
	return out, nil
}

// ExportFile is a file a view exports: its site-relative name and what writes it,
// streamed to the output folder.
type ExportFile struct {
	Name  string
	Write func(io.Writer) error
}

// PageData is what a component of a page's content receives: the page (for
// links) and the part of the view's data it shows.
type PageData[T any] struct {
	*Page
	Data T
}

// PanelPage is what a panel receives: the page (for links) and the view's data.
type PanelPage[T any] struct {
	*Page
	Data T
}

// Content returns job with its content written by component c over the data
// that data makes when the page is rendered (the data is let go once the page
// is written: a matrix grid is large). The layout's templates see the data as
// the page's Data; a layout file of the theme that defines "content" replaces
// the component.
func Content[T any](job PageJob, c *markup.Component[PageData[T]], data func() T) PageJob {
	job.load = func() (any, func(*Page, markup.Writer)) {
		d := data()
		return d, func(pg *Page, w markup.Writer) { c.Put(w, PageData[T]{Page: pg, Data: d}) }
	}
	return job
}

// LazyData returns job with the page's Data made by data when the page is
// rendered and let go once it is written: for a layout that is a template
// over large data (a roadmap's timeline).
func LazyData[T any](job PageJob, data func() T) PageJob {
	job.load = func() (any, func(*Page, markup.Writer)) { return data(), nil }
	return job
}

// documentJob returns a document's page job with the document's content
// component, which receives the page itself.
func documentJob(job PageJob) PageJob {
	job.load = func() (any, func(*Page, markup.Writer)) {
		return nil, func(pg *Page, w markup.Writer) { documentContent.Put(w, pg) }
	}
	return job
}
