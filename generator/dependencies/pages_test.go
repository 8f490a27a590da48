package dependencies_test

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"archfolio/generator/dependencies"
	"archfolio/generator/sitetest"
)

// A dependency map too large for one page lists every blueprint and every
// dependency once, over the map's page and its continuation pages, with links
// between them; the domain map's boxes lead to each domain's first row in the
// table of every blueprint, wherever it is; and the whole map is left out,
// saying so.
func TestDependencyListsArePaged(t *testing.T) {
	t.Parallel()
	const n, m = 300, 700
	out, diags := sitetest.Render(t, syntheticBlueprints(n, m), "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	pages := map[string]string{}
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "dependencies/") && !strings.HasPrefix(name, "dependencies/impact/") {
			data, _ := out.File(name)
			pages[name] = string(data)
		}
	}
	overview := pages["dependencies/index.html"]
	if strings.Contains(overview, `id="portfolio-map"`) || !strings.Contains(overview, "which no one could read on one map") {
		t.Error("the map's page draws the whole map of 1,000 blueprints and dependencies, or does not say why not")
	}
	count := func(prefix, re string) (rows int, files int) {
		r := regexp.MustCompile(re)
		for name, html := range pages {
			if name == "dependencies/index.html" || strings.HasPrefix(name, prefix) {
				section := html
				if i := strings.Index(html, `id="all-dependencies"`); prefix == "dependencies/all/" && i >= 0 {
					section = html[i:]
				} else if prefix == "dependencies/all/" {
					continue
				}
				rows += len(r.FindAllString(section, -1))
				if name != "dependencies/index.html" {
					files++
				}
			}
		}
		return rows, files
	}
	edgeRows, edgePages := count("dependencies/all/", `<tr[^>]*><td><a href="[^"]*">Synthetic blueprint number \d+</a></td><td>`)
	if edgeRows != m {
		t.Errorf("%d dependency rows over the pages, want %d", edgeRows, m)
	}
	if want := (m+dependencies.PerEdges-1)/dependencies.PerEdges - 1; edgePages != want {
		t.Errorf("%d continuation pages of every dependency, want %d", edgePages, want)
	}
	bpRows, _ := count("dependencies/blueprints/", `aria-label="Impact of changing `)
	if bpRows != n {
		t.Errorf("%d blueprint rows over the pages of the domain tables, want %d", bpRows, n)
	}
	if !strings.Contains(overview, `<a rel="next" href="../dependencies/all/2/#all-dependencies">Next page</a>`) {
		t.Error("the map's page does not link to the second page of every dependency")
	}
	// Every box of the domain map leads to a page that has its anchor.
	box := regexp.MustCompile(`<a href="([^"#]*)#(table-domain-[a-z-]+)" class="node`)
	boxes := box.FindAllStringSubmatch(overview, -1)
	if len(boxes) != 8 {
		t.Fatalf("%d domain boxes link to a table, want 8", len(boxes))
	}
	for _, b := range boxes {
		target := path.Join("dependencies", b[1], "index.html")
		domain := strings.TrimPrefix(b[2], "table-domain-")
		if !strings.Contains(pages[target], fmt.Sprintf(`<tr id="%s" data-tabledomain="%s"`, b[2], domain)) {
			t.Errorf("the domain map links to %s#%s, which has no such row", target, b[2])
		}
	}
}

// The list of every dependency has filters (each end's domain, the protocol,
// the notes) that answer for the whole list: each page's rows carry their
// values, the rows file holds every row's, and the selects offer the values
// the portfolio has, domains in the map's order.
func TestEveryDependencyIsFiltered(t *testing.T) {
	t.Parallel()
	page := pagesWithRows(t, sitetest.DependencyLists("SFTP"), "dependencies/all", "dependencies/blueprints")
	first, second := page("dependencies/index.html"), page("dependencies/all/2/index.html")
	selects := selectsOf(first, "dependency-table")
	want := []string{"domain: payments=Payments;platform=Platform;", "todomain: data=Data;identity=Identity;platform=Platform;",
		"protocol: HTTPS=HTTPS;Kafka=Kafka;SFTP=SFTP;", "note: retired=Retired;in-cycle=In a cycle;"}
	if !slices.Equal(selects, want) {
		t.Errorf("the filters of every dependency:\n%s\nwant\n%s", strings.Join(selects, "\n"), strings.Join(want, "\n"))
	}
	for _, row := range []string{
		`<tr data-domain="platform" data-todomain="platform" data-protocol="Kafka" data-note="in-cycle"><td><a href="../../../blueprints/x/">X</a>`,
		`<tr data-domain="payments" data-todomain="data" data-protocol="HTTPS" data-note="retired"><td><a href="../../../blueprints/a-157/">A 157</a>`,
		`<tr data-domain="payments" data-todomain="identity" data-protocol="SFTP" data-note=""><td><a href="../../../blueprints/a-155/">A 155</a>`,
	} {
		if !strings.Contains(second, row) {
			t.Errorf("dependencies/all/2/ has no row %s", row)
		}
	}
	if !strings.Contains(first, `<table class="data sortable" id="dependency-table" data-sort-rows="../dependencies/all/sort-rows.js"`) ||
		!strings.Contains(first, `<form class="filters" data-filter-for="dependency-table" data-filter-rows="../dependencies/all/filter-rows.js"`) {
		t.Error("dependencies/ has no filter form over the table of every dependency")
	}
}

// filterOptions finds a filter's select and its options; optionText finds an
// option's value and text.
var (
	filterOptions = regexp.MustCompile(`<select data-filter="([a-z]+)">\s*<option value="">All</option>((?:<option value="[^"]*">[^<]*</option>)*)`)
	optionText    = regexp.MustCompile(`<option value="([^"]*)">([^<]*)</option>`)
)

// selectsOf returns the selects of a table's filter form on a page, each as
// "NAME: VALUE=TEXT;VALUE=TEXT;…".
// pagesWithRows renders files, which must have no errors, holds its rows files
// to its pages (sitetest.CheckFilterRows and CheckSortRows) and to folders (a
// filter-rows.js and a sort-rows.js in each, and no others), and returns its
// files by name as sitetest.Pages does.
func pagesWithRows(t *testing.T, files map[string]string, folders ...string) func(name string) string {
	t.Helper()
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	var filters, sorts []string
	for _, f := range folders {
		filters, sorts = append(filters, f+"/filter-rows.js"), append(sorts, f+"/sort-rows.js")
	}
	if got := sitetest.CheckFilterRows(t, sitetest.Filtered(out)); !slices.Equal(got, filters) {
		t.Errorf("rows files %v, want %v", got, filters)
	}
	if got := sitetest.CheckSortRows(t, sitetest.Sorted(out)); !slices.Equal(got, sorts) {
		t.Errorf("sort rows files %v, want %v", got, sorts)
	}
	return sitetest.Files(t, out)
}

func selectsOf(page, table string) []string {
	var selects []string
	for _, m := range filterOptions.FindAllStringSubmatch(formFor(page, table), -1) {
		selects = append(selects, m[1]+": "+optionText.ReplaceAllString(m[2], "$1=$2;"))
	}
	return selects
}

// formFor returns the filter form of a table on a page, or "".
func formFor(page, table string) string {
	i := strings.Index(page, `<form class="filters" data-filter-for="`+table+`"`)
	if i < 0 {
		return ""
	}
	return page[i : i+strings.Index(page[i:], "</form>")]
}

// The list of the dependencies going away has filters and sorts whole, as
// every dependency's does: 130 blueprints depend on ones going away (120 on
// a retired one, over two protocols and from two domains, 10 on one at end of
// life), two pages of the list.
func TestDependenciesGoingAwayAreFiltered(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/old.md": "---\nkind: blueprint\ntitle: Old\ndomain: data\nstatus: retired\n---\n",
		"content/eol.md": "---\nkind: blueprint\ntitle: EOL\ndomain: identity\nlifecycle: end-of-life\n---\n",
		"content/new.md": "---\nkind: blueprint\ntitle: New\ndomain: identity\n---\n",
	}
	for i := range 130 {
		on, protocol, domain := "old", "HTTPS", "payments"
		switch {
		case i >= 120:
			on = "eol"
		case i%2 == 1:
			protocol, domain = "SFTP", "claims"
		}
		files[fmt.Sprintf("content/b-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: B %03d\ndomain: %s\ndepends_on:\n  - {id: %s, protocol: %s}\n  - {id: new}\n---\n", i, domain, on, protocol)
	}
	page := pagesWithRows(t, files, "dependencies/all", "dependencies/blueprints", "dependencies/sunset")
	first, second := page("dependencies/index.html"), page("dependencies/sunset/2/index.html")
	selects := selectsOf(first, "sunset-table")
	want := []string{"awaydomain: claims=Claims;payments=Payments;", "awaytodomain: data=Data;identity=Identity;",
		"awayprotocol: HTTPS=HTTPS;SFTP=SFTP;", "which: retired=Retired;end-of-life=End of life;"}
	if !slices.Equal(selects, want) {
		t.Errorf("the filters of the dependencies going away:\n%s\nwant\n%s", strings.Join(selects, "\n"), strings.Join(want, "\n"))
	}
	for _, want := range []string{
		`<table class="data sortable" id="sunset-table" data-sort-rows="../dependencies/sunset/sort-rows.js"`,
		`<form class="filters" data-filter-for="sunset-table" data-filter-rows="../dependencies/sunset/filter-rows.js"`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("dependencies/ has no %s", want)
		}
	}
	if row := `<tr data-awaydomain="payments" data-awaytodomain="identity" data-awayprotocol="HTTPS" data-which="end-of-life"><td><a href="../../../blueprints/b-129/">B 129</a>`; !strings.Contains(second, row) {
		t.Errorf("dependencies/sunset/2/ has no row %s", row)
	}
}

// A dependency is flagged in a cycle, and matches that filter, only when both
// its ends are in the same cycle: a → c joins two cycles (a ↔ b, c ↔ d) but
// is in neither.
func TestDependencyBetweenTwoCyclesIsInNone(t *testing.T) {
	t.Parallel()
	bp := func(id, on string) string {
		return "---\nkind: blueprint\ntitle: " + strings.ToUpper(id) + "\ndepends_on: [" + on + "]\n---\n"
	}
	pages := sitetest.Pages(t, map[string]string{"content/a.md": bp("a", "b, c"), "content/b.md": bp("b", "a"),
		"content/c.md": bp("c", "d"), "content/d.md": bp("d", "c")}, "2026-11-27")
	page := pages("dependencies/index.html")
	for from, want := range map[string]string{"a/\">A</a></td><td><a href=\"../blueprints/b/": "in-cycle",
		"a/\">A</a></td><td><a href=\"../blueprints/c/": "", "c/\">C</a></td><td><a href=\"../blueprints/d/": "in-cycle"} {
		i := strings.Index(page, from)
		if i < 0 {
			t.Fatalf("dependencies/ has no row %s", from)
		}
		row := page[strings.LastIndex(page[:i], "<tr"):i]
		if !strings.Contains(row, `data-note="`+want+`"`) {
			t.Errorf("the row %s: %s, want data-note=%q", from, row, want)
		}
	}
}

// The table of every blueprint filters and sorts whole, as the lists of
// dependencies do: its selects offer the domains in the map's order (no
// domain last), the criticalities most critical first and the lifecycles in
// the schema's order, the values some blueprint has; every row carries its
// values, the rows files hold every row, a criticality or lifecycle cell
// sorts by its place in the schema, and each domain's first row is its
// anchor, on the page where the domain starts.
func TestTheTableOfEveryBlueprintIsFilteredAndSortedWhole(t *testing.T) {
	t.Parallel()
	page := pagesWithRows(t, sitetest.DomainTables(), "dependencies/blueprints")
	first, second := page("dependencies/index.html"), page("dependencies/blueprints/2/index.html")
	selects := selectsOf(first, "blueprint-table")
	want := []string{"tabledomain: identity=Identity;payments=Payments;No domain=No domain;",
		"tablecriticality: mission-critical=Mission critical;high=High;medium=Medium;low=Low;",
		"tablelifecycle: plan=Plan;active=Active;end-of-life=End of life;"}
	if !slices.Equal(selects, want) {
		t.Errorf("the filters of the table of every blueprint:\n%s\nwant\n%s", strings.Join(selects, "\n"), strings.Join(want, "\n"))
	}
	for _, want := range []string{
		`<form class="filters" data-filter-for="blueprint-table" data-filter-rows="../dependencies/blueprints/filter-rows.js"`,
		`<table class="data sortable" id="blueprint-table" data-sort-rows="../dependencies/blueprints/sort-rows.js" data-sort-key="dependencies/blueprints/sort-rows.js" data-sort-per="100" data-sort-total="130"`,
		// identity first, at end of life and of no criticality (an empty
		// key, last either way), then payments, the hub among its high ones.
		`<tr id="table-domain-identity" data-tabledomain="identity" data-tablecriticality="" data-tablelifecycle="end-of-life"><td><a href="../blueprints/i-000/">I 000</a></td><td>Identity</td><td data-sort=""><span class="muted">not set</span></td>` + "\n" + `<td data-sort="4"><span class="sunset-flag">`,
		`<tr id="table-domain-payments" data-tabledomain="payments" data-tablecriticality="mission-critical" data-tablelifecycle="active"><td><a href="../blueprints/p-000/">P 000</a></td><td>Payments</td><td data-sort="3">`,
		`<tr data-tabledomain="payments" data-tablecriticality="high" data-tablelifecycle="active"><td><a href="../blueprints/hub/">Hub</a></td><td>Payments</td><td data-sort="2"><span class="crit crit-high">High</span></td>` + "\n" + `<td data-sort="2">Active</td>` + "\n" + `<td class="num">0</td><td class="num">129</td><td class="num"><a href="../dependencies/impact/hub/" aria-label="Impact of changing Hub: 129 blueprints">129</a></td></tr>`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("dependencies/ has no %s", want)
		}
	}
	for _, want := range []string{
		`<tr id="table-domain-none" data-tabledomain="No domain" data-tablecriticality="" data-tablelifecycle="plan"><td><a href="../../../blueprints/n-000/">N 000</a></td><td>No domain</td>`,
		`<span class="status status-retired">`,
	} {
		if !strings.Contains(second, want) {
			t.Errorf("dependencies/blueprints/2/ has no %s", want)
		}
	}
	if n := strings.Count(first, `<tr id="table-domain-`); n != 2 {
		t.Errorf("dependencies/ has %d domains' first rows, want 2 (identity, payments)", n)
	}
}

// Domains whose slugs are alike (payments and Payments; names of non-Latin
// letters) each have anchors of their own, a band in the whole map and a
// first row in the table of every blueprint, which the domain map's boxes
// link to; a domain written "No domain" and none are one option of the
// filters, as they are one value.
func TestEveryDomainHasAnchorsOfItsOwn(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for i, dom := range []string{"payments", "Payments", "名前", "ドメイン", "", "No domain"} {
		line := ""
		if dom != "" {
			line = "domain: " + dom + "\n"
		}
		files[fmt.Sprintf("content/b-%d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: B %d\n%sdepends_on: [b-%d]\n---\n", i, line, (i+1)%6)
	}
	out, diags := sitetest.Render(t, files, "2026-11-27")
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	data, _ := out.File("dependencies/index.html")
	page := string(data)
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="((?:table-)?domain-[^"]*)"`).FindAllStringSubmatch(page, -1) {
		if m[1] != "domain-map" && m[1] != "domain-map-title" && m[1] != "domain-tables" {
			ids[m[1]]++
		}
	}
	var bands, rows []string
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is on dependencies/ %d times", id, n)
		}
		if strings.HasPrefix(id, "table-") {
			rows = append(rows, id)
		} else {
			bands = append(bands, id)
		}
	}
	slices.Sort(bands)
	slices.Sort(rows)
	if want := []string{"domain-no-domain", "domain-none", "domain-payments", "domain-payments-2", "domain-x", "domain-x-2"}; !slices.Equal(bands, want) {
		t.Errorf("the whole map's bands %v, want %v", bands, want)
	}
	if want := []string{"table-domain-no-domain", "table-domain-none", "table-domain-payments", "table-domain-payments-2", "table-domain-x", "table-domain-x-2"}; !slices.Equal(rows, want) {
		t.Errorf("the table's first rows %v, want %v", rows, want)
	}
	links := regexp.MustCompile(`<a href="#(domain-[^"]*)" class="node`).FindAllStringSubmatch(page, -1)
	var linked []string
	for _, l := range links {
		linked = append(linked, l[1])
	}
	slices.Sort(linked)
	if !slices.Equal(linked, bands) {
		t.Errorf("the domain map's boxes link to %v, want one to each band %v", linked, bands)
	}
	for _, table := range []string{"blueprint-table", "dependency-table"} {
		for _, m := range filterOptions.FindAllStringSubmatch(formFor(page, table), -1) {
			if !strings.Contains(m[1], "domain") {
				continue
			}
			if n := strings.Count(m[2], `<option value="No domain">`); n != 1 {
				t.Errorf("the filter %s offers No domain %d times, want once", m[1], n)
			}
		}
	}
}
