package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/sitetest"
	"bytes"
	"fmt"
	"maps"
	"strings"
	"testing"
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

// The Go components write, for sites of hostile values, what the default
// theme's templates wrote before Go became the markup's one source (the
// goldens were made by both and compared): every escaping context, unset and
// odd values, a matrix of hostile standards, a site with no blueprint.
func TestHostileSitesGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		opts generator.Options
	}{
		{"hostile", sitetest.Options(t, sitetest.Site(hostileDocuments), goldenToday)},
		{"hostile-matrix", sitetest.Options(t, sitetest.Site(hostileSite()), goldenToday)},
		{"no-blueprints", sitetest.Options(t, sitetest.Site(map[string]string{"archfolio.yaml": "title: No blueprints\n",
			"content/guides/g.md": "---\nkind: guide\ntitle: A guide\n---\nText.\n"}), goldenToday)},
		{"hostile-base-url", sitetest.Options(t, sitetest.Site(withFile(hostileDocuments, "archfolio.yaml",
			"title: <Hostile> & \"co\"\nbase_url: https://arch.example.com/port folio/?a=<b>\n")), goldenToday)},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, _ := renderSite(t, c.opts)
			var all bytes.Buffer
			for _, name := range out.Names() {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				data, _ := out.File(name)
				fmt.Fprintf(&all, "==> %s <==\n%s\n", name, data)
			}
			checkGolden(t, "hostile/"+c.name+".html", all.Bytes())
		})
	}
}

// withFile returns a copy of files with name set to data.
func withFile(files map[string]string, name, data string) map[string]string {
	out := maps.Clone(files)
	out[name] = data
	return out
}
