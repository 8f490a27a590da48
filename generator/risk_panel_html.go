package generator

// The threat model panels (components, component.go): a threat model's page
// has a row per threat and a heatmap.

// riskModelThreatsPanel is the "risk-model-threats" panel component.
var riskModelThreatsPanel = Component[PanelPage[*ThreatModelRisk]]{Name: "risk-model-threats", slot: slotRiskModelThreats, write: panelWriter(writeRiskModelThreatsPanel)}

// writeRiskModelThreatsPanel is the "risk-model-threats" panel.
func writeRiskModelThreatsPanel(pg PanelPage[*ThreatModelRisk], w htmlWriter) error {
	m := pg.Data
	if len(m.Threats) == 0 {
		w.raw("\n<p>This threat model lists no threats yet.</p>\n")
		return nil
	}
	w.raw("\n<div class=\"table-scroll\">\n<table class=\"data threats\">\n<thead><tr><th scope=\"col\">Threat</th><th scope=\"col\">STRIDE and target</th><th scope=\"col\">Likelihood × impact</th><th scope=\"col\">Status</th><th scope=\"col\">Mitigations and remediation</th></tr></thead>\n<tbody>")
	for _, t := range m.Threats {
		w.raw("\n<tr id=\"")
		w.text(t.Anchor)
		w.raw("\"")
		if t.Residual() {
			w.raw(" class=\"residual\"")
		}
		w.raw(">\n  <th scope=\"row\"><a href=\"#")
		w.urlPart(t.Anchor)
		w.raw("\">")
		w.text(t.ID)
		w.raw("</a> <span class=\"threat-title\">")
		w.text(t.Title)
		w.raw("</span></th>\n  <td>")
		w.text(Humanize(t.Stride))
		if t.Target != "" {
			w.raw("<br><code>")
			w.text(t.Target)
			w.raw("</code>")
		}
		w.raw("</td>\n  <td class=\"nowrap\">")
		w.int(t.Likelihood)
		w.raw(" × ")
		w.int(t.Impact)
		w.raw(" = ")
		w.int(t.Score)
		w.raw("<br>")
		w.severity(t.Severity)
		w.raw("</td>\n  <td>")
		w.status(t.Status)
		if t.Residual() {
			w.raw("<br><span class=\"summary\">residual</span>")
		}
		w.raw("</td>\n  <td>")
		w.riskDocs(pg.Page, t.Addressed())
		w.raw("</td>\n</tr>")
	}
	w.raw("\n</tbody>\n</table>\n</div>\n")
	return nil
}

// riskModelSummaryPanel is the "risk-model-summary" panel component.
var riskModelSummaryPanel = Component[PanelPage[*ThreatModelRisk]]{Name: "risk-model-summary", slot: slotRiskModelSummary, write: panelWriter(writeRiskModelSummaryPanel)}

// writeRiskModelSummaryPanel is the "risk-model-summary" panel: heatmap, STRIDE
// counts and residual risk.
func writeRiskModelSummaryPanel(pg PanelPage[*ThreatModelRisk], w htmlWriter) error {
	m := pg.Data
	w.raw("\n<div class=\"risk-summary\">\n<div>\n<h3>Heatmap</h3>\n")
	w.heatmap(m.Heatmap)
	w.raw("\n</div>\n<div>\n<h3>STRIDE</h3>\n")
	w.stride(m.Stride)
	w.raw("\n<h3>Residual risk</h3>\n")
	r := m.Residual
	w.residual(r)
	if len(r.Threats) > 0 {
		w.threatList(r.Threats, func(t *Threat) {
			w.raw("<a href=\"#")
			w.urlPart(t.Anchor)
			w.raw("\">")
			w.text(t.ID)
			w.raw("</a>")
		})
	}
	w.raw("\n</div>\n</div>\n")
	return nil
}

// riskResidualBlock is the "risk-residual" component.
var riskResidualBlock = Component[ResidualRisk]{Name: "risk-residual", slot: slotRiskResidual, write: writeRiskResidual}

func (w htmlWriter) residual(r ResidualRisk) { riskResidualBlock.put(w, r) }

func writeRiskResidual(w htmlWriter, r ResidualRisk) {
	n := len(r.Threats)
	if n == 0 {
		w.raw("\n<p>No residual risk: every threat is mitigated, in mitigation, transferred or a false positive.</p>\n")
		return
	}
	w.raw("\n<p>")
	w.int(n)
	if n == 1 {
		w.raw(" residual threat (open or accepted): ")
	} else {
		w.raw(" residual threats (open or accepted): ")
	}
	w.riskCounts(r.BySeverity)
	w.raw("</p>\n")
}

// riskBlueprintPanel is the "risk-blueprint" panel component.
var riskBlueprintPanel = Component[PanelPage[blueprintRiskPanel]]{Name: "risk-blueprint", slot: slotRiskBlueprint, write: panelWriter(writeRiskBlueprintPanel)}

// writeRiskBlueprintPanel is the "risk-blueprint" panel: a blueprint's threat
// models and their residual threats, or the gap of having none.
func writeRiskBlueprintPanel(pg PanelPage[blueprintRiskPanel], w htmlWriter) error {
	d := pg.Data
	if d.Gap {
		w.raw("\n<p class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>No threat model: a blueprint of criticality ")
		w.text(d.Criticality)
		w.raw(" should have one. See the <a href=\"")
		w.url(pg.Rel("risks/"))
		w.raw("#gaps\">gaps in the risk register</a>.</p>")
	}
	for _, m := range d.Models {
		w.raw("\n<h3>")
		w.link(pg.Rel(m.Model.URL), m.Model.Title)
		w.raw("</h3>\n<p>")
		w.int(m.Threats)
		if m.Threats == 1 {
			w.raw(" threat in this model.</p>\n")
		} else {
			w.raw(" threats in this model.</p>\n")
		}
		w.residual(m.Residual)
		if len(m.Residual.Threats) > 0 {
			w.threatList(m.Residual.Threats, func(t *Threat) { w.link(pg.Rel(t.URL()), t.ID) })
		}
	}
	w.raw("\n")
	return nil
}

// threatList is the list of residual threats the threat model and blueprint
// panels write, each threat's id linked by link.
func (w htmlWriter) threatList(threats []*Threat, link func(*Threat)) {
	w.raw("\n<ul>")
	for _, t := range threats {
		w.raw("<li>")
		link(t)
		w.raw(" ")
		w.text(t.Title)
		w.raw(" — ")
		w.severity(t.Severity)
		w.raw(" ")
		w.status(t.Status)
		w.raw("</li>")
	}
	w.raw("</ul>")
}

// riskAddressedPanel is the "risk-addressed" panel component.
var riskAddressedPanel = Component[PanelPage[[]*Threat]]{Name: "risk-addressed", slot: slotRiskAddressed, write: panelWriter(writeRiskAddressedPanel)}

// writeRiskAddressedPanel is the "risk-addressed" panel: the threats a
// document mitigates or remediates.
func writeRiskAddressedPanel(pg PanelPage[[]*Threat], w htmlWriter) error {
	ts := pg.Data
	w.raw("\n<ul>")
	for _, t := range ts {
		w.raw("\n<li>")
		w.link(pg.Rel(t.URL()), t.ID)
		w.raw(" ")
		w.text(t.Title)
		w.raw(" in ")
		w.link(pg.Rel(t.Model.URL), t.Model.Title)
		w.raw(" — ")
		w.severity(t.Severity)
		w.raw(" ")
		w.status(t.Status)
		w.raw("</li>")
	}
	w.raw("\n</ul>\n")
	return nil
}

// riskSeverityBlock is the "risk-severity" component.
var riskSeverityBlock = Component[string]{Name: "risk-severity", slot: slotRiskSeverity, write: writeRiskSeverity}

func (w htmlWriter) severity(s string) { riskSeverityBlock.put(w, s) }

func writeRiskSeverity(w htmlWriter, s string) {
	if s == "" {
		w.raw("<span class=\"sev sev-none\">Unscored</span>")
		return
	}
	w.raw("<span class=\"sev sev-")
	w.text(s)
	w.raw("\">")
	w.text(Humanize(s))
	w.raw("</span>")
}

// riskHeatmapBlock is the "risk-heatmap" component.
var riskHeatmapBlock = Component[Heatmap]{Name: "risk-heatmap", slot: slotRiskHeatmap, write: writeRiskHeatmap}

func (w htmlWriter) heatmap(h Heatmap) { riskHeatmapBlock.put(w, h) }

func writeRiskHeatmap(w htmlWriter, h Heatmap) {
	w.raw("\n<table class=\"heatmap\">\n<caption>Likelihood (across) × impact (up): each cell shows its severity and score, how many threats are scored there, and links to them.</caption>\n<thead><tr><td></td>")
	for _, l := range h.Likelihoods {
		w.raw("<th scope=\"col\">Likelihood ")
		w.int(l)
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>")
	for _, row := range h.Rows {
		w.raw("\n<tr><th scope=\"row\">Impact ")
		w.int(row.Impact)
		w.raw("</th>")
		for _, c := range row.Cells {
			w.raw("\n<td class=\"heat sev-")
			w.text(c.Severity)
			if len(c.Threats) == 0 {
				w.raw(" heat-empty")
			}
			w.raw("\">\n<span class=\"heat-sev\">")
			w.text(Humanize(c.Severity))
			w.raw(" · ")
			w.int(c.Score)
			w.raw("</span>\n<span class=\"heat-count\">")
			w.int(len(c.Threats))
			if len(c.Threats) == 1 {
				w.raw("<span class=\"visually-hidden\"> threat</span></span>")
			} else {
				w.raw("<span class=\"visually-hidden\"> threats</span></span>")
			}
			if len(c.Threats) > 0 {
				w.raw("\n<ul>")
				for _, t := range c.Threats {
					w.raw("<li><a href=\"#")
					w.urlPart(t.Anchor)
					w.raw("\" title=\"")
					w.text(t.Title)
					w.raw("\">")
					w.text(t.Label)
					w.raw("</a>")
					if t.Residual {
						w.raw(" <span class=\"residual-mark\" title=\"residual risk\">●<span class=\"visually-hidden\"> residual</span></span>")
					}
					w.raw("</li>")
				}
				w.raw("</ul>")
			}
			w.raw("\n</td>")
		}
		w.raw("\n</tr>")
	}
	w.raw("\n</tbody>\n</table>\n")
}

// riskStrideBlock is the "risk-stride" component.
var riskStrideBlock = Component[[]StrideCount]{Name: "risk-stride", slot: slotRiskStride, write: writeRiskStride}

func (w htmlWriter) stride(counts []StrideCount) { riskStrideBlock.put(w, counts) }

func writeRiskStride(w htmlWriter, counts []StrideCount) {
	w.raw("\n<table class=\"data stride\">\n<thead><tr><th scope=\"col\">STRIDE category</th><th scope=\"col\" class=\"num\">Threats</th><th scope=\"col\" class=\"num\">Residual</th></tr></thead>\n<tbody>")
	for _, s := range counts {
		w.raw("\n<tr><th scope=\"row\">")
		w.text(Humanize(s.Category))
		w.raw("</th><td class=\"num\">")
		w.int(s.Count)
		w.raw("</td><td class=\"num\">")
		w.int(s.Residual)
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n")
}

func (w htmlWriter) riskCounts(counts []SeverityCount) { riskCountsBlock.put(w, counts) }

// riskCountsBlock is the "risk-counts" component: threats by severity.
var riskCountsBlock = Component[[]SeverityCount]{Name: "risk-counts", slot: slotRiskCounts, write: writeRiskCounts}

func writeRiskCounts(w htmlWriter, counts []SeverityCount) {
	for _, c := range counts {
		w.raw("<span class=\"count\">")
		w.severity(c.Severity)
		w.raw(" ")
		w.int(c.Count)
		w.raw("</span> ")
	}
}

// RiskDocsData is what the "risk-docs" component receives: documents, linked
// from Page.
type RiskDocsData struct {
	Page *Page
	Docs []*Document
}

// riskDocsBlock is the "risk-docs" component: documents linked, remediation
// items with their status.
var riskDocsBlock = Component[RiskDocsData]{Name: "risk-docs", slot: slotRiskDocs, write: writeRiskDocs}

func (w htmlWriter) riskDocs(pg *Page, docs []*Document) {
	riskDocsBlock.put(w, RiskDocsData{Page: pg, Docs: docs})
}

func writeRiskDocs(w htmlWriter, d RiskDocsData) {
	pg, docs := d.Page, d.Docs
	for i, d := range docs {
		if i > 0 {
			w.raw(", ")
		}
		w.link(pg.Rel(d.URL), d.Title)
		if d.Kind == "remediation" {
			w.raw(" ")
			w.status(d.Status)
		}
	}
}
