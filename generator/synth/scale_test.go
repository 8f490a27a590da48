package synth_test

import (
	"bytes"
	"context"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"archfolio/generator/synth"
	"archfolio/themes"
)

// pageLimit is the largest HTML page a portfolio of any size may have.
const pageLimit = 1_000_000

// measured is an Output that keeps, of each file, its size; of each HTML page,
// its ids and the links it has to another page's anchor.
type measured struct {
	mu    sync.Mutex
	sizes map[string]int
	ids   map[string]map[string]bool
	links map[string][]string // page → hrefs with a path and a fragment
	paged map[string]bool     // pages that link to the other pages of their list
	// filtered keeps the filter rows files and the pages whose filter form
	// names one (sitetest.CheckFilterRows); sorted, the sort rows files and
	// the pages whose table names one (sitetest.CheckSortRows).
	filtered, sorted map[string][]byte
}

var (
	idAttr     = regexp.MustCompile(` id="([^"]+)"`)
	anchorLink = regexp.MustCompile(`href="([^"#]+#[^"]+)"`)
)

func (o *measured) WriteFile(name string, data []byte) error {
	var ids map[string]bool
	var links []string
	if strings.HasSuffix(name, ".html") {
		ids = map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(data, -1) {
			ids[string(m[1])] = true
		}
		for _, m := range anchorLink.FindAllSubmatch(data, -1) {
			links = append(links, strings.ReplaceAll(string(m[1]), "&amp;", "&"))
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sizes[name] += len(data)
	if bytes.Contains(data, []byte(`<nav class="pager"`)) {
		o.paged[name] = true
	}
	if ids != nil {
		o.ids[name], o.links[name] = ids, links
	}
	if sitetest.IsFiltered(name, data) {
		o.filtered[name] = bytes.Clone(data)
	}
	if sitetest.IsSorted(name, data) {
		o.sorted[name] = bytes.Clone(data)
	}
	return nil
}

func buildHubHeavy(t *testing.T, n int) *measured {
	t.Helper()
	return buildShape(t, synth.HubHeavy, n)
}

// buildShape renders a portfolio of shape and n documents.
func buildShape(t *testing.T, shape synth.Shape, n int) *measured {
	t.Helper()
	s, err := synth.Generate(synth.Options{N: n, Seed: 1, Shape: shape})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range s.Files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	opts := generator.Options{Site: fsys, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	p, diags, err := generator.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if diags.Errors() > 0 {
		t.Fatalf("N=%d: %d errors, first %s", n, diags.Errors(), diags[0])
	}
	out := &measured{sizes: map[string]int{}, ids: map[string]map[string]bool{}, links: map[string][]string{}, paged: map[string]bool{},
		filtered: map[string][]byte{}, sorted: map[string][]byte{}}
	if err := render.Render(context.Background(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// A portfolio with hubs (synth.HubHeavy) of 2,000 documents has no HTML page
// over pageLimit, every link to an anchor of another page finds it, and its
// output grows in proportion with the portfolio: at most 1.1 times as fast as
// the number of documents from 500 to 2,000; the filters of its lists of
// several pages see every row of every page (sitetest.CheckFilterRows). Sizes are
// deterministic; no time is measured.
func TestHubHeavyOutputBoundedAndLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hub-heavy portfolios of 500 and 2,000 documents; runs without -short")
	}
	t.Parallel()
	const small, large = 500, 2000
	totals := map[int]int{}
	for _, n := range []int{small, large} {
		out := buildHubHeavy(t, n)
		for name, size := range out.sizes {
			totals[n] += size
			if strings.HasSuffix(name, ".html") && size > pageLimit {
				t.Errorf("N=%d: %s is %d bytes, over %d", n, name, size, pageLimit)
			}
		}
		if n == large {
			checkAnchors(t, out)
			// The list of every dependency, the dependency map's table of
			// every blueprint, the list of the dependencies going away, the
			// kind index of blueprints and the matrix grids have pages.
			files := sitetest.CheckFilterRows(t, out.filtered)
			t.Logf("%d rows files agree with the pages of their lists: %v", len(files), files)
			if len(files) < 6 || !slices.Equal(files[:4], []string{"dependencies/all/filter-rows.js", "dependencies/blueprints/filter-rows.js", "dependencies/sunset/filter-rows.js", "documents/blueprints/filter-rows.js"}) {
				t.Errorf("rows files %v, want every dependency's, every blueprint's, the dependencies going away's, the blueprints' index and the matrix grids'", files)
			}
			// Sorting any of those lists but the matrix grids sorts the whole
			// list.
			sorted := sitetest.CheckSortRows(t, out.sorted)
			if want := []string{"dependencies/all/sort-rows.js", "dependencies/blueprints/sort-rows.js", "dependencies/sunset/sort-rows.js", "documents/blueprints/sort-rows.js"}; !slices.Equal(sorted, want) {
				t.Errorf("sort rows files %v, want %v", sorted, want)
			}
		}
	}
	growth := float64(totals[large]) / float64(totals[small])
	t.Logf("output: %d bytes at N=%d, %d at N=%d: ×%.2f for ×%d documents", totals[small], small, totals[large], large, growth, large/small)
	if limit := 1.1 * large / small; growth > limit {
		t.Errorf("the output grows ×%.2f from %d to %d documents, over ×%.2f", growth, small, large, limit)
	}
}

// checkAnchors checks every link from one page to an anchor of another.
func checkAnchors(t *testing.T, out *measured) {
	t.Helper()
	bad, checked := 0, 0
	for page, links := range out.links {
		for _, href := range links {
			checked++
			u, err := url.Parse(href)
			if err != nil || u.Scheme != "" || u.Host != "" {
				continue
			}
			target := path.Join(path.Dir(page), u.Path)
			if strings.HasSuffix(u.Path, "/") || strings.HasSuffix(u.Path, "..") {
				target = path.Join(target, "index.html")
			}
			ids, ok := out.ids[target]
			if !ok || !ids[u.Fragment] {
				if bad++; bad <= 10 {
					t.Errorf("%s: link %q: %s has no id %q", page, href, target, u.Fragment)
				}
			}
		}
	}
	if bad > 10 {
		t.Errorf("and %d more broken anchor links", bad-10)
	}
	if checked < 1000 {
		t.Errorf("only %d links to an anchor of another page: is the check reading the pages?", checked)
	}
}

// scaleTarget is the portfolio size every page must stay under pageLimit at.
const scaleTarget = 10_000

// cappedLists are the pages whose size is capped by what they write rather
// than by a count of rows a page that shows at any size: the matrix grids (cut
// by the bytes of their cells), a standard's page (its 400 blueprints most at
// stake), the dependency map (drawn whole only while small).
var cappedLists = []string{"matrix/", "standards/", "dependencies/"}

// cappedBudget is the most a page of a list cut into pages may weigh.
const cappedBudget = 600_000

// checkScaledPageBound checks every HTML page of a portfolio of n documents
// against the bound that scales with it: a page is its frame (the head, menu
// and footer every page has: the smallest page of the site) and content
// that may grow at most in proportion to the portfolio, reaching pageLimit
// at scaleTarget documents; so a page within its bound at n is within
// pageLimit at scaleTarget even if it grows with the portfolio. A page whose
// list is cut into pages at this size (it has the links to the list's other
// pages), a kind's index (its table kind-table, 800 rows a page) and a page of
// cappedLists are held to cappedBudget instead: such a page grows until its
// list is cut, and then no more.
func checkScaledPageBound(t *testing.T, out *measured, n int) {
	t.Helper()
	frame := pageLimit
	for name, size := range out.sizes {
		if strings.HasSuffix(name, ".html") {
			frame = min(frame, size)
		}
	}
	bound := frame + (pageLimit-frame)*n/scaleTarget
	capped := func(name string) bool {
		for _, prefix := range cappedLists {
			if strings.HasPrefix(name, prefix) {
				return true
			}
		}
		return out.paged[name] || out.ids[name]["kind-table"]
	}
	largest, largestName := 0, ""
	for name, size := range out.sizes {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if capped(name) {
			if size > cappedBudget {
				t.Errorf("N=%d: %s is %d bytes, over %d for a page of a list cut into pages", n, name, size, cappedBudget)
			}
			continue
		}
		if size > bound {
			t.Errorf("N=%d: %s is %d bytes, over its bound of %d (frame %d + its share of %d at %d documents): it would pass %d at %d documents if it grows with the portfolio",
				n, name, size, bound, frame, pageLimit, scaleTarget, pageLimit, scaleTarget)
		}
		if size > largest {
			largest, largestName = size, name
		}
	}
	t.Logf("N=%d: frame %d bytes, bound %d; largest page not cut into pages: %s, %d bytes", n, frame, bound, largestName, largest)
}

// Every page of a portfolio of either shape, at 2,000 documents, is within
// the bound that scales (checkScaledPageBound), so no page is over pageLimit
// at scaleTarget documents. Sizes are deterministic; no time is measured.
func TestEveryShapeScaledPageBound(t *testing.T) {
	if testing.Short() {
		t.Skip("builds portfolios of 2,000 documents of each shape; runs without -short")
	}
	t.Parallel()
	const n = 2000
	for _, shape := range synth.Shapes {
		t.Run(string(shape), func(t *testing.T) {
			checkScaledPageBound(t, buildShape(t, shape, n), n)
		})
	}
}
