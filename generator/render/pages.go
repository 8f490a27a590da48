package render

import (
	"archfolio/generator"
	"cmp"
	"context"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"archfolio/generator/pager"
)

// siteInfo is the part of every page that is the same on all of them.
type siteInfo struct {
	Title   string
	BaseURL string
	Today   time.Time
	Menu    []MenuItem

	schema *generator.Schema
	config *generator.Config
	// groups are the owner and tag pages, each a name's group with its unique slug;
	// every link to an owner or a tag takes its slug from here.
	owners, tags []DocGroup
	slugs        map[string]string // "owners\x00name" or "tags\x00name" → slug
	// byTitle is every document sorted by title (sortByTitle), sorted once: the
	// kind indexes and the groups list their documents in its order.
	byTitle []*generator.Document
	// kinds are the kinds' indexes, in the schema's order.
	kinds []kindList
}

// kindList is a kind's index: its documents in the index's order (the kind's
// order, else by title), cut into pages. A kind's index lists KindIndexPerPage
// documents a page, the first page at SECTION/, the others at
// documents/SECTION/N/ (a document's id may be any name under SECTION/).
type kindList struct {
	kind  *generator.Kind
	docs  []*generator.Document
	pages pager.List
}

func kindLists(p *generator.Portfolio, byTitle []*generator.Document) []kindList {
	byKind := make(map[string][]*generator.Document, len(p.Schema.Order))
	for _, d := range byTitle {
		byKind[d.Kind] = append(byKind[d.Kind], d)
	}
	out := make([]kindList, 0, len(p.Schema.Order))
	for _, name := range p.Schema.Order {
		kind := p.Schema.Kinds[name]
		docs := sortByOrder(p.Schema, kind, byKind[name])
		out = append(out, kindList{kind: kind, docs: docs, pages: pager.List{Split: pager.ByCount(len(docs), KindIndexPerPage),
			First: kind.Section + "/", More: "documents/" + kind.Section + "/", Fragment: "kind-table"}})
	}
	return out
}

// ownerKey and tagKey are what owner and tag pages group documents by.
func ownerKey(d *generator.Document) []string { return NonEmpty(d.Owner) }
func tagKey(d *generator.Document) []string   { return d.Tags }

// groupSlug is the slug of the owner (section "owners") or tag ("tags") page of a
// name.
func (s *siteInfo) groupSlug(section, name string) string {
	if slug, ok := s.slugs[section+"\x00"+name]; ok {
		return slug
	}
	return groupSlugBase(name)
}

// MenuItem is one entry of the small fixed menu.
type MenuItem struct {
	Label, URL, Section string
}

func newSiteInfo(p *generator.Portfolio) *siteInfo {
	byTitle := sortByTitle(slices.Clone(p.Docs))
	s := &siteInfo{Title: p.Config.Title, BaseURL: p.BaseURL, Today: p.Today, schema: p.Schema, config: p.Config,
		owners: groupDocs(byTitle, ownerKey), tags: groupDocs(byTitle, tagKey), slugs: map[string]string{}, byTitle: byTitle,
		kinds: kindLists(p, byTitle)}
	for _, g := range s.owners {
		s.slugs["owners\x00"+g.Name] = g.Slug
	}
	for _, g := range s.tags {
		s.slugs["tags\x00"+g.Name] = g.Slug
	}
	s.Menu = []MenuItem{{"Home", "", "home"}}
	for _, k := range []string{"blueprint", "standard"} {
		if kind := p.Schema.Kinds[k]; kind != nil {
			s.Menu = append(s.Menu, MenuItem{kind.Plural, kind.Section + "/", kind.Name})
		}
	}
	for _, v := range views {
		if v.Menu != nil {
			s.Menu = append(s.Menu, *v.Menu)
		}
	}
	s.Menu = append(s.Menu, MenuItem{"All documents", "documents/", "documents"},
		MenuItem{"Owners", "owners/", "owners"}, MenuItem{"Tags", "tags/", "tags"},
		MenuItem{"Search", "search/", "search"})
	return s
}

// pages lists every page of the site.
func (r *siteRenderer) pages() []PageJob {
	p := r.p
	// The views list their pages, on every core, while the kinds' and the
	// documents' pages are listed here.
	viewJobs := make([][]PageJob, len(views))
	var listing sync.WaitGroup
	listing.Go(func() {
		generator.Parallel(context.Background(), len(views), func(i int) {
			if views[i].Pages != nil {
				viewJobs[i] = views[i].Pages(p)
			}
		})
	})
	// The home page's figures are worked out when it is rendered (the dev server
	// renders it only when asked for).
	jobs := []PageJob{
		LazyData(PageJob{URL: "", Layout: "home.html", Page: &Page{Title: p.Config.Title, Section: "home"}},
			func() HomeData { return homeData(p) }),
		{URL: "documents/", Layout: "documents.html", Page: &Page{Title: "All documents", Section: "documents", Data: kindSummaries(p)}},
		{URL: "search/", Layout: "search.html", Page: &Page{Title: "Search", Section: "search"}},
		{URL: "404/", File: "404.html", Layout: "404.html", Page: &Page{Title: "Page not found"}},
	}
	for _, kl := range r.site.kinds {
		kind, docs, pages := kl.kind, kl.docs, kl.pages
		for k := range pages.Pages() {
			from, to := pages.Range(k)
			title := pages.Title(kind.Plural, k)
			jobs = append(jobs, Content(PageJob{URL: pages.URL(k), Layout: "kind.html",
				Page: &Page{Title: title, Section: kind.Name, Kind: kind, Docs: docs[from:to]}},
				kindContent, func() KindIndex {
					ki := kindIndex(p, kind, docs)
					ki.Pages, ki.PageNo = pages, k
					return ki
				}))
		}
	}
	for _, d := range p.Docs {
		jobs = append(jobs, documentJob(PageJob{URL: d.URL, Layout: "page.html",
			Page: &Page{Title: d.Title, Section: d.Kind, Doc: d, Kind: p.Schema.Kinds[d.Kind]}}))
	}
	for _, g := range []struct {
		section, title string
		groups         []DocGroup
	}{
		{"owners", "Owners", r.site.owners},
		{"tags", "Tags", r.site.tags},
	} {
		groups := g.groups
		jobs = append(jobs, PageJob{URL: g.section + "/", Layout: "list.html",
			Page: &Page{Title: g.title, Section: g.section, Data: groups}})
		for _, grp := range groups {
			jobs = append(jobs, Content(PageJob{URL: g.section + "/" + grp.Slug + "/", Layout: "group.html",
				Page: &Page{Title: grp.Name, Section: g.section, Docs: grp.Docs}},
				groupContent, func() []KindGroup { return groupByKind(p, grp.Docs) }))
		}
	}
	listing.Wait()
	for _, vj := range viewJobs {
		jobs = append(jobs, vj...)
	}
	return replaceByURL(jobs)
}

// replaceByURL keeps one page per URL: a later job (a view's page) takes the place of
// an earlier one (the kind index at reviews/ is the reviews view's page).
func replaceByURL(jobs []PageJob) []PageJob {
	at := map[string]int{}
	out := jobs[:0]
	for _, j := range jobs {
		key := j.URL + "\x00" + j.File
		if i, ok := at[key]; ok {
			out[i] = j
			continue
		}
		at[key] = len(out)
		out = append(out, j)
	}
	return out
}

// NonEmpty returns s as a one-element list, or nil when s is empty.
func NonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// DocGroup is the documents sharing an owner or a tag.
type DocGroup struct {
	Name string
	Slug string
	Docs []*generator.Document
}

// groupDocs groups documents (sorted by title) by the names key returns, sorted
// by name, each group's documents in the order given; slugs are
// made unique in that order.
func groupDocs(docs []*generator.Document, key func(*generator.Document) []string) []DocGroup {
	byName := map[string][]*generator.Document{}
	for _, d := range docs {
		for _, k := range key(d) {
			byName[k] = append(byName[k], d)
		}
	}
	names := generator.SortedKeys(byName)
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	used := map[string]bool{}
	out := make([]DocGroup, 0, len(names))
	for _, n := range names {
		s := groupSlugBase(n)
		for i := 2; used[s]; i++ {
			s = groupSlugBase(n) + "-" + strconv.Itoa(i)
		}
		used[s] = true
		out = append(out, DocGroup{Name: n, Slug: s, Docs: byName[n]})
	}
	return out
}

// sortByTitle sorts a list of documents as readers look for them, by title
// (ignoring case, then exactly), then by id, which is unique: the order of the
// kind indexes and the owner and tag pages.
func sortByTitle(docs []*generator.Document) []*generator.Document {
	// Each title is folded once, not at each comparison: the dev server sorts
	// every kind's documents after every save.
	type keyed struct {
		folded string
		d      *generator.Document
	}
	keys := make([]keyed, len(docs))
	for i, d := range docs {
		keys[i] = keyed{strings.ToLower(d.Title), d}
	}
	slices.SortFunc(keys, func(x, y keyed) int {
		return cmp.Or(cmp.Compare(x.folded, y.folded), cmp.Compare(x.d.Title, y.d.Title), cmp.Compare(x.d.ID, y.d.ID))
	})
	for i, k := range keys {
		docs[i] = k.d
	}
	return docs
}

// sortByOrder sorts a kind's index, sorted by title, by the kind's order field
// (Kind.Order; "-date" is newest first): enums by their place in the schema,
// documents without a value last, each run of equal values still by title.
func sortByOrder(s *generator.Schema, kind *generator.Kind, docs []*generator.Document) []*generator.Document {
	if kind.Order == "" {
		return docs
	}
	name, desc := strings.CutPrefix(kind.Order, "-")
	ranks := s.EnumValues(kind.Name, name)
	value := func(d *generator.Document) any {
		v := d.Fields.Get(name)
		if name == "status" {
			v = d.Status
		}
		if str, ok := v.(string); ok && ranks != nil {
			if i := slices.Index(ranks, str); i >= 0 {
				return i
			}
			return nil
		}
		return v
	}
	slices.SortStableFunc(docs, func(x, y *generator.Document) int {
		a, b := value(x), value(y)
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil: // no value last
			return 1
		case b == nil:
			return -1
		case desc:
			return compareValues(b, a)
		}
		return compareValues(a, b)
	})
	return docs
}

// compareValues orders two front-matter values of one field's type; values of
// types that do not sort compare equal.
func compareValues(a, b any) int {
	switch a := a.(type) {
	case generator.Date:
		if b, ok := b.(generator.Date); ok {
			return a.Compare(b.Time)
		}
	case generator.Period:
		if b, ok := b.(generator.Period); ok {
			return cmp.Or(a.Start.Compare(b.Start), a.End.Compare(b.End))
		}
	case int:
		if b, ok := b.(int); ok {
			return cmp.Compare(a, b)
		}
	case float64:
		if b, ok := b.(float64); ok {
			return cmp.Compare(a, b)
		}
	case string:
		if b, ok := b.(string); ok {
			return cmp.Or(cmp.Compare(strings.ToLower(a), strings.ToLower(b)), cmp.Compare(a, b))
		}
	}
	return 0
}

// maxGroupSlug bounds the slug of an owner or tag page, a folder name: a file
// system refuses names over 255 bytes.
const maxGroupSlug = 80

// groupSlugBase is a name's slug before it is made unique, at most maxGroupSlug
// bytes.
func groupSlugBase(name string) string {
	s := generator.Slug(name)
	if len(s) > maxGroupSlug {
		s = strings.TrimRight(s[:maxGroupSlug], "-")
	}
	return s
}

// KindGroup is the documents of one kind within a list.
type KindGroup struct {
	Kind *generator.Kind
	Docs []*generator.Document
}

func groupByKind(p *generator.Portfolio, docs []*generator.Document) []KindGroup {
	var out []KindGroup
	for _, name := range p.Schema.Order {
		var ds []*generator.Document
		for _, d := range docs {
			if d.Kind == name {
				ds = append(ds, d)
			}
		}
		if len(ds) > 0 {
			out = append(out, KindGroup{Kind: p.Schema.Kinds[name], Docs: ds})
		}
	}
	return out
}

// StatusCount is how many documents of a kind have one status.
type StatusCount struct {
	Status string
	Count  int
}

// KindSummary is a kind with its document count and status breakdown.
type KindSummary struct {
	Kind     *generator.Kind
	Count    int
	Statuses []StatusCount
}

func kindSummaries(p *generator.Portfolio) []KindSummary {
	var out []KindSummary
	for _, name := range p.Schema.Order {
		kind := p.Schema.Kinds[name]
		out = append(out, KindSummary{Kind: kind, Count: len(p.ByKind[name]), Statuses: statusCounts(kind, p.ByKind[name])})
	}
	return out
}

// statusCounts counts documents per status, in the kind's status order, then any
// status the schema does not list, then documents with none.
func statusCounts(kind *generator.Kind, docs []*generator.Document) []StatusCount {
	counts := map[string]int{}
	for _, d := range docs {
		counts[d.Status]++
	}
	var out []StatusCount
	for _, s := range kind.Statuses {
		if counts[s] > 0 {
			out = append(out, StatusCount{s, counts[s]})
			delete(counts, s)
		}
	}
	for _, s := range generator.SortedKeys(counts) {
		label := s
		if s == "" {
			label = "no status"
		}
		out = append(out, StatusCount{label, counts[s]})
	}
	return out
}

// HomeData is what the home page shows: the portfolio at a glance.
type HomeData struct {
	Kinds []KindSummary
	Total int
	Stale []generator.StaleDocument
	Cards []Card
	// Trends is the cards' figures over the past months, or nil.
	Trends *Trends
}

// Card is one figure on the home page with the page that explains it.
type Card struct {
	Title  string
	Value  string
	Detail string
	URL    string
	Alert  AlertLevel // "" when the figure needs no action
	// Trend is the figure's chart over the past months (trends.go), or "".
	Trend template.HTML
}

// AlertLevel is how urgent a home card's figure is, chosen by the view from
// what the card counts, so that one expiring waiver does not look like an open
// critical risk: the card's class is alert-LEVEL.
type AlertLevel string

const (
	// AlertWarning is something to plan for: an expiring waiver, a slipped item.
	AlertWarning AlertLevel = "warning"
	// AlertCritical is something to act on now: an expired waiver, a critical risk.
	AlertCritical AlertLevel = "critical"
)

// AlertIf returns level when cond holds, else no alert.
func AlertIf(cond bool, level AlertLevel) AlertLevel {
	if cond {
		return level
	}
	return ""
}

// WorstAlert returns the level of whichever of critical and warning holds,
// critical first.
func WorstAlert(critical, warning bool) AlertLevel {
	return cmp.Or(AlertIf(critical, AlertCritical), AlertIf(warning, AlertWarning))
}

func homeData(p *generator.Portfolio) HomeData {
	h := HomeData{Kinds: kindSummaries(p), Total: len(p.Docs), Stale: p.Stale, Cards: HomeCards(p)}
	h.Trends = addTrends(p, h.Cards)
	return h
}

// HomeCards are the home page's key figures for p, in the views' order.
func HomeCards(p *generator.Portfolio) []Card {
	cards := []Card{{Title: "Documents", Value: strconv.Itoa(len(p.Docs)),
		Detail: "across " + strconv.Itoa(len(p.ByKind)) + " kinds", URL: "documents/"}}
	for _, v := range views {
		if v.Cards != nil {
			cards = append(cards, v.Cards(p)...)
		}
	}
	return cards
}

// KindIndex is a kind's index page: its documents with filters.
type KindIndex struct {
	Columns  []string
	Statuses []StatusCount // of every document of the kind, on any page
	Filters  []Filter
	// Pages cuts the index into pages (Page.Docs are this page's), PageNo is
	// this page's, from 0.
	Pages  pager.List
	PageNo int
}

// KindIndexPerPage is how many documents a page of a kind's index lists: a
// row is about 600 bytes, so a page stays well under a megabyte.
const KindIndexPerPage = 800

// Filter is one select of a filter form: the rows' field it filters (the
// name of the rows' data- attribute and of the query string's key), its label
// and the values rows have for it, each an option's value as written in the
// rows, so that a link (blueprints/?domain=payments) means the same on every
// list that filters on the field.
type Filter struct {
	Name, Label string
	Values      []string
	// Show is the text of a value's option: the value's words for an enum
	// ("End of life" for end-of-life) or a domain; the value itself when nil
	// (a name, a title, a protocol).
	Show func(string) string
}

// Option returns the text of the option of value v.
func (f Filter) Option(v string) string {
	if f.Show == nil {
		return v
	}
	return f.Show(v)
}

// Options returns the text of each value's option, in order. Two values whose
// words are the same but for case (digital-channels and digital_channels are
// both "Digital channels"; site.js matches a link's words to an option's
// whatever their case) each show their value too, "Digital channels
// (digital_channels)", so that a reader can tell their options apart.
func (f Filter) Options() []string { return f.optionsBy(f.Option) }

// optionsBy is Options with the words of a value given by show.
func (f Filter) optionsBy(show func(string) string) []string {
	texts := make([]string, len(f.Values))
	seen := make(map[string]int, len(f.Values))
	for i, v := range f.Values {
		texts[i] = show(v)
		seen[strings.ToLower(texts[i])]++
	}
	for i, v := range f.Values {
		if seen[strings.ToLower(texts[i])] > 1 && texts[i] != v {
			texts[i] += " (" + v + ")"
		}
	}
	return texts
}

// InOrder is the values of a filter of an enum: those of set (the values the
// rows have) in order (the schema's), then any others, sorted. set is left as
// it was.
func InOrder(order []string, set map[string]bool) []string {
	var out []string
	for _, v := range order {
		if set[v] {
			out = append(out, v)
		}
	}
	var rest []string
	for v := range set {
		if !slices.Contains(order, v) {
			rest = append(rest, v)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// DomainValues is the values of a domain filter, sorted, with NoDomain last,
// as the lists put the documents of no domain; none when no document has a
// domain (a select of "No domain" alone filters nothing).
func DomainValues(values []string) []string {
	i := slices.Index(values, generator.NoDomain)
	if i < 0 {
		return values
	}
	if len(values) == 1 {
		return nil
	}
	return append(slices.Delete(values, i, i+1), generator.NoDomain)
}

func kindIndex(p *generator.Portfolio, kind *generator.Kind, docs []*generator.Document) KindIndex {
	ki := KindIndex{Columns: kind.Columns, Statuses: statusCounts(kind, docs)}
	values := func(get func(*generator.Document) []string) []string {
		seen := map[string]bool{}
		for _, d := range docs {
			for _, v := range get(d) {
				seen[v] = true
			}
		}
		return generator.SortedKeys(seen)
	}
	ki.Filters = append(ki.Filters,
		Filter{Name: "status", Label: "Status", Values: values(func(d *generator.Document) []string { return NonEmpty(d.Status) }), Show: generator.Humanize},
		Filter{Name: "owner", Label: "Owner", Values: values(func(d *generator.Document) []string { return NonEmpty(d.Owner) })})
	if kind.Fields.ByName["domain"] != nil {
		ki.Filters = append(ki.Filters, Filter{Name: "domain", Label: "Domain", Values: DomainValues(values(func(d *generator.Document) []string { return []string{d.FilterValue("domain")} })), Show: generator.Humanize})
	}
	ki.Filters = append(ki.Filters, Filter{Name: "tag", Label: "Tag", Values: values(func(d *generator.Document) []string { return d.Tags })})
	return ki
}
