package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/sitetest"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docOrder lists the ids of the blueprint links of a page, in page order.
func docOrder(page string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`href="[./]*blueprints/([a-z-]+)/"`).FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
	}
	return slices.Compact(ids)
}

// TestDefaultListsSortByTitle checks that a kind's index and an owner's page list
// documents by title, ignoring case, then by id.
func TestDefaultListsSortByTitle(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("testdata/sorting.txtar"), goldenToday)
	want := []string{"cc-none", "bb-medium", "mm-high", "zz-mission", "aa-low"}
	for _, name := range []string{"blueprints/index.html", "owners/team-a/index.html"} {
		page, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		if got := docOrder(string(page)); !slices.Equal(got, want) {
			t.Errorf("%s lists %v, want %v", name, got, want)
		}
	}
}

// TestEnumCellsCarryTheirRank checks the sort key of the enum cells of the
// sortable tables: the value's place in the schema's list.
func TestEnumCellsCarryTheirRank(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("testdata/sorting.txtar"), goldenToday)
	page, _ := out.File("blueprints/index.html")
	row := regexp.MustCompile(`(?s)<tr[^>]*>\s*<td><a href="../blueprints/aa-low/".*?</tr>`).FindString(string(page))
	// draft is the first status; low the first criticality; end-of-life the last lifecycle.
	for _, cell := range []string{`<td data-sort="0"><span class="status status-draft"`, `data-sort="0">low`, `data-sort="4">end`} {
		if !strings.Contains(strings.ToLower(row), strings.ToLower(cell)) {
			t.Errorf("aa-low's row lacks %s:\n%s", cell, row)
		}
	}
	// The theme's templates rank with enumRank: the sample's reviews by stage,
	// its roadmap items by status.
	sample, _ := sharedRender(t, "..")
	for name, cell := range map[string]string{"reviews/index.html": `<td data-sort="2">Periodic</td>`,
		"roadmap/iam/index.html": `<td data-sort="3"><span class="status status-done">`} {
		if page, _ := sample.File(name); !strings.Contains(string(page), cell) {
			t.Errorf("%s lacks %s", name, cell)
		}
	}
	s, err := generator.LoadSchema(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind, path string
		want       []string
	}{
		{"blueprint", "criticality", []string{"low", "medium", "high", "mission-critical"}},
		{"blueprint", "status", []string{"draft", "proposed", "approved", "implemented", "retired"}},
		{"threat-model", "threats.status", []string{"open", "mitigating", "mitigated", "accepted", "transferred", "false-positive"}},
		{"remediation", "severity", []string{"critical", "high", "medium", "low"}},
		{"blueprint", "title", nil},
		{"no-such-kind", "status", nil},
	} {
		if got := s.EnumValues(c.kind, c.path); !slices.Equal(got, c.want) {
			t.Errorf("EnumValues(%s, %s) = %v, want %v", c.kind, c.path, got, c.want)
		}
	}
}

// TestSortRowsFileHoldsEveryRowOfTheIndex checks the rows file a kind's
// index of two pages writes for sorting the whole list (render.SortRows):
// every row of both pages, in order, each as its page shows it but for its
// links, which are relative to the file's folder; each page's table names the
// file. An index of one page writes none.
func TestSortRowsFileHoldsEveryRowOfTheIndex(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, wholeListSite(), goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	file := func(name string) string {
		t.Helper()
		data, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(data)
	}
	const name = "documents/blueprints/sort-rows.js"
	data := file(name)
	prefix := `(window.archfolioSortRows = window.archfolioSortRows || {})["` + name + `"] = `
	if !strings.HasPrefix(data, prefix) || !strings.HasSuffix(data, ";\n") {
		t.Fatalf("%s does not register itself: %.200s", name, data)
	}
	var inFile []string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(data[len(prefix):], ";\n")), &inFile); err != nil {
		t.Fatal(err)
	}
	// site makes a row's links site-relative, from a page or file root away.
	site := func(row, root string) string { return strings.ReplaceAll(row, `href="`+root, `href="`) }
	for i, row := range inFile {
		inFile[i] = site(row, "../../")
	}
	row := regexp.MustCompile(`(?s)<tr[ >].*?</tr>`)
	var onPages []string
	for _, pg := range []struct{ name, root string }{{"blueprints/index.html", "../"}, {"documents/blueprints/2/index.html", "../../../"}} {
		html := file(pg.name)
		table := `<table class="data sortable" id="kind-table" data-sort-rows="` + pg.root + name + `" data-sort-key="` + name + `" data-sort-per="800" data-sort-total="810" data-sort-noun="documents">`
		start := strings.Index(html, table)
		if start < 0 {
			t.Fatalf("%s has no table naming %s", pg.name, name)
		}
		body := html[start:]
		body = body[strings.Index(body, "<tbody>"):strings.Index(body, "</tbody>")]
		for _, r := range row.FindAllString(body, -1) {
			onPages = append(onPages, site(r, pg.root))
		}
	}
	if len(inFile) != 810 || !slices.Equal(inFile, onPages) {
		t.Errorf("%s has %d rows, the pages %d; they differ", name, len(inFile), len(onPages))
		for i := range min(len(inFile), len(onPages)) {
			if inFile[i] != onPages[i] {
				t.Errorf("row %d:\nfile %s\npage %s", i, inFile[i], onPages[i])
				break
			}
		}
	}

	// 810 blueprints also make two pages of the dependency map's table of
	// every blueprint.
	if got, want := sitetest.CheckSortRows(t, sitetest.Sorted(out)), []string{"dependencies/blueprints/sort-rows.js", name}; !slices.Equal(got, want) {
		t.Errorf("sort rows files %v, want %v", got, want)
	}

	one, _ := sitetest.Render(t, sitetest.Archive("testdata/sorting.txtar"), goldenToday)
	for _, n := range one.Names() {
		if strings.HasSuffix(n, "/sort-rows.js") {
			t.Errorf("an index of one page writes %s", n)
		}
	}
	if page, _ := one.File("blueprints/index.html"); strings.Contains(string(page), "data-sort-rows") {
		t.Error("the table of an index of one page names a rows file")
	}
}
