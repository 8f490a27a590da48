package backlog

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"archfolio/generator/risk"
	"html/template"
)

// The remediation backlog page and panels (components, component.go): every
// remediation item and most blueprints have a panel.

// backlogItemPanel is the "backlog-item" panel component.
var backlogItemPanel = markup.New[render.PanelPage[remediationPanel]]("backlog-item", render.PanelWriter(writeBacklogItemPanel))

// writeBacklogItemPanel is the "backlog-item" panel: a remediation item's JIRA
// issue, due date, SLA, waiver and the findings that raised it.
func writeBacklogItemPanel(pg render.PanelPage[remediationPanel], w markup.Writer) error {
	d := pg.Data
	it := d.Item
	w.Raw("\n<dl class=\"facts\">\n<dt>JIRA</dt><dd>")
	if it.Jira != "" {
		PutJira(w, it)
	} else {
		w.Raw("not linked")
	}
	w.Raw("</dd>\n<dt>Due</dt><dd>")
	PutDue(w, it)
	if it.DueBasis == "due" {
		w.Raw(" <span class=\"summary\">(set explicitly)</span>")
	}
	w.Raw("</dd>\n<dt>SLA</dt><dd>")
	if it.SLADays != 0 {
		w.Int(it.SLADays)
		w.Raw(" days for ")
		w.Text(it.Severity)
		w.Raw(" severity")
		if !it.SLADue.IsZero() {
			w.Raw(": due by ")
			w.Date(it.SLADue)
		}
	}
	w.Raw("</dd>")
	if wv := it.Waiver; wv != nil {
		w.Raw("\n<dt>Waiver</dt><dd>")
		putWaiver(w, wv)
		if wv.ApprovedBy != "" {
			w.Raw("; approved by ")
			w.Text(wv.ApprovedBy)
		}
		w.Raw("</dd>")
	}
	w.Raw("\n</dl>")
	if len(d.FoundIn) > 0 {
		w.Raw("\n<h3>Found in</h3>\n<ul>")
		for _, f := range d.FoundIn {
			w.Raw("<li>Finding <a href=\"")
			w.URL(pg.Rel(f.Review.URL))
			w.Raw("#finding-")
			w.URLPart(generator.Slug(f.ID))
			w.Raw("\">")
			w.Text(f.ID)
			w.Raw("</a> ")
			w.Text(f.Title)
			w.Raw(" of ")
			w.Link(pg.Rel(f.Review.URL), f.Review.Title)
			w.Raw("</li>")
		}
		w.Raw("</ul>")
	}
	w.Raw("\n")
	return nil
}

// backlogContent is the content of the backlog's pages.
var backlogContent = markup.New[render.PageData[*BacklogPage]]("backlog-content", render.ContentWriter(backlogHTML))

// backlogHTML writes the "backlog-content" component (layout.go): the open
// items, their groups, the risk-accepted items and the waivers, or a
// continuation page of one of these lists.
func backlogHTML(pg *render.Page, b *BacklogPage) (template.HTML, error) {
	buf := pg.NewBuffer()
	w := pg.Writer(buf)
	if b.Part != "" {
		pager.Heading(w, pg.Rel("backlog/"), "Remediation backlog", pg.Title)
		writeBacklogPart(w, pg, b, b.Part)
		return pg.Lend(buf), nil
	}
	w.Raw("\n<h1>Remediation backlog</h1>\n<p class=\"lede\">")
	w.Int(len(b.Open))
	w.Raw(" open items as of ")
	w.Date(pg.Site.Today)
	w.Raw(": ")
	w.Int(b.Overdue)
	w.Raw(" overdue, ")
	w.Int(b.Breached)
	w.Raw(" past their SLA; ")
	w.Int(len(b.Accepted))
	w.Raw(" risk-accepted, ")
	w.Int(b.Done)
	w.Raw(" done. Due dates are explicit or discovered + the severity's SLA.</p>\n<nav aria-label=\"On this page\"><ul class=\"page-links\">\n<li><a href=\"#open\">Open items</a></li><li><a href=\"#by-blueprint\">By blueprint</a></li><li><a href=\"#by-owner\">By owner</a></li><li><a href=\"#by-source\">By source</a></li><li><a href=\"#accepted\">Risk-accepted</a></li><li><a href=\"#waivers\">Waivers</a></li><li><a href=\"")
	w.URL(pg.Rel("backlog.csv"))
	w.Raw("\" download>backlog.csv</a></li>\n</ul></nav>\n")
	for i, part := range backlogParts {
		if i >= 2 && i <= 4 {
			w.Raw("\n")
		}
		writeBacklogPart(w, pg, b, part.Part)
	}
	return pg.Lend(buf), nil
}

// writeBacklogPart writes the page's part of one list of the backlog, with
// the links to its other pages.
func writeBacklogPart(w markup.Writer, pg *render.Page, b *BacklogPage, part string) {
	k, l := b.page(part), b.Lists[part]
	from, to := l.Range(k)
	title := ""
	for _, p := range backlogParts {
		if p.Part == part {
			title = p.Title
		}
	}
	nav := func(noun string) { l.Nav(w, pg.Rel, k, "Pages of the backlog: "+title, noun) }
	switch part {
	case "open":
		w.Raw("\n<section aria-labelledby=\"open\">\n<h2 id=\"open\">Open items</h2>\n<p>Overdue items first, then SLA breaches, then by due date.</p>")
		if len(b.Open) > 0 {
			nav("open items")
			w.Raw("\n")
			render.PutPagedFilters(w, "backlog-table", b.Filters, "h3", &render.PagedFilters{List: l, Page: k, Noun: "open items", Rel: pg.Rel})
			w.Raw("\n")
			backlogTableBlock.Put(w, BacklogTableData{Page: pg, Items: b.Open[from:to], Sortable: true, ID: "backlog-table", Filters: b.Filters, List: l})
		} else {
			w.Raw("\n<p>Nothing is open.</p>")
		}
		w.Raw("\n</section>\n\n")
	case "by-blueprint", "by-owner", "by-source":
		groups := map[string][]BacklogGroup{"by-blueprint": b.ByBlueprint, "by-owner": b.ByOwner, "by-source": b.BySource}[part]
		putBacklogGroups(w, pg, part, title, groupsOnPage(groups, from, to), func() { nav("items in groups") })
	case "accepted":
		w.Raw("\n<section aria-labelledby=\"accepted\">\n<h2 id=\"accepted\">Risk-accepted items</h2>")
		if len(b.Accepted) > 0 {
			nav("risk-accepted items")
			w.Raw("\n")
			putBacklogTable(w, pg, b.Accepted[from:to], false, "", nil)
		} else {
			w.Raw("\n<p>No item is risk-accepted.</p>")
		}
		w.Raw("\n</section>\n\n")
	case "waivers":
		writeWaivers(w, pg, b.Waivers[from:to], func() { nav("waivers") })
	}
}

// groupsOnPage is the part of groups whose items are the from-th to the
// to-th of all their items, in order: a group cut by the page keeps only the
// page's items and says how many it has in all.
func groupsOnPage(groups []BacklogGroup, from, to int) []BacklogGroup {
	var out []BacklogGroup
	at := 0
	for _, g := range groups {
		start, end := max(from-at, 0), min(to-at, len(g.Items))
		if start < end {
			part := g
			part.Items = g.Items[start:end]
			if end-start < len(g.Items) {
				part.Of = len(g.Items)
			}
			out = append(out, part)
		}
		at += len(g.Items)
	}
	return out
}

// writeWaivers writes the waivers section: items, soonest expiry first.
func writeWaivers(w markup.Writer, pg *render.Page, waivers []*BacklogItem, nav func()) {
	w.Raw("<section aria-labelledby=\"waivers\">\n<h2 id=\"waivers\">Waivers</h2>")
	if len(waivers) > 0 {
		w.Raw("\n<p>Soonest expiry first. An expired waiver is an error in <code>archfolio check</code>; one expiring within 30 days a warning.</p>")
		nav()
		w.Raw("\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Status</th><th scope=\"col\">Expiry</th><th scope=\"col\">Approved by</th><th scope=\"col\">Justification</th></tr></thead>\n<tbody>")
		for _, it := range waivers {
			w.Raw("\n<tr><td>")
			w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
			w.Raw(" ")
			PutJira(w, it)
			w.Raw("</td><td>")
			render.PutStatus(w, it.Status)
			w.Raw("</td>\n<td>")
			putWaiver(w, it.Waiver)
			w.Raw("</td><td>")
			w.Text(it.Waiver.ApprovedBy)
			w.Raw("</td><td>")
			w.Text(it.Waiver.Justification)
			w.Raw("</td></tr>")
		}
		w.Raw("\n</tbody>\n</table>")
	} else {
		w.Raw("\n<p>No open item has a waiver.</p>")
	}
	w.Raw("\n</section>\n")
}

// BacklogGroupsData is what the "backlog-groups" component receives: open
// items in groups, in a section with id ID and heading Title, linked from Page.
type BacklogGroupsData struct {
	Page   *render.Page
	ID     string
	Title  string
	Groups []BacklogGroup
	// Nav writes the links to the other pages of the groups, if any.
	Nav func()
}

// backlogGroupsBlock is the "backlog-groups" component: open items grouped by
// blueprint, owner or source.
var backlogGroupsBlock = markup.New[BacklogGroupsData]("backlog-groups", writeBacklogGroups)

func putBacklogGroups(w markup.Writer, pg *render.Page, id, title string, groups []BacklogGroup, nav func()) {
	backlogGroupsBlock.Put(w, BacklogGroupsData{Page: pg, ID: id, Title: title, Groups: groups, Nav: nav})
}

func writeBacklogGroups(w markup.Writer, d BacklogGroupsData) {
	pg, id, title, groups := d.Page, d.ID, d.Title, d.Groups
	w.Raw("\n<section aria-labelledby=\"")
	w.Text(id)
	w.Raw("\">\n<h2 id=\"")
	w.Text(id)
	w.Raw("\">")
	w.Text(title)
	w.Raw("</h2>")
	if d.Nav != nil {
		d.Nav()
	}
	for _, g := range groups {
		w.Raw("\n<h3 id=\"")
		w.Text(id)
		w.Raw("-")
		w.Text(g.Slug)
		w.Raw("\">")
		if g.Doc != nil {
			w.Link(pg.Rel(g.Doc.URL), g.Name)
		} else {
			w.Text(g.Name)
		}
		w.Raw(" <span class=\"count\">")
		w.Int(len(g.Items))
		if g.Of > 0 {
			w.Raw(" of ")
			w.Int(g.Of)
		}
		w.Raw("</span></h3>\n<ul class=\"backlog-group\">")
		for _, it := range g.Items {
			w.Raw("\n<li>")
			w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
			w.Raw(" ")
			PutJira(w, it)
			w.Raw(" ")
			risk.PutSeverity(w, it.Severity)
			w.Raw(" ")
			render.PutStatus(w, it.Status)
			w.Raw(" — due ")
			PutDue(w, it)
			w.Raw("</li>")
		}
		w.Raw("\n</ul>")
	}
	if len(groups) == 0 {
		w.Raw("\n<p>Nothing is open.</p>")
	}
	w.Raw("\n</section>\n")
}

// backlogBlueprintPanel is the "backlog-blueprint" panel component.
var backlogBlueprintPanel = markup.New[render.PanelPage[blueprintBacklogPanel]]("backlog-blueprint", render.PanelWriter(writeBacklogBlueprintPanel))

// writeBacklogBlueprintPanel is the "backlog-blueprint" panel: a blueprint's open
// remediation as a table, and how many more items are closed.
func writeBacklogBlueprintPanel(pg render.PanelPage[blueprintBacklogPanel], w markup.Writer) error {
	d := pg.Data
	if len(d.Open) > 0 {
		w.Raw("\n")
		putBacklogTable(w, pg.Page, d.Open, false, "", nil)
	} else {
		w.Raw("\n<p>No open remediation.</p>")
	}
	if d.Closed != 0 {
		w.Raw("<p class=\"summary\">")
		w.Int(d.Closed)
		if d.Closed == 1 {
			w.Raw(" more item is done or risk-accepted; see the <a href=\"")
		} else {
			w.Raw(" more items are done or risk-accepted; see the <a href=\"")
		}
		w.URL(pg.Rel("backlog/"))
		w.Raw("\">backlog</a>.</p>")
	}
	w.Raw("\n")
	return nil
}

// BacklogTableData is what the "backlog-table" component receives: items linked
// from Page, sortable or not, with an id when ID is not "", and a data-
// attribute per filter on each row.
type BacklogTableData struct {
	Page     *render.Page
	Items    []*BacklogItem
	Sortable bool
	ID       string
	Filters  []render.Filter
	// List is the list the items are one page of, when the table sorts it
	// whole (render.SortRows); the zero List for none.
	List pager.List
}

// backlogTableBlock is the "backlog-table" component.
var backlogTableBlock = markup.New[BacklogTableData]("backlog-table", writeBacklogTable)

func putBacklogTable(w markup.Writer, pg *render.Page, items []*BacklogItem, sortable bool, id string, filters []render.Filter) {
	backlogTableBlock.Put(w, BacklogTableData{Page: pg, Items: items, Sortable: sortable, ID: id, Filters: filters})
}

func writeBacklogTable(w markup.Writer, d BacklogTableData) {
	pg, items, sortable, id, filters := d.Page, d.Items, d.Sortable, d.ID, d.Filters
	w.Raw("\n<div class=\"table-scroll\">\n<table class=\"data")
	if sortable {
		w.Raw(" sortable")
	}
	w.Raw("\"")
	if id != "" {
		w.Raw(" id=\"")
		w.Text(id)
		w.Raw("\"")
	}
	render.PutSortRowsAttrs(w, d.List, "open items", pg.Rel)
	w.Raw(">\n<thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Item</th><th scope=\"col\">JIRA</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Blueprints</th></tr></thead>\n<tbody>")
	ranks := backlogRanks(pg, sortable)
	for _, it := range items {
		writeBacklogRow(w, pg, filters, ranks, it)
	}
	w.Raw("\n</tbody>\n</table>\n</div>\n")
}

// backlogRanks are the orders a sortable table's severity and status columns
// sort in, the schema's, not the alphabet; nil for a table that does not sort.
func backlogRanks(pg *render.Page, sortable bool) *[2][]string {
	if !sortable {
		return nil
	}
	return &[2][]string{pg.EnumValues("remediation", "severity"), pg.EnumValues("remediation", "status")}
}

// writeBacklogRow writes a remediation item's row of a backlog table, its
// severity and status cells ranked for sorting when ranks is not nil.
func writeBacklogRow(w markup.Writer, pg *render.Page, filters []render.Filter, ranks *[2][]string, it *BacklogItem) {
	rank := func(k int, v string) {
		if ranks != nil {
			render.PutSortRank(w, ranks[k], v)
		}
	}
	w.Raw("\n<tr")
	render.PutFilterAttrs(w, filters, it.FilterValue)
	w.Raw(">\n<td class=\"due\">")
	PutDue(w, it)
	w.Raw("</td>\n<td>")
	w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
	if s := it.Source; s != nil {
		w.Raw("<br><span class=\"summary\">from ")
		w.Link(pg.Rel(s.URL), s.Title)
		w.Raw("</span>")
	}
	w.Raw("</td>\n<td>")
	PutJira(w, it)
	w.Raw("</td>\n<td")
	rank(0, it.Severity)
	w.Raw(">")
	risk.PutSeverity(w, it.Severity)
	w.Raw("</td>\n<td")
	rank(1, it.Status)
	w.Raw(">")
	render.PutStatus(w, it.Status)
	if it.Waiver != nil {
		w.Raw("<br>")
		putWaiver(w, it.Waiver)
	}
	w.Raw("</td>\n<td>")
	w.Text(it.Doc.Owner)
	w.Raw("</td>\n<td>")
	render.PutDocLinks(w, pg, it.Affects)
	w.Raw("</td>\n</tr>")
}

// backlogJiraBlock is the "backlog-jira" component: an item's JIRA key, linked.
var backlogJiraBlock = markup.New[*BacklogItem]("backlog-jira", writeBacklogJira)

// PutJira writes the "backlog-jira" component: an item's JIRA key, linked
// when archfolio.yaml has a jira url.
func PutJira(w markup.Writer, it *BacklogItem) { backlogJiraBlock.Put(w, it) }

func writeBacklogJira(w markup.Writer, it *BacklogItem) {
	switch {
	case it.JiraURL != "":
		w.Raw("<a class=\"jira\" href=\"")
		w.URL(it.JiraURL)
		w.Raw("\">")
		w.Text(it.Jira)
		w.Raw("</a>")
	case it.Jira != "":
		w.Raw("<code>")
		w.Text(it.Jira)
		w.Raw("</code>")
	}
}

// backlogDueBlock is the "backlog-due" component: an item's due date and flags.
var backlogDueBlock = markup.New[*BacklogItem]("backlog-due", writeBacklogDue)

// PutDue writes the "backlog-due" component: an item's due date and flags.
func PutDue(w markup.Writer, it *BacklogItem) { backlogDueBlock.Put(w, it) }

func writeBacklogDue(w markup.Writer, it *BacklogItem) {
	if !it.Due.IsZero() {
		w.Date(it.Due)
		if it.DueBasis == "sla" {
			w.Raw(" <span class=\"summary\">(SLA ")
			w.Int(it.SLADays)
			w.Raw(" days)</span>")
		}
	} else {
		w.Raw("<span class=\"summary\">no due date</span>")
	}
	switch {
	case it.Overdue:
		w.Raw(" <span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>Overdue ")
		putDays(w, it.DaysLate)
		w.Raw("</span>")
	case it.Open() && !it.Due.IsZero():
		w.Raw(" <span class=\"summary\">in ")
		putDays(w, it.DaysLeft)
		w.Raw("</span>")
	}
	if it.SLABreached && !(it.Overdue && it.DueBasis == "sla") {
		w.Raw(" <span class=\"flag flag-warn\"><span aria-hidden=\"true\">⚠ </span>SLA breached</span>")
	}
}

// backlogWaiverBlock is the "backlog-waiver" component: a waiver's expiry.
var backlogWaiverBlock = markup.New[*Waiver]("backlog-waiver", writeBacklogWaiver)

func putWaiver(w markup.Writer, wv *Waiver) { backlogWaiverBlock.Put(w, wv) }

func writeBacklogWaiver(w markup.Writer, wv *Waiver) {
	switch {
	case wv.Expired:
		w.Raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>Expired ")
		w.Date(wv.Expires)
		w.Raw(", ")
		putDays(w, wv.Days)
		w.Raw(" ago</span>")
	case wv.Expiring:
		w.Raw("<span class=\"flag flag-warn\"><span aria-hidden=\"true\">⚠ </span>Expires ")
		w.Date(wv.Expires)
		w.Raw(", in ")
		putDays(w, wv.Days)
		w.Raw("</span>")
	case !wv.Expires.IsZero():
		w.Raw("<span class=\"flag flag-ok\"><span aria-hidden=\"true\">✓ </span>Expires ")
		w.Date(wv.Expires)
		w.Raw(", in ")
		w.Int(wv.Days)
		w.Raw(" days</span>")
	}
}

// days writes "1 day" or "n days".
func putDays(w markup.Writer, n int) {
	w.Int(n)
	if n == 1 {
		w.Raw(" day")
	} else {
		w.Raw(" days")
	}
}
