package generator

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"archfolio/generator/markup"
	"archfolio/generator/mdext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// builder holds what one run shares across stages and goroutines; all of it is
// read-only once the run starts, but for the buffer pool.
type builder struct {
	opts    Options
	cfg     *Config
	schema  *Schema
	md      goldmark.Markdown
	baseURL string
	// ahead, when set, gets every fenced code block highlighted before the
	// front matter is parsed (highlightAhead); hl is the highlighter.
	ahead *mdext.Cache
	hl    *mdext.Highlighter
	bufs  *markup.Pool // for rendering bodies
	// scalars are the run's shared front-matter keys, short texts and dates
	// (frontmatter.Scalars).
	scalars *frontmatter.Scalars
}

// newMarkdown returns the one goldmark instance of a run: GFM, footnotes, front
// matter through goldmark-meta's parser (mdext.FrontMatter), heading ids,
// wikilinks, chroma highlighting with classes (mermaid blocks left as their
// source), heading links, and raw HTML escaped unless the site opts in.
func newMarkdown(unsafeHTML bool, hl *mdext.Highlighter, checkOnly bool) goldmark.Markdown {
	// GFM is these four. Check leaves out linkify, which scans every text for URLs
	// and finds nothing to check: its links are absolute URLs, never links to
	// documents.
	gfm := []goldmark.Extender{extension.Linkify, extension.Table, extension.Strikethrough, extension.TaskList}
	if checkOnly {
		gfm = gfm[1:]
	}
	return goldmark.New(
		goldmark.WithExtensions(gfm...),
		goldmark.WithExtensions(extension.Footnote, mdext.FrontMatter,
			mdext.WikiLinks, hl, mdext.RawHTML{Unsafe: unsafeHTML}, mdext.HeadingAnchors{Reserved: pageID}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
}

// pageID reports whether id is one a document's page uses around its body
// (render/layout.go, render/docpage.go), which a heading id must not repeat:
// the main landmark, the search box, the headings of the page's sections
// (…-title) and the field tables (field-…).
func pageID(id string) bool {
	return id == "main" || id == "q" || strings.HasSuffix(id, "-title") || strings.HasPrefix(id, "field-")
}

// Load reads a site and returns its linked portfolio with every diagnostic, sorted:
// load (files from opts.Site) → parse (front matter) → index (ids, URLs) → body
// (markdown: headings, links resolved, HTML unless opts.CheckOnly) → link
// (references, backlinks) → analyse. The error is non-nil only when ctx ends.
func Load(ctx context.Context, opts Options) (*Portfolio, diag.Diagnostics, error) {
	opts = withToday(opts)
	b, diags := newBuilder(opts)
	files, others, loadDiags := loadFiles(ctx, opts.Site)
	static, staticDiags := StaticFiles(opts.Site)
	diags = append(append(diags, loadDiags...), staticDiags...)
	b.highlightAhead(ctx, files)
	docs := make([]*Document, len(files))
	perFile := make([]diag.Diagnostics, len(files))
	Parallel(ctx, len(files), func(i int) {
		docs[i], perFile[i] = b.parse(files[i])
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	parsed := docs[:0]
	for i, d := range docs {
		diags = append(diags, perFile[i]...)
		if d != nil {
			parsed = append(parsed, d)
		}
	}
	p, idx, indexDiags := b.index(parsed)
	idx.publish(p, others, static)
	diags = append(diags, indexDiags...)
	p.bodies = !opts.CheckOnly
	Parallel(ctx, len(p.Docs), func(i int) {
		b.parseBody(p, idx, p.Docs[i], p.bodies)
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	diags = append(diags, b.link(p, idx)...)
	diags = append(diags, analyse(p)...)
	for _, check := range siteChecks {
		diags = append(diags, check(opts, p)...)
	}
	diags = append(diags, opts.changes(ctx, p)...)
	return p, diags.Sort(), nil
}

// highlightAhead highlights, on all cores, every fenced code block that
// mdext.Fences finds in the files, before anything else of the run is in memory.
// Chroma makes most of a build's garbage; while it runs here, the heap holds
// little but the files and the highlighted HTML, and neither has pointers for the
// collector to trace. (Highlighting in the body stage instead, with every
// document's front matter in the heap, makes the collector trace all of that at
// every cycle chroma's garbage causes; cmd/archfolio-bench/README.md has the
// measurement.) Fences is a hint: a
// block it misses is highlighted when its body is rendered, and a file the parse
// stage then rejects only costs its highlighting.
func (b *builder) highlightAhead(ctx context.Context, files []sourceFile) {
	if b.ahead == nil {
		return
	}
	Parallel(ctx, len(files), func(i int) {
		src := withoutBOM(files[i].Data)
		if _, bodyStart := frontmatter.Find(src); bodyStart > 0 {
			mdext.Fences(src[bodyStart:], func(lang string, code []byte) { b.hl.Prepare(b.ahead, lang, code) })
		}
	})
}

// withToday returns opts with Today set: the local date when it is zero.
func withToday(opts Options) Options {
	if opts.Today.IsZero() {
		now := time.Now()
		opts.Today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	return opts
}

// newBuilder sets up a run: the site's configuration and schema (with their
// diagnostics), the goldmark instance and the highlight cache.
func newBuilder(opts Options) (*builder, diag.Diagnostics) {
	cfg, diags := loadConfig(opts.Site)
	schema, err := loadSchema(&cfg.Kinds)
	if err != nil {
		pos, msg := diag.Pos{}, err.Error()
		if le, ok := errors.AsType[*lineError](err); ok {
			pos, msg = diag.Pos{Line: le.line, Col: le.col}, le.msg
		}
		diags = append(diags, diag.NewDiagnostic(diag.CodeInvalidKinds, cfg.Path, pos, "kinds: "+msg))
		schema, _ = loadSchema(nil)
	}
	diags = append(diags, cfg.checkDefaults(schema)...)
	hl := mdext.NewHighlighter()
	b := &builder{opts: opts, cfg: cfg, schema: schema, md: newMarkdown(cfg.UnsafeHTML, hl, opts.CheckOnly),
		hl: hl, bufs: new(markup.Pool), scalars: frontmatter.NewScalars()}
	hl.Cache = opts.Highlights
	if hl.Cache == nil {
		hl.Cache = mdext.NewCache("")
	}
	// A run's own cache, or a folder cache (one per build run), gets every block
	// highlighted ahead and lets each go after its last rendering. A cache kept in
	// memory across rebuilds (serve) keeps them all.
	if c, ok := hl.Cache.(*mdext.Cache); ok && !opts.CheckOnly && (opts.Highlights == nil || c.Dir() != "") {
		b.ahead = c
	}
	b.baseURL = strings.TrimSpace(cmpOr(opts.BaseURL, cfg.BaseURL))
	if b.baseURL != "" && !strings.HasSuffix(b.baseURL, "/") {
		b.baseURL += "/"
	}
	return b, diags
}

// ErrorsIn loads the site as check does and returns, by path, the errors it
// reports in the files written: an importer checks what it wrote with it.
func ErrorsIn(ctx context.Context, site fs.FS, written []string) (map[string]diag.Diagnostics, error) {
	_, diags, err := Load(ctx, Options{Site: site, CheckOnly: true})
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(written))
	for _, w := range written {
		want[w] = true
	}
	out := map[string]diag.Diagnostics{}
	for _, d := range diags {
		if want[d.Path] && d.Severity == diag.Error {
			out[d.Path] = append(out[d.Path], d)
		}
	}
	return out, nil
}

// SubFS returns the site's own files under dir, or nil when it has none.
func SubFS(site fs.FS, dir string) fs.FS {
	if _, err := fs.Stat(site, dir); err != nil {
		return nil
	}
	sub, err := fs.Sub(site, dir)
	if err != nil {
		return nil
	}
	return sub
}
