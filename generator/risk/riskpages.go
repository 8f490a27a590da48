package risk

import (
	"html/template"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
	"archfolio/generator/render"
)

// View is the risk register: every threat of every threat model with its
// computed severity, the register page with its heat map, and the panels of
// threat models, blueprints and the documents that mitigate threats.
var View = render.View{Name: "risks", Analyse: analyseRisks, Menu: riskMenu(), Pages: riskPages,
	Panels: riskPanels, Cards: riskCards, JSON: riskJSON, Files: riskFiles, Sorted: riskSorted, Shows: []string{"threat-model.threats", "threat-model.data_assets",
		"threat-model.assets", "threat-model.trust_boundaries", "threat-model.data_flows"},
	Funcs: template.FuncMap{"riskDocs": func(pg *render.Page, docs []*generator.Document) RiskDocsData {
		return RiskDocsData{Page: pg, Docs: docs}
	}}}

// Heatmap is a 4×4 likelihood × impact grid of threats: rows from impact 4 down to
// 1, columns from likelihood 1 to 4, so the worst cell is top right.
type Heatmap struct {
	Likelihoods []int
	Rows        []HeatRow
	Total       int // threats placed on the grid (scored ones)
}

// HeatRow is one impact level of a heatmap.
type HeatRow struct {
	Impact int
	Cells  []HeatCell
}

// HeatCell is one likelihood × impact cell and the threats scored there.
type HeatCell struct {
	Likelihood, Impact, Score int
	Severity                  string
	Threats                   []HeatThreat
	More                      int // threats scored here and not listed (the register lists every one)
}

// HeatThreat is a threat in a heatmap cell: its label and the anchor of its row,
// on the page Page (relative to the heatmap's page; "" is the same page).
type HeatThreat struct {
	Label, Title, Anchor string
	Page                 string
	Residual             bool
}

// newHeatmap places scored threats on the grid in the order given; row names the
// page and anchor of the row each cell links to. A cell lists at most listed
// threats (0: all), the first in the order given; More counts the others.
func newHeatmap(threats []*Threat, listed int, row func(i int, t *Threat) (page, anchor string)) Heatmap {
	h := Heatmap{Likelihoods: []int{1, 2, 3, 4}}
	for impact := 4; impact >= 1; impact-- {
		row := HeatRow{Impact: impact}
		for l := 1; l <= 4; l++ {
			row.Cells = append(row.Cells, HeatCell{Likelihood: l, Impact: impact, Score: l * impact,
				Severity: ThreatSeverity(l, impact)})
		}
		h.Rows = append(h.Rows, row)
	}
	for i, t := range threats {
		if t.Likelihood < 1 || t.Likelihood > 4 || t.Impact < 1 || t.Impact > 4 {
			continue
		}
		cell := &h.Rows[4-t.Impact].Cells[t.Likelihood-1]
		h.Total++
		if listed > 0 && len(cell.Threats) == listed {
			cell.More++
			continue
		}
		label := t.ID
		if label == "" {
			label = t.Title
		}
		page, anchor := row(i, t)
		cell.Threats = append(cell.Threats, HeatThreat{Label: label, Title: t.Title, Page: page, Anchor: anchor, Residual: t.Residual()})
	}
	return h
}

func riskMenu() *render.MenuItem {
	return &render.MenuItem{Label: "Risks", URL: "risks/", Section: "risks"}
}

// RiskPage is a page of the risk register: the register itself (its first
// page, with every section), or a continuation page of one long list (Part).
type RiskPage struct {
	*RiskRegister
	// ThreatPages, ResidualPages and GapPages cut the lists Threats,
	// Blueprints and Gaps into pages; Part names the list a continuation page
	// shows ("" on risks/), PageNo its page (from 0).
	ThreatPages, ResidualPages, GapPages pager.List
	Part                                 string
	PageNo                               int
}

// How many rows a page of the register's lists holds, and how many threats a
// cell of its heatmap lists, so that a portfolio of any size has no register
// page that grows with it.
const (
	PerThreats  = 300
	PerResidual = 300
	PerGaps     = 300
	HeatListed  = 20
)

// threatPages is the register's list of every threat, cut into pages.
func threatPages(n int) pager.List {
	return pager.List{Split: pager.ByCount(n, PerThreats), First: "risks/", More: "risks/threats/", Fragment: "all-threats"}
}

// riskFiles is the rows file of the list of every threat, when it has more
// than one page (render.FilterRows).
func riskFiles(p *generator.Portfolio) []render.ExportFile {
	reg := Of(p)
	fr := render.FilterRows{List: threatPages(len(reg.Threats)), Filters: func() []render.Filter { return reg.Filters },
		Value: func(i int, name string) string { return reg.Threats[i].FilterValue(name) }}
	if f, ok := fr.File(); ok {
		return []render.ExportFile{f}
	}
	return nil
}

// riskSorted is the list of every threat, for sorting it whole
// (render.SortRows).
func riskSorted(p *generator.Portfolio) []render.SortRows {
	reg := Of(p)
	return []render.SortRows{{List: threatPages(len(reg.Threats)), Rows: func(pg *render.Page) func(markup.Writer, int) {
		severities, statuses := threatRanks(pg)
		return func(w markup.Writer, i int) { writeThreatRow(w, pg, reg.Filters, severities, statuses, reg.Threats[i]) }
	}, Components: []render.Overridable{risksContent}, Layout: "risks.html"}}
}

func riskPages(p *generator.Portfolio) []render.PageJob {
	reg := Of(p)
	threats := threatPages(len(reg.Threats))
	residual := pager.List{Split: pager.ByCount(len(reg.Blueprints), PerResidual), First: "risks/", More: "risks/residual/", Fragment: "residual"}
	gaps := pager.List{Split: pager.ByCount(len(reg.Gaps), PerGaps), First: "risks/", More: "risks/without-threat-model/", Fragment: "gaps"}
	page := func(part string, k int) func() *RiskPage {
		return func() *RiskPage {
			return &RiskPage{RiskRegister: reg, ThreatPages: threats, ResidualPages: residual, GapPages: gaps, Part: part, PageNo: k}
		}
	}
	jobs := []render.PageJob{render.Content(render.PageJob{URL: "risks/", Layout: "risks.html",
		Page: &render.Page{Title: "Risk register", Section: "risks"}}, risksContent, page("", 0))}
	for _, l := range []struct {
		part, title string
		list        pager.List
	}{{"threats", "All threats", threats}, {"residual", "Residual risk per blueprint", residual}, {"gaps", "Blueprints without a threat model", gaps}} {
		for k := 1; k < l.list.Pages(); k++ {
			jobs = append(jobs, render.Content(render.PageJob{URL: l.list.URL(k), Layout: "risks.html",
				Page: &render.Page{Title: l.list.Title(l.title, k), Section: "risks"}},
				risksContent, page(l.part, k)))
		}
	}
	return jobs
}

// riskPanels adds a threat model's threats and risk summary to its page, a
// blueprint's threats to the blueprint's page, and the threats a document mitigates
// or remediates to its page.
func riskPanels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	reg := Of(p)
	var out []render.Panel
	if m := reg.Models[d]; m != nil {
		if !m.System.Empty() {
			out = append(out, render.NewPanel(riskModelSystemPanel, "tm-system", "System and data flows", m))
		}
		out = append(out,
			render.NewPanel(riskModelThreatsPanel, "tm-threats", "Threats", m),
			render.NewPanel(riskModelSummaryPanel, "tm-risk", "Risk summary", m))
	}
	if d.Kind == "blueprint" {
		gap := reg.IsGap[d]
		if models := reg.ByDoc[d]; len(models) > 0 || gap {
			out = append(out, render.NewPanel(riskBlueprintPanel, "bp-risk", "Threats and residual risk",
				blueprintRiskPanel{Models: models, Gap: gap, Criticality: d.Fields.String("criticality")}))
		}
	}
	if ts := reg.Remediates[d]; len(ts) > 0 {
		out = append(out, render.NewPanel(riskAddressedPanel, "threats-addressed", "Threats addressed", ts))
	}
	return out
}

// blueprintRiskPanel is the data of a blueprint's threats panel.
type blueprintRiskPanel struct {
	Models      []BlueprintThreats
	Gap         bool
	Criticality string
}

// riskJSON is the register's part of portfolio.json.
func riskJSON(p *generator.Portfolio) any {
	type threatJSON struct {
		Model       string   `json:"threat_model"`
		Subject     string   `json:"subject"`
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Stride      string   `json:"stride,omitempty"`
		Target      string   `json:"target,omitempty"`
		Likelihood  int      `json:"likelihood"`
		Impact      int      `json:"impact"`
		Score       int      `json:"score"`
		Severity    string   `json:"severity"`
		Status      string   `json:"status"`
		Residual    bool     `json:"residual"`
		Mitigations []string `json:"mitigations"`
		Remediation []string `json:"remediation"`
	}
	type blueprintJSON struct {
		ID       string         `json:"id"`
		Threats  int            `json:"threats"`
		Residual int            `json:"residual"`
		Highest  string         `json:"highest_residual,omitempty"`
		ByLevel  map[string]int `json:"residual_by_severity"`
	}
	out := struct {
		Threats    []threatJSON    `json:"threats"`
		Blueprints []blueprintJSON `json:"blueprints"`
		Gaps       []string        `json:"gaps"`
	}{Threats: []threatJSON{}, Blueprints: []blueprintJSON{}, Gaps: []string{}}
	ids := func(ds []*generator.Document) []string {
		s := []string{}
		for _, d := range ds {
			s = append(s, d.ID)
		}
		return s
	}
	for _, t := range Of(p).Threats {
		out.Threats = append(out.Threats, threatJSON{Model: t.Model.ID, Subject: t.Model.Fields.String("subject"),
			ID: t.ID, Title: t.Title, Stride: t.Stride, Target: t.Target, Likelihood: t.Likelihood, Impact: t.Impact,
			Score: t.Score, Severity: t.Severity, Status: t.Status, Residual: t.Residual(),
			Mitigations: ids(t.Mitigations), Remediation: ids(t.Remediation)})
	}
	for _, b := range Of(p).Blueprints {
		bj := blueprintJSON{ID: b.Blueprint.ID, Threats: b.Threats, Residual: len(b.Residual.Threats),
			Highest: b.Residual.Highest, ByLevel: map[string]int{}}
		for _, c := range b.Residual.BySeverity {
			bj.ByLevel[c.Severity] = c.Count
		}
		out.Blueprints = append(out.Blueprints, bj)
	}
	out.Gaps = append(out.Gaps, ids(Of(p).Gaps)...)
	return out
}
