package generator

import (
	"archfolio/generator/markup"
	"html/template"
	"io"
	"slices"
)

// A view is one of the site's analyses and the pages that show it (the matrix, the
// dependency map, the roadmap, the risk register, the backlog). Each view lives in
// its own file: a pure analysis of the linked portfolio, then what it adds to the
// site. The views table lists them in menu order; every hook is optional.
type view struct {
	name string
	// analyse computes the view from the portfolio (storing it on p) and reports
	// problems it finds; it runs after link, alongside the other views' analyses,
	// so it must not read their results.
	analyse func(p *Portfolio) Diagnostics
	// menu is the view's entry in the fixed menu, if any.
	menu *MenuItem
	// pages lists the view's own pages.
	pages func(p *Portfolio) []pageJob
	// panels returns the view's panels on a document's page.
	panels func(p *Portfolio, d *Document) []Panel
	// cards returns the view's figures for the home page.
	cards func(p *Portfolio) []Card
	// files lists the view's exports (CSV, JSON), written as the site is rendered.
	files func(p *Portfolio) []exportFile
	// json returns the view's part of portfolio.json, under "views"."name".
	json func(p *Portfolio) any
	// shows lists the fields ("blueprint.compliance") the view's panels present, so
	// that the generic metadata panel and field tables leave them out.
	shows []string
}

// views is the table of views, in menu order. It holds only functions and is never
// modified.
var views = []view{
	{name: "stale", analyse: analyseStale, cards: staleCards},
	{name: "matrix", analyse: analyseMatrix, menu: &MenuItem{Label: "Matrix", URL: "matrix/", Section: "matrix"},
		pages: matrixPages, panels: matrixPanels, cards: matrixCards, files: matrixFiles, json: matrixSummaryJSON,
		shows: []string{"blueprint.compliance"}},
	{name: "dependencies", analyse: analyseDependencies, menu: &MenuItem{"Dependencies", "dependencies/", "dependencies"},
		pages: dependencyPages, panels: dependencyPanels, cards: dependencyCards, json: dependenciesJSON,
		shows: []string{"blueprint.depends_on"}},
	{name: "roadmap", analyse: analyseRoadmap, menu: roadmapMenu(), pages: roadmapPages, panels: roadmapPanels,
		cards: roadmapCards, files: roadmapFiles, json: roadmapJSON},
	{name: "risks", analyse: analyseRisks, menu: riskMenu(), pages: riskPages, panels: riskPanels, cards: riskCards, json: riskJSON,
		shows: []string{"threat-model.threats"}},
	{name: "reviews", analyse: analyseReviews, menu: reviewsMenu(), pages: reviewPages, panels: reviewPanels, cards: reviewCards, json: reviewsJSON,
		shows: []string{"review.findings", "review.conditions"}},
	{name: "backlog", analyse: analyseBacklog, menu: backlogMenu(), pages: backlogPages, panels: backlogPanels, cards: backlogCards, files: backlogFiles, json: backlogJSON},
}

// viewShows reports whether a view presents the field of a kind in its own panel.
func viewShows(kind, field string) bool {
	key := kind + "." + field
	for _, v := range views {
		if slices.Contains(v.shows, key) {
			return true
		}
	}
	return false
}

// Panel is a section a view adds to a document page: a component (or a
// theme template) over the view's typed data (newPanel, templatePanel).
type Panel struct {
	ID    string // the section's anchor id
	Title string
	Name  string // the component's or template's name
	write func(pg *Page, w markup.Writer)
}

// newPanel returns a panel that component c writes for data.
func newPanel[T any](c *markup.Component[PanelPage[T]], id, title string, data T) Panel {
	return Panel{ID: id, Title: title, Name: c.Name, write: func(pg *Page, w markup.Writer) {
		c.Put(w, PanelPage[T]{Page: pg, Data: data})
	}}
}

// templatePanel returns a panel that the theme's template name renders from
// data: a panel too rare to need Go.
func templatePanel[T any](name, id, title string, data T) Panel {
	return Panel{ID: id, Title: title, Name: name, write: func(pg *Page, w markup.Writer) {
		if pg.renderer == nil {
			return
		}
		if err := pg.renderer.th.pages["page.html"].ExecuteTemplate(w.Buffer, name, PanelPage[T]{Page: pg, Data: data}); err != nil {
			w.Fail(err)
		}
	}}
}

// panelWriter adapts a panel's Go writer to a component's: its error is the
// page's.
func panelWriter[T any](write func(pg PanelPage[T], w markup.Writer) error) func(markup.Writer, PanelPage[T]) {
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
		if v.panels == nil {
			continue
		}
		for _, panel := range v.panels(pg.renderer.p, pg.Doc) {
			buf := pg.renderer.bufs.get()
			w := pg.writer(buf)
			panel.write(pg, w)
			if w.Err() != nil {
				pg.renderer.bufs.put(buf)
				return nil, w.Err()
			}
			out = append(out, PanelHTML{ID: panel.ID, Title: panel.Title, HTML: pg.lend(buf)})
		}
	}
	return out, nil
}

// exportFile is a file a view exports: its site-relative name and what writes it,
// streamed to the output folder.
type exportFile struct {
	name  string
	write func(io.Writer) error
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
