package generator

import (
	"bytes"
	"context"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"archfolio/generator/synth"
)

// hostileDocuments has values that test every escaping context DocumentHTML writes:
// markup and quotes in text and attributes, a javascript: URL, nested objects,
// lists, a field table, headings for the contents, an unset classification and
// a non-internal one.
var hostileDocuments = map[string]string{
	"archfolio.yaml": "title: Hostile\n",
	"content/blueprints/evil.md": `
---
id: evil
kind: blueprint
title: <script>alert("t")</script> & 'quotes'
status: in-review
owner: R&D "Team" <ops>
summary: Summary with <b>markup</b> & "quotes"
classification: confidential
tags: [a&b, "x y", <t>, javascript:alert(1)]
domain: pay"ments
compliance:
  - {standard: std, status: non-compliant}
depends_on:
  - {id: good, protocol: gRPC <x>, data: PII & "more"}
links:
  - javascript:alert(1)
  - https://example.com/?a=1&b="2"
  - https://example.com/path with space
contacts:
  lead: <img src=x onerror=alert(1)>
  backup: "https://example.com/\"onmouseover=\"x"
  nested:
    deeper: [one, "<two>", three&four]
---
## Heading <with> & "marks"

Body text links [[good]].

### Second-level & more
`,
	"content/blueprints/good.md": `
---
id: good
kind: blueprint
title: Good one
status: approved
owner: Platform
classification: internal
depends_on: [evil, {id: third, protocol: HTTPS, data: logs <all>}]
compliance:
  - {standard: std, status: implemented, statement: S1}
---
Plain body.
`,
	"content/blueprints/third.md": `
---
id: third
kind: blueprint
title: Third
status: approved
owner: Platform
lifecycle: end-of-life
depends_on: [evil]
---
`,
	"content/roadmap/rm-a.md": `
---
id: rm-a
kind: roadmap
title: Item <A>
status: planned
owner: IAM
capability: sso
start: 2026-Q1
end: 2026-Q2
depends_on: [rm-b]
---
`,
	"content/roadmap/rm-b.md": `
---
id: rm-b
kind: roadmap
title: Item "B"
status: planned
owner: IAM
capability: sso
start: 2026-Q2
end: 2026-Q3
depends_on: [rm-a]
---
`,
	"content/reviews/r1.md": `
---
id: r1
kind: review
title: Review "one"
status: open
owner: Security <Board>
subject: evil
date: 2026-01-01
findings:
  - id: f1
    title: Finding <one>
    severity: high
    status: open
  - id: f2
    title: "Finding \"two\""
    severity: low
    status: closed
conditions:
  - text: Fix <it> & "soon"
    due: 2026-11-26
---
Review body.
`,
	"content/standards/std.md": `
---
id: std
kind: standard
title: Standard <"std">
status: approved
owner: Architecture
statements:
  - {id: S1, text: "Do <this> & \"that\"", level: must}
effectiveness:
  - metric: Blueprints <aligned> & "met"
    target: at least 50%
  - metric: Blueprints fully aligned
    target: 90%
  - metric: Incidents per year
    target: "0"
---
`,
	"content/standards/std2.md": `
---
id: std2
kind: standard
title: Whole <standard> & "no statements"
status: approved
owner: Architecture
---
`,
	"content/threat-models/tm-evil.md": `
---
id: tm-evil
kind: threat-model
title: Threats <to> "evil"
status: draft
owner: Security
subject: evil
methodology: stride
threats:
  - id: T<1>
    title: Unscored & "open"
    stride: spoofing
    status: open
    mitigations: [good]
  - id: T2
    title: Scored <mitigated>
    stride: tampering
    target: api "edge"
    likelihood: 2
    impact: 4
    status: mitigated
---
`,
	"content/threat-models/tm-orphan.md": `
---
id: tm-orphan
kind: threat-model
title: Orphan model
status: draft
owner: Security
subject: no-such-<blueprint>
methodology: stride
threats:
  - {id: O1, title: Orphan threat, stride: tampering, likelihood: 1, impact: 1, status: accepted}
---
`,
	"content/threat-models/tm-one.md": `
---
id: tm-one
kind: threat-model
title: One <threat>
status: draft
owner: Security
subject: good
methodology: stride
threats:
  - {id: "Q&1", title: "Only \"one\"", stride: repudiation, likelihood: 3, impact: 3, status: accepted, mitigations: [good]}
---
`,
	"content/threat-models/tm-empty.md": `
---
id: tm-empty
kind: threat-model
title: Empty model
status: draft
owner: Security
subject: good
methodology: stride
---
`,
	"content/remediation/rem-expired.md": `
---
id: rem-expired
kind: remediation
title: Waived <fix> & "expired"
status: open
owner: Ops "team"
severity: high
affects: [evil, good]
waiver: {approved_by: "CISO <office>", expires: 2026-01-01}
---
`,
	"content/remediation/rem-expiring.md": `
---
id: rem-expiring
kind: remediation
title: Waived fix, expiring
status: in-progress
owner: Ops
severity: low
jira: SEC-12
source: r1
affects: [evil]
waiver: {approved_by: CISO, expires: 2026-12-02}
---
`,
	"content/guides/empty.md": `
---
kind: guide
title: Empty guide
---
`,
}

// The fast layouts write what their templates write, byte for byte, for every
// page of the sample, the minimal example, a synthetic portfolio and a site of
// hostile values; every other file is untouched by it.
func TestFastLayoutsMatchTemplates(t *testing.T) {
	gen, err := synth.Generate(synth.Options{N: 200, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	synthetic := fstest.MapFS{}
	for _, f := range gen.Files {
		synthetic[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"sample", siteOptions(t, "..")},
		{"minimal", siteOptions(t, "../examples/minimal")},
		{"synthetic", testOptions(t, synthetic, goldenToday)},
		{"hostile", testOptions(t, testSite(hostileDocuments), goldenToday)},
		{"hostile matrix", testOptions(t, testSite(hostileSite()), goldenToday)},
		{"no blueprints", testOptions(t, testSite(map[string]string{"archfolio.yaml": "title: No blueprints\n",
			"content/guides/g.md": "---\nkind: guide\ntitle: A guide\n---\nText.\n"}), goldenToday)},
		{"hostile with base URL", testOptions(t, testSite(withFile(hostileDocuments, "archfolio.yaml",
			"title: <Hostile> & \"co\"\nbase_url: https://arch.example.com/port folio/?a=<b>\n")), goldenToday)},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, _, err := Load(context.Background(), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			fast, slow := &MemOutput{}, &MemOutput{}
			if err := Render(context.Background(), p, c.opts, fast); err != nil {
				t.Fatal(err)
			}
			tmplOpts := c.opts
			tmplOpts.templatesOnly = true
			if err := Render(context.Background(), p, tmplOpts, slow); err != nil {
				t.Fatal(err)
			}
			if g, w := strings.Join(fast.Names(), "\n"), strings.Join(slow.Names(), "\n"); g != w {
				t.Fatalf("other files with DocumentHTML:\n%s\nwant\n%s", g, w)
			}
			docPages := 0
			for _, name := range slow.Names() {
				g, _ := fast.File(name)
				w, _ := slow.File(name)
				if bytes.Contains(w, []byte(`<article class="doc doc-`)) {
					docPages++
				}
				if !bytes.Equal(g, w) {
					t.Errorf("%s differs from the template's output%s", name, firstDifference(g, w))
				}
			}
			if docPages < len(p.Docs) {
				t.Errorf("only %d document pages for %d documents", docPages, len(p.Docs))
			}
		})
	}
}

// The default theme gets every fast layout; a change to one of the templates a
// method stands for must come with the same change in Go.
func TestDefaultThemeUsesFastLayouts(t *testing.T) {
	opts := siteOptions(t, "..")
	th, err := loadTheme(opts.Site, &Config{}, opts.Theme, templateFuncs(&Portfolio{Config: &Config{}}), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fastLayouts {
		if th.whole[f.layout].content == nil {
			t.Errorf("the default theme's base templates %v changed (digest %s):\n"+
				"make writeBasePage write what they write, run TestFastLayoutsMatchTemplates, then set baseDigest",
				baseTemplates, templatesDigest(th.pages[f.layout], baseTemplates))
		}
		if th.fast[f.layout] == nil {
			t.Errorf("the default theme's %s templates %v changed (digest %s):\n"+
				"make %s write what they write, run TestFastLayoutsMatchTemplates, then set the digest in fastLayouts",
				f.layout, f.templates, templatesDigest(th.pages[f.layout], f.templates), f.method)
		}
	}
}

// withFile returns a copy of files with name set to data.
func withFile(files map[string]string, name, data string) map[string]string {
	out := maps.Clone(files)
	out[name] = data
	return out
}
