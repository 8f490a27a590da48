package dependencies_test

import (
	"archfolio/generator/dependencies"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"bytes"
	"fmt"
	"math/rand"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// blueprint returns the source of a blueprint document.
func blueprint(id, domain, criticality, lifecycle string, deps ...string) string {
	s := "\n---\nkind: blueprint\ntitle: Blueprint " + id + "\ndomain: " + domain + "\ncriticality: " + criticality +
		"\nlifecycle: " + lifecycle + "\nowner: Team " + domain + "\n"
	if len(deps) > 0 {
		s += "depends_on:\n"
		for _, d := range deps {
			s += "  - {id: " + d + ", protocol: REST}\n"
		}
	}
	return s + "---\nBody.\n"
}

// Blueprint cycles are warnings, once per loop; roadmap cycles are the roadmap view's
// errors, at each item's depends_on, and the dependency view does not repeat them.
func TestCycleWarnedOnceAtTheClosingDependsOn(t *testing.T) {
	t.Parallel()
	_, diags := sitetest.Load(t, sitetest.Archive("../testdata/sites/cycle-warned-once.txtar"), "2026-11-27")
	want := `content/b.md:10:5: warning: depends_on[1]: dependency cycle "a" → "b" → "a" (the same loop also takes in "c"); remove one of these dependencies, or move what both sides need into a blueprint of its own
content/r1.md:7:14: error: depends_on[0]: dependency cycle "r1" → "r2" → "r1"; remove one of these dependencies
content/r2.md:8:5: error: depends_on[0]: dependency cycle "r2" → "r1" → "r2"; remove one of these dependencies
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// chainSite is a dependency chain four deep (e → d → c → b → a, "e depends on d"),
// a side branch x → a with an open critical threat on x, and a dependency onto an
// end-of-life blueprint.
func chainSite() map[string]string {
	return map[string]string{
		"content/a.md":   blueprint("a", "platform", "mission-critical", "active"),
		"content/b.md":   blueprint("b", "data", "high", "active", "a"),
		"content/c.md":   blueprint("c", "data", "low", "active", "b"),
		"content/d.md":   blueprint("d", "claims", "mission-critical", "active", "c", "old"),
		"content/e.md":   blueprint("e", "claims", "medium", "active", "d"),
		"content/x.md":   blueprint("x", "payments", "low", "active", "a"),
		"content/old.md": blueprint("old", "platform", "medium", "end-of-life"),
		"content/tm.md": "\n---\nkind: threat-model\ntitle: TM x\nsubject: x\nthreats:\n" +
			"  - {id: T1, title: Bad, likelihood: 4, impact: 4, status: open}\n" +
			"  - {id: T2, title: Fixed, likelihood: 4, impact: 4, status: mitigated}\n" +
			"  - {id: T3, title: Minor, likelihood: 1, impact: 2, status: open}\n---\n",
	}
}

func TestImpactAtDepthSortedByStake(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, chainSite(), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	set, err := dependencies.Impact(p, "a")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range set.Dependents {
		got = append(got, fmt.Sprintf("%s@%d %s risks=%d path=%s", e.Doc.ID, e.Depth, e.Criticality, e.OpenCriticalRisks, strings.Join(dependencies.ExportPathIDs(e.Path), ">")))
	}
	want := []string{
		"d@3 mission-critical risks=0 path=a>b>c>d",
		"b@1 high risks=0 path=a>b",
		"e@4 medium risks=0 path=a>b>c>d>e",
		"x@1 low risks=1 path=a>x",
		"c@2 low risks=0 path=a>b>c",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("impact of a:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if set.Direct != 2 {
		t.Errorf("direct = %d, want 2", set.Direct)
	}
	if _, err := dependencies.Impact(p, "aa"); err == nil || !strings.Contains(err.Error(), `did you mean "a"?`) {
		t.Errorf("unknown id: err = %v, want a suggestion", err)
	}
	if _, err := dependencies.Impact(p, "tm"); err == nil || !strings.Contains(err.Error(), "threat-model") {
		t.Errorf("not a blueprint: err = %v", err)
	}
	deps := dependencies.Of(p)
	if len(deps.Flagged) != 1 || deps.Flagged[0].Edge.From != "d" || deps.Flagged[0].Reason != "end-of-life" {
		t.Errorf("flagged = %+v, want d → old (end-of-life)", deps.Flagged)
	}
	if len(deps.Orphans) != 0 || len(deps.Cycles) != 0 {
		t.Errorf("orphans %v, cycles %v: want none", deps.Orphans, deps.Cycles)
	}
}

// hubSite has one blueprint that fifteen others in two domains depend on.
func hubSite() map[string]string {
	files := map[string]string{"content/hub.md": blueprint("hub", "platform", "mission-critical", "active")}
	for i := range 15 {
		dom := []string{"claims", "payments"}[i%2]
		files[fmt.Sprintf("content/u%02d.md", i)] = blueprint(fmt.Sprintf("u%02d", i), dom, "medium", "active", "hub")
	}
	return files
}

func TestNeighbourhoodAggregatesWithCounts(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, hubSite(), "2026-11-27")
	nb := dependencies.ExportNeighbourhood(p, p.ByID["hub"])
	if len(nb.Dependents) != 15 {
		t.Errorf("table lists %d dependents, want all 15", len(nb.Dependents))
	}
	svg := string(nb.SVG())
	boxes := strings.Count(svg, `class="node `)
	if boxes != dependencies.ExportMaxColumn+1 {
		t.Errorf("%d boxes, want %d (a full column and the centre)", boxes, dependencies.ExportMaxColumn+1)
	}
	// 8 shown one by one; 7 more in two boxes, one per domain, counting them.
	shown := regexp.MustCompile(`<title>\+(\d+) more in (\w+)</title>`).FindAllStringSubmatch(svg, -1)
	total := 0
	for _, m := range shown {
		var n int
		fmt.Sscan(m[1], &n)
		total += n
	}
	if nb.Aggregated != 7 || total != 7 || len(shown) != 2 {
		t.Errorf("aggregated %d, counted in boxes %d (%v): want 7 in 2 boxes", nb.Aggregated, total, shown)
	}
	if !strings.Contains(svg, ">×") {
		t.Errorf("merged edges carry no ×N count:\n%s", svg)
	}
	if !strings.Contains(svg, `href="../../dependencies/impact/hub/"`) {
		t.Errorf("a counting box of dependents does not link to the impact page")
	}
}

// TestNeighbourhoodMergesDependenciesBetweenCountingBoxes draws a hub whose
// dependents overflow both columns of the map: the dependencies between counting
// boxes (and onto the centre) are merged into one edge each that counts them and
// keeps the attributes of the first by blueprint id, whatever the columns' order.
func TestNeighbourhoodMergesDependenciesBetweenCountingBoxes(t *testing.T) {
	t.Parallel()
	files := hubSite()
	for i := range 12 { // titles in the reverse order of the ids
		id := fmt.Sprintf("v%02d", i)
		files["content/"+id+".md"] = "\n---\nkind: blueprint\ntitle: Edge " + fmt.Sprintf("%02d", 11-i) +
			"\ndomain: edge\ncriticality: low\nlifecycle: active\nowner: Team edge\ndepends_on:\n" +
			"  - {id: u13, protocol: P-" + id + "-u13}\n  - {id: u14, protocol: P-" + id + "-u14}\n---\nBody.\n"
	}
	p, _ := sitetest.Load(t, files, "2026-11-27")
	nb := dependencies.ExportNeighbourhood(p, p.ByID["hub"])
	svg := string(nb.SVG())
	for _, want := range []string{
		// the first column: nine edge blueprints drawn, three counted
		"<title>+3 more in Edge</title>",
		// the second: eight of fifteen drawn, u08…u14 counted by domain
		"<title>+4 more in Claims</title>", "<title>+3 more in Payments</title>",
		// v00, v01, v02 → u13 and u14, each merged into one edge; v00 is first
		"<title>3 dependencies, first: Edge 11 depends on Blueprint u13 (P-v00-u13)</title>",
		"<title>3 dependencies, first: Edge 11 depends on Blueprint u14 (P-v00-u14)</title>",
		// the counted dependents of the hub, merged onto it
		"<title>4 dependencies, first: Blueprint u08 depends on Blueprint hub (REST)</title>",
		"<title>3 dependencies, first: Blueprint u09 depends on Blueprint hub (REST)</title>",
		// a drawn edge blueprint onto the boxes that hold u13 and u14
		"<title>Edge 00 depends on Blueprint u13 (P-v11-u13)</title>",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the map has no %s", want)
		}
	}
	if nb.Aggregated != 3+7 {
		t.Errorf("aggregated %d, want 10", nb.Aggregated)
	}
	if got := strings.Count(svg, ">×3<"); got != 3 {
		t.Errorf("%d edges labelled ×3, want 3 (two from the edge box, one from the Payments box)", got)
	}
}

// TestEveryMapNodeLinksToAPage renders sites and follows every link of every
// dependency map: each must reach a page of the site (or an anchor on the page).
func TestEveryMapNodeLinksToAPage(t *testing.T) {
	t.Parallel()
	sites := map[string]map[string]string{"chain": chainSite(), "hub": hubSite(), "cycle": {
		"content/a.md": blueprint("a", "x", "high", "active", "b"),
		"content/b.md": blueprint("b", "y", "high", "active", "a"),
	}}
	for name, files := range sites {
		t.Run(name, func(t *testing.T) {
			out, _ := sitetest.Render(t, files, "2026-11-27")
			checkMapLinks(t, out)
		})
	}
	t.Run("sample", func(t *testing.T) {
		out, _ := sitetest.RenderDir(t, "../..") // the repository is itself a site: the sample portfolio
		checkMapLinks(t, out)
	})
}

var (
	svgPattern    = regexp.MustCompile(`(?s)<svg [^>]*class="depmap".*?</svg>`)
	anchorPattern = regexp.MustCompile(`<a href="([^"]*)" class="node[^"]*"><title>([^<]*)</title>`)
	nodePattern   = regexp.MustCompile(`class="node[ "]`)
)

func checkMapLinks(t *testing.T, out *render.MemOutput) {
	t.Helper()
	maps, links := 0, 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page, _ := out.File(name)
		for _, svg := range svgPattern.FindAllString(string(page), -1) {
			maps++
			anchors := anchorPattern.FindAllStringSubmatch(svg, -1)
			if n := len(nodePattern.FindAllString(svg, -1)); n != len(anchors) {
				t.Errorf("%s: %d nodes but %d are links with a title", name, n, len(anchors))
			}
			for _, a := range anchors {
				links++
				href := strings.ReplaceAll(a[1], "&amp;", "&")
				if a[2] == "" {
					t.Errorf("%s: node %s has an empty title", name, href)
				}
				if frag, ok := strings.CutPrefix(href, "#"); ok {
					if !strings.Contains(string(page), `id="`+frag+`"`) {
						t.Errorf("%s: link %s: no such anchor on the page", name, href)
					}
					continue
				}
				if strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
					t.Errorf("%s: link %s is not relative", name, href)
					continue
				}
				target := path.Join(path.Dir(name), href)
				if _, ok := out.File(target + "/index.html"); !ok {
					t.Errorf("%s: link %s leads to %s, which is no page", name, href, target)
				}
			}
		}
	}
	if maps == 0 || links == 0 {
		t.Errorf("found %d maps with %d links: the test saw nothing", maps, links)
	}
}

func TestMapsEscapeContentAndAreDeterministic(t *testing.T) {
	t.Parallel()
	files := chainSite()
	files["content/e.md"] = strings.Replace(files["content/e.md"], "title: Blueprint e", `title: "<script>alert('e')</script> & co"`, 1)
	first, _ := sitetest.Render(t, files, "2026-11-27")
	second, _ := sitetest.Render(t, files, "2026-11-27")
	for _, name := range []string{"dependencies/index.html", "blueprints/d/index.html", "dependencies/impact/a/index.html"} {
		a, ok := first.File(name)
		b, _ := second.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", name)
		}
		if bytes.Contains(a, []byte("<script>alert")) {
			t.Errorf("%s has the title unescaped", name)
		}
	}
	page, _ := first.File("dependencies/index.html")
	for _, want := range []string{"&lt;script&gt;alert(&#39;e&#39;)&lt;/script&gt; &amp; co", `class="edge flag"`, "⚠ End of life", "assets/panzoom.js"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("dependencies page lacks %q", want)
		}
	}
}

// An impact page flags the dependents that sit in a cycle with it.
func TestImpactPageFlagsCycles(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.RenderDir(t, "../../examples/cycle")
	page, ok := out.File("dependencies/impact/ledger/index.html")
	if !ok {
		t.Fatal("no impact page for ledger")
	}
	for _, want := range []string{
		`<td class="impact-path">directly <span class="cycle-flag">↺ in a cycle</span></td></tr>`,
		`<td class="impact-path"><a href="../../../blueprints/billing/">Billing service</a> <span class="cycle-flag">↺ in a cycle</span></td></tr>`,
		`<td class="crit crit-high" data-sort="2">High</td>`, `<td class="impact-path">directly</td></tr>`,
		`<p class="impact-counts">By criticality: 2 high, 1 medium. By lifecycle: 2 active, 1 phase in. Longest path: 2. By domain: 2 in Finance, 1 in Commerce. By path length: 2 directly, 1 at 2 steps.</p>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("impact page of ledger lacks %s", want)
		}
	}
}

// What an impact page says of a blueprint's impact set (its counts and first
// rows, worked out in one walk) is what the whole set, built entry by entry as
// `archfolio impact` builds it, says: on a graph with cycles, for every
// blueprint.
func TestImpactSummaryMatchesTheSet(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(7))
	files := map[string]string{}
	crit := []string{"", "low", "medium", "high", "mission-critical"}
	const n = 400
	for i := range n {
		s := fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %d\ndomain: d%d\n", i, r.Intn(12))
		if c := crit[r.Intn(len(crit))]; c != "" {
			s += "criticality: " + c + "\n"
		}
		s += "depends_on:\n"
		for range 1 + r.Intn(3) {
			s += fmt.Sprintf("  - bp-%03d\n", r.Intn(n)) // any direction: cycles, self-loops
		}
		files[fmt.Sprintf("content/bp-%03d.md", i)] = s + "---\nBody.\n"
	}
	p, _ := sitetest.Load(t, files, "2026-11-27")
	hubs := 0
	for _, d := range p.ByKind["blueprint"] {
		set := dependencies.ExportImpactSet(p, d)
		num, direct, deepest, crit, top := dependencies.ExportImpactSummary(p, d)
		wantDeepest, wantCrit := 0, 0
		for _, e := range set.Dependents {
			wantDeepest = max(wantDeepest, e.Depth)
			if e.Criticality == "mission-critical" {
				wantCrit++
			}
		}
		if num != len(set.Dependents) || direct != set.Direct || deepest != wantDeepest || crit != wantCrit {
			t.Errorf("%s: summary says %d dependents, %d direct, deepest %d, %d mission-critical; the set %d, %d, %d, %d",
				d.ID, num, direct, deepest, crit, len(set.Dependents), set.Direct, wantDeepest, wantCrit)
		}
		want := set.Dependents[:min(len(set.Dependents), dependencies.ImpactRows)]
		if len(top) != len(want) {
			t.Fatalf("%s: %d rows, want %d", d.ID, len(top), len(want))
		}
		for i := range want {
			w := want[i]
			w.Path = nil
			if !reflect.DeepEqual(top[i], w) {
				t.Errorf("%s: row %d is %s at %d via %v, want %s at %d via %v", d.ID, i, top[i].Doc.ID, top[i].Depth, top[i].Via.ID, w.Doc.ID, w.Depth, w.Via.ID)
				break
			}
		}
		if len(set.Dependents) > dependencies.ImpactRows {
			hubs++
		}
	}
	if hubs == 0 {
		t.Fatal("no blueprint has more dependents than a page lists: the test proves nothing of the cut")
	}
}

func TestIsDependsOnField(t *testing.T) {
	re := regexp.MustCompile(`^depends_on\[\d+\](\.id)?$`)
	for _, f := range []string{"depends_on[0]", "depends_on[12].id", "depends_on[3].via", "depends_on[]", "depends_on[].id",
		"depends_on[1]x", "depends_on[a]", "depends_on[1", "xdepends_on[1]", "depends_on[1].id.id", "compliance[0].standard", "", "depends_on[１]"} {
		if got, want := dependencies.ExportIsDependsOnField(f), re.MatchString(f); got != want {
			t.Errorf("depends_on field %q: = %v, want %v", f, got, want)
		}
	}
}
