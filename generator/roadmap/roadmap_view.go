package roadmap

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
	"html/template"
	"io"
	"strconv"
	"time"
)

// View is the IAM roadmap: tracks, capability lanes and items with their
// timelines, maturity heat map, milestones and dependencies, roadmap.csv
// and the item panels.
var View = render.View{Name: "roadmap", Analyse: analyseRoadmap, Menu: roadmapMenu(), Pages: roadmapPages,
	Panels: roadmapPanels, Cards: roadmapCards, Files: roadmapFiles, JSON: roadmapJSON, Sorted: roadmapSorted}

// What the roadmap adds to the site: /roadmap/ and /roadmap/TRACK/ pages, panels
// on item and blueprint pages, a home card, roadmap.csv and its part of
// portfolio.json.

// roadmapMenu is the roadmap's menu entry.
func roadmapMenu() *render.MenuItem {
	return &render.MenuItem{Label: "Roadmap", URL: "roadmap/", Section: "roadmap"}
}

func analyseRoadmap(p *generator.Portfolio) diag.Diagnostics {
	rm, diags := buildRoadmap(p.ByKind["roadmap"], p.Config, p.Today)
	result.Set(p, rm)
	return diags
}

// RoadmapPage is what roadmap.html receives: one track in full, or (with several
// tracks, at /roadmap/) an overview of all of them.
type RoadmapPage struct {
	Track    *Track   // nil on the overview
	Tracks   []*Track // every track
	Timeline template.HTML
	// LaneHeads is the timeline's narrow lane column, which a narrow screen
	// freezes beside it (LaneHeadsSVG).
	LaneHeads template.HTML
	// Slipped lists the slipped items shown: the track's, or every track's.
	Slipped []*RoadmapItem
	Heatmap []HeatmapRow
	Levels  []string
	// On a track of more than PerPage items, Track is the page's part of it,
	// Whole the track, Pages the links between its pages, and Capabilities
	// (on the first page) every lane with its counts.
	Whole        *Track
	Pages        template.HTML
	PerPage      int
	Capabilities []LaneCount

	// list is the track's pages and pageNo this page's, from 0, for the
	// table (roadmapTable).
	list   pager.List
	pageNo int
}

// HeatmapRow is one capability of the maturity heatmap.
type HeatmapRow struct {
	Lane  *Lane
	Cells []HeatmapCell
}

// HeatmapCell is one capability × level cell: "reached" (below the current level),
// "current", "target", "current-target", "path" (between them) or "".
type HeatmapCell struct {
	Level, State string
}

func roadmapPages(p *generator.Portfolio) []render.PageJob {
	rm := Of(p)
	if rm == nil {
		return nil
	}
	// The timelines are drawn when their page is rendered, not when it is listed.
	var jobs []render.PageJob
	for _, t := range rm.Tracks {
		pages := trackPages(t)
		for k := range pages.Pages() {
			title := pages.Title(t.Title, k)
			url := pages.URL(k)
			jobs = append(jobs, render.LazyData(render.PageJob{URL: url, Layout: "roadmap.html", Page: &render.Page{Title: title, Section: "roadmap"}},
				func() *RoadmapPage { return trackPage(rm, t, k, p.Today, url) }))
		}
	}
	home := render.PageJob{URL: "roadmap/", Layout: "roadmap.html",
		Page: &render.Page{Title: "Roadmap", Section: "roadmap", Data: &RoadmapPage{Tracks: rm.Tracks, Slipped: rm.Slipped}}}
	if len(rm.Tracks) == 1 {
		t := rm.Tracks[0]
		home.Page = &render.Page{Title: t.Title, Section: "roadmap"}
		home = render.LazyData(home, func() *RoadmapPage { return trackPage(rm, t, 0, p.Today, "roadmap/") })
	}
	return append(jobs, home)
}

// roadmapSorted is every track of several pages, for sorting its table whole
// (render.SortRows). A theme writing the table its own way (a template
// "roadmap-table") gets no rows file. The table block itself names the file,
// so a roadmap.html of a theme's own that calls the block keeps it; one that
// does not leaves the file unused.
func roadmapSorted(p *generator.Portfolio) []render.SortRows {
	rm := Of(p)
	if rm == nil {
		return nil
	}
	var out []render.SortRows
	for _, t := range rm.Tracks {
		if l := trackPages(t); l.Pages() > 1 {
			out = append(out, render.SortRows{List: l, Rows: func(pg *render.Page) func(markup.Writer, int) {
				return func(w markup.Writer, i int) { writeItemRow(w, pg, t.Items[i]) }
			}, Components: []render.Overridable{roadmapTable}})
		}
	}
	return out
}

// trackPage is page k of track t, shown at pageURL.
func trackPage(rm *Roadmap, t *Track, k int, today time.Time, pageURL string) *RoadmapPage {
	pages := trackPages(t)
	part := t
	page := &RoadmapPage{Track: t, Tracks: rm.Tracks, Heatmap: maturityHeatmap(t.Lanes), Levels: maturityLevels[:], list: pages, pageNo: k}
	if pages.Pages() > 1 {
		part = pageTrack(t, pages, k)
		page.Track, page.Whole, page.Pages, page.PerPage = part, t, pagesNav(pages, pageURL, k), PerPage
		if k == 0 {
			page.Capabilities = laneCounts(t, pages)
		}
	}
	if k == 0 {
		page.Slipped = t.Slipped
	}
	page.Timeline, page.LaneHeads = TimelineSVG(part, today, pageURL), LaneHeadsSVG(part)
	return page
}

// maturityHeatmap places each lane's current and target maturity on the levels.
func maturityHeatmap(lanes []*Lane) []HeatmapRow {
	rows := make([]HeatmapRow, 0, len(lanes))
	for _, l := range lanes {
		cur, tgt := maturityRank(l.Maturity.Current), maturityRank(l.Maturity.Target)
		row := HeatmapRow{Lane: l}
		for i, level := range maturityLevels {
			state := ""
			switch {
			case i == cur && i == tgt:
				state = "current-target"
			case i == cur:
				state = "current"
			case i == tgt:
				state = "target"
			case i < cur:
				state = "reached"
			case i > cur && i < tgt:
				state = "path"
			}
			row.Cells = append(row.Cells, HeatmapCell{Level: level, State: state})
		}
		rows = append(rows, row)
	}
	return rows
}

// RoadmapItemPanel is the roadmap panel of an item's page.
type RoadmapItemPanel struct {
	Item  *RoadmapItem
	Strip template.HTML
	// Conflicts names the dependencies that end after this item starts.
	Conflicts map[*RoadmapItem]bool
}

func roadmapPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	rm := Of(p)
	if rm == nil {
		return nil
	}
	if it := rm.ByID[d.ID]; it != nil && d.Kind == "roadmap" {
		panel := &RoadmapItemPanel{Item: it, Strip: ItemStripSVG(it, it.Track, p.Today), Conflicts: map[*RoadmapItem]bool{}}
		for _, dep := range it.DependsOn {
			panel.Conflicts[dep] = startsBeforeEnd(it, dep)
		}
		return []render.Panel{render.TemplatePanel("roadmap-item-panel", "roadmap", "On the roadmap", panel)}
	}
	if items := rm.ByBlueprint[d.ID]; len(items) > 0 {
		return []render.Panel{render.NewPanel(roadmapBlueprintPanel, "roadmap-items", "Roadmap items that deliver it", items)}
	}
	return nil
}

func roadmapCards(p *generator.Portfolio) []render.Card {
	rm := Of(p)
	if rm == nil || len(rm.Items) == 0 {
		return nil
	}
	n := len(rm.Slipped)
	return []render.Card{{Title: "Slipped roadmap items", Value: strconv.Itoa(n),
		Detail: "past their end date, not done, of " + strconv.Itoa(len(rm.Items)) + " items",
		URL:    "roadmap/#slipped", Alert: render.AlertIf(n > 0, render.AlertWarning)}}
}

func roadmapFiles(p *generator.Portfolio) []render.ExportFile {
	if Of(p) == nil {
		return nil
	}
	return []render.ExportFile{{Name: "roadmap.csv", Write: func(w io.Writer) error {
		data, err := roadmapCSV(Of(p))
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	}}}
}
