package sitetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"archfolio/generator/render"
)

// filterRows is a rows file (render.FilterRows) decoded.
type filterRows struct {
	Filters []string            `json:"filters"`
	Values  [][]string          `json:"values"`
	Starts  []int               `json:"starts"`
	Rows    [][]json.RawMessage `json:"rows"`
}

var (
	filterForm  = regexp.MustCompile(`<form class="filters[^"]*" data-(?:filter-for|matrix-filter)="([^"]+)"[^>]* data-filter-key="([^"]+)"[^>]* data-filter-page="(\d+)" data-filter-pages="([^"]+)"`)
	tableRow    = regexp.MustCompile(`<tr[ >][^>]*>`)
	dataAttr    = regexp.MustCompile(` data-([a-z-]+)="([^"]*)"`)
	rowsFileKey = regexp.MustCompile(`^\(window\.archfolioFilterRows = window\.archfolioFilterRows \|\| \{\}\)\[("[^"]+")\] = `)
)

// IsFiltered reports whether a file of a site is one CheckFilterRows reads: a
// rows file, or a page whose filter form names one.
func IsFiltered(name string, data []byte) bool {
	return strings.HasSuffix(name, "/filter-rows.js") || bytes.Contains(data, []byte(" data-filter-rows="))
}

// Filtered is the files of out that CheckFilterRows reads (IsFiltered).
func Filtered(out *render.MemOutput) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range out.Names() {
		if data, _ := out.File(name); IsFiltered(name, data) {
			files[name] = data
		}
	}
	return files
}

// CheckFilterRows checks each list of several pages with filters against its
// rows file (render.FilterRows), among the files of a site that IsFiltered
// keeps: every page of the list names the file, the file's rows of page k are
// the rows page k's table shows (the same values for each filter, in any
// order: a matrix page groups its rows by domain), and the file lists every
// page. A page's rows are the rows with a data- attribute per filter. It
// returns the names of the rows files, sorted.
func CheckFilterRows(t testing.TB, filtered map[string][]byte) []string {
	t.Helper()
	files := map[string]*filterRows{}
	for name, data := range filtered {
		if !strings.HasSuffix(name, "/filter-rows.js") {
			continue
		}
		m := rowsFileKey.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s does not register itself: %.120s", name, data)
			continue
		}
		if key, _ := strconv.Unquote(string(m[1])); key != name {
			t.Errorf("%s registers itself as %s", name, key)
		}
		var fr filterRows
		body := strings.TrimSuffix(string(data[len(m[0]):]), ";\n")
		if err := json.Unmarshal([]byte(body), &fr); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		files[name] = &fr
	}
	pagesSeen := map[string]map[int]bool{}
	for name, data := range filtered {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		forms := filterForm.FindAllSubmatch(data, -1)
		if len(forms) == 0 {
			t.Errorf("%s: a filter form names a rows file, but not as expected", name)
			continue
		}
		for _, m := range forms {
			checkFilteredPage(t, name, data, string(m[1]), string(m[2]), string(m[3]), string(m[4]), files, pagesSeen)
		}
	}
	for key, fr := range files {
		if len(pagesSeen[key]) != len(fr.Starts) {
			t.Errorf("%s: %d pages, %d of them name it", key, len(fr.Starts), len(pagesSeen[key]))
		}
		if !strings.HasPrefix(path.Clean(key), "documents/") && !strings.HasPrefix(key, "matrix/") &&
			!strings.HasPrefix(key, "risks/") && !strings.HasPrefix(key, "backlog/") && !strings.HasPrefix(key, "dependencies/") {
			t.Errorf("%s: a rows file outside the folders of the lists", key)
		}
	}
	return slices.Sorted(maps.Keys(files))
}

// checkFilteredPage checks the rows of the table with id table, on page name
// (data), against those of page number page of the rows file key; pages is
// the form's list of the list's pages.
func checkFilteredPage(t testing.TB, name string, data []byte, table, key, page, pages string, files map[string]*filterRows, pagesSeen map[string]map[int]bool) {
	t.Helper()
	k, _ := strconv.Atoi(page)
	fr := files[key]
	if fr == nil {
		t.Errorf("%s names %s, which is not written", name, key)
		return
	}
	if n := len(strings.Fields(pages)); n != len(fr.Starts) {
		t.Errorf("%s links %d pages of its list, %s has %d", name, n, key, len(fr.Starts))
	}
	if pagesSeen[key] == nil {
		pagesSeen[key] = map[int]bool{}
	}
	pagesSeen[key][k] = true
	start := bytes.Index(data, []byte(` id="`+table+`"`))
	if start < 0 {
		t.Errorf("%s: the filters of %s are for table %s, which is not there", name, key, table)
		return
	}
	end := bytes.Index(data[start:], []byte("</table>"))
	if end < 0 {
		end = len(data) - start
	}
	var onPage []string
	for _, tr := range tableRow.FindAll(data[start:start+end], -1) {
		attrs := map[string]string{}
		for _, a := range dataAttr.FindAllSubmatch(tr, -1) {
			attrs[string(a[1])] = html.UnescapeString(string(a[2]))
		}
		if _, ok := attrs[fr.Filters[0]]; !ok {
			continue // a row without the filters' values (a heading's)
		}
		onPage = append(onPage, rowKey(fr, func(j int) []int {
			var idx []int
			for v := range strings.SplitSeq(attrs[fr.Filters[j]], "\x1f") {
				if i := slices.Index(fr.Values[j], v); i >= 0 {
					idx = append(idx, i)
				}
			}
			return idx
		}))
	}
	from, to := fr.Starts[k], len(fr.Rows)
	if k+1 < len(fr.Starts) {
		to = fr.Starts[k+1]
	}
	var inFile []string
	for _, row := range fr.Rows[from:to] {
		inFile = append(inFile, rowKey(fr, func(j int) []int {
			var one int
			if json.Unmarshal(row[j], &one) == nil {
				return []int{one}
			}
			var many []int
			if err := json.Unmarshal(row[j], &many); err != nil {
				t.Fatalf("%s: a cell %s is neither an index nor a list of them", key, row[j])
			}
			return many
		}))
	}
	slices.Sort(onPage)
	slices.Sort(inFile)
	if !slices.Equal(onPage, inFile) {
		t.Errorf("%s (page %d of %s): the page's %d rows differ from the file's %d:\npage %.300v\nfile %.300v",
			name, k+1, key, len(onPage), len(inFile), onPage, inFile)
	}
}

// rowKey is a row's values for every filter, sorted, as one string.
func rowKey(fr *filterRows, values func(j int) []int) string {
	var b strings.Builder
	for j := range fr.Filters {
		v := values(j)
		slices.Sort(v)
		fmt.Fprintf(&b, "%v;", v)
	}
	return b.String()
}

// DependencyLists is a portfolio of 162 dependencies, two pages of the list of
// every dependency: a-000 to a-159 (payments) each depend on hub (identity)
// over HTTPS, but a-155 over protocol155 and a-157 on old (data, retired); x
// and y (platform) depend on each other over Kafka, last in the list.
func DependencyLists(protocol155 string) map[string]string {
	files := map[string]string{
		"content/hub.md": "---\nkind: blueprint\ntitle: Hub\ndomain: identity\n---\n",
		"content/old.md": "---\nkind: blueprint\ntitle: Old\ndomain: data\nstatus: retired\n---\n",
		"content/x.md":   "---\nkind: blueprint\ntitle: X\ndomain: platform\ndepends_on:\n  - {id: y, protocol: Kafka}\n---\n",
		"content/y.md":   "---\nkind: blueprint\ntitle: Y\ndomain: platform\ndepends_on:\n  - {id: x, protocol: Kafka}\n---\n",
	}
	for i := range 160 {
		on, protocol := "hub", "HTTPS"
		switch i {
		case 155:
			protocol = protocol155
		case 157:
			on = "old"
		}
		files[fmt.Sprintf("content/a-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: A %03d\ndomain: payments\ndepends_on:\n  - {id: %s, protocol: %s}\n---\n", i, on, protocol)
	}
	return files
}

// DomainTables are 130 blueprints over two pages of the dependency map's
// table of every blueprint: payments (the hub, depended on by all, and 99 others, mission
// critical to low in turn), identity (20 at end of life, of no criticality)
// and 10 of no domain, retired, each a lifecycle of plan.
func DomainTables() map[string]string {
	files := map[string]string{
		"content/hub.md": "---\nkind: blueprint\ntitle: Hub\ndomain: payments\ncriticality: high\nlifecycle: active\n---\n",
	}
	crits := []string{"mission-critical", "high", "medium", "low"}
	for i := range 99 {
		files[fmt.Sprintf("content/p-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: P %03d\ndomain: payments\ncriticality: %s\nlifecycle: active\ndepends_on: [hub]\n---\n", i, crits[i%4])
	}
	for i := range 20 {
		files[fmt.Sprintf("content/i-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: I %03d\ndomain: identity\nlifecycle: end-of-life\ndepends_on: [hub]\n---\n", i)
	}
	for i := range 10 {
		files[fmt.Sprintf("content/n-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: blueprint\ntitle: N %03d\nstatus: retired\nlifecycle: plan\ndepends_on: [hub]\n---\n", i)
	}
	return files
}

var (
	sortTable   = regexp.MustCompile(`<table [^>]*data-sort-rows="[^"]*" data-sort-key="([^"]+)" data-sort-per="(\d+)" data-sort-total="(\d+)"[^>]*>`)
	rowElement  = regexp.MustCompile(`(?s)<tr[ >].*?</tr>`)
	hrefAttr    = regexp.MustCompile(`href="([^"]*)"`)
	sortRowsKey = regexp.MustCompile(`^\(window\.archfolioSortRows = window\.archfolioSortRows \|\| \{\}\)\[("[^"]+")\] = `)
)

// CheckSortRows checks each sortable list of several pages against its rows
// file (render.SortRows), among a site's files (name to content): the file
// registers itself under its name and holds as many rows as the tables that
// name it say the list has; each page's table rows are a run of the file's,
// the same but for their links, which lead to the same places (the file's are
// relative to its folder); and the pages together show every row of the file
// once. It returns the names of the rows files, sorted.
func CheckSortRows(t testing.TB, files map[string][]byte) []string {
	t.Helper()
	lists := map[string][]string{}
	for name, data := range files {
		if !strings.HasSuffix(name, "/sort-rows.js") {
			continue
		}
		m := sortRowsKey.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s does not register itself: %.120s", name, data)
			continue
		}
		if key, _ := strconv.Unquote(string(m[1])); key != name {
			t.Errorf("%s registers itself as %s", name, key)
		}
		var rows []string
		if err := json.Unmarshal(bytes.TrimSuffix(data[len(m[0]):], []byte(";\n")), &rows); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for i, r := range rows {
			rows[i] = siteLinks(r, path.Dir(name))
		}
		lists[name] = rows
	}
	seen := map[string][]int{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, loc := range sortTable.FindAllSubmatchIndex(data, -1) {
			key := string(data[loc[2]:loc[3]])
			total, _ := strconv.Atoi(string(data[loc[6]:loc[7]]))
			rows, ok := lists[key]
			if !ok {
				t.Errorf("%s names %s, which is not written", name, key)
				continue
			}
			if total != len(rows) {
				t.Errorf("%s says %s has %d rows; it has %d", name, key, total, len(rows))
			}
			body := data[loc[1]:]
			body = body[bytes.Index(body, []byte("<tbody>")):bytes.Index(body, []byte("</tbody>"))]
			var onPage []string
			for _, r := range rowElement.FindAll(body, -1) {
				onPage = append(onPage, siteLinks(string(r), path.Dir(name)))
			}
			if len(onPage) == 0 {
				t.Errorf("%s: the table naming %s has no rows", name, key)
				continue
			}
			at := slices.Index(rows, onPage[0])
			if at < 0 || at+len(onPage) > len(rows) || !slices.Equal(rows[at:at+len(onPage)], onPage) {
				t.Errorf("%s: the rows of its table are not a run of %s's:\npage %.400s", name, key, onPage[0])
				continue
			}
			if seen[key] == nil {
				seen[key] = make([]int, len(rows))
			}
			for i := at; i < at+len(onPage); i++ {
				seen[key][i]++
			}
		}
	}
	for key, rows := range lists {
		for i, n := range seen[key] {
			if n != 1 {
				t.Errorf("%s: row %d is on %d pages, want 1: %.200s", key, i, n, rows[i])
				break
			}
		}
		if seen[key] == nil {
			t.Errorf("%s: no page names it", key)
		}
	}
	return slices.Sorted(maps.Keys(lists))
}

// siteLinks makes the relative links of a piece of HTML in folder dir (a
// page's or a file's, "." for the site's root) relative to the site's root.
func siteLinks(html, dir string) string {
	return hrefAttr.ReplaceAllStringFunc(html, func(attr string) string {
		href := hrefAttr.FindStringSubmatch(attr)[1]
		if href == "" || strings.HasPrefix(href, "#") || strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
			return attr
		}
		target, frag, _ := strings.Cut(href, "#")
		abs := path.Join(dir, target)
		if strings.HasSuffix(target, "/") {
			abs += "/"
		}
		if frag != "" {
			abs += "#" + frag
		}
		return `href="` + abs + `"`
	})
}

// IsSorted reports whether a file of a site is one CheckSortRows reads: the
// rows file of a sortable list, or a page whose table names one.
func IsSorted(name string, data []byte) bool {
	return strings.HasSuffix(name, "/sort-rows.js") || bytes.Contains(data, []byte(" data-sort-rows="))
}

// Sorted is the files of out that CheckSortRows reads (IsSorted).
func Sorted(out *render.MemOutput) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range out.Names() {
		if data, _ := out.File(name); IsSorted(name, data) {
			files[name] = data
		}
	}
	return files
}
