package generator_test

import (
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"bytes"
	"strings"
	"testing"
)

// TestRiskGoldenPages compares the risk register, reviews and backlog pages of the
// fixture site, and the panels these views add to document pages, with golden files
// in testdata/risk (go test -run TestRiskGoldenPages -update rewrites them). Only
// the views' own HTML is compared — a page's <main>, or one panel's section — so the
// menu and other views' panels can change without touching these files.
func TestRiskGoldenPages(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, riskSite(), riskToday)
	for _, c := range []struct{ golden, file, panel string }{
		{"risks.html", "risks/index.html", ""},
		{"reviews.html", "reviews/index.html", ""},
		{"backlog.html", "backlog/index.html", ""},
		{"tm-threats.html", "threat-models/tm-pay/index.html", "tm-threats"},
		{"tm-risk.html", "threat-models/tm-pay/index.html", "tm-risk"},
		{"bp-risk.html", "blueprints/pay/index.html", "bp-risk"},
		{"bp-risk-gap.html", "blueprints/idp/index.html", "bp-risk"},
		{"bp-reviews.html", "blueprints/pay/index.html", "bp-reviews"},
		{"bp-reviews-none.html", "blueprints/web/index.html", "bp-reviews"},
		{"bp-remediation.html", "blueprints/pay/index.html", "bp-remediation"},
		{"rv-findings.html", "reviews/rev-pay-design/index.html", "rv-findings"},
		{"rem-backlog.html", "remediation/rem-b/index.html", "rem-backlog"},
		{"threats-addressed.html", "remediation/rem-b/index.html", "threats-addressed"},
		{"backlog.csv", "backlog.csv", "-"},
	} {
		t.Run(c.golden, func(t *testing.T) {
			got := riskPage(t, out, c.file)
			switch c.panel {
			case "":
				got = riskBetween(t, got, `<main id="main" tabindex="-1">`, "</main>")
			case "-":
			default:
				got = riskBetween(t, got, `<section class="panel" id="`+c.panel+`"`, "</section>")
			}
			checkGolden(t, "risk/"+c.golden, []byte(got))
		})
	}
}

// TestRiskPagesEscapeContent checks that titles from front matter are escaped on the
// views' pages (the fixture has "Identity <provider>" and "Log leak <b>").
func TestRiskPagesEscapeContent(t *testing.T) {
	t.Parallel()
	out, _ := sitetest.Render(t, riskSite(), riskToday)
	for _, f := range []string{"risks/index.html", "backlog/index.html", "reviews/index.html", "threat-models/tm-pay/index.html"} {
		html := riskPage(t, out, f)
		if strings.Contains(html, "<provider>") || strings.Contains(html, "Log leak <b>") {
			t.Errorf("%s has unescaped front-matter text", f)
		}
	}
	if reviews := riskPage(t, out, "reviews/index.html"); !strings.Contains(reviews, `id="review-table"`) {
		t.Errorf("reviews/ is not the reviews view's page (it replaces the kind index)")
	}
}

func riskBetween(t *testing.T, s, start, end string) string {
	t.Helper()
	i := strings.Index(s, start)
	if i < 0 {
		t.Fatalf("no %q in the page", start)
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		t.Fatalf("no %q after %q", end, start)
	}
	return s[i : i+j+len(end)]
}

// TestRiskViewsSurviveBrokenInput renders a portfolio whose threat models, reviews
// and remediation items are broken in every way the schema lets through (with
// errors reported), and checks that rendering still succeeds.
func TestRiskViewsSurviveBrokenInput(t *testing.T) {
	t.Parallel()
	out, diags := sitetest.Render(t, sitetest.Archive("testdata/risk/risk-views-survive-broken-input.txtar"), riskToday)
	if diags.Errors() == 0 {
		t.Fatalf("want errors for the broken input")
	}
	for _, f := range []string{"risks/index.html", "reviews/index.html", "backlog/index.html", "backlog.csv",
		"threat-models/tm1/index.html", "threat-models/tm3/index.html", "reviews/r1/index.html", "remediation/m1/index.html", "blueprints/b/index.html"} {
		riskPage(t, out, f)
	}
}

// TestRiskOutputDeterministic renders the fixture twice and compares the views' files.
func TestRiskOutputDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := sitetest.Render(t, riskSite(), riskToday)
	b, _ := sitetest.Render(t, riskSite(), riskToday)
	for _, f := range a.Names() {
		x, _ := a.File(f)
		y, _ := b.File(f)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders", f)
		}
	}
}

// riskPage returns a rendered file or fails the test.
func riskPage(t *testing.T, out *render.MemOutput, name string) string {
	t.Helper()
	data, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s in the output", name)
	}
	return string(data)
}
