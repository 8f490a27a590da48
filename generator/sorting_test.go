package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/sitetest"
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
