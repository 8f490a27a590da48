package roadmap_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
)

// A track of more than PerPage items is drawn PerPage items to a page, lane
// by lane: every item has a bar on exactly one page, and its own page links
// there; the first page lists every capability with its counts and the page
// it starts on, and keeps the slipped items and the maturity heatmap.
func TestLongTrackIsPaged(t *testing.T) {
	t.Parallel()
	const n = roadmap.PerPage + 30
	files := map[string]string{}
	for i := range n {
		capability, end := "mfa", "2027-Q2"
		switch {
		case i < 40:
			capability = "directory"
		case i >= 105:
			capability = "pam" // lanes go by title: Directory, MFA, PAM; PAM starts on page 2
		}
		if i == n-1 {
			end = "2026-Q1" // slipped, on the last page
		}
		files[fmt.Sprintf("content/rm/rm-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: roadmap\ntitle: Item %03d\ncapability: %s\nstart: 2025-Q1\nend: %s\nstatus: planned\n---\n", i, capability, end)
	}
	page := sitetest.Pages(t, files, "2026-11-27")
	first, second := page("roadmap/iam/index.html"), page("roadmap/iam/2/index.html")
	if !strings.Contains(second, "(page 2 of 2).") {
		t.Errorf("the second page does not say it is the last of two")
	}
	for i := range n {
		bar := fmt.Sprintf(`id="rmt-iam-rm-%03d"`, i)
		if on := strings.Count(first, bar) + strings.Count(second, bar); on != 1 {
			t.Errorf("rm-%03d has a bar on %d pages, want 1", i, on)
		}
		where := "../../../roadmap/iam/"
		if strings.Contains(second, bar) {
			where += "2/"
		}
		if item := page(fmt.Sprintf("roadmap/items/rm-%03d/index.html", i)); !strings.Contains(item, `href="`+where+`#rmt-iam-rm-`) {
			t.Errorf("rm-%03d's page does not link to its bar at %s", i, where)
		}
	}
	for _, c := range []struct {
		name, page, want string
		has              bool
	}{
		{"the capabilities", first, `<h2 id="capabilities">Capabilities</h2>`, true},
		{"directory's line", first, `<td><a href="../../roadmap/iam/#timeline">Directory</a></td><td class="num">40</td><td class="num">0</td><td></td><td class="num">1</td>`, true},
		{"PAM's line", first, `<td><a href="../../roadmap/iam/2/#timeline">PAM</a></td><td class="num">25</td><td class="num">1</td><td></td><td class="num">2</td>`, true},
		{"the link to page 2", first, `<a rel="next" href="../../roadmap/iam/2/#timeline">`, true},
		{"the slipped items", first, `<h2 id="slipped">Slipped items</h2>`, true},
		{"the maturity", first, `<h2 id="maturity">`, true},
		{"the slipped items", second, `<h2 id="slipped">`, false},
		{"the maturity", second, `<h2 id="maturity">`, false},
		{"the capabilities", second, `<h2 id="capabilities">`, false},
		{"the link to the slipped items", second, `href="../../../roadmap/iam/#slipped"`, true},
	} {
		if strings.Contains(c.page, c.want) != c.has {
			t.Errorf("has %s (%s): %v, want %v", c.name, c.want, !c.has, c.has)
		}
	}
	if rows := strings.Count(second, "<tr>\n  <td><a href="); rows != n-roadmap.PerPage {
		t.Errorf("the second page's table has %d rows, want %d", rows, n-roadmap.PerPage)
	}
}

// The table of a track of several pages sorts the whole track: each page's
// table names the track's rows file, which holds every item's row as its page
// writes it, and the table has the links between the pages' tables, so that
// the sort buttons know the table is one page of a longer list (site.js). A
// track of one page has no rows file.
func TestALongTracksTableSortsWhole(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for i := range roadmap.PerPage + 20 {
		files[fmt.Sprintf("content/rm/rm-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: roadmap\ntitle: Item %03d\ncapability: mfa\nstart: 2025-Q%d\nend: 2027-Q2\nstatus: %s\ndelivers: [bp]\n---\n",
			i, 1+i%4, []string{"planned", "in-progress", "done"}[i%3])
	}
	files["content/bp.md"] = "---\nkind: blueprint\ntitle: Blueprint\n---\n"
	files["content/short/s-1.md"] = "---\nkind: roadmap\ntitle: Short\ntrack: cloud\ncapability: landing-zone\nstart: 2026-Q1\nend: 2026-Q2\n---\n"
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	if got := sitetest.CheckSortRows(t, sitetest.Sorted(out)); !slices.Equal(got, []string{"roadmap/iam/sort-rows.js"}) {
		t.Errorf("sort rows files %v, want roadmap/iam/sort-rows.js alone", got)
	}
	second, _ := out.File("roadmap/iam/2/index.html")
	for _, want := range []string{
		`<table class="data sortable rm-table" id="rm-table" data-sort-rows="../../../roadmap/iam/sort-rows.js" data-sort-key="roadmap/iam/sort-rows.js" data-sort-per="100" data-sort-total="120" data-sort-noun="items">`,
		`<nav class="pager" aria-label="Pages of the table">`,
		`href="../../../roadmap/iam/#table"`,
	} {
		if !strings.Contains(string(second), want) {
			t.Errorf("roadmap/iam/2/ has no %s", want)
		}
	}
	if short, _ := out.File("roadmap/cloud/index.html"); strings.Contains(string(short), "data-sort-rows") || strings.Contains(string(short), "Pages of the table") {
		t.Error("the table of a track of one page names a rows file or has a pager")
	}
}
