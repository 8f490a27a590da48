package generator

import (
	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"cmp"
	"context"
	"html/template"
	"io/fs"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"
)

// Portfolio is the linked, in-memory graph of every document of a site: the value
// the analyses read and the renderer turns into pages.
type Portfolio struct {
	Config *Config
	Schema *Schema
	Today  time.Time
	// BaseURL is the absolute URL the site is published under ("" when unknown), with
	// a trailing slash.
	BaseURL string
	// Docs holds every document in schema kind order, then by id.
	Docs []*Document
	// ByID finds a document by its id.
	ByID map[string]*Document
	// ByKind lists the documents of each kind, sorted by id.
	ByKind map[string][]*Document
	// Stale lists the documents whose review cycle has lapsed at Today.
	Stale []StaleDocument
	// Trends holds the key figures at past month ends, oldest first
	// (Options.Trends), or nothing.
	Trends []TrendPoint
	// hidden holds the ids of the documents left out for the audience.
	hidden map[string]bool
	// results holds each view's Result, by slot (view.go).
	results []any
	// earlier is, while a Loader's load runs its analyses, the portfolio that
	// Loader returned last (Result.Earlier); nil otherwise.
	earlier *Portfolio
	// Files lists the site paths of the files of content/ that are not documents
	// (images, diagrams), sorted; each is published at files/ and its path under
	// content/ (FileURL).
	Files []string
	// bodies is false when Load left the bodies unrendered (Options.CheckOnly).
	bodies bool
}

// Document is one markdown file of the portfolio, its front matter validated and its
// references resolved.
type Document struct {
	Path           string // slash path relative to the site root
	ID             string
	Kind           string
	Title          string
	Status         string
	Owner          string
	Summary        string
	Classification string
	Tags           []string
	Draft          bool
	// Fields holds every front-matter value, normalised: string, int, float64, bool,
	// Date, Period, Duration, []any, *Object (and int64, uint64 for whole numbers
	// too large for an int in a field the schema does not know). The check cache
	// (loadcache.go) writes each of these types.
	Fields *Object
	// URL is the page's path relative to the site root, with a trailing slash
	// ("blueprints/payments-gateway/").
	URL string
	// Refs are the document's outgoing references, front matter first, then body links.
	Refs []*Ref
	// Backlinks are the references other documents make to this one.
	Backlinks []*Ref
	// Anchors holds the heading ids of the body, for checking #fragment links.
	Anchors map[string]bool
	// TOC lists the body's headings of level 2 and 3.
	TOC []Heading
	// HTML is the rendered body.
	HTML template.HTML
	// Diagrams is true when HTML holds a mermaid block (mdext.HasMermaid),
	// found once when the body is rendered: the page then loads mermaid, and the
	// site ships it.
	Diagrams bool
	// Changed is the date of the last commit that changed the document's file
	// (Options.LastChanged), or zero when that is not known.
	Changed time.Time
	// Text is the rendered body's text, for the search index (search.PlainText),
	// kept by a Loader between loads. Load leaves it empty: a build's search
	// index takes each body's text from its HTML as it indexes it.
	Text string

	source    []byte
	bodyStart int // byte offset of the body
	fmEnd     int // 1-based line of the closing --- (0 when there is none)
	links     []*bodyLink
	// order is the document's place in Portfolio.Docs (by kind, then id), set
	// by index: backlinks sort by it.
	order int
	// positions holds where each front-matter key and list item was written; it
	// depends only on the source, so the copies a dev server makes of an unchanged
	// document share it.
	positions *frontmatter.Index
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Ref is one reference from a document to another, by id in front matter or by a
// link in the body.
type Ref struct {
	From     *Document
	To       *Document // nil when the target does not exist
	Target   string    // the id as written
	Field    string    // front-matter path ("depends_on[1].id"), or "" for body links
	Relation string    // how From names the link ("depends on")
	Inverse  string    // how To names it ("depended on by")
	Anchor   string    // a #fragment of a body link, without the #
	// Restricted is set when the target is a document this build's audience may
	// not read (Options.Audience): To is nil and Target is RestrictedReference.
	Restricted bool
	to         []string // the kinds the target may have (none: any)
	offset     int      // byte offset of a body link
	// Attrs carries the sibling fields of an object reference (via, protocol, data).
	Attrs *Object
}

// Date is a calendar date in UTC.
type Date struct{ time.Time }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

// Period is a date range given as a quarter ("2026-Q3") or a single date.
type Period struct {
	Text       string
	Start, End time.Time // inclusive start, inclusive end
}

// String returns the period as written.
func (p Period) String() string { return p.Text }

// Object is a front-matter mapping with its keys in the order written.
type Object struct {
	Keys []string
	// vals holds the value of each key, at the key's place in Keys. A mapping
	// has a few keys (a compliance record six, a blueprint's front matter about
	// twenty), so Get reads them in order, as fast as a map finds one: a map for
	// each of the 150,000 mappings of a 10,000-document portfolio held 50 MB of
	// pointers, traced by the collector at every cycle while the pages are
	// written (cmd/archfolio-bench/README.md).
	vals []any
	// index finds the keys of a mapping of more than indexFrom of them.
	index map[string]int
}

// indexFrom is how many keys an Object reads in order before it keeps an index.
const indexFrom = 32

// Get returns the value under key, or nil.
func (o *Object) Get(key string) any {
	v, _ := o.Lookup(key)
	return v
}

// Lookup returns the value under key and whether key is there.
func (o *Object) Lookup(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	if i := o.find(key); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// find returns key's place in Keys, or -1.
func (o *Object) find(key string) int {
	if o.index != nil {
		if i, ok := o.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range o.Keys {
		if k == key {
			return i
		}
	}
	return -1
}

// All yields each key and its value, in the order written.
func (o *Object) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		if o == nil {
			return
		}
		for i, k := range o.Keys {
			if !yield(k, o.vals[i]) {
				return
			}
		}
	}
}

// Len returns how many keys o has.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.Keys)
}

// String returns the string under key, or "".
func (o *Object) String(key string) string {
	s, _ := o.Get(key).(string)
	return s
}

// List returns the list under key, or nil.
func (o *Object) List(key string) []any {
	l, _ := o.Get(key).([]any)
	return l
}

// Obj returns the object under key, or nil.
func (o *Object) Obj(key string) *Object {
	m, _ := o.Get(key).(*Object)
	return m
}

// objectOf returns an empty Object with room for n keys.
func objectOf(n int) *Object {
	return &Object{Keys: make([]string, 0, n), vals: make([]any, 0, n)}
}

// Set puts v under key, appending key to Keys when it is new.
func (o *Object) Set(key string, v any) {
	if i := o.find(key); i >= 0 {
		o.vals[i] = v
		return
	}
	o.Keys = append(o.Keys, key)
	o.vals = append(o.vals, v)
	switch {
	case o.index != nil:
		o.index[key] = len(o.Keys) - 1
	case len(o.Keys) > indexFrom:
		o.reindex()
	}
}

// reindex makes the index of a mapping of more than indexFrom keys.
func (o *Object) reindex() {
	o.index = nil
	if len(o.Keys) <= indexFrom {
		return
	}
	o.index = make(map[string]int, len(o.Keys))
	for i, k := range o.Keys {
		o.index[k] = i
	}
}

// Clone returns a copy of o that Set can change without changing o (the values
// themselves are shared).
func (o *Object) Clone() *Object {
	if o == nil {
		return nil
	}
	c := &Object{Keys: slices.Clip(o.Keys), vals: slices.Clone(o.vals)}
	if o.index != nil {
		c.index = maps.Clone(o.index)
	}
	return c
}

// ValidID reports whether s has the form of a document id (and of a kind name):
// lower-kebab, like payments-gateway: runs of lower-case ASCII letters and
// digits joined by single hyphens. (The regular expression
// ^[a-z0-9]+(-[a-z0-9]+)*$ says the same, ten times slower: index checks every
// document's id after each save in the dev server.)
func ValidID(s string) bool {
	if s == "" {
		return false
	}
	hyphen := true // as if one came before s, so s cannot start with one
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			hyphen = false
		case c == '-' && !hyphen:
			hyphen = true
		default:
			return false
		}
	}
	return !hyphen
}

// PosAt is the 1-based line and column (in characters) of a byte offset in src.
func PosAt(src []byte, off int) diag.Pos { return posAt(src, off) }

// Slug turns a name into the lower-kebab form of ids and URL segments
// ("Access Control" → "access-control"); a name with no letter or digit is "x".
func Slug(s string) string { return slugify(s) }

// FileURL is the URL, relative to the site root, at which a file of content/ that
// is not a document is published: content/decisions/flow.png is at
// files/decisions/flow.png.
func FileURL(sitePath string) string {
	return "files/" + strings.TrimPrefix(sitePath, ContentDir+"/")
}

// SourceFile is a document's file as the load stage reads it.
type SourceFile struct {
	Path string // slash path relative to the site root
	Data []byte
}

// ReadContent reads the documents of a site as the load stage does (the same
// folders, names skipped and size limits), for tools that edit them.
func ReadContent(ctx context.Context, site fs.FS) []SourceFile {
	files, _, _ := loadFiles(ctx, site)
	out := make([]SourceFile, len(files))
	for i, f := range files {
		out[i] = SourceFile(f)
	}
	return out
}

// RefGroup is the references of one relation.
type RefGroup struct {
	Name string
	Refs []*Ref
}

// Relations groups the document's outgoing references by relation, one entry per
// target within a group.
func (d *Document) Relations() []RefGroup { return groupRefs(d.Refs, false) }

// Referenced groups the document's backlinks by their inverse relation.
func (d *Document) Referenced() []RefGroup { return groupRefs(d.Backlinks, true) }

func groupRefs(refs []*Ref, inverse bool) []RefGroup {
	var out []RefGroup
	idx := map[string]int{}
	type entry struct {
		name  string
		other *Document
	}
	seen := map[entry]bool{}
	for _, r := range refs {
		if r.To == nil && !(r.Restricted && !inverse) {
			continue
		}
		name, other := r.Relation, r.To
		if inverse {
			name, other = r.Inverse, r.From
		}
		if seen[entry{name, other}] {
			continue
		}
		seen[entry{name, other}] = true
		i, ok := idx[name]
		if !ok {
			i = len(out)
			idx[name] = i
			out = append(out, RefGroup{Name: name})
		}
		out[i].Refs = append(out[i].Refs, r)
	}
	return out
}

// NoDomain is the filters' value (and the lists' label) for a document of no
// domain; a domain written "No domain" is the same to them.
const NoDomain = "No domain"

// FilterValue returns what a document offers to an index filter; several values
// (tags) are joined by U+001F, which the filter script splits on. A document of
// no domain offers NoDomain.
func (d *Document) FilterValue(name string) string {
	switch name {
	case "domain":
		return cmp.Or(strings.TrimSpace(d.Fields.String("domain")), NoDomain)
	case "status":
		return d.Status
	case "owner":
		return d.Owner
	case "tag":
		return strings.Join(d.Tags, "\x1f")
	}
	return d.Fields.String(name)
}

// HasBodies reports whether Load rendered the documents' bodies (it does not
// with Options.CheckOnly), which a render needs.
func (p *Portfolio) HasBodies() bool { return p.bodies }
