package generator_test

import (
	"cmp"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMatrixFiltersInBrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	out := renderMatrixSite(t)
	dir := writeSite(t, out)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "matrix", "index.html"))
	row := regexp.MustCompile(`(<tr data-bp=""[^>]*>)<th scope="row"><a href="[^"]*">([^<]*)</a>`)
	for _, tc := range []struct {
		query, count string
		visible      []string // blueprint titles left visible
		focus        string
	}{
		{"", "7 of 7 blueprints shown", nil, ""},
		{"?align=exception-expired", "1 of 7 blueprints shown", []string{"Payments"}, `data-focus="exception-expired"`},
		{"?domain=digital&criticality=high", "1 of 7 blueprints shown", []string{"Portal"}, ""},
		{"?owner=Claims%20Team", "1 of 7 blueprints shown", []string{"Claims"}, ""},
		{"?status=retired", "1 of 7 blueprints shown", []string{"Legacy"}, ""},
		{"?align=nonsense", "7 of 7 blueprints shown", nil, ""},
	} {
		t.Run(cmp.Or(tc.query, "none"), func(t *testing.T) {
			dom := dumpDOM(t, browser, page+tc.query)
			if !strings.Contains(dom, `<form class="filters matrix-filters" data-matrix-filter="matrix-grid">`) {
				t.Error("the script did not reveal the filter form")
			}
			if !strings.Contains(dom, tc.count) {
				t.Errorf("want %q in the filter count", tc.count)
			}
			if tc.focus != "" && !strings.Contains(dom, tc.focus) {
				t.Errorf("table lacks %s", tc.focus)
			}
			var visible []string
			rows := row.FindAllStringSubmatch(dom, -1)
			for _, r := range rows {
				if !strings.Contains(r[1], "hidden") {
					visible = append(visible, r[2])
				}
			}
			want := tc.visible
			if want == nil {
				want = []string{"Claims", "Legacy", "Data platform", "Mobile", "Portal", "Website", "Payments"}
			}
			if len(rows) != 7 || strings.Join(visible, ", ") != strings.Join(want, ", ") {
				t.Errorf("%d rows, visible: %v; want 7 rows, visible %v", len(rows), visible, want)
			}
		})
	}
}
