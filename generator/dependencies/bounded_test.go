package dependencies_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
)

// longChainSite is n blueprints, each depending on the one before it; with cycle,
// the first depends on the last.
func longChainSite(n int, cycle bool) map[string]string {
	files := map[string]string{"archfolio.yaml": "title: Chain\n"}
	for i := range n {
		dep := ""
		switch {
		case i > 0:
			dep = fmt.Sprintf("\ndepends_on: [bp-%05d]", i-1)
		case cycle:
			dep = fmt.Sprintf("\ndepends_on: [bp-%05d]", n-1)
		}
		files[fmt.Sprintf("content/blueprints/bp-%05d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: Blueprint %d of a long chain\nowner: Team %d\ncriticality: high%s\n---\nBody.\n", i, i%7, dep)
	}
	return files
}

// sizes is an Output that keeps only the size of each file: a cycle of
// 10,000 blueprints writes half a gigabyte.
type sizes struct {
	mu    sync.Mutex
	files map[string]int
}

func (o *sizes) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.files[name] += len(data)
	return nil
}

// The impact pages of a long chain or a dependency cycle stay linear in the
// portfolio: each lists at most ImpactRows dependents and names one step of
// each path, so no page grows with the portfolio and the site grows by a
// bounded amount per blueprint; the cycle's warning names a bounded part of
// it; and no page at all is over a megabyte (the dependency map's lists, the
// kind index and the risk register's lists are cut into pages). (Listing every dependent with its whole path wrote 425 MB for a chain of
// 600, 5.4 GB for a cycle of 1,000, and a cycle of 10,000 was killed at 15 GB
// of memory.)
func TestImpactPagesStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds portfolios of 600, 2,000 and 10,000 blueprints; runs without -short")
	}
	t.Parallel()
	const pageBudget = 64 << 10   // bytes, any impact page
	const perBlueprint = 96 << 10 // bytes of the whole site, per blueprint
	const htmlBudget = 1_000_000  // bytes, any page: the lists that grow are cut into pages
	for _, c := range []struct {
		name  string
		n     int
		cycle bool
	}{{"chain of 600", 600, false}, {"cycle of 2000", 2000, true}, {"cycle of 10000", 10000, true}} {
		t.Run(c.name, func(t *testing.T) {
			if c.n > 2000 && raceDetector {
				t.Skip("under -race; .ci/run builds it without the race detector")
			}
			opts := sitetest.Options(t, sitetest.Site(longChainSite(c.n, c.cycle)), sitetest.Today)
			p, diags, err := generator.Load(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if diags.Errors() > 0 {
				t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
			}
			for _, d := range diags {
				if len(d.Message) > 1024 {
					t.Errorf("a diagnostic of %d bytes: %.200s…", len(d.Message), d.Message)
				}
			}
			out := &sizes{files: map[string]int{}}
			if err := render.Render(context.Background(), p, opts, out); err != nil {
				t.Fatal(err)
			}
			total, largest, largestName := 0, 0, ""
			for name, n := range out.files {
				total += n
				if strings.HasSuffix(name, ".html") && n > htmlBudget {
					t.Errorf("%s is %d bytes, over the budget of %d for any page", name, n, htmlBudget)
				}
				if strings.HasPrefix(name, "dependencies/impact/") && n > largest {
					largest, largestName = n, name
				}
			}
			if largest > pageBudget {
				t.Errorf("%s is %d bytes, over the budget of %d for an impact page", largestName, largest, pageBudget)
			}
			if total > c.n*perBlueprint {
				t.Errorf("the site is %d bytes, over %d per blueprint (%d)", total, perBlueprint, c.n*perBlueprint)
			}
			t.Logf("%s: %d files, %d bytes (%d per blueprint); largest impact page %s, %d bytes",
				c.name, len(out.files), total, total/c.n, largestName, largest)
		})
	}
}
