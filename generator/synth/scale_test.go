package synth_test

import (
	"context"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/render"
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
	if ids != nil {
		o.ids[name], o.links[name] = ids, links
	}
	return nil
}

func buildHubHeavy(t *testing.T, n int) *measured {
	t.Helper()
	s, err := synth.Generate(synth.Options{N: n, Seed: 1, Shape: synth.HubHeavy})
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
	out := &measured{sizes: map[string]int{}, ids: map[string]map[string]bool{}, links: map[string][]string{}}
	if err := render.Render(context.Background(), p, opts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// A portfolio with hubs (synth.HubHeavy) of 2,000 documents has no HTML page
// over pageLimit, every link to an anchor of another page finds it, and its
// output grows in proportion with the portfolio: at most 1.1 times as fast as
// the number of documents from 500 to 2,000. Sizes are deterministic; no time
// is measured.
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
