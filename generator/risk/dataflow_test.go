package risk_test

import (
	"archfolio/generator/risk"
	"archfolio/generator/sitetest"
	"strings"
	"testing"
)

func TestSystemDiagnostics(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("../testdata/risk/system-diagnostics.txtar"), riskToday)
	want := `content/tm.md:7:6: error: data_assets[1].id: "claim" is declared twice (data_assets[0] has it too); give every data asset, asset, trust boundary and data flow of a model its own id
content/tm.md:9:67: error: assets[0].processes[1]: "clam" is not a data asset of this threat model (did you mean "claim"?)
content/tm.md:14:45: error: trust_boundaries[1].assets[1]: "portl" is not an asset of this threat model (did you mean "portal"?)
content/tm.md:14:66: error: trust_boundaries[1].boundaries[0]: nesting "dc" in "app" makes a loop ("dc" already holds "app"); remove one of the nestings
content/tm.md:15:36: error: trust_boundaries[2].assets[0]: asset "db" is also in trust boundary "app" (trust_boundaries[1].assets[0]), and neither boundary is nested in the other; nest one in the other or list the asset once
content/tm.md:16:42: error: trust_boundaries[3].boundaries[0]: "app" is already nested in "dc"; a trust boundary is nested in one boundary at most
content/tm.md:16:47: error: trust_boundaries[3].boundaries[1]: "nowhere" is not a trust boundary of this threat model
content/tm.md:18:35: error: data_flows[0].to: "dbb" is not an asset of this threat model (did you mean "db"?)
content/tm.md:18:87: error: data_flows[0].receives[0]: "claims" is not a data asset of this threat model (did you mean "claim"?)
content/tm.md:19:6: error: data_flows[1].id: "portal" is declared twice (assets[0] has it too); give every data asset, asset, trust boundary and data flow of a model its own id
content/tm.md:23:5: error: threats[0].target: "portal-bd" is not an asset or data flow of this threat model (did you mean "portal-db"?); name one of: crm, db, portal, portal-db
content/tm.md:27:19: error: threats[0].mitigations[0]: "SD-3" is not a statement of standard "iso" (did you mean "SD-1"?)
content/tm.md:27:31: error: threats[0].mitigations[1]: statement "SD-2" of standard "iso" is withdrawn: name the statement that replaced it
content/tm.md:27:43: error: threats[0].mitigations[2]: "fix" is a remediation; only a standard's statements can be named with #: write "fix"
`
	if got := sitetest.DiagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	m := risk.Of(p).Models[p.ByID["tm"]]
	var got []string
	for _, b := range m.System.Boundaries {
		got = append(got, strings.Repeat(">", b.Depth)+b.ID)
		for _, a := range b.Assets {
			got = append(got, a.ID)
		}
	}
	// dc holds app and dmz (the loop back to dc and saas's second claim on app
	// are left out); db stays in app, where it was listed first.
	if w := ">dc portal >>app db >>dmz >saas"; strings.Join(got, " ") != w {
		t.Errorf("boundaries in preorder with their assets = %s, want %s", strings.Join(got, " "), w)
	}
	t1, t2 := m.Threats[0], m.Threats[1]
	if len(t1.Statements) != 1 || t1.Statements[0].URL() != "standards/iso/#stmt-sd-1" {
		t.Errorf("T-1's statements = %+v, want iso#SD-1 at standards/iso/#stmt-sd-1", t1.Statements)
	}
	if t1.TargetAnchor != "" || t2.TargetAnchor != "flow-portal-db" {
		t.Errorf("target anchors = %q, %q; want none for the unknown target and flow-portal-db", t1.TargetAnchor, t2.TargetAnchor)
	}
}

// TestSystemPanel compares a threat model's system panel (diagram, legend and
// tables) and its threats panel, whose targets and statements link, with
// golden files.
func TestSystemPanel(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, sitetest.Archive("../testdata/risk/system.txtar"), riskToday)
	if len(diags) > 0 {
		t.Fatalf("the fixture has problems:\n%s", sitetest.DiagLines(diags))
	}
	page, ok := out.File("threat-models/tm-claims/index.html")
	if !ok {
		t.Fatal("no page for the threat model")
	}
	html := string(page)
	for _, panel := range []string{"tm-system", "tm-threats"} {
		start := strings.Index(html, `<section class="panel" id="`+panel+`"`)
		if start < 0 {
			t.Fatalf("no %s panel", panel)
		}
		end := start + strings.Index(html[start:], "</section>")
		sitetest.Golden(t, "../testdata/risk/system-"+panel+".html", []byte(html[start:end]))
	}
	for _, bad := range []string{"<system>", "<b>", "<17>", "<xml>"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page has %q unescaped", bad)
		}
	}
	if std, _ := out.File("standards/sec-dev/index.html"); !strings.Contains(string(std), `id="stmt-sd-1"`) {
		t.Errorf("the standard's page has no row stmt-sd-1 for the threat's link to land on")
	}
	for _, link := range []string{`href="#flow-api-db"><code>api-db</code>`, `href="#asset-portal"><code>portal</code>`,
		`href="../../standards/sec-dev/#stmt-sd-1">SD-1</a>`} {
		if !strings.Contains(html, link) {
			t.Errorf("the page lacks the link %s", link)
		}
	}
}
