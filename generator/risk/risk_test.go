package risk_test

import (
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"archfolio/generator/risk"
	"archfolio/generator/sitetest"
	"regexp"
	"strings"
	"testing"
)

func TestThreatSeverity(t *testing.T) {
	t.Parallel()
	// Every cell of the 4×4 grid, plus missing factors.
	want := map[[2]int]string{
		{1, 1}: "low",
		{1, 2}: "medium", {2, 1}: "medium", {1, 3}: "medium", {3, 1}: "medium",
		{1, 4}: "elevated", {4, 1}: "elevated", {2, 2}: "elevated", {2, 3}: "elevated", {3, 2}: "elevated",
		{2, 4}: "elevated", {4, 2}: "elevated",
		{3, 3}: "high", {3, 4}: "high", {4, 3}: "high",
		{4, 4}: "critical",
		{0, 3}: "", {3, 0}: "", {-1, 2}: "",
	}
	for li, sev := range want {
		if got := risk.ThreatSeverity(li[0], li[1]); got != sev {
			t.Errorf("ThreatSeverity(%d, %d) = %q, want %q", li[0], li[1], got, sev)
		}
	}
}

func TestRiskRegisterAnalysis(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	reg := risk.Of(p)
	var got []string
	for _, th := range reg.Threats {
		got = append(got, th.ID+":"+th.Severity)
	}
	if want := "T-1:critical T-2:high T-3:elevated T-4:medium T-5:low"; strings.Join(got, " ") != want {
		t.Errorf("threats by score = %s, want %s", strings.Join(got, " "), want)
	}
	m := reg.Models[p.ByID["tm-pay"]]
	var residual []string
	for _, th := range m.Residual.Threats {
		residual = append(residual, th.ID)
	}
	if strings.Join(residual, " ") != "T-1 T-2 T-3" || m.Residual.Highest != "critical" {
		t.Errorf("residual = %v (highest %q), want T-1 T-2 T-3 (critical): open, mitigating and accepted", residual, m.Residual.Highest)
	}
	for _, sc := range m.Stride {
		if sc.Category == "elevation-of-privilege" && sc.Residual != 1 {
			t.Errorf("STRIDE elevation-of-privilege residual = %d, want 1: the mitigating T-2 is residual", sc.Residual)
		}
	}
	cell := m.Heatmap.Rows[0].Cells[3] // impact 4, likelihood 4
	if cell.Impact != 4 || cell.Likelihood != 4 || len(cell.Threats) != 1 || cell.Threats[0].Anchor != "threat-t-1" {
		t.Errorf("top-right heatmap cell = %+v, want T-1 linking to #threat-t-1", cell)
	}
	if m.Heatmap.Total != 5 {
		t.Errorf("heatmap holds %d threats, want 5", m.Heatmap.Total)
	}
	for _, sc := range m.Stride {
		if sc.Count != 1 && sc.Category != "denial-of-service" {
			t.Errorf("STRIDE %s = %d, want 1", sc.Category, sc.Count)
		}
	}
	if len(reg.Gaps) != 1 || reg.Gaps[0].ID != "idp" {
		t.Errorf("gaps = %v, want only idp (high, no threat model; web is low)", reg.Gaps)
	}
	if th := reg.Remediates[p.ByID["rem-b"]]; len(th) != 1 || th[0].ID != "T-4" {
		t.Errorf("rem-b addresses %v, want T-4", th)
	}
	card := risk.View.Cards(p)[0]
	if card.Value != "2" || card.Alert != render.AlertCritical || !strings.Contains(card.Detail, "1 blueprint without") {
		t.Errorf("risk card = %+v, want 2 unmitigated critical/high threats (T-1 open, T-2 mitigating)", card)
	}
}

// The home page's card counts the residual risk the threat model shows: the
// mitigating T-2 (high) with the open T-1 (critical); the accepted T-3 is
// elevated, so not counted.
func TestResidualRiskIsOneDefinition(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, sitetest.Archive("../testdata/risk/site.txtar"), riskToday)
	home, _ := out.File("index.html")
	if !regexp.MustCompile(`Residual critical/high risks</[a-z0-9]+>\s*<[^>]+>2<`).Match(home) ||
		!strings.Contains(string(home), "1 critical, 1 high;") {
		i := strings.Index(string(home), "Residual critical")
		t.Errorf("the home page's risk card does not count T-1 and T-2:\n%s", string(home)[max(i-200, 0):max(i, 0)+400])
	}
}

func TestThreatModelDiagnostics(t *testing.T) {
	t.Parallel()
	site := sitetest.Archive("../testdata/risk/threat-model-diagnostics.txtar")
	_, diags := sitetest.Load(t, site, riskToday)
	want := `content/tm.md:9:5: error: threats[0].stride: "spoofin" is not allowed (did you mean "spoofing"?) (want one of: spoofing, tampering, repudiation, information-disclosure, denial-of-service, elevation-of-privilege)
content/tm.md:10:5: error: threats[0].target: "webhook-reciever" is not a component or dependency of blueprint "pay" (did you mean "webhook-receiver"?); name one of: api, idp, webhook-receiver, or add it to the blueprint's components
content/tm.md:14:19: error: threats[0].mitigations[0]: unknown id "tsl" (did you mean "tls"?)
content/tm.md:14:24: error: threats[0].mitigations[1]: "pay" is a blueprint, but this field takes a standard or remediation or decision
content/tm.md:15:5: error: threats[1].id: duplicate threat id "T-1" (threats[0] has it too); give each threat of a model its own id
content/tm.md:15:5: warning: threats[1]: threat "T-1" has no stride category; a STRIDE model classifies every threat (spoofing, tampering, repudiation, information-disclosure, denial-of-service, elevation-of-privilege)
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestThreatAnchorsStayUnique(t *testing.T) {
	t.Parallel()
	site := sitetest.Archive("../testdata/risk/threat-anchors-stay-unique.txtar")
	p, _ := sitetest.Load(t, site, riskToday)
	var got []string
	for _, th := range risk.Of(p).Models[p.ByID["tm"]].Threats {
		got = append(got, th.Anchor+"|"+th.RegisterAnchor)
	}
	want := "threat-a-1|tm--a-1 threat-a-1-2|tm--a-1-2 threat-3|tm--3"
	if strings.Join(got, " ") != want {
		t.Errorf("anchors = %s, want %s", strings.Join(got, " "), want)
	}
}

func TestDidYouMeanIgnoresCandidatesItGaveUpOn(t *testing.T) {
	t.Parallel()
	// Before the fix, candidates cut off at the limit tied with the best one and won
	// the alphabetical tie-break: "spoofin" suggested "denial-of-service".
	if got := diag.DidYouMean("spoofin", []string{"spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"}); got != ` (did you mean "spoofing"?)` {
		t.Errorf("generator.DidYouMean(spoofin) = %q", got)
	}
	if got := diag.DidYouMean("webhook-reciever", []string{"admin-console", "api", "webhook-receiver"}); got != ` (did you mean "webhook-receiver"?)` {
		t.Errorf("generator.DidYouMean(webhook-reciever) = %q", got)
	}
}

// riskToday is the pinned date of the risk, review and backlog fixture site.
const riskToday = "2026-11-27"
