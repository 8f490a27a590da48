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
	filterForm  = regexp.MustCompile(`<form class="filters[^"]*"[^>]* data-filter-key="([^"]+)"[^>]* data-filter-page="(\d+)" data-filter-pages="([^"]+)"`)
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
		m := filterForm.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: a filter form names a rows file, but not as expected", name)
			continue
		}
		key := string(m[1])
		k, _ := strconv.Atoi(string(m[2]))
		fr := files[key]
		if fr == nil {
			t.Errorf("%s names %s, which is not written", name, key)
			continue
		}
		if n := len(strings.Fields(string(m[3]))); n != len(fr.Starts) {
			t.Errorf("%s links %d pages of its list, %s has %d", name, n, key, len(fr.Starts))
		}
		if pagesSeen[key] == nil {
			pagesSeen[key] = map[int]bool{}
		}
		pagesSeen[key][k] = true
		var onPage []string
		for _, tr := range tableRow.FindAll(data, -1) {
			attrs := map[string]string{}
			for _, a := range dataAttr.FindAllSubmatch(tr, -1) {
				attrs[string(a[1])] = html.UnescapeString(string(a[2]))
			}
			if _, ok := attrs[fr.Filters[0]]; !ok {
				continue // another table's row
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
