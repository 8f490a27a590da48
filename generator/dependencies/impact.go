package dependencies

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/graph"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// ImpactSet is what a change to a blueprint may break: every blueprint that
// depends on it, directly or through others.
type ImpactSet struct {
	Blueprint *generator.Document
	// Dependents are sorted by how much is at stake: criticality, open critical
	// risks, then the shortest path first, then id.
	Dependents []ImpactEntry
	// Direct counts the dependents at depth 1.
	Direct int
}

// ImpactEntry is one dependent of an ImpactSet.
type ImpactEntry struct {
	Doc *generator.Document
	// Depth is the length of the shortest dependency path to the blueprint.
	Depth int
	// Path is that path, from the changed blueprint to this dependent (only
	// from Impact: the pages show Via, so that they stay linear in the set).
	Path []*generator.Document
	// Via is the blueprint before this one on the path: the changed blueprint
	// for a direct dependent.
	Via               *generator.Document
	Criticality       string
	Lifecycle         string
	OpenCriticalRisks int
	// InCycle is true when the dependent is part of a dependency cycle.
	InCycle bool

	rank int // criticalityRank(Criticality), for ordering
}

// Impact returns the impact set of the blueprint with the id: an error names an
// unknown id (with the closest known one) or a document that is not a blueprint.
func Impact(p *generator.Portfolio, id string) (*ImpactSet, error) {
	d := p.ByID[id]
	if d == nil {
		var ids []string
		for _, b := range p.ByKind["blueprint"] {
			ids = append(ids, b.ID)
		}
		return nil, fmt.Errorf("no blueprint with id %q%s", id, diag.DidYouMean(id, ids))
	}
	if d.Kind != "blueprint" {
		return nil, fmt.Errorf("%q is a %s; impact works on blueprints", id, d.Kind)
	}
	return impactSet(p, d), nil
}

// blueprintInfo is what an impact set says of a blueprint.
type blueprintInfo struct {
	doc                    *generator.Document
	criticality, lifecycle string
	rank, risks            int
	inCycle                bool
}

// blueprintInfos reads blueprintInfo for every blueprint of the graph.
func blueprintInfos(p *generator.Portfolio, deps *Dependencies) map[string]*blueprintInfo {
	out := make(map[string]*blueprintInfo, len(p.ByKind["blueprint"]))
	for _, d := range p.ByKind["blueprint"] {
		c := d.Fields.String("criticality")
		out[d.ID] = &blueprintInfo{doc: d, criticality: c, lifecycle: d.Fields.String("lifecycle"),
			rank: criticalityRank(c), risks: deps.risks[d.ID], inCycle: deps.inCycle[d.ID] > 0}
	}
	return out
}

// impactSet is d's impact set, each entry with its whole path (quadratic in a
// long chain: the pages use summarise).
func impactSet(p *generator.Portfolio, d *generator.Document) *ImpactSet {
	deps := Of(p)
	set := &ImpactSet{Blueprint: d}
	reach := graph.Dependents(deps.Graph, d.ID, 0)
	for _, r := range reach {
		in := deps.info[r.ID]
		if in == nil {
			continue // the graph has blueprints only
		}
		e := ImpactEntry{Doc: in.doc, Depth: r.Depth, Criticality: in.criticality, Lifecycle: in.lifecycle,
			OpenCriticalRisks: in.risks, InCycle: in.inCycle, rank: in.rank}
		if via := deps.info[r.Via]; via != nil {
			e.Via = via.doc
		}
		for _, id := range r.Path {
			e.Path = append(e.Path, p.ByID[id])
		}
		if r.Depth == 1 {
			set.Direct++
		}
		set.Dependents = append(set.Dependents, e)
	}
	// The ids make the order total, so an unstable sort gives the one order.
	slices.SortFunc(set.Dependents, func(a, b ImpactEntry) int {
		return cmp.Or(cmp.Compare(b.rank, a.rank), cmp.Compare(b.OpenCriticalRisks, a.OpenCriticalRisks),
			cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	return set
}

// Summary says in one sentence how far a change to the blueprint reaches.
func (s *ImpactSet) Summary() string {
	crit := 0
	for _, e := range s.Dependents {
		if e.Criticality == "mission-critical" {
			crit++
		}
	}
	return impactSentence(s.Blueprint, len(s.Dependents), s.Direct, crit)
}

// impactSentence says in one sentence how far a change to d reaches: n
// dependents, direct of them directly, crit of them mission-critical.
func impactSentence(d *generator.Document, n, direct, crit int) string {
	if n == 0 {
		return "No blueprint depends on " + d.Title + "."
	}
	return fmt.Sprintf("%s: %s depend on it, %d directly; %d of them mission-critical.",
		d.Title, generator.Plural(n, "blueprint", "blueprints"), direct, crit)
}

// ImpactFormats are the output formats of WriteImpact.
var ImpactFormats = []string{"text", "json"}

// ImpactJSON is the JSON form of an ImpactSet, for scripts.
type ImpactJSON struct {
	Blueprint  string            `json:"blueprint"`
	Title      string            `json:"title"`
	Direct     int               `json:"direct"`
	Total      int               `json:"total"`
	Dependents []ImpactEntryJSON `json:"dependents"`
}

// ImpactEntryJSON is one dependent in ImpactJSON.
type ImpactEntryJSON struct {
	ID                string   `json:"id"`
	Title             string   `json:"title"`
	Depth             int      `json:"depth"`
	Path              []string `json:"path"`
	Criticality       string   `json:"criticality,omitempty"`
	Lifecycle         string   `json:"lifecycle,omitempty"`
	Owner             string   `json:"owner,omitempty"`
	OpenCriticalRisks int      `json:"open_critical_risks"`
	InCycle           bool     `json:"in_cycle,omitempty"`
	URL               string   `json:"url"`
}

// WriteImpact writes the impact set as text (a table) or json.
func WriteImpact(w io.Writer, s *ImpactSet, format string) error {
	switch format {
	case "json":
		out := ImpactJSON{Blueprint: s.Blueprint.ID, Title: s.Blueprint.Title, Direct: s.Direct, Total: len(s.Dependents),
			Dependents: []ImpactEntryJSON{}}
		for _, e := range s.Dependents {
			out.Dependents = append(out.Dependents, ImpactEntryJSON{ID: e.Doc.ID, Title: e.Doc.Title, Depth: e.Depth,
				Path: pathIDs(e.Path), Criticality: e.Criticality, Lifecycle: e.Lifecycle, Owner: e.Doc.Owner,
				OpenCriticalRisks: e.OpenCriticalRisks, InCycle: e.InCycle, URL: e.Doc.URL})
		}
		data, err := render.IndentJSON(out)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	case "text":
		return writeImpactText(w, s)
	}
	return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(ImpactFormats, ", "))
}

func writeImpactText(w io.Writer, s *ImpactSet) error {
	if _, err := fmt.Fprintln(w, s.Summary()); err != nil {
		return err
	}
	if len(s.Dependents) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DEPTH\tID\tCRITICALITY\tLIFECYCLE\tOWNER\tOPEN CRITICAL RISKS\tPATH")
	for _, e := range s.Dependents {
		path := strings.Join(pathIDs(e.Path), " <- ")
		if e.InCycle {
			path += " (in a cycle)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", e.Depth, e.Doc.ID, dash(e.Criticality), dash(e.Lifecycle),
			dash(e.Doc.Owner), e.OpenCriticalRisks, path)
	}
	return tw.Flush()
}

func pathIDs(docs []*generator.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return ids
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ImpactPage is the page of one blueprint's impact set; its rows are built when
// the page is rendered (on all cores), ready to print with few template actions.
type ImpactPage struct {
	deps *Dependencies
	sum  *impactSummary
	url  string
}

// ImpactRows is how many dependents an impact page lists, the most at stake
// first: a page per blueprint that listed every dependent would make the site
// quadratic in the portfolio (a cycle of 1,000 blueprints wrote 5.4 GB). The
// page counts the rest; `archfolio impact ID` lists them all.
const ImpactRows = 100

// ImpactRow is one dependent as the impact page shows it.
type ImpactRow struct {
	Title, Href, Owner          string
	Depth, Risks                int
	Criticality, CriticalityTag string // "Mission critical", "mission-critical"
	Lifecycle, LifecycleTag     string // "Phase out", "phase-out"
	Sunset, InCycle             bool
	// Via and ViaHref name the blueprint this one depends on the changed one
	// through ("" for a direct dependent): each row names one step, and the
	// steps together spell every path.
	Via, ViaHref string
}

// Rows returns the page's table rows: the first ImpactRows of the impact set,
// in its order.
func (ip *ImpactPage) Rows() []ImpactRow {
	shown := ip.sum.top
	rows := make([]ImpactRow, len(shown))
	for i, e := range shown {
		rows[i] = ImpactRow{Title: e.Doc.Title, Href: generator.RelURL(ip.url, e.Doc.URL), Owner: e.Doc.Owner, Depth: e.Depth,
			Risks: e.OpenCriticalRisks, Criticality: generator.Humanize(e.Criticality), CriticalityTag: e.Criticality,
			Lifecycle: generator.Humanize(e.Lifecycle), LifecycleTag: e.Lifecycle, Sunset: sunsetOf("", e.Lifecycle) != "", InCycle: e.InCycle}
		if e.Depth > 1 && e.Via != nil {
			rows[i].Via, rows[i].ViaHref = e.Via.Title, generator.RelURL(ip.url, e.Via.URL)
		}
	}
	return rows
}

// impactDomains is how many domains an impact page counts by name; the others
// are counted together.
const impactDomains = 10

// ImpactCount is how many dependents have one criticality or lifecycle.
type ImpactCount struct {
	Name string
	N    int
}

// countList orders counts by size, then name.
func countList(counts map[string]int) []ImpactCount {
	names := generator.SortedKeys(counts)
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	out := make([]ImpactCount, len(names))
	for i, n := range names {
		out[i] = ImpactCount{Name: n, N: counts[n]}
	}
	return out
}

// RowsHTML writes the table rows (Rows) as the theme's impact.html wrote them: a
// blueprint depended on by most of the portfolio has thousands, on each of
// thousands of pages, and a template loop made a reflective call per value.
func (ip *ImpactPage) RowsHTML(pg *render.Page) template.HTML {
	var buf bytes.Buffer
	ip.writeRows(pg.Writer(&buf), pg)
	return template.HTML(buf.String())
}

func (ip *ImpactPage) writeRows(w markup.Writer, pg *render.Page) {
	// Criticality and lifecycle sort in the schema's order, not alphabetically.
	crit, life := pg.EnumValues("blueprint", "criticality"), pg.EnumValues("blueprint", "lifecycle")
	for _, r := range ip.Rows() {
		w.Raw("\n<tr><td>")
		w.Link(r.Href, r.Title)
		w.Raw("</td><td class=\"num\">")
		w.Int(r.Depth)
		w.Raw("</td><td class=\"crit crit-")
		w.Text(r.CriticalityTag)
		w.Raw("\"")
		render.PutSortRank(w, crit, r.CriticalityTag)
		w.Raw(">")
		w.Text(r.Criticality)
		w.Raw("</td>\n<td")
		render.PutSortRank(w, life, r.LifecycleTag)
		if r.Sunset {
			w.Raw(" class=\"sunset-flag\">⚠ ")
		} else {
			w.Raw(">")
		}
		w.Text(r.Lifecycle)
		w.Raw("</td><td>")
		w.Text(r.Owner)
		w.Raw("</td>\n<td class=\"num")
		if r.Risks != 0 {
			w.Raw(" risk-flag\">⚠ ")
		} else {
			w.Raw("\">")
		}
		w.Int(r.Risks)
		w.Raw("</td><td class=\"impact-path\">")
		if r.Via == "" {
			w.Raw("directly")
		} else {
			w.Link(r.ViaHref, r.Via)
		}
		if r.InCycle {
			w.Raw(" <span class=\"cycle-flag\">↺ in a cycle</span>")
		}
		w.Raw("</td></tr>")
	}
}

// writeCounts writes counts as "3 mission critical, 1 high".
func writeCounts(w markup.Writer, counts []ImpactCount) {
	for i, c := range counts {
		if i > 0 {
			w.Raw(", ")
		}
		w.Int(c.N)
		w.Raw(" ")
		w.Text(strings.ToLower(generator.Humanize(c.Name)))
	}
}

// writeCountsAsIs writes counts as "3 in Claims, 1 directly", names as they are.
func writeCountsAsIs(w markup.Writer, counts []ImpactCount) {
	for i, c := range counts {
		if i > 0 {
			w.Raw(", ")
		}
		w.Int(c.N)
		w.Raw(" ")
		w.Text(c.Name)
	}
}

// impactContent is the content of the impact page.
var impactContent = markup.New[render.PageData[*ImpactPage]]("impact-content", render.ContentWriter(impactHTML))

// impactHTML writes the "impact-content" component (layout.go): a
// blueprint's impact set.
func impactHTML(pg *render.Page, ip *ImpactPage) (template.HTML, error) {
	d, s := pg.Doc, ip.sum
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	w.Raw("\n<p class=\"kind-label\"><a href=\"")
	w.URL(pg.Rel("dependencies/"))
	w.Raw("\">Dependency map</a> · Impact analysis</p>\n<h1>Impact of changing ")
	w.Link(pg.Rel(d.URL), d.Title)
	w.Raw("</h1>\n<p class=\"lede\">")
	w.Text(impactSentence(d, s.n, s.direct, s.missionCritical))
	w.Raw("</p>\n<p class=\"doc-meta\">")
	putCriticality(w, d.Fields.String("criticality"))
	w.Raw(" · ")
	render.PutStatus(w, d.Status)
	if l := d.Fields.String("lifecycle"); l != "" {
		w.Raw(" · ")
		putLifecycle(w, l)
	}
	if d.Owner != "" {
		w.Raw(" · Owner: ")
		w.Text(d.Owner)
	}
	w.Raw("</p>")
	if n := s.n; n > 0 {
		crit, life, deepest := ip.Counts()
		w.Raw("\n<p class=\"impact-counts\">By criticality: ")
		writeCounts(w, crit)
		w.Raw(". By lifecycle: ")
		writeCounts(w, life)
		w.Raw(". Longest path: ")
		w.Int(deepest)
		domains, depths := ip.Spread()
		w.Raw(". By domain: ")
		writeCountsAsIs(w, domains)
		w.Raw(". By path length: ")
		writeCountsAsIs(w, depths)
		w.Raw(".</p>\n<p>")
		if n > ImpactRows {
			w.Raw("The ")
			w.Int(ImpactRows)
			w.Raw(" of the ")
			w.Int(n)
			w.Raw(" blueprints that depend on it with the most at stake")
		} else {
			w.Raw("Every blueprint that depends on it, directly or through others, most at stake first")
		}
		w.Raw(": by criticality, then open critical risks (threats of critical severity still open or being mitigated, and critical remediation items not done), then the shortest path. \"Through\" names the blueprint each one depends on this one through, on its shortest path.</p>\n<table class=\"data sortable\">\n<thead><tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Path length</th><th scope=\"col\">Criticality</th><th scope=\"col\">Lifecycle</th><th scope=\"col\">Owner</th><th scope=\"col\" class=\"num\">Open critical risks</th><th scope=\"col\">Through</th></tr></thead>\n<tbody>")
		ip.writeRows(w, pg)
		w.Raw("\n</tbody>\n</table>")
		if n > ImpactRows {
			writeAllDependents(w, pg, n)
		}
	}
	w.Raw("\n<p>The complete list, with every path, for scripts and reviews: <code>archfolio impact ")
	w.Text(d.ID)
	w.Raw("</code> (add <code>--format json</code>).</p>\n")
	return pg.Lend(buf), nil
}

// writeAllDependents writes the control that lists all n dependents in the
// browser (assets/impact.js), from EdgesFile.
func writeAllDependents(w markup.Writer, pg *render.Page, n int) {
	w.Raw("\n<div class=\"all-dependents\" data-all-dependents data-id=\"")
	w.Text(pg.Doc.ID)
	w.Raw("\" data-root=\"")
	w.URL(pg.Rel(""))
	w.Raw("\" data-edges=\"")
	w.URL(pg.Rel(EdgesFile))
	w.Raw("\">\n<p><button type=\"button\">Show all ")
	w.Int(n)
	w.Raw(" dependents</button> <span role=\"status\"></span></p>\n</div>")
}
