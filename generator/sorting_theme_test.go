package generator_test

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"archfolio/generator/backlog"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
)

// A theme that writes a long list's table its own way (a template of the
// list's block, or a layout file whose "content" replaces the page's) gets no
// sort-rows.js for that list: the file's rows would not be its rows, and its
// table does not name the file, so its pages sort their own rows. A theme that
// replaces a block inside the rows (status) keeps the file.
func TestAThemeWritingAListsTableGetsNoSortRowsFile(t *testing.T) {
	t.Parallel()
	kinds, deps := wholeListSite(), sitetest.DependencyLists("SFTP")
	// Two pages of threats, of reviews and of open remediation items.
	var threats strings.Builder
	for i := range risk.PerThreats + 10 {
		fmt.Fprintf(&threats, "  - id: T-%03d\n    title: Threat %d\n    likelihood: 2\n    impact: 2\n    status: open\n", i, i)
	}
	lists := map[string]string{
		"content/bp.md": "---\nkind: blueprint\ntitle: Blueprint\n---\n",
		"content/tm.md": "---\nkind: threat-model\ntitle: Model\nsubject: bp\nthreats:\n" + threats.String() + "---\n",
	}
	for i := range reviews.PerReviews + 10 {
		lists[fmt.Sprintf("content/rev-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: review\ntitle: Review %03d\nstatus: completed\nstage: periodic\nsubject: bp\ndate: 2026-10-%02d\noutcome: approved\n---\n", i, 1+i%28)
	}
	for i := range backlog.PerOpen + 10 {
		lists[fmt.Sprintf("content/rem-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: remediation\ntitle: Item %03d\nseverity: low\nstatus: open\nowner: Team\ndiscovered: 2026-11-01\naffects: [bp]\n---\n", i)
	}
	track := map[string]string{}
	for i := range roadmap.PerPage + 10 {
		track[fmt.Sprintf("content/rm-%03d.md", i)] = fmt.Sprintf(
			"---\nkind: roadmap\ntitle: Item %03d\ncapability: mfa\nstart: 2026-Q1\nend: 2026-Q4\nstatus: planned\n---\n", i)
	}
	themed := func(files map[string]string, layout, text string) map[string]string {
		out := maps.Clone(files)
		out["archfolio.yaml"] = "title: Themed\ntheme: mine\n"
		out["themes/mine/layouts/"+layout] = text
		return out
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		file  string
		want  bool
	}{
		{"the default theme", kinds, "documents/blueprints/sort-rows.js", true},
		{"kind-content", themed(kinds, "kind-content.html", `{{define "kind-content"}}<p>mine</p>{{end}}`), "documents/blueprints/sort-rows.js", false},
		{"kind.html", themed(kinds, "kind.html", `{{define "content"}}<p>mine</p>{{end}}`), "documents/blueprints/sort-rows.js", false},
		{"status", themed(kinds, "status.html", `{{define "status"}}<b>{{.}}</b>{{end}}`), "documents/blueprints/sort-rows.js", true},
		{"the default theme", deps, "dependencies/all/sort-rows.js", true},
		{"dependencies-content", themed(deps, "dependencies-content.html", `{{define "dependencies-content"}}<p>mine</p>{{end}}`), "dependencies/all/sort-rows.js", false},
		{"the default theme", lists, "risks/threats/sort-rows.js", true},
		{"risks-content", themed(lists, "risks-content.html", `{{define "risks-content"}}<p>mine</p>{{end}}`), "risks/threats/sort-rows.js", false},
		{"risk-severity", themed(lists, "risk-severity.html", `{{define "risk-severity"}}<b>sev</b>{{end}}`), "risks/threats/sort-rows.js", true},
		{"the default theme", lists, "documents/reviews/sort-rows.js", true},
		{"reviews-content", themed(lists, "reviews-content.html", `{{define "reviews-content"}}<p>mine</p>{{end}}`), "documents/reviews/sort-rows.js", false},
		{"the default theme", lists, "backlog/open/sort-rows.js", true},
		{"backlog-content", themed(lists, "backlog-content.html", `{{define "backlog-content"}}<p>mine</p>{{end}}`), "backlog/open/sort-rows.js", false},
		{"backlog-table", themed(lists, "backlog-table.html", `{{define "backlog-table"}}<p>mine</p>{{end}}`), "backlog/open/sort-rows.js", false},
		{"the default theme", track, "roadmap/iam/sort-rows.js", true},
		{"roadmap-table", themed(track, "roadmap-table.html", `{{define "roadmap-table"}}<p>mine</p>{{end}}`), "roadmap/iam/sort-rows.js", false},
		// A roadmap.html of the theme's own that calls the block, which names the file.
		{"roadmap.html", themed(track, "roadmap.html", `{{define "content"}}<h1>Mine</h1>{{template "roadmap-table" .}}{{end}}`), "roadmap/iam/sort-rows.js", true},
		{"status", themed(track, "status.html", `{{define "status"}}<b>{{.}}</b>{{end}}`), "roadmap/iam/sort-rows.js", true},
	} {
		out, diags := sitetest.Render(t, c.files, goldenToday)
		if diags.Errors() > 0 {
			t.Fatalf("%s: diagnostics:\n%s", c.name, sitetest.DiagLines(diags))
		}
		if _, got := out.File(c.file); got != c.want {
			t.Errorf("%s: %s written %v, want %v", c.name, c.file, got, c.want)
		}
	}
}
