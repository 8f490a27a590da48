package render

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// theme is the merged theme of a run: the site's themes/NAME over the default.
type theme struct {
	fs    fs.FS
	pages map[string]*template.Template // by layout file name, each with base and partials
	// layouts holds what each layout file adds to its pages (layout.go).
	layouts map[string]*pageLayout
	// ownLayouts is set when the site's theme has layouts of its own, which may
	// show any document's body on any page.
	ownLayouts bool
	// ov holds the theme's templates for the components it overrides.
	ov markup.Overrides
}

// overlayFS reads a file from top when it has it, else from base.
type overlayFS struct{ top, base fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	if o.top != nil {
		if f, err := o.top.Open(name); err == nil {
			return f, nil
		}
	}
	return o.base.Open(name)
}

// files lists the regular files under dir in both layers, sorted.
func (o overlayFS) files(dir string) []string {
	seen := map[string]bool{}
	for _, layer := range []fs.FS{o.top, o.base} {
		if layer == nil {
			continue
		}
		_ = fs.WalkDir(layer, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !generator.IgnoredFile(d.Name()) {
				seen[p] = true
			}
			return nil
		})
	}
	return generator.SortedKeys(seen)
}

// loadTheme parses the layouts: every page layout is cloned from the base layout and
// the partials (files starting with _), so each page can define its own blocks.
func loadTheme(site fs.FS, cfg *generator.Config, def fs.FS, funcs template.FuncMap) (*theme, error) {
	var top fs.FS
	if cfg.Theme != "" {
		top = generator.SubFS(site, path.Join("themes", cfg.Theme))
		if top == nil {
			return nil, fmt.Errorf("%s: theme %q: no folder themes/%s in the site", cfg.Path, cfg.Theme, cfg.Theme)
		}
	}
	o := overlayFS{top: top, base: def}
	ov := new(markup.Overrides)
	base := template.New("archfolio-theme").Funcs(markup.Funcs(funcs, ov))
	if _, err := base.New(markup.GeneratedDefines).Parse(markup.Defines()); err != nil {
		return nil, err
	}
	var pages []string
	for _, p := range o.files("layouts") {
		name := path.Base(p)
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		if strings.HasPrefix(name, "_") || name == "base.html" || markup.Registered(strings.TrimSuffix(name, ".html")) {
			if err := parseInto(base, o, p); err != nil {
				return nil, err
			}
			continue
		}
		pages = append(pages, p)
	}
	th := &theme{fs: o, pages: map[string]*template.Template{}}
	if top != nil {
		th.ownLayouts = len(overlayFS{base: top}.files("layouts")) > 0
	}
	for _, p := range pages {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseInto(t, o, p); err != nil {
			return nil, err
		}
		th.pages[path.Base(p)] = t
	}
	for _, need := range []string{"home.html", "page.html", "kind.html", "list.html", "search.html", "404.html"} {
		if th.pages[need] == nil {
			return nil, fmt.Errorf("theme: layouts/%s is missing", need)
		}
	}
	// page.html's set first: a partial's override is in every set.
	sets := []*template.Template{th.pages["page.html"]}
	for _, name := range generator.SortedKeys(th.pages) {
		sets = append(sets, th.pages[name])
	}
	*ov = markup.Bind(sets)
	th.ov = *ov
	th.layouts = map[string]*pageLayout{}
	for name, set := range th.pages {
		th.layouts[name] = resolveLayout(name, set)
	}
	return th, nil
}

func parseInto(t *template.Template, fsys fs.FS, p string) error {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return err
	}
	if _, err := t.New(path.Base(p)).Parse(string(src)); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}

// staticFiles lists the theme's static files (paths under static/).
func (th *theme) staticFiles() []string {
	o := th.fs.(overlayFS)
	files := o.files("static")
	slices.Sort(files)
	return files
}
