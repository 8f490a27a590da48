// Package synth generates a synthetic architecture portfolio for benchmarks: a
// deterministic (same size, shape and seed, same bytes) set of documents of every
// kind, valid for archfolio, with dependencies between blueprints (a DAG),
// alignment records against the standards, roadmap items, threat models, reviews
// and remediation items, and markdown bodies of 600–1,500 words with headings, a
// table, lists, two fenced code blocks and 3–6 cross-links. The same bodies can be
// written as a Hugo site so both tools build the same markdown.
//
// Two shapes (Options.Shape): Shallow, every kind in realistic proportions
// (about 30% blueprints) with dependencies drawn mostly from the first
// blueprints, so the graph stays shallow; and HubHeavy, the shape of a portfolio
// with hubs (identity, logging, networking that most blueprints need through
// others): about 90% blueprints, 5% standards (500 at 10,000 documents) and a
// few of every other kind; each blueprint depends on 0–5 blueprints chosen
// uniformly among those written before it and has 3–8 alignment records.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"
)

// Options says what to generate.
type Options struct {
	N    int    // number of documents, at least MinN
	Seed uint64 // the same seed and N give the same bytes
	// Today anchors every date (reviews in the past, waivers in the future); the
	// zero value means 2026-11-27, the date the benchmark builds with.
	Today time.Time
	// Shape is the portfolio's shape; the zero value is Shallow.
	Shape Shape
}

// Shape is the shape of a generated portfolio: the kinds' proportions and how
// blueprints depend on each other.
type Shape string

// The shapes Generate makes.
const (
	Shallow  Shape = "shallow"
	HubHeavy Shape = "hub"
)

// Shapes lists the shapes, for flags.
var Shapes = []Shape{Shallow, HubHeavy}

// ParseShape returns the shape named s ("" is Shallow).
func ParseShape(s string) (Shape, error) {
	switch Shape(s) {
	case "", Shallow:
		return Shallow, nil
	case HubHeavy:
		return HubHeavy, nil
	}
	return "", fmt.Errorf("synth: unknown shape %q: want %s or %s", s, Shallow, HubHeavy)
}

// MinN is the smallest portfolio Generate makes: one document of every kind and a
// few blueprints.
const MinN = 20

// File is one generated file, its path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Site is a generated portfolio.
type Site struct {
	// Files are archfolio.yaml and the documents under content/, sorted by path.
	Files []File
	docs  []*doc
	byID  map[string]*doc
}

// share is each kind's part of N in the Shallow shape; blueprints take what is
// left (about 30%).
var share = []struct {
	kind  string
	share float64
}{
	{"standard", .05}, {"roadmap", .08}, {"threat-model", .08}, {"review", .10}, {"remediation", .15},
	{"decision", .10}, {"vendor", .03}, {"nfr", .03}, {"poc", .03}, {"guide", .05},
}

// sections are the content folders, by kind.
var sections = map[string]string{
	"blueprint": "blueprints", "standard": "standards", "roadmap": "roadmap", "threat-model": "threat-models",
	"review": "reviews", "remediation": "remediation", "decision": "decisions", "vendor": "vendors",
	"nfr": "nfrs", "poc": "pocs", "guide": "guides",
}

// doc is one document while it is being generated.
type doc struct {
	kind, id, title, path string
	fm                    bytes.Buffer // front matter lines, without the --- fences
	related               []string     // ids the body should link to first
	body                  []byte

	// blueprint
	domain     string
	components []string
	// standard
	statements []string
	// decision
	supersedes *doc
	superseded bool
	// roadmap: start and end quarters, counted from today's
	qStart, qEnd int
	status       string
	// review and threat model
	subject *doc
	raised  []string // remediation items raised by this review or threat model
}

// gen is one run of the generator.
type gen struct {
	rng    *rand.Rand
	today  time.Time
	shape  Shape
	byKind map[string][]*doc
	byID   map[string]*doc
	all    []*doc
	// appliesTo lists, per domain, the standards whose applies_to names it; every
	// blueprint of the domain gets a record for each, so there are no gaps.
	appliesTo map[string][]*doc
	// tmOf is each blueprint's threat model, for evidence.
	tmOf map[*doc]*doc
}

// Generate makes a portfolio of opts.N documents.
func Generate(opts Options) (*Site, error) {
	if opts.N < MinN {
		return nil, fmt.Errorf("synth: N must be at least %d, not %d", MinN, opts.N)
	}
	shape, err := ParseShape(string(opts.Shape))
	if err != nil {
		return nil, err
	}
	g := &gen{rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		today: opts.Today, shape: shape, byKind: map[string][]*doc{}, byID: map[string]*doc{},
		appliesTo: map[string][]*doc{}, tmOf: map[*doc]*doc{}}
	if g.today.IsZero() {
		g.today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	}
	g.plan(opts.N)
	g.frontMatter()
	for _, d := range g.all {
		d.body = g.body(d)
	}
	s := &Site{docs: g.all, byID: g.byID}
	s.Files = append(s.Files, File{Path: "archfolio.yaml", Data: []byte(siteConfig)})
	for _, d := range g.all {
		var b bytes.Buffer
		b.WriteString("---\n")
		b.Write(d.fm.Bytes())
		b.WriteString("---\n\n")
		b.Write(d.body)
		s.Files = append(s.Files, File{Path: d.path, Data: b.Bytes()})
	}
	slices.SortFunc(s.Files, func(a, b File) int { return compareStrings(a.Path, b.Path) })
	return s, nil
}

const siteConfig = `title: Synthetic Mutual — Architecture Portfolio
jira:
  url: https://jira.example.invalid/browse/{key}
sla: {critical: 30, high: 30, medium: 90, low: 180}
frameworks:
  nist-800-53r5: {title: "NIST SP 800-53 Rev. 5"}
  iso-27001-2022: {title: "ISO/IEC 27001:2022 Annex A"}
`

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// plan decides how many documents of each kind there are and gives each its id,
// title and path, so that references can be drawn before any front matter exists.
func (g *gen) plan(n int) {
	counts := map[string]int{}
	rest := n
	shares := share
	if g.shape == HubHeavy {
		shares = hubShare
	}
	for _, s := range shares {
		c := max(1, int(float64(n)*s.share))
		counts[s.kind] = c
		rest -= c
	}
	counts["blueprint"] = rest
	for _, kind := range append([]string{"blueprint"}, shareKinds()...) {
		for i := range counts[kind] {
			d := g.newDoc(kind, i)
			d.path = path.Join("content", sections[kind], d.id+".md")
			g.byKind[kind] = append(g.byKind[kind], d)
			g.byID[d.id] = d
			g.all = append(g.all, d)
		}
	}
}

// hubShare is each kind's part of N in the HubHeavy shape: standards as in
// Shallow, a few of every other kind so that every view has something, and
// blueprints take what is left (about 90%).
var hubShare = []struct {
	kind  string
	share float64
}{
	{"standard", .05}, {"roadmap", .005}, {"threat-model", .005}, {"review", .005}, {"remediation", .005},
	{"decision", .005}, {"vendor", .005}, {"nfr", .005}, {"poc", .005}, {"guide", .005},
}

func shareKinds() []string {
	out := make([]string, len(share))
	for i, s := range share {
		out[i] = s.kind
	}
	return out
}

// WriteDir writes files under dir, creating folders as needed.
func WriteDir(dir string, files []File) error {
	made := map[string]bool{}
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if parent := filepath.Dir(full); !made[parent] {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return err
			}
			made[parent] = true
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pick returns a random element of list.
func pick[T any](g *gen, list []T) T { return list[g.rng.IntN(len(list))] }

// pickN returns k distinct random elements of list (all of them when k ≥ len).
func pickN[T any](g *gen, list []T, k int) []T {
	if k >= len(list) {
		return slices.Clone(list)
	}
	idx := g.rng.Perm(len(list))[:k]
	slices.Sort(idx)
	out := make([]T, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// pickFew returns k distinct random elements of list (all of them when k ≥ len),
// in list order, drawing k times rather than shuffling the whole list as pickN
// does: a blueprint of the HubHeavy shape picks among every earlier one.
func pickFew[T any](g *gen, list []T, k int) []T {
	if k >= len(list) {
		return slices.Clone(list)
	}
	idx := make([]int, 0, k)
	for len(idx) < k {
		if i := g.rng.IntN(len(list)); !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	slices.Sort(idx)
	out := make([]T, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// between returns a random int in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// daysFromToday returns today plus (or minus) days, as YYYY-MM-DD.
func (g *gen) daysFromToday(days int) string {
	return g.today.AddDate(0, 0, days).Format(time.DateOnly)
}

// quarter returns the quarter q quarters from today's, as 2026-Q3.
func (g *gen) quarter(q int) string {
	y, m := g.today.Year(), int(g.today.Month())
	idx := y*4 + (m-1)/3 + q
	return fmt.Sprintf("%d-Q%d", idx/4, idx%4+1)
}

// quarterStart returns the first day of the quarter q quarters from today's.
func (g *gen) quarterStart(q int) time.Time {
	y, m := g.today.Year(), int(g.today.Month())
	idx := y*4 + (m-1)/3 + q
	return time.Date(idx/4, time.Month(idx%4*3+1), 1, 0, 0, 0, 0, time.UTC)
}
