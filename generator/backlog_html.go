package generator

import (
	"fmt"
	"html/template"
)

// The remediation backlog page and panels (components, component.go): every
// remediation item and most blueprints have a panel.

// backlogItemPanel is the "backlog-item" panel component.
var backlogItemPanel = Component[PanelPage[remediationPanel]]{Name: "backlog-item", slot: slotBacklogItem, write: panelWriter(writeBacklogItemPanel)}

// writeBacklogItemPanel is the "backlog-item" panel: a remediation item's JIRA
// issue, due date, SLA, waiver and the findings that raised it.
func writeBacklogItemPanel(pg PanelPage[remediationPanel], w htmlWriter) error {
	d := pg.Data
	it := d.Item
	w.raw("\n<dl class=\"facts\">\n<dt>JIRA</dt><dd>")
	if it.Jira != "" {
		w.jira(it)
	} else {
		w.raw("not linked")
	}
	w.raw("</dd>\n<dt>Due</dt><dd>")
	w.due(it)
	if it.DueBasis == "due" {
		w.raw(" <span class=\"summary\">(set explicitly)</span>")
	}
	w.raw("</dd>\n<dt>SLA</dt><dd>")
	if it.SLADays != 0 {
		w.int(it.SLADays)
		w.raw(" days for ")
		w.text(it.Severity)
		w.raw(" severity")
		if !it.SLADue.IsZero() {
			w.raw(": due by ")
			w.date(it.SLADue)
		}
	}
	w.raw("</dd>")
	if wv := it.Waiver; wv != nil {
		w.raw("\n<dt>Waiver</dt><dd>")
		w.waiver(wv)
		if wv.ApprovedBy != "" {
			w.raw("; approved by ")
			w.text(wv.ApprovedBy)
		}
		w.raw("</dd>")
	}
	w.raw("\n</dl>")
	if len(d.FoundIn) > 0 {
		w.raw("\n<h3>Found in</h3>\n<ul>")
		for _, f := range d.FoundIn {
			w.raw("<li>Finding <a href=\"")
			w.url(pg.Rel(f.Review.URL))
			w.raw("#finding-")
			w.urlPart(slugify(f.ID))
			w.raw("\">")
			w.text(f.ID)
			w.raw("</a> ")
			w.text(f.Title)
			w.raw(" of ")
			w.link(pg.Rel(f.Review.URL), f.Review.Title)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("\n")
	return nil
}

// BacklogHTML writes the "backlog-content" component (layout.go): the open items, their groups, the risk-accepted items and
// the waivers.
func (pg *Page) BacklogHTML() (template.HTML, error) {
	b, ok := pg.Data.(*Backlog)
	if !ok {
		return "", fmt.Errorf("backlog.html: data is %T, not *Backlog", pg.Data)
	}
	buf := pg.bufs().get()
	w := pg.writer(buf)
	w.raw("\n<h1>Remediation backlog</h1>\n<p class=\"lede\">")
	w.int(len(b.Open))
	w.raw(" open items as of ")
	w.date(pg.Site.Today)
	w.raw(": ")
	w.int(b.Overdue)
	w.raw(" overdue, ")
	w.int(b.Breached)
	w.raw(" past their SLA; ")
	w.int(len(b.Accepted))
	w.raw(" risk-accepted, ")
	w.int(b.Done)
	w.raw(" done. Due dates are explicit or discovered + the severity's SLA.</p>\n<nav aria-label=\"On this page\"><ul class=\"page-links\">\n<li><a href=\"#open\">Open items</a></li><li><a href=\"#by-blueprint\">By blueprint</a></li><li><a href=\"#by-owner\">By owner</a></li><li><a href=\"#by-source\">By source</a></li><li><a href=\"#accepted\">Risk-accepted</a></li><li><a href=\"#waivers\">Waivers</a></li><li><a href=\"")
	w.url(pg.Rel("backlog.csv"))
	w.raw("\" download>backlog.csv</a></li>\n</ul></nav>\n\n<section aria-labelledby=\"open\">\n<h2 id=\"open\">Open items</h2>\n<p>Overdue items first, then SLA breaches, then by due date.</p>")
	if len(b.Open) > 0 {
		w.raw("\n")
		w.filters("backlog-table", b.Filters, "h3")
		w.raw("\n")
		w.backlogTable(pg, b.Open, true, "backlog-table", b.Filters)
	} else {
		w.raw("\n<p>Nothing is open.</p>")
	}
	w.raw("\n</section>\n\n")
	w.backlogGroups(pg, "by-blueprint", "By blueprint", b.ByBlueprint)
	w.raw("\n")
	w.backlogGroups(pg, "by-owner", "By owner", b.ByOwner)
	w.raw("\n")
	w.backlogGroups(pg, "by-source", "By source", b.BySource)
	w.raw("\n\n<section aria-labelledby=\"accepted\">\n<h2 id=\"accepted\">Risk-accepted items</h2>")
	if len(b.Accepted) > 0 {
		w.raw("\n")
		w.backlogTable(pg, b.Accepted, false, "", nil)
	} else {
		w.raw("\n<p>No item is risk-accepted.</p>")
	}
	w.raw("\n</section>\n\n<section aria-labelledby=\"waivers\">\n<h2 id=\"waivers\">Waivers</h2>")
	if len(b.Waivers) > 0 {
		w.raw("\n<p>Soonest expiry first. An expired waiver is an error in <code>archfolio check</code>; one expiring within 30 days a warning.</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Status</th><th scope=\"col\">Expiry</th><th scope=\"col\">Approved by</th><th scope=\"col\">Justification</th></tr></thead>\n<tbody>")
		for _, it := range b.Waivers {
			w.raw("\n<tr><td>")
			w.link(pg.Rel(it.Doc.URL), it.Doc.Title)
			w.raw(" ")
			w.jira(it)
			w.raw("</td><td>")
			w.status(it.Status)
			w.raw("</td>\n<td>")
			w.waiver(it.Waiver)
			w.raw("</td><td>")
			w.text(it.Waiver.ApprovedBy)
			w.raw("</td><td>")
			w.text(it.Waiver.Justification)
			w.raw("</td></tr>")
		}
		w.raw("\n</tbody>\n</table>")
	} else {
		w.raw("\n<p>No open item has a waiver.</p>")
	}
	w.raw("\n</section>\n")
	return pg.lend(buf), nil
}

// BacklogGroupsData is what the "backlog-groups" component receives: open
// items in groups, in a section with id ID and heading Title, linked from Page.
type BacklogGroupsData struct {
	Page   *Page
	ID     string
	Title  string
	Groups []BacklogGroup
}

// backlogGroupsBlock is the "backlog-groups" component: open items grouped by
// blueprint, owner or source.
var backlogGroupsBlock = Component[BacklogGroupsData]{Name: "backlog-groups", slot: slotBacklogGroups, write: writeBacklogGroups}

func (w htmlWriter) backlogGroups(pg *Page, id, title string, groups []BacklogGroup) {
	backlogGroupsBlock.put(w, BacklogGroupsData{Page: pg, ID: id, Title: title, Groups: groups})
}

func writeBacklogGroups(w htmlWriter, d BacklogGroupsData) {
	pg, id, title, groups := d.Page, d.ID, d.Title, d.Groups
	w.raw("\n<section aria-labelledby=\"")
	w.text(id)
	w.raw("\">\n<h2 id=\"")
	w.text(id)
	w.raw("\">")
	w.text(title)
	w.raw("</h2>")
	for _, g := range groups {
		w.raw("\n<h3 id=\"")
		w.text(id)
		w.raw("-")
		w.text(g.Slug)
		w.raw("\">")
		if g.Doc != nil {
			w.link(pg.Rel(g.Doc.URL), g.Name)
		} else {
			w.text(g.Name)
		}
		w.raw(" <span class=\"count\">")
		w.int(len(g.Items))
		w.raw("</span></h3>\n<ul class=\"backlog-group\">")
		for _, it := range g.Items {
			w.raw("\n<li>")
			w.link(pg.Rel(it.Doc.URL), it.Doc.Title)
			w.raw(" ")
			w.jira(it)
			w.raw(" ")
			w.severity(it.Severity)
			w.raw(" ")
			w.status(it.Status)
			w.raw(" — due ")
			w.due(it)
			w.raw("</li>")
		}
		w.raw("\n</ul>")
	}
	if len(groups) == 0 {
		w.raw("\n<p>Nothing is open.</p>")
	}
	w.raw("\n</section>\n")
}

// backlogBlueprintPanel is the "backlog-blueprint" panel component.
var backlogBlueprintPanel = Component[PanelPage[blueprintBacklogPanel]]{Name: "backlog-blueprint", slot: slotBacklogBlueprint, write: panelWriter(writeBacklogBlueprintPanel)}

// writeBacklogBlueprintPanel is the "backlog-blueprint" panel: a blueprint's open
// remediation as a table, and how many more items are closed.
func writeBacklogBlueprintPanel(pg PanelPage[blueprintBacklogPanel], w htmlWriter) error {
	d := pg.Data
	if len(d.Open) > 0 {
		w.raw("\n")
		w.backlogTable(pg.Page, d.Open, false, "", nil)
	} else {
		w.raw("\n<p>No open remediation.</p>")
	}
	if d.Closed != 0 {
		w.raw("<p class=\"summary\">")
		w.int(d.Closed)
		if d.Closed == 1 {
			w.raw(" more item is done or risk-accepted; see the <a href=\"")
		} else {
			w.raw(" more items are done or risk-accepted; see the <a href=\"")
		}
		w.url(pg.Rel("backlog/"))
		w.raw("\">backlog</a>.</p>")
	}
	w.raw("\n")
	return nil
}

// BacklogTableData is what the "backlog-table" component receives: items linked
// from Page, sortable or not, with an id when ID is not "", and a data-
// attribute per filter on each row.
type BacklogTableData struct {
	Page     *Page
	Items    []*BacklogItem
	Sortable bool
	ID       string
	Filters  []Filter
}

// backlogTableBlock is the "backlog-table" component.
var backlogTableBlock = Component[BacklogTableData]{Name: "backlog-table", slot: slotBacklogTable, write: writeBacklogTable}

func (w htmlWriter) backlogTable(pg *Page, items []*BacklogItem, sortable bool, id string, filters []Filter) {
	backlogTableBlock.put(w, BacklogTableData{Page: pg, Items: items, Sortable: sortable, ID: id, Filters: filters})
}

func writeBacklogTable(w htmlWriter, d BacklogTableData) {
	pg, items, sortable, id, filters := d.Page, d.Items, d.Sortable, d.ID, d.Filters
	w.raw("\n<div class=\"table-scroll\">\n<table class=\"data")
	if sortable {
		w.raw(" sortable")
	}
	w.raw("\"")
	if id != "" {
		w.raw(" id=\"")
		w.text(id)
		w.raw("\"")
	}
	w.raw(">\n<thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Item</th><th scope=\"col\">JIRA</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Blueprints</th></tr></thead>\n<tbody>")
	for _, it := range items {
		w.raw("\n<tr")
		w.filterAttrs(filters, it.FilterValue)
		w.raw(">\n<td class=\"due\">")
		w.due(it)
		w.raw("</td>\n<td>")
		w.link(pg.Rel(it.Doc.URL), it.Doc.Title)
		if s := it.Source; s != nil {
			w.raw("<br><span class=\"summary\">from ")
			w.link(pg.Rel(s.URL), s.Title)
			w.raw("</span>")
		}
		w.raw("</td>\n<td>")
		w.jira(it)
		w.raw("</td>\n<td>")
		w.severity(it.Severity)
		w.raw("</td>\n<td>")
		w.status(it.Status)
		if it.Waiver != nil {
			w.raw("<br>")
			w.waiver(it.Waiver)
		}
		w.raw("</td>\n<td>")
		w.text(it.Doc.Owner)
		w.raw("</td>\n<td>")
		for i, d := range it.Affects {
			if i > 0 {
				w.raw(", ")
			}
			w.link(pg.Rel(d.URL), d.Title)
		}
		w.raw("</td>\n</tr>")
	}
	w.raw("\n</tbody>\n</table>\n</div>\n")
}

// backlogJiraBlock is the "backlog-jira" component: an item's JIRA key, linked.
var backlogJiraBlock = Component[*BacklogItem]{Name: "backlog-jira", slot: slotBacklogJira, write: writeBacklogJira}

func (w htmlWriter) jira(it *BacklogItem) { backlogJiraBlock.put(w, it) }

func writeBacklogJira(w htmlWriter, it *BacklogItem) {
	switch {
	case it.JiraURL != "":
		w.raw("<a class=\"jira\" href=\"")
		w.url(it.JiraURL)
		w.raw("\">")
		w.text(it.Jira)
		w.raw("</a>")
	case it.Jira != "":
		w.raw("<code>")
		w.text(it.Jira)
		w.raw("</code>")
	}
}

// backlogDueBlock is the "backlog-due" component: an item's due date and flags.
var backlogDueBlock = Component[*BacklogItem]{Name: "backlog-due", slot: slotBacklogDue, write: writeBacklogDue}

func (w htmlWriter) due(it *BacklogItem) { backlogDueBlock.put(w, it) }

func writeBacklogDue(w htmlWriter, it *BacklogItem) {
	if !it.Due.IsZero() {
		w.date(it.Due)
		if it.DueBasis == "sla" {
			w.raw(" <span class=\"summary\">(SLA ")
			w.int(it.SLADays)
			w.raw(" days)</span>")
		}
	} else {
		w.raw("<span class=\"summary\">no due date</span>")
	}
	switch {
	case it.Overdue:
		w.raw(" <span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>Overdue ")
		w.days(it.DaysLate)
		w.raw("</span>")
	case it.Open() && !it.Due.IsZero():
		w.raw(" <span class=\"summary\">in ")
		w.days(it.DaysLeft)
		w.raw("</span>")
	}
	if it.SLABreached && !(it.Overdue && it.DueBasis == "sla") {
		w.raw(" <span class=\"flag flag-warn\"><span aria-hidden=\"true\">⚠ </span>SLA breached</span>")
	}
}

// backlogWaiverBlock is the "backlog-waiver" component: a waiver's expiry.
var backlogWaiverBlock = Component[*Waiver]{Name: "backlog-waiver", slot: slotBacklogWaiver, write: writeBacklogWaiver}

func (w htmlWriter) waiver(wv *Waiver) { backlogWaiverBlock.put(w, wv) }

func writeBacklogWaiver(w htmlWriter, wv *Waiver) {
	switch {
	case wv.Expired:
		w.raw("<span class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>Expired ")
		w.date(wv.Expires)
		w.raw(", ")
		w.days(wv.Days)
		w.raw(" ago</span>")
	case wv.Expiring:
		w.raw("<span class=\"flag flag-warn\"><span aria-hidden=\"true\">⚠ </span>Expires ")
		w.date(wv.Expires)
		w.raw(", in ")
		w.days(wv.Days)
		w.raw("</span>")
	case !wv.Expires.IsZero():
		w.raw("Expires ")
		w.date(wv.Expires)
		w.raw(", in ")
		w.int(wv.Days)
		w.raw(" days")
	}
}

// days writes "1 day" or "n days".
func (w htmlWriter) days(n int) {
	w.int(n)
	if n == 1 {
		w.raw(" day")
	} else {
		w.raw(" days")
	}
}
