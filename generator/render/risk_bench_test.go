package render

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// largeRiskSite generates n blueprints, each with a threat model of five threats,
// two reviews and four remediation items.
func largeRiskSite(n int) map[string]string {
	site := map[string]string{}
	for i := range n {
		bp := fmt.Sprintf("bp-%d", i)
		site["content/b/"+bp+".md"] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %d\ncriticality: high\ncomponents: [api, db, ui]\n---\n", i)
		if i%4 == 3 {
			continue // a gap
		}
		var threats strings.Builder
		for j := range 5 {
			fmt.Fprintf(&threats, "  - {id: T-%d, title: t, stride: spoofing, target: api, likelihood: %d, impact: %d, status: open, remediation: [rem-%d-%d]}\n",
				j, j%4+1, (i+j)%4+1, i, j%4)
		}
		site["content/tm/tm-"+bp+".md"] = fmt.Sprintf("---\nkind: threat-model\ntitle: TM %d\nsubject: %s\nthreats:\n%s---\n", i, bp, threats.String())
		for j, stage := range []string{"design", "implementation"} {
			site[fmt.Sprintf("content/r/rev-%d-%d.md", i, j)] = fmt.Sprintf("---\nkind: review\ntitle: R\nstage: %s\nsubject: %s\ndate: 2026-0%d-01\nnext: 2027-01-01\nfindings: [{id: F, title: f, remediation: rem-%d-%d}]\nconditions: [{text: c, due: 2026-10-01}]\n---\n", stage, bp, j+1, i, j)
		}
		for j := range 4 {
			site[fmt.Sprintf("content/m/rem-%d-%d.md", i, j)] = fmt.Sprintf("---\nkind: remediation\ntitle: M\nstatus: open\nowner: team-%d\njira: SEC-%d\nseverity: high\naffects: [%s]\ndiscovered: 2026-0%d-01\n---\n", i%20, i*4+j, bp, j+1)
		}
	}
	return site
}

// BenchmarkRiskAnalyses measures the three analyses and every panel they add, on a
// portfolio of 1,000 blueprints (about 6,000 documents).
func BenchmarkRiskAnalyses(b *testing.B) {
	p, _ := loadTestSite(b, largeRiskSite(1000), riskToday)
	b.ReportMetric(float64(len(p.Docs)), "docs")
	var vs []View
	for _, v := range views {
		if v.Name == "risks" || v.Name == "reviews" || v.Name == "backlog" {
			vs = append(vs, v)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, v := range vs {
			v.Analyse(p)
		}
		for _, d := range p.Docs {
			for _, v := range vs {
				v.Panels(p, d)
			}
		}
		for _, v := range vs {
			if v.Files == nil {
				continue
			}
			for _, f := range v.Files(p) {
				if err := f.Write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
