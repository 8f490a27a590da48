package generator

// The roadmap panel of a blueprint, a component (component.go); an item's own
// panel is the theme's "roadmap-item-panel" template (layouts/_roadmap.html).

// roadmapBlueprintPanel is the "roadmap-blueprint-panel" panel component.
var roadmapBlueprintPanel = Component[PanelPage[[]*RoadmapItem]]{Name: "roadmap-blueprint-panel", slot: slotRoadmapBlueprint, write: panelWriter(writeRoadmapBlueprintPanel)}

// writeRoadmapBlueprintPanel is the "roadmap-blueprint-panel" panel: the
// roadmap items that deliver a blueprint.
func writeRoadmapBlueprintPanel(pg PanelPage[[]*RoadmapItem], w htmlWriter) error {
	items := pg.Data
	w.raw("\n<ul class=\"rm-delivered-by\">")
	for _, it := range items {
		w.raw("\n  <li>")
		w.link(pg.Rel(it.Doc.URL), it.Doc.Title)
		w.raw(" ")
		w.status(it.Status)
		if it.Slipped {
			w.raw(" <span class=\"rm-flag\">⚠ slipped</span>")
		}
		w.raw("\n  <span class=\"summary\">")
		if it.Dated {
			w.text(it.Start.Text)
			w.raw(" to ")
			w.text(it.End.Text)
			w.raw(" · ")
		}
		w.text(it.Lane.Title)
		w.raw(" · ")
		w.link(pg.Rel(it.Track.URL), it.Track.Title)
		w.raw("</span></li>")
	}
	w.raw("\n</ul>\n")
	return nil
}
