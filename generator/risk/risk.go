package risk

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// result is where the risks analysis keeps its result on a Portfolio.
var result = generator.NewResult[*RiskRegister]()

// Of returns the risks view's analysis of p.
func Of(p *generator.Portfolio) *RiskRegister { return result.Get(p) }

// threatSeverities are the computed severities of a threat, lowest first.
var threatSeverities = []string{"low", "medium", "elevated", "high", "critical"}

// strideCategories are the STRIDE categories in the order of the acronym.
var strideCategories = []string{"spoofing", "tampering", "repudiation", "information-disclosure",
	"denial-of-service", "elevation-of-privilege"}

// ThreatSeverity returns the severity of a threat from its likelihood and impact
// (1–4 each): a product of at most 1 is low, 3 medium, 8 elevated, 12 high, and
// anything above is critical. It returns "" when either factor is missing.
func ThreatSeverity(likelihood, impact int) string {
	if likelihood <= 0 || impact <= 0 {
		return ""
	}
	switch s := likelihood * impact; {
	case s <= 1:
		return "low"
	case s <= 3:
		return "medium"
	case s <= 8:
		return "elevated"
	case s <= 12:
		return "high"
	}
	return "critical"
}

// SeverityRank orders threat and remediation severities: higher is worse, 0 unknown.
func SeverityRank(s string) int { return slices.Index(threatSeverities, s) + 1 }

// Threat is one threat of a threat model with its computed severity.
type Threat struct {
	Model       *generator.Document // the threat model
	Subject     *generator.Document // the modelled blueprint; nil when unresolved
	ID, Title   string
	Stride      string
	Target      string
	Likelihood  int
	Impact      int
	Score       int    // likelihood × impact; 0 when unscored
	Severity    string // "" when unscored
	Status      string
	Mitigations []*generator.Document
	// Statements are the mitigations written standard#STATEMENT.
	Statements  []StatementRef
	Remediation []*generator.Document
	// TargetAnchor is the row anchor of the asset or data flow the threat
	// targets on its model's page; "" when the target is free text.
	TargetAnchor string
	// Anchor is the threat's row id on its threat model's page, RegisterAnchor on /risks/.
	Anchor, RegisterAnchor string
}

// Residual reports whether the threat is part of the residual risk, the one
// definition every page, card and export uses: a threat not yet reduced or
// handed on, that is open, being mitigated (until its mitigation is done,
// the risk is still carried) or accepted. Mitigated, transferred and
// false-positive threats are not.
func (t *Threat) Residual() bool {
	return t.Status == "open" || t.Status == "mitigating" || t.Status == "accepted"
}

// Addressed returns the threat's mitigations, then its remediation items not
// already among them.
func (t *Threat) Addressed() []*generator.Document {
	out := slices.Clone(t.Mitigations)
	for _, d := range t.Remediation {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// URL returns the threat's address relative to the site root: its threat model's
// page and row anchor.
func (t *Threat) URL() string { return t.Model.URL + "#" + t.Anchor }

// ThreatModelRisk is what a threat model's page shows: its threats, their heatmap,
// the STRIDE counts and the residual risk.
type ThreatModelRisk struct {
	Doc      *generator.Document
	Subject  *generator.Document
	Threats  []*Threat // as written
	Heatmap  Heatmap
	Stride   []StrideCount
	Residual ResidualRisk
	// System is what the model declares of its system: data assets, assets,
	// trust boundaries and data flows.
	System *DataFlowModel
}

// ResidualRisk is the residual threats (Threat.Residual) of a model or a blueprint.
type ResidualRisk struct {
	Threats    []*Threat       // highest score first
	BySeverity []SeverityCount // every severity with at least one threat, worst first
	Highest    string          // the worst severity, "" when there is no residual risk
}

// SeverityCount is how many threats have one severity.
type SeverityCount struct {
	Severity string
	Count    int
}

// StrideCount is how many threats fall into one STRIDE category.
type StrideCount struct {
	Category string
	Count    int
	Residual int // of which residual (Threat.Residual)
}

// BlueprintRisk is a blueprint's line in the register: its threat models and
// residual risk.
type BlueprintRisk struct {
	Blueprint *generator.Document
	Models    []*generator.Document
	Threats   int
	Residual  ResidualRisk
}

// RiskRegister is every threat across the portfolio: the /risks/ page and the
// figures behind the home page's risk card.
type RiskRegister struct {
	Threats    []*Threat // highest score first, then by model and written order
	Heatmap    Heatmap
	Stride     []StrideCount
	BySeverity []SeverityCount
	Blueprints []BlueprintRisk // blueprints with a threat model, worst residual risk first
	// Gaps are blueprints of criticality high or mission-critical without a threat
	// model; IsGap finds them.
	Gaps    []*generator.Document
	IsGap   map[*generator.Document]bool
	Models  map[*generator.Document]*ThreatModelRisk
	ByDoc   map[*generator.Document][]BlueprintThreats // blueprint → its models' threats
	Filters []render.Filter
	// Remediates lists, for a remediation item or standard, the threats that name it.
	Remediates map[*generator.Document][]*Threat
}

// BlueprintThreats is one threat model of a blueprint with its residual risk, for
// the blueprint's page.
type BlueprintThreats struct {
	Model    *generator.Document
	Residual ResidualRisk
	Threats  int
}

func analyseRisks(p *generator.Portfolio) diag.Diagnostics {
	reg := &RiskRegister{Models: map[*generator.Document]*ThreatModelRisk{}, ByDoc: map[*generator.Document][]BlueprintThreats{},
		Remediates: map[*generator.Document][]*Threat{}}
	var diags diag.Diagnostics
	for _, d := range p.ByKind["threat-model"] {
		m, ds := readThreatModel(p, d)
		diags = append(diags, ds...)
		reg.Models[d] = m
		reg.Threats = append(reg.Threats, m.Threats...)
		for _, t := range m.Threats {
			for _, doc := range t.Addressed() {
				if !slices.Contains(reg.Remediates[doc], t) {
					reg.Remediates[doc] = append(reg.Remediates[doc], t)
				}
			}
		}
		if m.Subject != nil {
			reg.ByDoc[m.Subject] = append(reg.ByDoc[m.Subject], BlueprintThreats{Model: d, Residual: m.Residual, Threats: len(m.Threats)})
		}
	}
	slices.SortStableFunc(reg.Threats, func(a, b *Threat) int { return cmp.Compare(b.Score, a.Score) })
	pages := threatPages(len(reg.Threats))
	reg.Heatmap = newHeatmap(reg.Threats, HeatListed, func(i int, t *Threat) (string, string) {
		if k := pages.PageOf(i); k > 0 {
			return generator.RelURL("risks/", pages.URL(k)), t.RegisterAnchor
		}
		return "", t.RegisterAnchor
	})
	reg.Stride = strideCounts(reg.Threats)
	reg.BySeverity = severityCounts(reg.Threats)
	reg.Blueprints = blueprintRisks(reg)
	reg.Gaps = threatModelGaps(p, reg)
	reg.IsGap = map[*generator.Document]bool{}
	for _, g := range reg.Gaps {
		reg.IsGap[g] = true
	}
	reg.Filters = riskFilters(reg.Threats)
	result.Set(p, reg)
	return diags
}

// readThreatModel reads a threat model's threats and checks what the schema cannot:
// unique threat ids, targets that name the subject's components, a STRIDE category
// under the STRIDE methodology.
func readThreatModel(p *generator.Portfolio, d *generator.Document) (*ThreatModelRisk, diag.Diagnostics) {
	m := &ThreatModelRisk{Doc: d, Subject: generator.RefTarget(d, "subject")}
	sink := &diag.DiagSink{Path: d.Path}
	known := blueprintParts(m.Subject)
	seen := map[string]int{}
	anchors := map[string]bool{}
	m.System = readDataFlowModel(d, sink, anchors)
	declared := len(m.System.Assets)+len(m.System.Flows) > 0
	if declared {
		known = m.System.Targets() // a model that declares its system names targets in it
	}
	for i, v := range d.Fields.List("threats") {
		o, ok := v.(*generator.Object)
		if !ok {
			continue
		}
		at := "threats[" + strconv.Itoa(i) + "]"
		t := &Threat{Model: d, Subject: m.Subject, ID: o.String("id"), Title: o.String("title"),
			Stride: o.String("stride"), Target: o.String("target"), Status: o.String("status")}
		t.Likelihood, _ = o.Get("likelihood").(int)
		t.Impact, _ = o.Get("impact").(int)
		t.Severity = ThreatSeverity(t.Likelihood, t.Impact)
		if t.Severity != "" {
			t.Score = t.Likelihood * t.Impact
		}
		t.Mitigations = generator.RefTargets(d, at+".mitigations[")
		t.Statements = mitigationStatements(d, at, sink)
		t.Remediation = generator.RefTargets(d, at+".remediation[")
		t.TargetAnchor = m.System.Target(t.Target)
		t.Anchor = generator.UniqueAnchor(anchors, "threat-"+generator.Slug(cmp.Or(t.ID, strconv.Itoa(i+1))))
		t.RegisterAnchor = d.ID + "--" + strings.TrimPrefix(t.Anchor, "threat-")
		if first, dup := seen[t.ID]; dup && t.ID != "" {
			sink.Report(diag.CodeDuplicateThreatID, d.Pos(at+".id"), "%s.id: duplicate threat id %q (threats[%d] has it too); give each threat of a model its own id",
				at, t.ID, first)
		} else {
			seen[t.ID] = i
		}
		switch {
		case known == nil || t.Target == "" || slices.Contains(known, t.Target):
		case declared:
			sink.Report(diag.CodeUnknownThreatTarget, d.Pos(at+".target"), "%s.target: %q is not an asset or data flow of this threat model%s; name one of: %s",
				at, t.Target, diag.DidYouMean(t.Target, known), strings.Join(known, ", "))
		default:
			sink.Report(diag.CodeUnknownThreatTarget, d.Pos(at+".target"), "%s.target: %q is not a component or dependency of blueprint %q%s; name one of: %s, or add it to the blueprint's components",
				at, t.Target, m.Subject.ID, diag.DidYouMean(t.Target, known), strings.Join(known, ", "))
		}
		if d.Fields.String("methodology") == "stride" && t.Stride == "" && !d.Written(at+".stride") {
			sink.Report(diag.CodeMissingStride, d.Pos(at), "%s: threat %q has no stride category; a STRIDE model classifies every threat (%s)",
				at, t.ID, strings.Join(strideCategories, ", "))
		}
		m.Threats = append(m.Threats, t)
	}
	ordered := slices.Clone(m.Threats)
	slices.SortStableFunc(ordered, func(a, b *Threat) int { return cmp.Compare(b.Score, a.Score) })
	m.Heatmap = newHeatmap(ordered, 0, func(_ int, t *Threat) (string, string) { return "", t.Anchor })
	m.Stride = strideCounts(m.Threats)
	m.Residual = residualRisk(ordered)
	return m, sink.Diags
}

// blueprintParts returns what a threat of the blueprint may target: its components
// and the ids it depends on, sorted; nil when the blueprint lists no components, so
// that any target is accepted.
func blueprintParts(bp *generator.Document) []string {
	if bp == nil || len(bp.Fields.List("components")) == 0 {
		return nil
	}
	var out []string
	for _, c := range bp.Fields.List("components") {
		if s, ok := c.(string); ok {
			out = append(out, s)
		}
	}
	for _, dep := range bp.Fields.List("depends_on") {
		if o, ok := dep.(*generator.Object); ok && o.String("id") != "" {
			out = append(out, o.String("id"))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func residualRisk(threats []*Threat) ResidualRisk {
	var r ResidualRisk
	for _, t := range threats {
		if t.Residual() {
			r.Threats = append(r.Threats, t)
		}
	}
	r.BySeverity = severityCounts(r.Threats)
	if len(r.BySeverity) > 0 {
		r.Highest = r.BySeverity[0].Severity
	}
	return r
}

// severityCounts counts threats per severity, worst first, leaving out zeros.
func severityCounts(threats []*Threat) []SeverityCount {
	var out []SeverityCount
	for i := len(threatSeverities) - 1; i >= 0; i-- {
		n := 0
		for _, t := range threats {
			if t.Severity == threatSeverities[i] {
				n++
			}
		}
		if n > 0 {
			out = append(out, SeverityCount{threatSeverities[i], n})
		}
	}
	return out
}

func strideCounts(threats []*Threat) []StrideCount {
	out := make([]StrideCount, len(strideCategories))
	for i, c := range strideCategories {
		out[i].Category = c
		for _, t := range threats {
			if t.Stride == c {
				out[i].Count++
				if t.Residual() {
					out[i].Residual++
				}
			}
		}
	}
	return out
}

// blueprintRisks sums the residual risk of each modelled blueprint, worst first.
func blueprintRisks(reg *RiskRegister) []BlueprintRisk {
	var out []BlueprintRisk
	for bp, models := range reg.ByDoc {
		br := BlueprintRisk{Blueprint: bp}
		var threats []*Threat
		for _, m := range models {
			br.Models = append(br.Models, m.Model)
			br.Threats += m.Threats
			threats = append(threats, reg.Models[m.Model].Threats...)
		}
		slices.SortStableFunc(threats, func(a, b *Threat) int { return cmp.Compare(b.Score, a.Score) })
		br.Residual = residualRisk(threats)
		out = append(out, br)
	}
	slices.SortFunc(out, func(a, b BlueprintRisk) int {
		return cmp.Or(cmp.Compare(SeverityRank(b.Residual.Highest), SeverityRank(a.Residual.Highest)),
			cmp.Compare(len(b.Residual.Threats), len(a.Residual.Threats)), cmp.Compare(a.Blueprint.ID, b.Blueprint.ID))
	})
	return out
}

// threatModelGaps lists the blueprints of criticality high or mission-critical, not
// retired, that no threat model has as its subject: mission-critical first.
func threatModelGaps(p *generator.Portfolio, reg *RiskRegister) []*generator.Document {
	var out []*generator.Document
	for _, bp := range p.ByKind["blueprint"] {
		crit := bp.Fields.String("criticality")
		if (crit != "high" && crit != "mission-critical") || bp.Status == "retired" || len(reg.ByDoc[bp]) > 0 {
			continue
		}
		out = append(out, bp)
	}
	slices.SortStableFunc(out, func(a, b *generator.Document) int {
		return cmp.Compare(b.Fields.String("criticality"), a.Fields.String("criticality")) // "mission-critical" > "high"
	})
	return out
}

func riskFilters(threats []*Threat) []render.Filter {
	values := func(get func(*Threat) string) []string {
		seen := map[string]bool{}
		for _, t := range threats {
			if v := get(t); v != "" {
				seen[v] = true
			}
		}
		return generator.SortedKeys(seen)
	}
	sev := values(func(t *Threat) string { return t.Severity })
	slices.SortFunc(sev, func(a, b string) int { return cmp.Compare(SeverityRank(b), SeverityRank(a)) })
	stride := values(func(t *Threat) string { return t.Stride })
	slices.SortFunc(stride, func(a, b string) int {
		return cmp.Compare(slices.Index(strideCategories, a), slices.Index(strideCategories, b))
	})
	return []render.Filter{
		{Name: "severity", Label: "Severity", Values: sev, Show: generator.Humanize},
		{Name: "status", Label: "Status", Values: values(func(t *Threat) string { return t.Status }), Show: generator.Humanize},
		{Name: "blueprint", Label: "Blueprint", Values: values(func(t *Threat) string { return t.BlueprintName() })},
		{Name: "stride", Label: "STRIDE", Values: stride, Show: generator.Humanize},
	}
}

// BlueprintName returns the title of the threat's blueprint, or the subject id as
// written when it does not resolve.
func (t *Threat) BlueprintName() string {
	if t.Subject != nil {
		return t.Subject.Title
	}
	return t.Model.Fields.String("subject")
}

// FilterValue returns what the threat offers to a register filter.
func (t *Threat) FilterValue(name string) string {
	switch name {
	case "severity":
		return t.Severity
	case "status":
		return t.Status
	case "blueprint":
		return t.BlueprintName()
	case "stride":
		return t.Stride
	}
	return ""
}

// riskCards is the home page's figure: the residual threats of severity high
// or critical.
func riskCards(p *generator.Portfolio) []render.Card {
	n, crit, accepted := 0, 0, 0
	for _, t := range Of(p).Threats {
		if t.Residual() && SeverityRank(t.Severity) >= SeverityRank("high") {
			n++
			if t.Severity == "critical" {
				crit++
			}
			if t.Status == "accepted" {
				accepted++
			}
		}
	}
	detail := fmt.Sprintf("%d critical, %d high", crit, n-crit)
	if accepted > 0 {
		detail += fmt.Sprintf(" (%d accepted)", accepted)
	}
	return []render.Card{{Title: "Residual critical/high risks", Value: strconv.Itoa(n),
		Detail: detail + "; " + generator.Plural(len(Of(p).Gaps), "blueprint", "blueprints") + " without a threat model",
		URL:    "risks/", Alert: render.WorstAlert(crit > 0, n > 0)}}
}
