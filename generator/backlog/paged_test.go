package backlog_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"archfolio/generator/backlog"
	"archfolio/generator/sitetest"
)

// Each list of the backlog shows its first rows on backlog/ and continues at
// backlog/LIST/N/; a group cut by a page is headed on each page with the
// count of its items there and in all.
func TestBacklogListsArePaged(t *testing.T) {
	t.Parallel()
	const n = backlog.PerOpen + 10
	files := map[string]string{"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n"}
	for i := range n {
		files[fmt.Sprintf("content/rem-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: remediation\ntitle: Item %03d\nseverity: low\nstatus: open\nowner: Team\ndiscovered: 2026-11-01\naffects: [bp]\n---\n", i)
	}
	page := sitetest.Pages(t, files, "2026-11-27")
	first, open2, group2 := page("backlog/index.html"), page("backlog/open/2/index.html"), page("backlog/by-blueprint/2/index.html")
	rows := func(s string) int { return strings.Count(s, `<tr data-`) }
	if a, b := rows(first), rows(open2); a != backlog.PerOpen || b != n-backlog.PerOpen {
		t.Errorf("the open items' pages list %d and %d items, want %d and %d", a, b, backlog.PerOpen, n-backlog.PerOpen)
	}
	for _, c := range []struct{ page, want string }{
		{first, `<a rel="next" href="../backlog/open/2/#open">`},
		{first, `<a rel="next" href="../backlog/by-blueprint/2/#by-blueprint">`},
		{first, fmt.Sprintf(`<span class="count">%d of %d</span>`, backlog.PerGroups, n)},
		{group2, fmt.Sprintf(`<span class="count">%d of %d</span>`, n-backlog.PerGroups, n)},
		{group2, `<h1>By blueprint, page 2 of 2</h1>`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("no %s", c.want)
		}
	}
	if items := strings.Count(group2, `<ul class="backlog-group">`); items != 1 {
		t.Errorf("backlog/by-blueprint/2/ has %d groups, want 1", items)
	}
	// The filters of the open items see the rows of both pages.
	out, _ := sitetest.Render(t, files, "2026-11-27")
	if got := sitetest.CheckFilterRows(t, sitetest.Filtered(out)); !slices.Equal(got, []string{"backlog/open/filter-rows.js"}) {
		t.Errorf("rows files %v, want backlog/open/filter-rows.js", got)
	}
	if got := sitetest.CheckSortRows(t, sitetest.Sorted(out)); !slices.Equal(got, []string{"backlog/open/sort-rows.js"}) {
		t.Errorf("sort rows files %v, want backlog/open/sort-rows.js", got)
	}
}
