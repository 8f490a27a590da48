package risk

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// The threat model panels (components, component.go): a threat model's page
// has a row per threat and a heatmap.

// riskModelThreatsPanel is the "risk-model-threats" panel component.
var riskModelThreatsPanel = markup.New[render.PanelPage[*ThreatModelRisk]]("risk-model-threats", render.PanelWriter(writeRiskModelThreatsPanel))

// writeRiskModelThreatsPanel is the "risk-model-threats" panel.
func writeRiskModelThreatsPanel(pg render.PanelPage[*ThreatModelRisk], w markup.Writer) error {
	m := pg.Data
	if len(m.Threats) == 0 {
		w.Raw("\n<p>This threat model lists no threats yet.</p>\n")
		return nil
	}
	w.Raw("\n<div class=\"table-scroll\">\n<table class=\"data threats\">\n<thead><tr><th scope=\"col\">Threat</th><th scope=\"col\">STRIDE and target</th><th scope=\"col\">Likelihood × impact</th><th scope=\"col\">Status</th><th scope=\"col\">Mitigations and remediation</th></tr></thead>\n<tbody>")
	for _, t := range m.Threats {
		w.Raw("\n<tr id=\"")
		w.Text(t.Anchor)
		w.Raw("\"")
		if t.Residual() {
			w.Raw(" class=\"residual\"")
		}
		w.Raw(">\n  <th scope=\"row\"><a href=\"#")
		w.URLPart(t.Anchor)
		w.Raw("\">")
		w.Text(t.ID)
		w.Raw("</a> <span class=\"threat-title\">")
		w.Text(t.Title)
		w.Raw("</span></th>\n  <td>")
		w.Text(generator.Humanize(t.Stride))
		if t.Target != "" {
			w.Raw("<br>")
			putTarget(w, t, "")
		}
		w.Raw("</td>\n  <td class=\"nowrap\">")
		w.Int(t.Likelihood)
		w.Raw(" × ")
		w.Int(t.Impact)
		w.Raw(" = ")
		w.Int(t.Score)
		w.Raw("<br>")
		PutSeverity(w, t.Severity)
		w.Raw("</td>\n  <td>")
		render.PutStatus(w, t.Status)
		if t.Residual() {
			w.Raw("<br><span class=\"summary\">residual</span>")
		}
		w.Raw("</td>\n  <td>")
		putRiskDocs(w, pg.Page, t.Addressed())
		putStatements(w, pg.Page, t.Statements)
		w.Raw("</td>\n</tr>")
	}
	w.Raw("\n</tbody>\n</table>\n</div>\n")
	return nil
}

// riskModelSummaryPanel is the "risk-model-summary" panel component.
var riskModelSummaryPanel = markup.New[render.PanelPage[*ThreatModelRisk]]("risk-model-summary", render.PanelWriter(writeRiskModelSummaryPanel))

// writeRiskModelSummaryPanel is the "risk-model-summary" panel: heatmap, STRIDE
// counts and residual risk.
func writeRiskModelSummaryPanel(pg render.PanelPage[*ThreatModelRisk], w markup.Writer) error {
	m := pg.Data
	w.Raw("\n<div class=\"risk-summary\">\n<div>\n<h3>Heatmap</h3>\n")
	putHeatmap(w, m.Heatmap)
	w.Raw("\n</div>\n<div>\n<h3>STRIDE</h3>\n")
	putStride(w, m.Stride)
	w.Raw("\n<h3>Residual risk</h3>\n")
	r := m.Residual
	putResidual(w, r)
	if len(r.Threats) > 0 {
		putThreatList(w, r.Threats, func(t *Threat) {
			w.Raw("<a href=\"#")
			w.URLPart(t.Anchor)
			w.Raw("\">")
			w.Text(t.ID)
			w.Raw("</a>")
		})
	}
	w.Raw("\n</div>\n</div>\n")
	return nil
}

// riskResidualBlock is the "risk-residual" component.
var riskResidualBlock = markup.New[ResidualRisk]("risk-residual", writeRiskResidual)

func putResidual(w markup.Writer, r ResidualRisk) { riskResidualBlock.Put(w, r) }

func writeRiskResidual(w markup.Writer, r ResidualRisk) {
	n := len(r.Threats)
	if n == 0 {
		w.Raw("\n<p>No residual risk: every threat is mitigated, in mitigation, transferred or a false positive.</p>\n")
		return
	}
	w.Raw("\n<p>")
	w.Int(n)
	if n == 1 {
		w.Raw(" residual threat (open, mitigating or accepted): ")
	} else {
		w.Raw(" residual threats (open, mitigating or accepted): ")
	}
	putRiskCounts(w, r.BySeverity)
	w.Raw("</p>\n")
}

// riskBlueprintPanel is the "risk-blueprint" panel component.
var riskBlueprintPanel = markup.New[render.PanelPage[blueprintRiskPanel]]("risk-blueprint", render.PanelWriter(writeRiskBlueprintPanel))

// writeRiskBlueprintPanel is the "risk-blueprint" panel: a blueprint's threat
// models and their residual threats, or the gap of having none.
func writeRiskBlueprintPanel(pg render.PanelPage[blueprintRiskPanel], w markup.Writer) error {
	d := pg.Data
	if d.Gap {
		w.Raw("\n<p class=\"flag flag-bad\"><span aria-hidden=\"true\">⚠ </span>No threat model: a blueprint of criticality ")
		w.Text(d.Criticality)
		w.Raw(" should have one. See the <a href=\"")
		w.URL(pg.Rel("risks/"))
		w.Raw("#gaps\">gaps in the risk register</a>.</p>")
	}
	for _, m := range d.Models {
		w.Raw("\n<h3>")
		w.Link(pg.Rel(m.Model.URL), m.Model.Title)
		w.Raw("</h3>\n<p>")
		w.Int(m.Threats)
		if m.Threats == 1 {
			w.Raw(" threat in this model.</p>\n")
		} else {
			w.Raw(" threats in this model.</p>\n")
		}
		putResidual(w, m.Residual)
		if len(m.Residual.Threats) > 0 {
			putThreatList(w, m.Residual.Threats, func(t *Threat) { w.Link(pg.Rel(t.URL()), t.ID) })
		}
	}
	w.Raw("\n")
	return nil
}

// threatList is the list of residual threats the threat model and blueprint
// panels write, each threat's id linked by link.
func putThreatList(w markup.Writer, threats []*Threat, link func(*Threat)) {
	w.Raw("\n<ul>")
	for _, t := range threats {
		w.Raw("<li>")
		link(t)
		w.Raw(" ")
		w.Text(t.Title)
		w.Raw(" — ")
		PutSeverity(w, t.Severity)
		w.Raw(" ")
		render.PutStatus(w, t.Status)
		w.Raw("</li>")
	}
	w.Raw("</ul>")
}

// riskAddressedPanel is the "risk-addressed" panel component.
var riskAddressedPanel = markup.New[render.PanelPage[[]*Threat]]("risk-addressed", render.PanelWriter(writeRiskAddressedPanel))

// writeRiskAddressedPanel is the "risk-addressed" panel: the threats a
// document mitigates or remediates.
func writeRiskAddressedPanel(pg render.PanelPage[[]*Threat], w markup.Writer) error {
	ts := pg.Data
	w.Raw("\n<ul>")
	for _, t := range ts {
		w.Raw("\n<li>")
		w.Link(pg.Rel(t.URL()), t.ID)
		w.Raw(" ")
		w.Text(t.Title)
		w.Raw(" in ")
		w.Link(pg.Rel(t.Model.URL), t.Model.Title)
		w.Raw(" — ")
		PutSeverity(w, t.Severity)
		w.Raw(" ")
		render.PutStatus(w, t.Status)
		w.Raw("</li>")
	}
	w.Raw("\n</ul>\n")
	return nil
}

// riskSeverityBlock is the "risk-severity" component.
var riskSeverityBlock = markup.New[string]("risk-severity", writeRiskSeverity)

func PutSeverity(w markup.Writer, s string) { riskSeverityBlock.Put(w, s) }

func writeRiskSeverity(w markup.Writer, s string) {
	if s == "" {
		w.Raw("<span class=\"sev sev-none\">Unscored</span>")
		return
	}
	w.Raw("<span class=\"sev sev-")
	w.Text(s)
	w.Raw("\">")
	w.Text(generator.Humanize(s))
	w.Raw("</span>")
}

// riskHeatmapBlock is the "risk-heatmap" component.
var riskHeatmapBlock = markup.New[Heatmap]("risk-heatmap", writeRiskHeatmap)

func putHeatmap(w markup.Writer, h Heatmap) { riskHeatmapBlock.Put(w, h) }

func writeRiskHeatmap(w markup.Writer, h Heatmap) {
	w.Raw("\n<table class=\"heatmap\">\n<caption>Likelihood (across) × impact (up): each cell shows its severity and score, how many threats are scored there, and links to them.</caption>\n<thead><tr><td></td>")
	for _, l := range h.Likelihoods {
		w.Raw("<th scope=\"col\">Likelihood ")
		w.Int(l)
		w.Raw("</th>")
	}
	w.Raw("</tr></thead>\n<tbody>")
	for _, row := range h.Rows {
		w.Raw("\n<tr><th scope=\"row\">Impact ")
		w.Int(row.Impact)
		w.Raw("</th>")
		for _, c := range row.Cells {
			w.Raw("\n<td class=\"heat sev-")
			w.Text(c.Severity)
			if len(c.Threats) == 0 {
				w.Raw(" heat-empty")
			}
			w.Raw("\">\n<span class=\"heat-sev\">")
			w.Text(generator.Humanize(c.Severity))
			w.Raw(" · ")
			w.Int(c.Score)
			w.Raw("</span>\n<span class=\"heat-count\">")
			w.Int(len(c.Threats))
			if len(c.Threats) == 1 {
				w.Raw("<span class=\"visually-hidden\"> threat</span></span>")
			} else {
				w.Raw("<span class=\"visually-hidden\"> threats</span></span>")
			}
			if len(c.Threats) > 0 {
				w.Raw("\n<ul>")
				for _, t := range c.Threats {
					w.Raw("<li><a href=\"")
					w.URL(t.Page)
					w.Raw("#")
					w.URLPart(t.Anchor)
					w.Raw("\" title=\"")
					w.Text(t.Title)
					w.Raw("\">")
					w.Text(t.Label)
					w.Raw("</a>")
					if t.Residual {
						w.Raw(" <span class=\"residual-mark\" title=\"residual risk\">●<span class=\"visually-hidden\"> residual</span></span>")
					}
					w.Raw("</li>")
				}
				if c.More > 0 {
					w.Raw("<li class=\"heat-more\">and ")
					w.Int(c.More)
					w.Raw(" more in the list of all threats</li>")
				}
				w.Raw("</ul>")
			}
			w.Raw("\n</td>")
		}
		w.Raw("\n</tr>")
	}
	w.Raw("\n</tbody>\n</table>\n")
}

// riskStrideBlock is the "risk-stride" component.
var riskStrideBlock = markup.New[[]StrideCount]("risk-stride", writeRiskStride)

func putStride(w markup.Writer, counts []StrideCount) { riskStrideBlock.Put(w, counts) }

func writeRiskStride(w markup.Writer, counts []StrideCount) {
	w.Raw("\n<table class=\"data stride\">\n<thead><tr><th scope=\"col\">STRIDE category</th><th scope=\"col\" class=\"num\">Threats</th><th scope=\"col\" class=\"num\">Residual</th></tr></thead>\n<tbody>")
	for _, s := range counts {
		w.Raw("\n<tr><th scope=\"row\">")
		w.Text(generator.Humanize(s.Category))
		w.Raw("</th><td class=\"num\">")
		w.Int(s.Count)
		w.Raw("</td><td class=\"num\">")
		w.Int(s.Residual)
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n")
}

func putRiskCounts(w markup.Writer, counts []SeverityCount) { riskCountsBlock.Put(w, counts) }

// riskCountsBlock is the "risk-counts" component: threats by severity.
var riskCountsBlock = markup.New[[]SeverityCount]("risk-counts", writeRiskCounts)

func writeRiskCounts(w markup.Writer, counts []SeverityCount) {
	for _, c := range counts {
		w.Raw("<span class=\"count\">")
		PutSeverity(w, c.Severity)
		w.Raw(" ")
		w.Int(c.Count)
		w.Raw("</span> ")
	}
}

// RiskDocsData is what the "risk-docs" component receives: documents, linked
// from Page.
type RiskDocsData struct {
	Page *render.Page
	Docs []*generator.Document
}

// riskDocsBlock is the "risk-docs" component: documents linked, remediation
// items with their status.
var riskDocsBlock = markup.New[RiskDocsData]("risk-docs", writeRiskDocs)

func putRiskDocs(w markup.Writer, pg *render.Page, docs []*generator.Document) {
	riskDocsBlock.Put(w, RiskDocsData{Page: pg, Docs: docs})
}

func writeRiskDocs(w markup.Writer, d RiskDocsData) {
	pg, docs := d.Page, d.Docs
	for i, d := range docs {
		if i > 0 {
			w.Raw(", ")
		}
		w.Link(pg.Rel(d.URL), d.Title)
		if d.Kind == "remediation" {
			w.Raw(" ")
			render.PutStatus(w, d.Status)
		}
	}
}
