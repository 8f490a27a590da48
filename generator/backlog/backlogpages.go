package backlog

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"archfolio/generator/reviews"
	"encoding/csv"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// View is the remediation backlog: every remediation item with its due date,
// SLA and waiver, its page and panels, backlog.csv and its JSON.
var View = render.View{Name: "backlog", Analyse: analyseBacklog, Menu: backlogMenu(), Pages: backlogPages,
	Panels: backlogPanels, Cards: backlogCards, Files: backlogFiles, Sorted: backlogSorted, JSON: backlogJSON,
	Funcs: template.FuncMap{"backlogTable": func(pg *render.Page, items []*BacklogItem, sortable bool, id string, filters []render.Filter) BacklogTableData {
		return BacklogTableData{Page: pg, Items: items, Sortable: sortable, ID: id, Filters: filters}
	}}}

func backlogMenu() *render.MenuItem {
	return &render.MenuItem{Label: "Backlog", URL: "backlog/", Section: "remediation"}
}

// BacklogPage is a page of the backlog: backlog/ (the first page of every
// list), or a continuation page of one list (Part, PageNo from 0).
type BacklogPage struct {
	*Backlog
	Lists  map[string]pager.List // by part: open, by-blueprint, by-owner, by-source, accepted, waivers
	Part   string
	PageNo int
}

// How many rows a page of each list of the backlog holds: open items and
// the items of the groups (a group's heading is repeated on each page it
// spans), so that no backlog page grows with the portfolio.
const (
	PerOpen   = 200
	PerGroups = 150
	PerOthers = 200
)

// backlogParts are the backlog's lists in page order, with their titles.
var backlogParts = []struct{ Part, Title string }{{"open", "Open items"}, {"by-blueprint", "By blueprint"},
	{"by-owner", "By owner"}, {"by-source", "By source"}, {"accepted", "Risk-accepted items"}, {"waivers", "Waivers"}}

// groupRows is how many items the groups hold together.
func groupRows(groups []BacklogGroup) int {
	n := 0
	for _, g := range groups {
		n += len(g.Items)
	}
	return n
}

// backlogList is the backlog's list part cut into pages by split.
func backlogList(part string, split pager.Split) pager.List {
	return pager.List{Split: split, First: "backlog/", More: "backlog/" + part + "/", Fragment: part}
}

func backlogPages(p *generator.Portfolio) []render.PageJob {
	b := Of(p)
	counts := map[string]pager.Split{"open": pager.ByCount(len(b.Open), PerOpen),
		"by-blueprint": pager.ByCount(groupRows(b.ByBlueprint), PerGroups), "by-owner": pager.ByCount(groupRows(b.ByOwner), PerGroups),
		"by-source": pager.ByCount(groupRows(b.BySource), PerGroups), "accepted": pager.ByCount(len(b.Accepted), PerOthers),
		"waivers": pager.ByCount(len(b.Waivers), PerOthers)}
	lists := map[string]pager.List{}
	for part, split := range counts {
		lists[part] = backlogList(part, split)
	}
	page := func(part string, k int) func() *BacklogPage {
		return func() *BacklogPage { return &BacklogPage{Backlog: b, Lists: lists, Part: part, PageNo: k} }
	}
	jobs := []render.PageJob{render.Content(render.PageJob{URL: "backlog/", Layout: "backlog.html",
		Page: &render.Page{Title: "Remediation backlog", Section: "remediation"}}, backlogContent, page("", 0))}
	for _, part := range backlogParts {
		l := lists[part.Part]
		for k := 1; k < l.Pages(); k++ {
			jobs = append(jobs, render.Content(render.PageJob{URL: l.URL(k), Layout: "backlog.html",
				Page: &render.Page{Title: l.Title(part.Title, k), Section: "remediation"}},
				backlogContent, page(part.Part, k)))
		}
	}
	return jobs
}

// page is the page of the list part this page shows: its PageNo on a
// continuation page of that list, else the first.
func (b *BacklogPage) page(part string) int {
	if b.Part == part {
		return b.PageNo
	}
	return 0
}

// remediationPanel is the data of a remediation item's own panel: its backlog state,
// the review findings that raised it and the threats it addresses.
type remediationPanel struct {
	Item    *BacklogItem
	FoundIn []reviews.Finding
}

// blueprintBacklogPanel is the data of a blueprint's remediation panel.
type blueprintBacklogPanel struct {
	Open   []*BacklogItem
	Closed int
}

// backlogPanels adds the open remediation to a blueprint's page and the due date,
// SLA, waiver and origin to a remediation item's page.
func backlogPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	switch d.Kind {
	case "remediation":
		it := Of(p).ByDoc[d]
		if it == nil {
			return nil
		}
		var found []reviews.Finding
		if reviews.Of(p) != nil {
			found = reviews.Of(p).FoundIn[d]
		}
		return []render.Panel{render.NewPanel(backlogItemPanel, "rem-backlog", "Backlog status", remediationPanel{Item: it, FoundIn: found})}
	case "blueprint":
		var data blueprintBacklogPanel
		for _, r := range d.Backlinks {
			if it := Of(p).ByDoc[r.From]; it != nil && strings.HasPrefix(r.Field, "affects[") {
				if it.Open() {
					data.Open = append(data.Open, it)
				} else {
					data.Closed++
				}
			}
		}
		if len(data.Open) == 0 && data.Closed == 0 {
			return nil
		}
		slices.SortStableFunc(data.Open, backlogOrder)
		return []render.Panel{render.NewPanel(backlogBlueprintPanel, "bp-remediation", "Open remediation", data)}
	}
	return nil
}

// dayText formats a date as YYYY-MM-DD, or "" for the zero time.
func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// CSVHeader is the first row of backlog.csv; generator/help/csv.md documents each column.
var CSVHeader = []string{"id", "title", "jira", "jira_url", "severity", "status", "owner", "affects",
	"source", "standard", "discovered", "due", "due_basis", "sla_due", "overdue", "days_overdue",
	"sla_breached", "waiver_expires", "waiver_approved_by", "url"}

// backlogFiles writes backlog.csv: every remediation item, open ones first in backlog
// order, each cell safe from spreadsheet formula injection; and the rows file
// of the open items, the list with filters, when it has more than one page
// (render.FilterRows).
func backlogFiles(p *generator.Portfolio) []render.ExportFile {
	files := []render.ExportFile{{Name: "backlog.csv", Write: func(out io.Writer) error { return backlogCSV(out, p) }}}
	b := Of(p)
	fr := render.FilterRows{List: backlogList("open", pager.ByCount(len(b.Open), PerOpen)), Filters: func() []render.Filter { return b.Filters },
		Value: func(i int, name string) string { return b.Open[i].FilterValue(name) }}
	if f, ok := fr.File(); ok {
		files = append(files, f)
	}
	return files
}

// backlogSorted is the list of open items, for sorting it whole
// (render.SortRows).
func backlogSorted(p *generator.Portfolio) []render.SortRows {
	b := Of(p)
	return []render.SortRows{{List: backlogList("open", pager.ByCount(len(b.Open), PerOpen)), Rows: func(pg *render.Page) func(markup.Writer, int) {
		ranks := backlogRanks(pg, true)
		return func(w markup.Writer, i int) { writeBacklogRow(w, pg, b.Filters, ranks, b.Open[i]) }
	}, Components: []render.Overridable{backlogContent, backlogTableBlock}, Layout: "backlog.html"}}
}

// backlogCSV writes backlog.csv: one line per remediation item.
func backlogCSV(out io.Writer, p *generator.Portfolio) error {
	w := csv.NewWriter(out)
	if err := w.Write(CSVHeader); err != nil {
		return err
	}
	day := dayText
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	for _, it := range Of(p).Items {
		var affects []string
		for _, d := range it.Affects {
			affects = append(affects, d.ID)
		}
		late, expires, approver := "", "", ""
		if it.Overdue {
			late = strconv.Itoa(it.DaysLate)
		}
		if it.Waiver != nil {
			expires, approver = day(it.Waiver.Expires), it.Waiver.ApprovedBy
		}
		row := []string{it.Doc.ID, it.Doc.Title, it.Jira, it.JiraURL, it.Severity, it.Status, it.Doc.Owner,
			strings.Join(affects, "; "), docID(it.Source), docID(it.Standard), day(it.Discovered), day(it.Due),
			it.DueBasis, day(it.SLADue), yes(it.Overdue), late, yes(it.SLABreached), expires, approver, p.BaseURL + it.Doc.URL}
		for i := range row {
			row[i] = generator.CSVSafe(row[i])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

func docID(d *generator.Document) string {
	if d == nil {
		return ""
	}
	return d.ID
}

// backlogJSON is the backlog's part of portfolio.json.
func backlogJSON(p *generator.Portfolio) any {
	type itemJSON struct {
		ID            string `json:"id"`
		Jira          string `json:"jira,omitempty"`
		Severity      string `json:"severity"`
		Status        string `json:"status"`
		Due           string `json:"due,omitempty"`
		DueBasis      string `json:"due_basis,omitempty"`
		SLADue        string `json:"sla_due,omitempty"`
		Overdue       bool   `json:"overdue"`
		SLABreached   bool   `json:"sla_breached"`
		WaiverExpires string `json:"waiver_expires,omitempty"`
		WaiverExpired bool   `json:"waiver_expired,omitempty"`
	}
	day := dayText
	items := []itemJSON{}
	for _, it := range Of(p).Items {
		ij := itemJSON{ID: it.Doc.ID, Jira: it.Jira, Severity: it.Severity, Status: it.Status, Due: day(it.Due),
			DueBasis: it.DueBasis, SLADue: day(it.SLADue), Overdue: it.Overdue, SLABreached: it.SLABreached}
		if it.Waiver != nil {
			ij.WaiverExpires, ij.WaiverExpired = day(it.Waiver.Expires), it.Waiver.Expired
		}
		items = append(items, ij)
	}
	return struct {
		Items []itemJSON `json:"items"`
	}{items}
}
