package dependencies_test

import (
	"archfolio/generator"
	"archfolio/generator/dependencies"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"testing"
)

// syntheticBlueprints returns a site of n blueprints in eight domains with about m
// dependencies: each blueprint is in a tier (channel, service, data, platform) and
// depends on blueprints of lower tiers, as real portfolios do.
func syntheticBlueprints(n, m int) map[string]string {
	r := rand.New(rand.NewSource(1))
	domains := []string{"claims", "data", "digital-channels", "finance", "identity", "payments", "platform", "underwriting"}
	crit := []string{"low", "medium", "high", "mission-critical"}
	tier := make([]int, n)
	deps := make([][]int, n)
	for i := range n {
		tier[i] = r.Intn(4)
	}
	seen := map[[2]int]bool{}
	for k, tries := 0, 0; k < m && tries < 100*m; tries++ {
		a, b := r.Intn(n), r.Intn(n)
		if a == b || tier[b] < tier[a] || tier[b] == tier[a] && a > b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		deps[a] = append(deps[a], b)
		k++
	}
	files := map[string]string{}
	for i := range n {
		s := fmt.Sprintf("\n---\nkind: blueprint\ntitle: Synthetic blueprint number %d\ndomain: %s\ncriticality: %s\nlifecycle: active\nowner: Team %d\n",
			i, domains[r.Intn(len(domains))], crit[r.Intn(len(crit))], i%20)
		if len(deps[i]) > 0 {
			s += "depends_on:\n"
			for _, d := range deps[i] {
				s += fmt.Sprintf("  - {id: bp-%04d, protocol: REST over mTLS, data: Records}\n", d)
			}
		}
		files[fmt.Sprintf("content/bp-%04d.md", i)] = s + "---\nA synthetic blueprint.\n"
	}
	return files
}

// BenchmarkPortfolioMap300 lays out and writes the portfolio map (and the domain
// map) of 300 blueprints with 900 dependencies.
func BenchmarkPortfolioMap300(b *testing.B) {
	p, _ := sitetest.Load(b, syntheticBlueprints(300, 900), "2026-11-27")
	b.ReportAllocs()
	for b.Loop() {
		_ = dependencies.ExportPortfolioMap(p, "dependencies/")
		_ = dependencies.ExportDomainMap(p, "dependencies/")
	}
}

// BenchmarkNeighbourhoodMaps2000 builds, lays out and writes the neighbourhood maps
// of all 2,000 blueprints of a portfolio with 6,000 dependencies; one op is all
// 2,000 maps.
func BenchmarkNeighbourhoodMaps2000(b *testing.B) {
	p, _ := sitetest.Load(b, syntheticBlueprints(2000, 6000), "2026-11-27")
	docs := p.ByKind["blueprint"]
	var page bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			page.Reset()
			dependencies.ExportWriteNeighbourhoodMap(dependencies.ExportNeighbourhood(p, d), &page)
		}
	}
}

// BenchmarkImpactSummaries2000 works out what the impact pages of all 2,000
// blueprints say (counts and the first rows); one op is all 2,000.
func BenchmarkImpactSummaries2000(b *testing.B) {
	p, _ := sitetest.Load(b, syntheticBlueprints(2000, 6000), "2026-11-27")
	docs := p.ByKind["blueprint"]
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			_, _, _, _, _ = dependencies.ExportImpactSummary(p, d)
		}
	}
}

// BenchmarkBuild2000 is the whole build (load, analyse, render into memory) of the
// 2,000-blueprint portfolio, for comparing the maps' share with.
func BenchmarkBuild2000(b *testing.B) {
	opts := sitetest.Options(b, sitetest.Site(syntheticBlueprints(2000, 6000)), "2026-11-27")
	for b.Loop() {
		p, _, err := generator.Load(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := render.Render(context.Background(), p, opts, &render.MemOutput{}); err != nil {
			b.Fatal(err)
		}
	}
}
