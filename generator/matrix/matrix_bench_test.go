package matrix_test

import (
	"archfolio/generator"
	"archfolio/generator/matrix"
	"archfolio/generator/sitetest"
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// syntheticMatrixSite makes a deterministic portfolio of nb blueprints and ns
// standards: five statements each, maps_to NIST controls, applies_to on three
// standards in four, and records on about a third of the pairs, statement-level
// for one in five, every status represented and valid by the record rules.
func syntheticMatrixSite(nb, ns int) map[string]string {
	rng := rand.New(rand.NewPCG(1, 2))
	families := []string{"iam", "crypto", "logging", "network", "data", "sdlc", "resilience", "privacy"}
	nist := []string{"ac", "au", "cm", "cp", "ia", "sc", "si", "sa"}
	applies := []string{"", "{criticality: [high, mission-critical]}", "{criticality: [mission-critical]}",
		"{data_classification: [confidential, restricted]}"}
	files := map[string]string{"archfolio.yaml": "frameworks:\n  nist-800-53r5: {title: NIST SP 800-53 Rev. 5}\n"}
	for i := range ns {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nkind: standard\ntitle: Standard %03d on %s\nstatus: effective\nfamily: %s\nstatements:\n",
			i, families[i%len(families)], families[i%len(families)])
		for k, level := range []string{"must", "must", "should", "should", "may"} {
			fmt.Fprintf(&b, "  - {id: S%03d-%d, text: Statement %d of standard %d., level: %s}\n", i, k+1, k+1, i, level)
		}
		fam := nist[rng.IntN(len(nist))]
		fmt.Fprintf(&b, "maps_to:\n  nist-800-53r5: [%s-%d, %s-%d.%d]\n", fam, rng.IntN(20)+1, fam, rng.IntN(20)+1, rng.IntN(5)+1)
		if a := applies[i%len(applies)]; a != "" {
			fmt.Fprintf(&b, "applies_to: %s\n", a)
		}
		b.WriteString("effectiveness:\n  - {metric: Share of in-scope blueprints implementing it, target: 90%}\n---\n")
		files[fmt.Sprintf("content/standards/std-%03d.md", i)] = b.String()
	}
	crit := []string{"low", "medium", "high", "mission-critical"}
	class := []string{"public", "internal", "confidential", "restricted"}
	for i := range nb {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nkind: blueprint\ntitle: Blueprint %04d\nstatus: implemented\nowner: Team %02d\ndomain: domain-%02d\ncriticality: %s\ndata_classification: %s\ncompliance:\n",
			i, rng.IntN(20), rng.IntN(12), crit[rng.IntN(4)], class[rng.IntN(4)])
		for j := range ns {
			if rng.IntN(3) != 0 {
				continue
			}
			b.WriteString(syntheticRecord(rng, i, j))
		}
		b.WriteString("---\n")
		files[fmt.Sprintf("content/blueprints/bp-%04d.md", i)] = b.String()
	}
	return files
}

func syntheticRecord(rng *rand.Rand, bp, std int) string {
	statuses := []string{"implemented", "implemented", "implemented", "implemented", "partial", "planned",
		"alternative", "not-applicable", "exception", "non-compliant"}
	status := statuses[rng.IntN(len(statuses))]
	rec := fmt.Sprintf("  - {standard: std-%03d, status: %s, evidence: [https://evidence.example/%d/%d], assessed: 2026-0%d-1%d",
		std, status, bp, std, rng.IntN(9)+1, rng.IntN(9))
	if rng.IntN(5) == 0 {
		rec += fmt.Sprintf(", statement: S%03d-%d", std, rng.IntN(5)+1)
	}
	switch status {
	case "partial", "planned":
		rec += ", planned: 2027-Q" + fmt.Sprint(rng.IntN(4)+1)
	case "alternative", "not-applicable":
		rec += ", justification: Covered by the platform"
	case "exception":
		rec += fmt.Sprintf(", waiver: {approved_by: CISO, expires: 2027-0%d-15, justification: Legacy}", rng.IntN(9)+1)
	}
	return rec + "}\n"
}

// BenchmarkMatrix measures the matrix computation at 2,000 blueprints × 200
// standards (about 130,000 alignment records), loading excluded.
func BenchmarkMatrix(b *testing.B) {
	p, diags := sitetest.Load(b, syntheticMatrixSite(2000, 200), "2026-11-27")
	if diags.Errors() > 0 {
		b.Fatalf("synthetic site has errors:\n%s", sitetest.DiagLines(diags[:min(len(diags), 10)]))
	}
	records := len(matrix.Of(p).Records)
	for b.Loop() {
		if m, _ := matrix.ExportComputeMatrix(p); len(m.Rows) != 2000 {
			b.Fatal("wrong matrix")
		}
	}
	b.ReportMetric(float64(records), "records")
}

// TestMatrixPageWeight renders a 200 × 60 portfolio and keeps the matrix pages
// within a budget; run with -v to see the sizes.
func TestMatrixPageWeight(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("renders a 260-document site")
	}
	out, diags := sitetest.Render(t, syntheticMatrixSite(200, 60), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("synthetic site has errors:\n%s", sitetest.DiagLines(diags[:min(len(diags), 10)]))
	}
	budget := map[string]int{
		"matrix/index.html":                        1_600_000,
		"matrix/statements/iam/index.html":         1_000_000,
		"matrix/controls/nist-800-53r5/index.html": 2_000_000,
		"matrix/waivers/index.html":                500_000,
		"matrix.csv":                               8_000_000,
		"matrix.json":                              8_000_000,
	}
	for _, name := range generator.SortedKeys(budget) {
		data, ok := out.File(name)
		if !ok {
			t.Errorf("no %s", name)
			continue
		}
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		_, _ = zw.Write(data)
		_ = zw.Close()
		t.Logf("%-42s %9d bytes, %8d gzipped", name, len(data), gz.Len())
		if len(data) > budget[name] {
			t.Errorf("%s is %d bytes, over its budget of %d", name, len(data), budget[name])
		}
	}
	rows := 0 // over matrix/ and the pages that continue it
	for _, name := range out.Names() {
		if name == "matrix/index.html" || strings.HasPrefix(name, "matrix/blueprints/") {
			page, _ := out.File(name)
			rows += strings.Count(string(page), "<tr data-bp")
		}
	}
	if rows != 200 {
		t.Errorf("the matrix pages have %d blueprint rows, want 200 (the full matrix without JavaScript)", rows)
	}
}
