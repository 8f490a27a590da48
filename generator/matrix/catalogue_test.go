package matrix_test

import (
	"fmt"
	"strings"
	"testing"

	"archfolio/generator/sitetest"
)

// A framework that maps a whole catalogue's controls (1,500 here, every one
// implemented by 300 blueprints) has a grid per control group, linked from its
// page; no matrix page is over a megabyte, and the grids together are not
// much more than their cells (no header written for a row or two at a time).
func TestCatalogueControlsGridPerGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 450,000 cells; runs without -short")
	}
	t.Parallel()
	files := map[string]string{"archfolio.yaml": "title: C\nframeworks:\n  nist-800-53r5: {title: \"NIST SP 800-53 Rev. 5\"}\n"}
	fams := []string{"ac", "au", "at", "cm", "cp", "ia", "ir", "ma", "mp", "pe", "pl", "pm", "ps", "pt", "ra", "sa", "sc", "si", "sr", "ca"}
	for s := 0; s < 20; s++ {
		var ctl []string
		for c := 1; c <= 25; c++ {
			ctl = append(ctl, fmt.Sprintf("%s-%d", fams[s], c))
			for e := 1; e <= 2; e++ {
				ctl = append(ctl, fmt.Sprintf("%s-%d.%d", fams[s], c, e))
			}
		}
		files[fmt.Sprintf("content/std-%d.md", s)] = fmt.Sprintf("---\nkind: standard\ntitle: %s controls from the catalogue\nfamily: %s\nstatus: effective\nmaps_to:\n  nist-800-53r5: [%s]\n---\n", strings.ToUpper(fams[s]), fams[s], strings.Join(ctl, ", "))
	}
	for i := 0; i < 300; i++ {
		var recs []string
		for s := 0; s < 20; s++ {
			recs = append(recs, fmt.Sprintf("  - {standard: std-%d, status: implemented, evidence: [https://e.example/%d]}", s, i))
		}
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\nowner: Team\ndomain: d%d\ncompliance:\n%s\n---\n", i, i%12, strings.Join(recs, "\n"))
	}
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("%s", sitetest.DiagLines(diags))
	}
	total := 0
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if !strings.HasPrefix(name, "matrix/") {
			continue
		}
		if len(data) > 1_000_000 {
			t.Errorf("%s is %d bytes, over a megabyte", name, len(data))
		}
		if strings.HasPrefix(name, "matrix/controls/") {
			total += len(data)
		}
	}
	page, _ := out.File("matrix/controls/nist-800-53r5/index.html")
	if !strings.Contains(string(page), `<a href="../../../matrix/controls/nist-800-53r5/ac/">AC</a>`) {
		t.Error("the framework's page does not link the grid of its AC controls")
	}
	if _, ok := out.File("matrix/controls/nist-800-53r5/ac/blueprints/2/index.html"); !ok {
		t.Error("the AC grid's rows are not cut into pages")
	}
	// 450,000 cells of about 110 bytes: 50 MB.
	if total > 80_000_000 {
		t.Errorf("the control grids are %d bytes, over 80 MB for 50 MB of cells", total)
	}
	t.Logf("control grids: %d bytes", total)
}
