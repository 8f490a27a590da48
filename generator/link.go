package generator

import (
	"cmp"
	"context"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/mdext"

	"github.com/yuin/goldmark/ast"
)

// Relation names of body links.
const (
	relMentions    = "mentions"
	relMentionedBy = "mentioned by"
)

// linkIndex is where the body and link stages look documents up, built once every
// front matter is read.
type linkIndex struct {
	byPath   map[string]*Document
	drafts   map[string]*Document // left-out drafts, by id and by path
	hidden   map[string]*Document // documents above the audience, by id and by path
	ids      []string             // every id, sorted, for suggestions
	kindRank map[string]int
	files    map[string]string // published files by site path: their URL
}

// publish records the files a build publishes as they are, for body links to
// find: the files of content/ that are not documents, and static/'s.
func (idx *linkIndex) publish(p *Portfolio, contentFiles, static []string) {
	p.Files = contentFiles
	idx.files = make(map[string]string, len(contentFiles)+len(static))
	for _, f := range contentFiles {
		idx.files[f] = FileURL(f)
	}
	for _, f := range static {
		idx.files[f] = strings.TrimPrefix(f, "static/")
	}
}

// index gives every document its place in the portfolio: documents sorted by kind
// and id, ids and URLs, drafts left out unless wanted, duplicate ids reported.
func (b *builder) index(docs []*Document) (*Portfolio, *linkIndex, diag.Diagnostics) {
	p := &Portfolio{results: make([]any, numResults), Config: b.cfg, Schema: b.schema, Today: b.opts.Today, BaseURL: b.baseURL,
		ByID: make(map[string]*Document, len(docs)), ByKind: map[string][]*Document{}, Docs: make([]*Document, 0, len(docs))}
	idx := &linkIndex{byPath: make(map[string]*Document, len(docs)), drafts: map[string]*Document{}, hidden: map[string]*Document{},
		kindRank: map[string]int{}}
	var diags diag.Diagnostics
	for i, k := range b.schema.Order {
		idx.kindRank[k] = i
	}
	sortByKindAndID(docs, idx.kindRank)
	var changed map[string]time.Time
	if b.opts.LastChanged != nil {
		changed = b.opts.LastChanged()
	}
	if b.opts.Trends != nil {
		var err error
		if p.Trends, err = b.opts.Trends(b.cfg.Trends.Months); err != nil {
			path := b.cfg.Path
			if b.cfg.Trends.at.Line == 0 {
				path = "" // asked for on the command line only
			}
			diags = append(diags, diag.NewDiagnostic(diag.CodeNoTrends, path, b.cfg.Trends.at, "no trends on the home page: "+err.Error()))
		}
	}
	for _, d := range docs {
		d.Changed = changed[d.Path]
		if hiddenFrom(b.opts.Audience, d) {
			idx.hidden[d.ID], idx.hidden[d.Path] = d, d
			if p.hidden == nil {
				p.hidden = map[string]bool{}
			}
			p.hidden[d.ID] = true
			continue
		}
		if d.Draft && !b.opts.Drafts {
			idx.drafts[d.ID], idx.drafts[d.Path] = d, d
			continue
		}
		if !ValidID(d.ID) {
			continue // reported when read; it gets no page and no URL
		}
		if first := p.ByID[d.ID]; first != nil {
			diags = append(diags, diag.NewDiagnostic(diag.CodeDuplicateID, d.Path, d.PosOf("id"),
				"duplicate id "+Quote(d.ID)+": "+first.Path+" has it too; ids must be unique"))
			continue
		}
		p.ByID[d.ID] = d
		d.URL = b.schema.Kinds[d.Kind].Section + "/" + d.ID + "/"
		d.order = len(p.Docs)
		p.Docs = append(p.Docs, d)
		p.ByKind[d.Kind] = append(p.ByKind[d.Kind], d)
		idx.byPath[d.Path] = d
	}
	idx.ids = SortedKeys(p.ByID)
	return p, idx, diags
}

// sortByKindAndID sorts documents by their kind's rank, then id, then path,
// looking up each one's rank once: a dev server sorts every document after
// each save.
func sortByKindAndID(docs []*Document, rank map[string]int) {
	type ranked struct {
		rank int
		doc  *Document
	}
	keyed := make([]ranked, len(docs))
	for i, d := range docs {
		keyed[i] = ranked{rank[d.Kind], d}
	}
	slices.SortFunc(keyed, func(x, y ranked) int {
		return cmp.Or(cmp.Compare(x.rank, y.rank), cmp.Compare(x.doc.ID, y.doc.ID), cmp.Compare(x.doc.Path, y.doc.Path))
	})
	for i, k := range keyed {
		docs[i] = k.doc
	}
}

// link resolves every reference of the indexed portfolio (front matter here, body
// links as the body stage resolved them), reports the broken ones and computes
// backlinks. A reference to a left-out draft is a warning, not an error.
//
// Resolving and sorting run on all cores: each document's references are its own,
// and the documents they point at are only read (their kind, headings).
func (b *builder) link(p *Portfolio, idx *linkIndex) diag.Diagnostics {
	per := make([]diag.Diagnostics, len(p.Docs))
	Parallel(context.Background(), len(p.Docs), func(i int) {
		d := p.Docs[i]
		sink := &diag.DiagSink{Path: d.Path}
		b.resolveFrontMatter(p, d, idx, sink)
		b.resolveBody(d, idx, sink)
		if len(idx.hidden) > 0 {
			d.Fields, _ = restrictValues(d.Fields, idx.hidden).(*Object)
			for _, r := range d.Refs { // a reference's attributes are a part of Fields, restricted alike
				if r.Attrs != nil {
					r.Attrs, _ = restrictValues(r.Attrs, idx.hidden).(*Object)
				}
			}
		}
		per[i] = sink.Diags
	})
	var diags diag.Diagnostics
	for _, d := range per {
		diags = append(diags, d...)
	}
	for _, d := range p.Docs {
		for _, r := range d.Refs {
			if r.To != nil && r.To != d {
				r.To.Backlinks = append(r.To.Backlinks, r)
			}
		}
	}
	Parallel(context.Background(), len(p.Docs), func(i int) {
		p.Docs[i].Backlinks = dedupeBacklinks(p.Docs[i].Backlinks)
	})
	if b.opts.Audience != "" {
		p.Files = audienceFiles(p)
	}
	return diags
}

// posOf is pos for a front-matter key the document may not have written.
func (d *Document) PosOf(p string) diag.Pos {
	if d.Fields.Get(p) == nil {
		return diag.Pos{Line: 1, Col: 1}
	}
	return d.Pos(p)
}

// Quote returns s in double quotes, as messages name values.
func Quote(s string) string { return `"` + s + `"` }

func (b *builder) resolveFrontMatter(p *Portfolio, d *Document, idx *linkIndex, sink *diag.DiagSink) {
	ids, drafts := idx.ids, idx.drafts
	for _, r := range d.Refs {
		if r.Field == "" {
			continue
		}
		r.To = p.ByID[r.Target]
		switch {
		case r.To == nil && idx.hidden[r.Target] != nil:
			restrict(r)
		case r.To == nil && drafts[r.Target] != nil:
			sink.Report(diag.CodeDraftReference, d.Pos(r.Field), "%s: %q is a draft, left out of this build (use --drafts)", r.Field, r.Target)
		case r.To == nil:
			sink.Report(diag.CodeUnknownID, d.Pos(r.Field), "%s: unknown id %q%s", r.Field, r.Target, diag.DidYouMean(r.Target, ids))
		case len(r.to) > 0 && !slices.Contains(r.to, r.To.Kind):
			sink.Report(diag.CodeWrongKindRef, d.Pos(r.Field), "%s: %q is a %s, but this field takes a %s", r.Field, r.Target,
				r.To.Kind, strings.Join(r.to, " or "))
			r.To = nil
		case r.To == d:
			sink.Report(diag.CodeSelfReference, d.Pos(r.Field), "%s: a document cannot refer to itself", r.Field)
			r.To = nil
		}
	}
}

// resolveLink finds the document a body link names and points the link in the AST
// at that document's page, relative to this page. It runs in the body stage, on all
// cores, so it only reads the index and writes to d's own links.
func resolveLink(p *Portfolio, idx *linkIndex, d *Document, l *bodyLink) {
	if l.file {
		resolveFileLink(idx, d, l)
		return
	}
	target, anchor, _ := strings.Cut(l.dest, "#")
	l.anchor, l.key = anchor, target
	if !l.wiki {
		l.key = path.Join(path.Dir(d.Path), target)
	}
	l.to = linkTarget(p, idx, l)
	if l.to == nil {
		if idx.hidden[l.key] != nil {
			restrictLink(l.node)
		}
		return
	}
	dest := RelURL(d.URL, l.to.URL)
	if anchor != "" {
		dest += "#" + anchor
	}
	switch n := l.node.(type) {
	case *mdext.WikiLink:
		n.Destination, n.Title = []byte(dest), []byte(l.to.Title)
	case *ast.Link:
		n.Destination = []byte(dest)
	}
}

// resolveFileLink finds the published file a body link or image names and points
// it there, relative to this page, keeping its ?query and #fragment.
func resolveFileLink(idx *linkIndex, d *Document, l *bodyLink) {
	if strings.HasPrefix(l.dest, "/") {
		return // reported: the site may be served under a sub-path
	}
	i := strings.IndexAny(l.dest, "?#")
	if i < 0 {
		i = len(l.dest)
	}
	target := l.dest[:i]
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	l.key = path.Join(path.Dir(d.Path), target)
	l.published = idx.files[l.key]
	if l.published == "" {
		return
	}
	dest := RelURL(d.URL, (&url.URL{Path: l.published}).EscapedPath()) + l.dest[i:]
	switch n := l.node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// linkTarget is the document a body link names (its key set), or nil.
func linkTarget(p *Portfolio, idx *linkIndex, l *bodyLink) *Document {
	if l.file {
		return nil
	}
	if l.wiki {
		return p.ByID[l.key]
	}
	return idx.byPath[l.key]
}

// resolveBody reports the body links resolveLink could not resolve, checks #anchors
// against the target's headings, and records the others as references.
func (b *builder) resolveBody(d *Document, idx *linkIndex, sink *diag.DiagSink) {
	var mentions refArena
	for _, l := range d.links {
		switch {
		case l.file:
			reportFileLink(l, sink)
			continue
		case l.to == nil && idx.hidden[l.key] != nil:
			continue // restricted: the audience may not read the target
		case l.to == nil && idx.drafts[l.key] != nil:
			label := "link " + l.dest
			if l.wiki {
				label = "wikilink [[" + l.dest + "]]"
			}
			sink.Report(diag.CodeDraftReference, l.pos, "%s: %s is a draft, left out of this build (use --drafts)", label, idx.drafts[l.key].Path)
			continue
		case l.to == nil && l.wiki:
			sink.Report(diag.CodeUnknownWikilink, l.pos, "wikilink [[%s]]: unknown id %q%s", l.dest, l.key, diag.DidYouMean(l.key, idx.ids))
			continue
		case l.to == nil:
			sink.Report(diag.CodeBrokenLink, l.pos, "broken link %s: no document at %s", l.dest, l.key)
			continue
		}
		to, anchor := l.to, l.anchor
		if anchor != "" && to.Anchors != nil && !to.Anchors[anchor] {
			sink.Report(diag.CodeUnknownAnchor, l.pos, "link %s: %s has no heading with id %q%s", l.dest, to.Path,
				anchor, diag.DidYouMean(anchor, SortedKeys(to.Anchors)))
		}
		d.Refs = append(d.Refs, mentions.add(Ref{From: d, To: to, Target: to.ID, Relation: relMentions, Inverse: relMentionedBy,
			Anchor: anchor, offset: l.offset}))
	}
}

// reportFileLink reports a body link or image to a file that is not published.
func reportFileLink(l *bodyLink, sink *diag.DiagSink) {
	what := "link"
	if l.image {
		what = "image"
	}
	switch {
	case strings.HasPrefix(l.dest, "/"):
		sink.Report(diag.CodeRootLink, l.pos, "%s %s: a path from the site's root breaks when the site is served under a sub-path; write it relative to this file", what, l.dest)
	case l.published == "":
		sink.Report(diag.CodeBrokenLink, l.pos, "broken %s %s: no document or file at %s", what, l.dest, l.key)
	}
}

// dedupeBacklinks sorts backlinks by relation, then source kind and id (the
// source's place in Portfolio.Docs, where ids are unique), and keeps one per
// source and relation. link appends them in their sources' order, so grouping
// them by relation, each group in that order, sorts them: a hub's thousands of
// backlinks, nearly all of one relation, are then not sorted on every load.
func dedupeBacklinks(refs []*Ref) []*Ref {
	bySource := func(x, y *Ref) int { return cmp.Compare(x.From.order, y.From.order) }
	var rels []string // the relations, few
	for _, r := range refs {
		if !slices.Contains(rels, r.Inverse) {
			rels = append(rels, r.Inverse)
		}
	}
	switch {
	case !slices.IsSortedFunc(refs, bySource):
		slices.SortStableFunc(refs, func(x, y *Ref) int { return cmp.Or(cmp.Compare(x.Inverse, y.Inverse), bySource(x, y)) })
	case len(rels) > 1:
		slices.Sort(rels)
		grouped := make([]*Ref, 0, len(refs))
		for _, rel := range rels {
			for _, r := range refs {
				if r.Inverse == rel {
					grouped = append(grouped, r)
				}
			}
		}
		refs = grouped
	}
	return slices.CompactFunc(refs, func(x, y *Ref) bool { return x.From == y.From && x.Inverse == y.Inverse })
}

// RelURL returns the link from the page at from to the page at to, both site-relative
// URLs with trailing slashes ("" is the home page), so that the site works under any
// sub-path and from disk.
func RelURL(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// RefTarget returns the resolved document of the front-matter ref at field, or nil.
func RefTarget(d *Document, field string) *Document {
	for _, r := range d.Refs {
		if r.Field == field {
			return r.To
		}
	}
	return nil
}

// RefTargets returns the resolved documents of the front-matter refs whose field
// starts with prefix ("threats[2].mitigations["), in the order written.
func RefTargets(d *Document, prefix string) []*Document {
	var out []*Document
	for _, r := range d.Refs {
		if r.To != nil && strings.HasPrefix(r.Field, prefix) && !slices.Contains(out, r.To) {
			out = append(out, r.To)
		}
	}
	return out
}

// UniqueAnchor returns a, or a-2, a-3… when a is taken, and marks it taken.
func UniqueAnchor(taken map[string]bool, a string) string {
	out := a
	for i := 2; taken[out]; i++ {
		out = a + "-" + strconv.Itoa(i)
	}
	taken[out] = true
	return out
}
