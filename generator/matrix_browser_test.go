package generator_test

import (
	"cmp"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"archfolio/generator/sitetest"

	"github.com/chromedp/chromedp"
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

// TestPagedMatrixFiltersCountEveryPageInChromium filters a matrix grid cut
// into pages: the form counts the matching blueprints of every page from the
// grid's rows file, links the other page with the filter in its address, and
// that page opens filtered.
func TestPagedMatrixFiltersCountEveryPageInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	// 600 blueprints in two domains, one standard applying to all: about
	// 480 rows fill the first page (matrix.rowBudget), in domain order.
	files := map[string]string{"content/std.md": "---\nkind: standard\ntitle: Standard\nstatus: effective\nfamily: iam\napplies_to:\n  criticality: [high]\n---\n"}
	for i := range 600 {
		domain := "alpha"
		if i%2 == 1 {
			domain = "beta"
		}
		files[fmt.Sprintf("content/bp-%03d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Blueprint %03d\nstatus: implemented\ndomain: %s\ncriticality: high\n---\n", i, domain)
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	if _, ok := out.File("matrix/blueprints/2/index.html"); !ok {
		t.Fatal("the matrix has one page: the test needs two")
	}
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "matrix", "index.html")) + "?domain=beta"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	whole := `(function () {
  var t = document.querySelector('form.matrix-filters .filter-pages').textContent;
  return /^Counting/.test(t) ? "" : t;
})()`
	got := waitFor(t, ctx, "the whole grid's count", whole)
	m := regexp.MustCompile(`^300 of 600 blueprints of the whole list match, on this page \((\d+)\), page 2 \((\d+)\)\.$`).FindStringSubmatch(got)
	if m == nil {
		t.Fatalf("the whole grid's count: %q", got)
	}
	here, there := atoi(t, m[1]), atoi(t, m[2])
	if count := evaluate[string](t, ctx, `document.querySelector('form.matrix-filters .filter-count').textContent`); !strings.HasPrefix(count, m[1]+" of ") || here+there != 300 || there == 0 {
		t.Errorf("this page's count %q beside %q", count, got)
	}
	target := evaluate[string](t, ctx, `document.querySelector('.filter-pages a').href`)
	if !strings.HasSuffix(target, "/matrix/blueprints/2/index.html?domain=beta#matrix-grid") {
		t.Errorf("page 2 is linked at %s", target)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(target)); err != nil {
		t.Fatal(err)
	}
	second := waitFor(t, ctx, "page 2's count", whole)
	if want := fmt.Sprintf("300 of 600 blueprints of the whole list match, on page 1 (%d), this page (%d).", here, there); second != want {
		t.Errorf("page 2: %q, want %q", second, want)
	}
	if count := evaluate[string](t, ctx, `document.querySelector('form.matrix-filters .filter-count').textContent`); !strings.HasPrefix(count, fmt.Sprint(there)+" of ") {
		t.Errorf("page 2 shows %q, want %d rows", count, there)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
