package roadmap

import (
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
