package risk

import (
	"archfolio/generator/dependencies"
	"archfolio/generator/diagram"
	"archfolio/generator/graph"
	"cmp"
	"html/template"
	"slices"
	"strings"
)

// dfdSmallText is the font size of the diagram's flow labels and asset
// details: as small as the maps' legibility rule (11px at default zoom) allows.
const dfdSmallText = 11

// DataFlowDiagram lays out a model's system: an asset is a box in the frame of
// its innermost trust boundary, frames nest as the boundaries do, and the
// flows between two assets are one arrow labelled with their protocols.
func DataFlowDiagram(m *DataFlowModel) *diagram.Drawing {
	var nodes []graph.Node
	for _, a := range m.Assets {
		group := ""
		if a.Boundary != nil {
			group = a.Boundary.ID
		}
		nodes = append(nodes, graph.Node{ID: a.ID, Label: a.Title, Group: group})
	}
	opt := diagram.DefaultOptions()
	opt.LayerGap = 128 // room for a protocol along every arrow
	for _, b := range m.Boundaries {
		f := diagram.Frame{ID: b.ID, Label: b.Title}
		if b.Parent != nil {
			f.Parent = b.Parent.ID
		}
		opt.Frames = append(opt.Frames, f)
	}
	return diagram.Layered(graph.New(nodes, flowEdges(m)), opt)
}

// flowEdges merges the flows between each ordered pair of assets into one
// edge, whose attributes say what the diagram draws: the protocols, the flows'
// ids, and whether every one is encrypted.
func flowEdges(m *DataFlowModel) []graph.Edge {
	var edges []graph.Edge
	at := map[[2]string]int{}
	for _, f := range m.Flows {
		if f.From == nil || f.To == nil {
			continue
		}
		key := [2]string{f.From.ID, f.To.ID}
		i, ok := at[key]
		if !ok {
			i, at[key] = len(edges), len(edges)
			edges = append(edges, graph.Edge{From: key[0], To: key[1], Attrs: map[string]string{"encrypted": "yes"}})
		}
		e := &edges[i]
		e.Count++
		if l := f.Label(); l != "" && !slices.Contains(strings.Split(e.Attrs["label"], ", "), l) {
			e.Attrs["label"] = strings.TrimPrefix(e.Attrs["label"]+", "+l, ", ")
		}
		e.Attrs["flows"] = strings.TrimPrefix(e.Attrs["flows"]+", "+cmp.Or(f.Title, f.ID), ", ")
		if !f.Encrypted {
			e.Attrs["encrypted"] = ""
		}
	}
	return edges
}

// dataFlowSVG writes the diagram of a threat model's system (each box links to
// its asset's row) and returns it with the legend of the styles it uses.
func dataFlowSVG(tm *ThreatModelRisk) (template.HTML, []dependencies.LegendEntry) {
	m := tm.System
	asset := map[string]*Asset{}
	for _, a := range m.Assets {
		asset[a.ID] = a
	}
	style := diagram.Style{ID: "dfd-" + tm.Doc.ID, Title: "Data-flow diagram of " + tm.Doc.Title,
		Desc:      "Assets as boxes inside the dashed frames of their trust boundaries, data flows as arrows labelled with their protocols. The tables below list every one.",
		SmallSize: dfdSmallText,
		Href:      func(n graph.Node) string { return "#" + asset[n.ID].Anchor },
		Tooltip:   func(n graph.Node) string { return assetTooltip(asset[n.ID]) },
		Meta:      func(n graph.Node) string { return assetMeta(asset[n.ID]) },
		NodeClass: func(n graph.Node) string { return assetClass(asset[n.ID]) },
		EdgeClass: func(e graph.Edge) string {
			if e.Attrs["encrypted"] == "" {
				return "plain"
			}
			return "encrypted"
		},
		EdgeTitle: func(e graph.Edge) string {
			return asset[e.From].Title + " → " + asset[e.To].Title + ": " + e.Attrs["flows"]
		},
		EdgeLabel:  func(e graph.Edge) string { return e.Attrs["label"] },
		FrameClass: func(string) string { return "boundary" },
	}
	d := DataFlowDiagram(m)
	return template.HTML(diagram.SVG(d, style)), dfdLegend(d, style) // diagram.SVG escapes every value
}

// dfdLegend is what the diagram's frames, lines and boxes mean: an entry for
// each style the drawing uses.
func dfdLegend(d *diagram.Drawing, s diagram.Style) []dependencies.LegendEntry {
	used := map[string]bool{"frame boundary": len(d.Frames) > 0}
	for _, r := range d.Routes {
		used["line "+s.EdgeClass(r.Edge)] = true
		used["line back"] = used["line back"] || r.Back
	}
	for _, b := range d.Boxes {
		for _, c := range strings.Fields(s.NodeClass(b.Node)) {
			used["swatch "+c] = true
		}
	}
	var out []dependencies.LegendEntry
	for _, e := range dfdLegendEntries {
		if used[e.Class] {
			out = append(out, e)
		}
	}
	return out
}

// assetMeta is the line of details in an asset's box: its type and technology.
func assetMeta(a *Asset) string {
	parts := []string{}
	if a.Type != "" {
		parts = append(parts, strings.ReplaceAll(a.Type, "-", " "))
	}
	if a.Technology != "" {
		parts = append(parts, a.Technology)
	}
	return strings.Join(parts, " · ")
}

func assetTooltip(a *Asset) string {
	t := a.Title
	if m := assetMeta(a); m != "" {
		t += " (" + m + ")"
	}
	if a.Internet {
		t += ", reachable from the internet"
	}
	if a.OutOfScope {
		t += ", out of scope"
	}
	return t
}

func assetClass(a *Asset) string {
	cls := "asset-" + cmp.Or(a.Type, "process")
	if a.OutOfScope {
		cls += " out-of-scope"
	}
	return cls
}

// dfdLegendEntries is what each of the diagram's styles means.
var dfdLegendEntries = []dependencies.LegendEntry{
	{Class: "frame boundary", Label: "trust boundary (dashed red frame; nested frames are nested boundaries)"},
	{Class: "line encrypted", Label: "data flow, encrypted (solid; the label is its protocol)"},
	{Class: "line plain", Label: "data flow, not encrypted (dashed)"},
	{Class: "line back", Label: "data flow drawn right to left, closing a loop (dotted)", Symbol: "↺"},
	{Class: "swatch asset-process", Label: "process (plain box)"},
	{Class: "swatch asset-datastore", Label: "data store (shaded box)"},
	{Class: "swatch asset-external-entity", Label: "external entity (thick border)"},
	{Class: "swatch out-of-scope", Label: "out of scope (dashed border)"},
}
