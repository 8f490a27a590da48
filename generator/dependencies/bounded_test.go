package dependencies_test

import (
	"fmt"
	"strings"
	"testing"

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

// The impact pages of a long chain or a dependency cycle stay linear in the
// portfolio: each lists at most ImpactRows dependents and names one step of
// each path, so no page grows with the portfolio and the site grows by a
// bounded amount per blueprint; the cycle's warning names a bounded part of
// it. (Listing every dependent with its whole path wrote 425 MB for a chain of
// 600, 5.4 GB for a cycle of 1,000.)
func TestImpactPagesStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds portfolios of 600 and 2,000 blueprints; runs without -short")
	}
	t.Parallel()
	const pageBudget = 64 << 10    // bytes, any impact page
	const perBlueprint = 128 << 10 // bytes of the whole site, per blueprint
	for _, c := range []struct {
		name  string
		n     int
		cycle bool
	}{{"chain of 600", 600, false}, {"cycle of 2000", 2000, true}} {
		t.Run(c.name, func(t *testing.T) {
			out, diags := sitetest.Render(t, longChainSite(c.n, c.cycle), sitetest.Today)
			if diags.Errors() > 0 {
				t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
			}
			for _, d := range diags {
				if len(d.Message) > 1024 {
					t.Errorf("a diagnostic of %d bytes: %.200s…", len(d.Message), d.Message)
				}
			}
			total, largest, largestName := 0, 0, ""
			for _, name := range out.Names() {
				data, _ := out.File(name)
				total += len(data)
				if strings.HasPrefix(name, "dependencies/impact/") && len(data) > largest {
					largest, largestName = len(data), name
				}
			}
			if largest > pageBudget {
				t.Errorf("%s is %d bytes, over the budget of %d for an impact page", largestName, largest, pageBudget)
			}
			if total > c.n*perBlueprint {
				t.Errorf("the site is %d bytes, over %d per blueprint (%d)", total, perBlueprint, c.n*perBlueprint)
			}
			t.Logf("%s: %d files, %d bytes (%d per blueprint); largest impact page %s, %d bytes",
				c.name, len(out.Names()), total, total/c.n, largestName, largest)
		})
	}
}
