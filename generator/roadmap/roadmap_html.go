package roadmap

import (
	"time"

	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// The roadmap panel of a blueprint, a component (component.go); an item's own
// panel is the theme's "roadmap-item-panel" template (layouts/_roadmap.html).

// roadmapBlueprintPanel is the "roadmap-blueprint-panel" panel component.
var roadmapBlueprintPanel = markup.New[render.PanelPage[[]*RoadmapItem]]("roadmap-blueprint-panel", render.PanelWriter(writeRoadmapBlueprintPanel))

// writeRoadmapBlueprintPanel is the "roadmap-blueprint-panel" panel: the
// roadmap items that deliver a blueprint.
func writeRoadmapBlueprintPanel(pg render.PanelPage[[]*RoadmapItem], w markup.Writer) error {
	items := pg.Data
	w.Raw("\n<ul class=\"rm-delivered-by\">")
	for _, it := range items {
		w.Raw("\n  <li>")
		w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
		w.Raw(" ")
		render.PutStatus(w, it.Status)
		if it.Slipped {
			w.Raw(" <span class=\"rm-flag\">⚠ slipped</span>")
		}
		w.Raw("\n  <span class=\"summary\">")
		if it.Dated {
			w.Text(it.Start.Text)
			w.Raw(" to ")
			w.Text(it.End.Text)
			w.Raw(" · ")
		}
		w.Text(it.Lane.Title)
		w.Raw(" · ")
		w.Link(pg.Rel(it.Track.URL), it.Track.Title)
		w.Raw("</span></li>")
	}
	w.Raw("\n</ul>\n")
	return nil
}

// roadmapTable is the "roadmap-table" component: the table of the items a
// track's page shows, every item of the track when the track has one page.
// It receives the page (its Data a *RoadmapPage).
var roadmapTable = markup.New[*render.Page]("roadmap-table", writeRoadmapTable)

// writeRoadmapTable writes a track page's table. On a track of several pages
// the table has the links between the pages too (to their tables), and sorts
// the whole track from its rows file (roadmapSorted).
func writeRoadmapTable(w markup.Writer, pg *render.Page) {
	d, ok := pg.Data.(*RoadmapPage)
	if !ok || d.Track == nil {
		return
	}
	l := d.list
	l.Fragment = "table"
	l.Nav(w, pg.Rel, d.pageNo, "Pages of the table", "items")
	w.Raw("\n<table class=\"data sortable rm-table\" id=\"rm-table\"")
	render.PutSortRowsAttrs(w, l, "items", pg.Rel)
	w.Raw(">\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Capability</th><th scope=\"col\">Start</th><th scope=\"col\">End</th><th scope=\"col\">Status</th>\n" +
		"<th scope=\"col\">Maturity</th><th scope=\"col\">Outcomes</th><th scope=\"col\">Delivers</th><th scope=\"col\">JIRA</th></tr></thead>\n<tbody>")
	for _, it := range d.Track.Items {
		writeItemRow(w, pg, it)
	}
	w.Raw("\n</tbody>\n</table>\n")
}

// writeItemRow writes an item's row of a track's table, on its page and in
// the track's rows file alike.
func writeItemRow(w markup.Writer, pg *render.Page, it *RoadmapItem) {
	w.Raw("\n<tr>\n  <td>")
	w.Link(pg.Rel(it.Doc.URL), it.Doc.Title)
	w.Raw("</td>\n  <td>")
	w.Text(it.Lane.Title)
	w.Raw("</td>\n  <td class=\"rm-date\"")
	render.PutSortKey(w, datedKey(it, it.From))
	w.Raw(">")
	w.Text(it.Start.Text)
	w.Raw("</td>\n  <td class=\"rm-date\"")
	render.PutSortKey(w, datedKey(it, it.To))
	w.Raw(">")
	w.Text(it.End.Text)
	w.Raw("</td>\n  <td")
	render.PutSortRank(w, pg.EnumValues("roadmap", "status"), it.Status)
	w.Raw(">")
	render.PutStatus(w, it.Status)
	if it.Slipped {
		w.Raw(" <span class=\"rm-flag\">⚠ slipped</span>")
	}
	w.Raw("</td>\n  <td data-sort=\"")
	w.Int(it.Maturity.CurrentRank())
	w.Raw("\">")
	w.Text(it.Maturity.Arrow())
	w.Raw("</td>\n  <td>")
	for i, o := range it.Outcomes {
		if i > 0 {
			w.Raw("; ")
		}
		w.Text(o.Name)
	}
	w.Raw("</td>\n  <td>")
	render.PutDocLinks(w, pg, it.Delivers)
	w.Raw("</td>\n  <td>")
	w.LinkOrText(it.JiraURL, it.Jira)
	w.Raw("</td>\n</tr>")
}

// datedKey is a date cell's sort key: the day, or "" for an undated item.
func datedKey(it *RoadmapItem, day time.Time) string {
	if !it.Dated {
		return ""
	}
	return day.Format(time.DateOnly)
}
