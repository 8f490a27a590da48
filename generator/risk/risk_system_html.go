package risk

import (
	"archfolio/generator"
	"archfolio/generator/dependencies"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// The system panel of a threat model's page: its data-flow diagram, and the
// tables of data assets, assets, data flows and trust boundaries that the
// diagram's boxes and the threats' targets link to.

// riskModelSystemPanel is the "risk-model-system" panel component.
var riskModelSystemPanel = markup.New[render.PanelPage[*ThreatModelRisk]]("risk-model-system", render.PanelWriter(writeRiskModelSystemPanel))

// writeRiskModelSystemPanel is the "risk-model-system" panel.
func writeRiskModelSystemPanel(pg render.PanelPage[*ThreatModelRisk], w markup.Writer) error {
	m := pg.Data.System
	if len(m.Assets) > 0 {
		svg, legend := dataFlowSVG(pg.Data)
		dependencies.PutLegend(w, legend) // before the figure, as beside every map
		w.Raw("\n<figure class=\"depmap-frame dfd\">\n  <div class=\"depmap-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Data-flow diagram (scroll to see all of it)\">")
		w.Raw(string(svg))
		w.Raw("</div>\n  <figcaption>Every box links to its asset's row below; a flow's arrow says its protocol.</figcaption>\n</figure>")
	}
	writeDataAssets(w, m)
	writeAssets(w, pg.Page, m)
	writeFlows(w, m)
	writeBoundaries(w, m)
	return nil
}

// putRowHead opens a table row whose id is anchor and whose header cell
// links to it.
func putRowHead(w markup.Writer, anchor, id, title string) {
	w.Raw("\n<tr id=\"")
	w.Text(anchor)
	w.Raw("\"><th scope=\"row\"><a href=\"#")
	w.URLPart(anchor)
	w.Raw("\"><code>")
	w.Text(id)
	w.Raw("</code></a> ")
	w.Text(title)
	w.Raw("</th>")
}

// putLinks writes links to the rows of elements, by their ids.
func putLinks[T any](w markup.Writer, items []T, anchorID func(T) (string, string)) {
	for i, it := range items {
		if i > 0 {
			w.Raw(", ")
		}
		anchor, id := anchorID(it)
		w.Raw("<a href=\"#")
		w.URLPart(anchor)
		w.Raw("\">")
		w.Text(id)
		w.Raw("</a>")
	}
}

func dataAssetLink(a *DataAsset) (string, string) { return a.Anchor, a.ID }
func assetLink(a *Asset) (string, string)         { return a.Anchor, a.ID }
func boundaryLink(b *TrustBoundary) (string, string) {
	return b.Anchor, b.ID
}

func writeDataAssets(w markup.Writer, m *DataFlowModel) {
	if len(m.DataAssets) == 0 {
		return
	}
	openTable(w, "Data assets", "Data asset", "Confidentiality", "Integrity", "Availability")
	for _, a := range m.DataAssets {
		putRowHead(w, a.Anchor, a.ID, a.Title)
		for _, v := range []string{a.Confidentiality, a.Integrity, a.Availability} {
			w.Raw("<td>")
			w.Text(generator.Humanize(v))
			w.Raw("</td>")
		}
		w.Raw("</tr>")
	}
	w.Raw(tableEnd)
}

func writeAssets(w markup.Writer, pg *render.Page, m *DataFlowModel) {
	if len(m.Assets) == 0 {
		return
	}
	openTable(w, "Assets", "Asset", "Type and technology", "Trust boundary", "Stores", "Processes", "Blueprint")
	for _, a := range m.Assets {
		putRowHead(w, a.Anchor, a.ID, a.Title)
		w.Raw("<td>")
		w.Text(assetMeta(a))
		if a.Internet {
			w.Raw("<br><span class=\"flag flag-bad\">internet-facing</span>")
		}
		if a.OutOfScope {
			w.Raw("<br><span class=\"summary\">out of scope</span>")
		}
		w.Raw("</td><td>")
		if a.Boundary != nil {
			putLinks(w, []*TrustBoundary{a.Boundary}, boundaryLink)
		}
		w.Raw("</td><td>")
		putLinks(w, a.Stores, dataAssetLink)
		w.Raw("</td><td>")
		putLinks(w, a.Processes, dataAssetLink)
		w.Raw("</td><td>")
		if a.Blueprint != nil {
			w.Link(pg.Rel(a.Blueprint.URL), a.Blueprint.Title)
		}
		w.Raw("</td></tr>")
	}
	w.Raw(tableEnd)
}

func writeFlows(w markup.Writer, m *DataFlowModel) {
	if len(m.Flows) == 0 {
		return
	}
	openTable(w, "Data flows", "Flow", "From", "To", "Protocol", "Authentication and authorization", "Data sent", "Data received")
	for _, f := range m.Flows {
		putRowHead(w, f.Anchor, f.ID, f.Title)
		for _, a := range []*Asset{f.From, f.To} {
			w.Raw("<td>")
			if a != nil {
				putLinks(w, []*Asset{a}, assetLink)
			}
			w.Raw("</td>")
		}
		w.Raw("<td>")
		w.Text(f.Protocol)
		if f.Encrypted {
			w.Raw("<br><span class=\"summary\">encrypted</span>")
		} else {
			w.Raw("<br><span class=\"flag flag-bad\">not encrypted</span>")
		}
		if f.Crosses() {
			w.Raw("<br><span class=\"summary\">crosses a trust boundary</span>")
		}
		w.Raw("</td><td>")
		w.Text(generator.Humanize(f.Authentication))
		if f.Authorization != "" {
			w.Raw("<br>")
			w.Text(generator.Humanize(f.Authorization))
		}
		w.Raw("</td><td>")
		putLinks(w, f.Sends, dataAssetLink)
		w.Raw("</td><td>")
		putLinks(w, f.Receives, dataAssetLink)
		w.Raw("</td></tr>")
	}
	w.Raw(tableEnd)
}

func writeBoundaries(w markup.Writer, m *DataFlowModel) {
	if len(m.Boundaries) == 0 {
		return
	}
	openTable(w, "Trust boundaries", "Trust boundary", "Type", "Nested in", "Assets inside", "Boundaries inside")
	for _, b := range m.Boundaries {
		putRowHead(w, b.Anchor, b.ID, b.Title)
		w.Raw("<td>")
		w.Text(generator.Humanize(b.Type))
		w.Raw("</td><td>")
		if b.Parent != nil {
			putLinks(w, []*TrustBoundary{b.Parent}, boundaryLink)
		}
		w.Raw("</td><td>")
		putLinks(w, b.Assets, assetLink)
		w.Raw("</td><td>")
		putLinks(w, b.Nested, boundaryLink)
		w.Raw("</td></tr>")
	}
	w.Raw(tableEnd)
}

// putStatements writes links to the statements a threat's mitigations name.
func putStatements(w markup.Writer, pg *render.Page, sts []StatementRef) {
	for _, st := range sts {
		w.Raw("<br><span class=\"summary\">statement ")
		w.Link(pg.Rel(st.URL()), st.ID)
		w.Raw(" of ")
		w.Text(st.Standard.Title)
		w.Raw("</span>")
	}
}

// openTable writes a heading and opens a table of the system under it.
func openTable(w markup.Writer, title string, cols ...string) {
	w.Raw("\n<h3>")
	w.Text(title)
	w.Raw("</h3>\n<div class=\"table-scroll\">\n<table class=\"data\">\n<thead><tr>")
	for _, c := range cols {
		w.Raw("<th scope=\"col\">")
		w.Text(c)
		w.Raw("</th>")
	}
	w.Raw("</tr></thead>\n<tbody>")
}

// tableEnd closes what openTable opened.
const tableEnd = "\n</tbody>\n</table>\n</div>\n"

// putTarget writes a threat's target, linked to its row on the model's page
// (model, relative to this page; "" on the model's own page) when it names an
// asset or a data flow.
func putTarget(w markup.Writer, t *Threat, model string) {
	if t.TargetAnchor == "" {
		w.Raw("<code>")
		w.Text(t.Target)
		w.Raw("</code>")
		return
	}
	w.Raw("<a href=\"")
	w.URL(model + "#" + t.TargetAnchor)
	w.Raw("\"><code>")
	w.Text(t.Target)
	w.Raw("</code></a>")
}
