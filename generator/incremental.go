package generator

import (
	"context"
	"crypto/sha256"
	"html/template"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/mdext"
	"archfolio/generator/search"
)

// Loader loads one site again and again, as the dev server does after every
// change, and returns each time exactly what Load would: it keeps, between loads,
// each file's front matter (the parse stage) and its body (the body stage), and
// redoes only what a change can have changed.
//
//   - A file is read again unless its stamp (size, modification time, and on
//     Linux inode and change time) is the one it had when last read and it was
//     last modified well before that read (racyWindow), as Git does. Files
//     without a modification time (an fstest.MapFS) are always read.
//   - A file whose bytes are unchanged (the same SHA-256) is not parsed again:
//     its document is a fresh copy of the one parsed before, with the same
//     diagnostics.
//   - A body is rendered again when its file changed, or when anything it read from
//     other documents changed: its own URL, and for each of its links the document
//     the link names, that document's URL and (for wikilinks, which show it) its
//     title. Otherwise its headings, links and HTML are reused.
//   - A change to archfolio.yaml (the schema, unsafe_html) drops everything kept.
//   - Index, link, analyse and the site checks run on every load over the whole
//     portfolio, so backlinks, indexes and every view are always recomputed. An
//     analysis may reuse what it proves unchanged from its result on the last
//     load (Result.Earlier): the matrix reuses the records and cells of a
//     blueprint whose file and whose standards' statements did not change, the
//     dependency graphs each unchanged document's node and edges.
//   - Save writes what is kept to a file and Restore reads it back in a later run
//     (loadcache.go): `archfolio check` keeps it between checks. The last
//     portfolio is not saved: a restored Loader's first load reuses no analysis.
//
// Each load returns new Documents; what they share with earlier loads (fields,
// headings, HTML) is never modified, so a portfolio stays usable (rendered) after
// the next load. Highlighted code blocks are kept in memory across loads
// (Options.Highlights, unless set). Calls to Load are serialised.
type Loader struct {
	opts Options
	// window is racyWindow; tests shorten it.
	window time.Duration
	// reads and parses count the files read and parsed, for tests; restamps
	// counts the restored files read again (Save then keeps their new stamps).
	reads, parses, restamps atomic.Int64

	mu     sync.Mutex
	config string                 // the configuration the cache was made with
	files  map[string]*cachedFile // by site path
	// unsaved is set when a load changed what is kept since the last Save or
	// Restore (Unsaved).
	unsaved bool
	// last is the portfolio of the last load, whose analyses' results the next
	// load's may reuse (Result.Earlier).
	last *Portfolio
}

// Unsaved reports whether a load parsed or rendered anything, or forgot a file,
// since the Loader was made, last saved or restored: whether Save would write
// anything new.
func (l *Loader) Unsaved() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.unsaved || l.files == nil
}

// cachedFile is what a Loader keeps of one file.
type cachedFile struct {
	sum [32]byte // the SHA-256 of the file as read
	// restored is set on an entry read from a cache file (Restore): its document
	// has no source, so the file is read again before the entry is used.
	restored bool
	// stamp is the file's metadata before it was read at readAt (stamped: it has
	// one), so that an unchanged file need not be read again.
	stamp   fileStamp
	stamped bool
	readAt  time.Time
	doc     *Document        // the parse stage's result, only ever copied; nil when unusable
	diags   diag.Diagnostics // the parse stage's
	body    *cachedBody      // the body stage's result, once made
}

// cachedBody is a document's body stage result and what it depends on: the
// document's URL and what it read from each link's target.
type cachedBody struct {
	url      string
	targets  []bodyTarget // one per link
	html     bool         // whether the body was rendered (not CheckOnly)
	anchors  map[string]bool
	toc      []Heading
	links    []bodyLink // without AST nodes or targets
	out      template.HTML
	text     string // the body's text for search
	diagrams bool   // whether out holds a mermaid block
}

// NewLoader returns a Loader of the site opts describe.
func NewLoader(opts Options) *Loader {
	if opts.Highlights == nil {
		opts.Highlights = mdext.NewCache("")
	}
	return &Loader{opts: opts, window: racyWindow}
}

// Load reads the site again and returns its linked portfolio with every
// diagnostic, sorted, as Load(ctx, opts) would. The error is non-nil only when ctx
// ends; what was done until then is kept for the next load.
func (l *Loader) Load(ctx context.Context) (*Portfolio, diag.Diagnostics, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, diags, raced, err := l.load(ctx, true)
	if raced && err == nil {
		// A file whose restored stamp vouched for it changed before its body was
		// read: load again, reading every restored file first.
		p, diags, _, err = l.load(ctx, false)
	}
	return p, diags, err
}

// load is one Load. With trust, a restored file (Restore) whose stamp vouches
// for it is not read: its body is read only if it must be parsed again, and
// raced is set when it then has other bytes than those its document was parsed
// from.
func (l *Loader) load(ctx context.Context, trust bool) (_ *Portfolio, _ diag.Diagnostics, raced bool, _ error) {
	opts := withToday(l.opts)
	// The key is read before the builder reads the configuration: should it change
	// in between, the next load sees a new key and drops what this one keeps.
	if key := configKey(opts.Site); key != l.config || l.files == nil {
		l.config, l.files, l.last = key, map[string]*cachedFile{}, nil
	}
	b, diags := newBuilder(opts)
	listed, others, loadDiags := listFiles(opts.Site)
	static, staticDiags := StaticFiles(opts.Site)
	diags = append(append(diags, loadDiags...), staticDiags...)
	entries := make([]*cachedFile, len(listed))
	docs := make([]*Document, len(listed))
	errs := make([]error, len(listed))
	parses, restamps := l.parses.Load(), l.restamps.Load()
	Parallel(ctx, len(listed), func(i int) {
		entries[i], docs[i], errs[i] = l.file(b, opts.Site, listed[i], trust)
	})
	if l.keep(listed, entries, errs) || l.parses.Load() != parses || l.restamps.Load() != restamps {
		l.unsaved = true
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, false, err
	}
	parsed := docs[:0]
	entryOf := make(map[*Document]*cachedFile, len(docs))
	for i, d := range docs {
		if errs[i] != nil {
			diags = append(diags, readError(listed[i].path, errs[i]))
			continue
		}
		diags = append(diags, entries[i].diags...)
		if d != nil {
			parsed = append(parsed, d)
			entryOf[d] = entries[i]
		}
	}
	p, idx, indexDiags := b.index(parsed)
	idx.publish(p, others, static)
	diags = append(diags, indexDiags...)
	p.bodies = !opts.CheckOnly
	var rendered, changed atomic.Bool
	Parallel(ctx, len(p.Docs), func(i int) {
		d := p.Docs[i]
		switch e := entryOf[d]; b.body(p, idx, d, e) {
		case bodyRendered:
			rendered.Store(true)
		case bodyRaced:
			changed.Store(true)
		}
	})
	l.unsaved = l.unsaved || rendered.Load()
	if err := ctx.Err(); err != nil || changed.Load() {
		return nil, nil, changed.Load(), err
	}
	diags = append(diags, b.link(p, idx)...)
	p.earlier = l.last
	diags = append(diags, analyse(p)...)
	p.earlier = nil
	for _, check := range siteChecks {
		diags = append(diags, check(opts, p)...)
	}
	diags = append(diags, opts.changes(ctx, p)...)
	l.last = p
	return p, diags.Sort(), false, nil
}

// configKey identifies the site's configuration: its file name and content.
func configKey(site fs.FS) string {
	name := ConfigPath(site)
	data, err := fs.ReadFile(site, name)
	if err != nil {
		return name + "\x00" + err.Error()
	}
	return name + "\x00\x00" + string(data)
}

// file returns the cache entry of a file and a new copy of its document. The file
// is read unless its stamp vouches for the content read before (for a restored
// entry, only with trust), and parsed only when its bytes changed.
func (l *Loader) file(b *builder, site fs.FS, f listedFile, trust bool) (*cachedFile, *Document, error) {
	e := l.files[f.path]
	st, stamped := stampOf(f.entry)
	if e == nil || e.restored && !trust || !stamped || !e.stamped || !e.stamp.vouches(st, e.readAt.Add(-l.window)) {
		readAt := time.Now()
		l.reads.Add(1)
		data, err := readDocument(site, f.path)
		if err != nil {
			return nil, nil, err
		}
		sum := sha256.Sum256(data)
		if e != nil && e.restored {
			l.restamps.Add(1)
		}
		if e == nil || e.sum != sum {
			e = &cachedFile{sum: sum}
			e.doc, e.diags = b.parse(sourceFile{Path: f.path, Data: data})
			l.parses.Add(1)
		} else {
			if e.restored && e.doc != nil {
				// A restored document is this entry's alone until now: it gets
				// its source before anything copies it.
				e.doc.source = withoutBOM(data)
			}
			e = &cachedFile{sum: sum, doc: e.doc, diags: e.diags, body: e.body}
		}
		e.stamp, e.stamped, e.readAt = st, stamped, readAt
	}
	if e.doc == nil {
		return e, nil, nil
	}
	return e, e.doc.copy(), nil
}

// keep makes the entries of this load the cache, keeping the earlier entries of
// files this load did not get to (cancelled) and dropping those of deleted and
// unreadable files; it reports whether it dropped any.
func (l *Loader) keep(files []listedFile, entries []*cachedFile, errs []error) bool {
	kept := make(map[string]*cachedFile, len(files))
	for i, f := range files {
		switch {
		case entries[i] != nil:
			kept[f.path] = entries[i]
		case errs[i] == nil && l.files[f.path] != nil:
			kept[f.path] = l.files[f.path]
		}
	}
	dropped := len(kept) < len(l.files)
	l.files = kept
	return dropped
}

// copy returns a document as the parse stage left it, for one load: the later
// stages write URL, references' targets, body references and backlinks into it.
// What parse made is shared and never modified.
func (d *Document) copy() *Document {
	c := *d
	c.Refs = make([]*Ref, len(d.Refs))
	// One array holds the copies: a dev server copies every reference of
	// every document after each save.
	refs := make([]Ref, len(d.Refs))
	for i, r := range d.Refs {
		refs[i] = *r
		refs[i].From = &c
		c.Refs[i] = &refs[i]
	}
	c.Backlinks = nil
	return &c
}

// bodyResult says what body did.
type bodyResult int

const (
	bodyReused   bodyResult = iota
	bodyRendered            // parsed (and rendered) again
	// bodyRaced: a restored document whose file was not read must be parsed
	// again, and its file no longer has the bytes the document came from.
	bodyRaced
)

// body runs the body stage for d, or reuses its last result when neither the file
// nor anything the body read from other documents changed.
func (b *builder) body(p *Portfolio, idx *linkIndex, d *Document, e *cachedFile) bodyResult {
	html := p.bodies
	if cb := e.body; cb != nil && (cb.html || !html) && cb.url == d.URL {
		links := make([]bodyLink, len(cb.links))
		ptrs := make([]*bodyLink, len(cb.links))
		same := true
		for i := range cb.links {
			l := &links[i]
			*l = cb.links[i]
			l.to, l.published = linkTarget(p, idx, l), idx.files[l.key]
			ptrs[i] = l
			same = same && cb.targets[i] == targetOf(l)
		}
		if same {
			d.Anchors, d.TOC, d.links = cb.anchors, cb.toc, ptrs
			if html {
				d.HTML, d.Text, d.Diagrams = cb.out, cb.text, cb.diagrams
			}
			d.source = nil
			return bodyReused
		}
	}
	if d.source == nil { // restored, and its stamp vouched for it (Loader.load)
		data, err := readDocument(b.opts.Site, d.Path)
		if err != nil || sha256.Sum256(data) != e.sum {
			return bodyRaced
		}
		d.source = withoutBOM(data)
	}
	b.parseBody(p, idx, d, html)
	if html { // the dev server's search index reads it after every load
		d.Text = search.PlainText(string(d.HTML))
	}
	cb := &cachedBody{url: d.URL, html: html, anchors: d.Anchors, toc: d.TOC, out: d.HTML, text: d.Text, diagrams: d.Diagrams,
		links: make([]bodyLink, len(d.links)), targets: make([]bodyTarget, len(d.links))}
	for i, l := range d.links {
		cb.links[i] = *l
		cb.links[i].to = nil
		cb.targets[i] = targetOf(l)
	}
	e.body = cb
	return bodyRendered
}

// bodyTarget is what a body's rendering reads from the document a link names:
// whether there is one, its URL (links are relative to the linking page's URL),
// and for wikilinks, which show it, its title.
type bodyTarget struct {
	found      bool
	url, title string
}

func targetOf(l *bodyLink) bodyTarget {
	if l.file {
		return bodyTarget{found: l.published != "", url: l.published}
	}
	if l.to == nil {
		return bodyTarget{}
	}
	t := bodyTarget{found: true, url: l.to.URL}
	if l.wiki {
		t.title = l.to.Title
	}
	return t
}
