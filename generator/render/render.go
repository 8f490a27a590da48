// Package render turns a loaded Portfolio into the site's files: every page
// (the base frame, the layouts, the document and index pages, each view's
// pages and panels), the theme (the embedded default, a site's themes/NAME
// over it, its overrides of components, and check's warnings about them), the
// exports (portfolio.json, the search index, the sitemap, the views' CSV and
// JSON) and the assets. The views register here (RegisterView, View), which
// also gives their analyses to generator.Load. Render writes to an Output,
// Build loads, renders and publishes atomically (package publish), and a
// LazySite renders a page when the dev server first asks for it. Package
// generator's doc.go is the contract for all of it.
package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/markup"
	"archfolio/generator/mdext"
	"archfolio/generator/publish"
)

// Render writes every page, asset and export of p to out, on all cores: one
// goroutine writes the few large files (portfolio.json, the search index, the
// views' exports, the assets) from the start, alongside the pages, which go
// through the theme's templates (document bodies were rendered by Load). It
// returns the first error; nothing is partially published because Publish
// discards the output of a failed render.
func Render(ctx context.Context, p *generator.Portfolio, opts generator.Options, out Output) error {
	return render(ctx, p, opts, out, false)
}

// Build loads the site, renders it and publishes it to dest atomically. A
// portfolio with errors is not published (dest is left as it was) unless
// opts.PublishWithErrors; the caller decides the exit status from the diagnostics.
func Build(ctx context.Context, opts generator.Options, dest string) (diag.Diagnostics, error) {
	p, diags, err := generator.Load(ctx, opts)
	if err != nil {
		return diags, err
	}
	if diags.Errors() > 0 && !opts.PublishWithErrors {
		return diags, nil
	}
	if err := publish.Publish(ctx, dest, func(out Output) error { return render(ctx, p, opts, out, true) }); err != nil {
		return diags, err
	}
	return diags, nil
}

// errCheckOnly is why a portfolio loaded without bodies cannot be rendered.
var errCheckOnly = errors.New("render: the portfolio was loaded with CheckOnly, so its bodies were not rendered")

// render is Render; once says p is rendered this once (a build), so each
// document's body is let go when its page is written, unless the site's own
// layouts might show it elsewhere. A build then never holds every body at its
// peak, which comes with the views' pages at the end.
func render(ctx context.Context, p *generator.Portfolio, opts generator.Options, out Output, once bool) error {
	th, err := loadTheme(opts.Site, p.Config, opts.Theme, templateFuncs(p))
	if err != nil {
		return err
	}
	return renderWith(ctx, p, th, opts, out, once)
}

// renderWith is render with the theme already loaded. FuzzDocument loads the
// theme once and renders every input with it.
func renderWith(ctx context.Context, p *generator.Portfolio, th *theme, opts generator.Options, out Output, once bool) error {
	if !p.HasBodies() {
		return errCheckOnly
	}
	r := &siteRenderer{p: p, th: th, out: out, site: newSiteInfo(p), releaseBodies: once && !th.ownLayouts, bufs: new(markup.Pool)}
	// The exports and assets need no page list: one goroutine writes them while
	// the pages are listed (view page data takes a while) and then rendered.
	diagrams := drawsDiagrams(p) // before any page lets its body go
	if r.releaseBodies {
		r.bodies = make([]template.HTML, len(p.Docs))
		for i, d := range p.Docs {
			r.bodies[i] = d.HTML
		}
	}
	early := append(r.exports(), export{"assets/", func() error { return r.writeAssets(opts.Site, diagrams) }})
	earlyErrs := make([]error, len(early))
	var exporting sync.WaitGroup
	exporting.Go(func() {
		for i, e := range early {
			if ctx.Err() != nil {
				return
			}
			earlyErrs[i] = e.write()
		}
	})
	jobs := r.pages()
	errs := make([]error, 1+len(jobs))
	generator.Parallel(ctx, len(errs), func(i int) {
		if i == 0 {
			errs[0] = writeSitemap(r.out, r.p.BaseURL, jobs)
			return
		}
		buf := r.bufs.Get()
		errs[i] = r.writePage(buf, jobs[i-1])
		r.bufs.Put(buf)
	})
	exporting.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	errs = append(earlyErrs, errs...)
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// siteRenderer writes one run's pages.
type siteRenderer struct {
	p    *generator.Portfolio
	th   *theme
	out  Output
	site *siteInfo
	// fragments caches rendered fragments by fragmentKey (fragments.go).
	fragments sync.Map
	// releaseBodies lets each document's rendered body go once its page is
	// written (render).
	releaseBodies bool
	// bodies holds, when pages let their bodies go, every document's rendered
	// body (by its place in p.Docs) for the search index, which takes them
	// before any page is written and lets each go once it has its text.
	bodies []template.HTML
	bufs   *markup.Pool // page buffers and the Go-written parts of pages
}

// PageJob is one page to write: its URL (site-relative, "" for home), layout and data.
type PageJob struct {
	URL    string
	File   string // output file, when not URL + index.html
	Layout string
	Page   *Page
	// load, when set (Content), makes the page's Data and its content writer
	// just before the page is rendered; both are let go once it is written:
	// for pages with large data (a matrix grid), so that the run never holds
	// every page's data at once.
	load func() (data any, content func(*Page, markup.Writer))
}

// Page is what every layout receives.
type Page struct {
	Site  *siteInfo
	Root  string // the relative path from this page to the site root ("../../")
	URL   string // this page's site-relative URL
	Title string
	// Section names the menu entry this page belongs to.
	Section string
	Doc     *generator.Document
	Kind    *generator.Kind
	Docs    []*generator.Document
	Data    any

	renderer *siteRenderer
	scratch  []*bytes.Buffer            // lent for the page's HTML while it renders (lend)
	env      *markup.Env                // the theme's overrides and the first error of one (writer)
	layout   *pageLayout                // the layout's content and blocks (execute)
	content  func(*Page, markup.Writer) // the view's content component (Content)
	// elsewhere: the page is not served at its URL (404.html answers every
	// missing address), so it has no canonical link.
	elsewhere bool
}

// Rel returns the link from this page to a site-relative URL.
func (pg *Page) Rel(url string) string { return pg.Root + url }

func (r *siteRenderer) writePage(buf *bytes.Buffer, job PageJob) error {
	job.Page.Site = r.site
	job.Page.renderer = r
	job.Page.URL = job.URL
	job.Page.Root = strings.Repeat("../", strings.Count(job.URL, "/"))
	if job.File == "404.html" {
		// Served at any missing address, so only absolute links work.
		job.Page.Root = cmp.Or(r.p.BaseURL, "/")
		job.Page.elsewhere = true
	}
	if job.load != nil {
		job.Page.Data, job.Page.content = job.load()
		defer func() { job.Page.Data, job.Page.content = nil, nil }()
	}
	job.Page.env = markup.NewEnv(r.th.ov)
	err := r.th.execute(buf, job.Layout, job.Page)
	if err == nil {
		err = job.Page.env.Err()
	}
	job.Page.env = nil
	job.Page.giveBack() // buf holds a copy of all it lent
	if err != nil {
		return fmt.Errorf("rendering %s with %s: %w", "/"+job.URL, job.Layout, err)
	}
	if r.releaseBodies && job.Layout == "page.html" && job.Page.Doc != nil {
		job.Page.Doc.HTML = ""
	}
	file := job.File
	if file == "" {
		file = job.URL + "index.html"
	}
	data := buf.Bytes()
	if _, ok := r.out.(*publish.DirOutput); !ok {
		data = bytes.Clone(data) // other outputs may keep it; a folder writes it at once
	}
	return r.out.WriteFile(file, data)
}

// mermaidDir holds the theme's copy of mermaid, which only a site with a
// diagram publishes (5 MB).
const mermaidDir = "static/vendor/mermaid/"

// drawsDiagrams reports whether a document of p has a mermaid block.
func drawsDiagrams(p *generator.Portfolio) bool {
	return slices.ContainsFunc(p.Docs, func(d *generator.Document) bool { return d.Diagrams })
}

// writeAssets copies the theme's static files to assets/ (mermaid only with
// diagrams), the site's static/ folder as it is, the files of content/ that are
// not documents to files/ (FileURL), and writes the highlighting stylesheet.
func (r *siteRenderer) writeAssets(site fs.FS, diagrams bool) error {
	for _, f := range r.th.staticFiles() {
		if !diagrams && strings.HasPrefix(f, mermaidDir) {
			continue
		}
		data, err := fs.ReadFile(r.th.fs, f)
		if err != nil {
			return err
		}
		if err := r.out.WriteFile(path.Join("assets", strings.TrimPrefix(f, "static/")), data); err != nil {
			return err
		}
	}
	files, _ := generator.StaticFiles(site) // Load reported the files it skips
	for _, p := range files {
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		if err := r.out.WriteFile(strings.TrimPrefix(p, "static/"), data); err != nil {
			return err
		}
	}
	for _, p := range r.p.Files {
		data, err := generator.ReadLimited(site, p, generator.MaxPublishedFileSize)
		if err != nil {
			return err
		}
		if err := r.out.WriteFile(generator.FileURL(p), data); err != nil {
			return err
		}
	}
	var css bytes.Buffer
	if err := mdext.WriteHighlightCSS(&css); err != nil {
		return err
	}
	return r.out.WriteFile("assets/chroma.css", css.Bytes())
}

// NewBuffer returns a scratch buffer from the run's pool, for a view writing
// part of the page (Writer, then Lend, or FreeBuffer on error).
func (pg *Page) NewBuffer() *bytes.Buffer { return pg.bufs().Get() }

// FreeBuffer gives a scratch buffer back to the run's pool unused.
func (pg *Page) FreeBuffer(b *bytes.Buffer) { pg.bufs().Put(b) }

// Writer returns a writer into b with the page's overrides and error.
func (pg *Page) Writer(b *bytes.Buffer) markup.Writer { return pg.writer(b) }

// Lend returns b's contents as HTML for the page being rendered, without a
// copy; b goes back to the pool once the page is written (bufpool.go).
func (pg *Page) Lend(b *bytes.Buffer) template.HTML { return pg.lend(b) }
