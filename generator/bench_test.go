package generator

import (
	"context"
	"os"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"archfolio/generator/frontmatter"
	"archfolio/generator/mdext"
	"archfolio/generator/synth"
)

// The stage benchmarks (load, highlight, parse, body, link, analyse, render, write, and the
// whole build) run on a synthetic portfolio of ARCHFOLIO_BENCH_N documents
// (1,000 unless set), generated in memory once per process:
//
//	go test -run '^$' -bench . -benchmem ./generator
//	ARCHFOLIO_BENCH_N=10000 go test -run '^$' -bench 'Build$' -benchtime 3x -cpuprofile cpu.out ./generator
//
// Timing is never asserted; the numbers are the evidence.

var benchSite = sync.OnceValues(func() (fstest.MapFS, error) {
	n := 1000
	if s := os.Getenv("ARCHFOLIO_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		n = v
	}
	site, err := synth.Generate(synth.Options{N: n, Seed: 1})
	if err != nil {
		return nil, err
	}
	fsys := fstest.MapFS{}
	for _, f := range site.Files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, nil
})

func benchOptions(b *testing.B) Options {
	b.Helper()
	fsys, err := benchSite()
	if err != nil {
		b.Fatal(err)
	}
	return testOptions(b, fsys, "2026-11-27")
}

// benchBuilder is what Load sets up before the stages run; the highlighter is
// returned so that each run can start with an empty cache, like a cold build.
func benchBuilder(b *testing.B, opts Options) (*builder, *mdext.Highlighter) {
	b.Helper()
	cfg, diags := loadConfig(opts.Site)
	schema, err := loadSchema(&cfg.Kinds)
	if err != nil || diags.Errors() > 0 {
		b.Fatal(err, diags)
	}
	hl := mdext.NewHighlighter()
	return &builder{opts: opts, cfg: cfg, schema: schema, md: newMarkdown(cfg.UnsafeHTML, hl, opts.CheckOnly), hl: hl,
		scalars: frontmatter.NewScalars()}, hl
}

func benchParse(b *testing.B, bld *builder, files []sourceFile) []*Document {
	docs := make([]*Document, len(files))
	Parallel(context.Background(), len(files), func(i int) { docs[i], _ = bld.parse(files[i]) })
	return docs
}

// discardOutput drops every file, so render is measured without memory or disk.

func BenchmarkLoad(b *testing.B) {
	opts := benchOptions(b)
	for b.Loop() {
		loadFiles(context.Background(), opts.Site)
	}
}

// BenchmarkParse reads every front matter (goldmark-meta, schema).
func BenchmarkParse(b *testing.B) {
	opts := benchOptions(b)
	bld, _ := benchBuilder(b, opts)
	files, _, _ := loadFiles(context.Background(), opts.Site)
	for b.Loop() {
		benchParse(b, bld, files)
	}
}

// BenchmarkHighlight highlights every fenced code block into a cold cache, on all
// cores, as Load does before parsing.
func BenchmarkHighlight(b *testing.B) {
	opts := benchOptions(b)
	bld, hl := benchBuilder(b, opts)
	files, _, _ := loadFiles(context.Background(), opts.Site)
	for b.Loop() {
		bld.ahead = mdext.NewCache("")
		hl.Cache = bld.ahead
		bld.highlightAhead(context.Background(), files)
	}
}

// benchIndexed returns the parsed and indexed portfolio, before the body stage.
func benchIndexed(b *testing.B) (*builder, *mdext.Highlighter, *Portfolio, *linkIndex) {
	opts := benchOptions(b)
	bld, hl := benchBuilder(b, opts)
	files, _, _ := loadFiles(context.Background(), opts.Site)
	p, idx, _ := bld.index(benchParse(b, bld, files))
	return bld, hl, p, idx
}

// BenchmarkBody parses and renders every body (goldmark, links resolved), with
// the code blocks highlighted ahead, untimed (BenchmarkHighlight), as Load does.
func BenchmarkBody(b *testing.B) {
	bld, hl, p, idx := benchIndexed(b)
	sources := make([][]byte, len(p.Docs))
	for i, d := range p.Docs {
		sources[i] = d.source
	}
	for b.Loop() {
		// Undo the previous run (the body stage keeps only the front matter of the
		// source) and prepare a new cache.
		b.StopTimer()
		cache := mdext.NewCache("")
		hl.Cache = cache
		for i, d := range p.Docs {
			d.links, d.TOC, d.source = nil, nil, sources[i]
			mdext.Fences(d.source[d.bodyStart:], func(lang string, code []byte) { hl.Prepare(cache, lang, code) })
		}
		b.StartTimer()
		Parallel(context.Background(), len(p.Docs), func(i int) { bld.parseBody(p, idx, p.Docs[i], true) })
	}
}

// BenchmarkLink resolves references, reports broken ones, computes backlinks.
func BenchmarkLink(b *testing.B) {
	bld, _, p, idx := benchIndexed(b)
	Parallel(context.Background(), len(p.Docs), func(i int) { bld.parseBody(p, idx, p.Docs[i], false) })
	front := make([]int, len(p.Docs))
	for i, d := range p.Docs {
		front[i] = len(d.Refs)
	}
	for b.Loop() {
		// Undo the previous run: body refs and backlinks are added by link.
		for i, d := range p.Docs {
			d.Refs, d.Backlinks = d.Refs[:front[i]], nil
		}
		bld.link(p, idx)
	}
}

func BenchmarkAnalyse(b *testing.B) {
	p, _, err := Load(context.Background(), benchOptions(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		analyse(p)
	}
}

// BenchmarkCheck is `archfolio check`: Load without rendering bodies.
func BenchmarkCheck(b *testing.B) {
	opts := benchOptions(b)
	opts.CheckOnly = true
	for b.Loop() {
		if _, _, err := Load(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckWarm is `archfolio check` after a check of the same files: a
// Loader restored from the last one's cache (Loader.Save), then Load.
func BenchmarkCheckWarm(b *testing.B) {
	opts := benchOptions(b)
	opts.CheckOnly = true
	saved := loadAndSave(b, opts)
	b.SetBytes(int64(len(saved)))
	for b.Loop() {
		l := NewLoader(opts)
		if err := l.Restore(saved); err != nil {
			b.Fatal(err)
		}
		if _, _, err := l.Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
