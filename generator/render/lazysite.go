package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"
)

// LazySite is a rendered site whose files are made when first asked for: the same
// names and bytes Render would write, without rendering the pages nobody looks at.
// The dev server makes one after every load, so that a change costs the load and
// the pages the browser then asks for, not the whole site. The page list, the theme
// and the assets are made by NewLazySite; a page is rendered on its first request,
// an export (portfolio.json, the search index, the sitemap, each of the views'
// files) on its first request. Everything made is kept. A LazySite is safe for
// concurrent use; it holds its portfolio, which must not change any more.
type LazySite struct {
	r       *siteRenderer
	out     *MemOutput // every file made so far
	pages   map[string]*lazyPage
	exports []*lazyExport
}

type lazyPage struct {
	once sync.Once
	job  PageJob
	err  error
}

type lazyExport struct {
	once sync.Once
	export
	err error
}

// NewLazySite prepares p for rendering on demand, with the options Render takes:
// it loads the theme, lists the pages and writes the assets. Its errors are those
// Render would return before any page.
func NewLazySite(ctx context.Context, p *generator.Portfolio, opts generator.Options) (*LazySite, error) {
	if !p.HasBodies() {
		return nil, errCheckOnly
	}
	// The theme is parsed while the pages are listed.
	var th *theme
	var err error
	parsed := make(chan struct{})
	go func() {
		defer close(parsed)
		th, err = loadTheme(opts.Site, p.Config, opts.Theme, templateFuncs(p))
	}()
	s := &LazySite{out: &MemOutput{}, pages: map[string]*lazyPage{}}
	s.r = &siteRenderer{p: p, out: s.out, site: newSiteInfo(p), bufs: new(markup.Pool)}
	jobs := s.r.pages()
	<-parsed
	if err != nil {
		return nil, err
	}
	s.r.th = th
	for _, j := range jobs {
		s.pages[j.fileName()] = &lazyPage{job: j}
	}
	for _, e := range s.r.exports() {
		s.exports = append(s.exports, &lazyExport{export: e})
	}
	// Render writes the sitemap, which lists the pages, with them.
	if generator.IsHTTPURL(p.BaseURL) { // else the site has no sitemap (sitemap)
		s.exports = append(s.exports, &lazyExport{export: export{"sitemap.xml",
			func() error { return writeSitemap(s.out, p.BaseURL, jobs) }}})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.r.writeAssets(opts.Site, drawsDiagrams(p)); err != nil {
		return nil, err
	}
	return s, nil
}

// fileName is the file a page is written to.
func (j PageJob) fileName() string {
	if j.File != "" {
		return j.File
	}
	return j.URL + "index.html"
}

// File returns the file name of the site, making it when it is a page or an export
// not made yet; found is false when the site has no such file. The error is a
// failure to render it (a template error).
func (s *LazySite) File(name string) (data []byte, found bool, err error) {
	if pg := s.pages[name]; pg != nil {
		pg.once.Do(func() { pg.err = s.r.writePage(new(bytes.Buffer), pg.job) })
		if pg.err != nil {
			return nil, true, pg.err
		}
		data, _ := s.out.File(name)
		return data, true, nil
	}
	if data, ok := s.out.File(name); ok {
		return data, true, nil
	}
	for _, e := range s.exports {
		if e.name != name && !(strings.HasSuffix(e.name, "/") && strings.HasPrefix(name, e.name)) {
			continue
		}
		if err := e.run(); err != nil {
			return nil, true, err
		}
		data, ok := s.out.File(name)
		return data, ok, nil
	}
	return nil, false, nil
}

func (e *lazyExport) run() error {
	e.once.Do(func() { e.err = e.write() })
	return e.err
}

// Names lists every file of the site, sorted, making every export (not the pages).
func (s *LazySite) Names() ([]string, error) {
	for _, e := range s.exports {
		if err := e.run(); err != nil {
			return nil, err
		}
	}
	names := s.out.Names()
	for name := range s.pages {
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}
