package generator

// riskToday is the pinned date of the risk, review and backlog fixture site.
const riskToday = "2026-11-27"

// riskSite is a small portfolio with threats at every severity, reviews of both
// stages with findings that lead to remediation items, overdue, SLA-breached,
// waived and risk-accepted items. Copy it before changing it.
func riskSite() map[string]string {
	return map[string]string{
		"archfolio.yaml": `
title: Test portfolio
jira: {url: "https://jira.example.com/browse/{key}"}
sla: {medium: 60}
`,
		"content/blueprints/pay.md": `
---
kind: blueprint
title: Payments
status: implemented
owner: Payments Team
criticality: mission-critical
components: [api, webhook, admin-console]
depends_on: [idp]
---
`,
		"content/blueprints/idp.md": `
---
kind: blueprint
title: Identity <provider>
status: implemented
owner: Identity Team
criticality: high
---
`,
		"content/blueprints/web.md": `
---
kind: blueprint
title: Website
criticality: low
---
`,
		"content/standards/tls.md": `
---
kind: standard
title: TLS
family: crypto
---
`,
		"content/threat-models/tm-pay.md": `
---
kind: threat-model
title: Payments threat model
subject: pay
methodology: stride
threats:
  - {id: T-1, title: Forged webhook, stride: spoofing, target: webhook, likelihood: 4, impact: 4, status: open, remediation: [rem-a]}
  - {id: T-2, title: Console exposed, stride: elevation-of-privilege, target: admin-console, likelihood: 3, impact: 4, status: mitigating, mitigations: [tls]}
  - {id: T-3, title: Token replay, stride: tampering, target: idp, likelihood: 2, impact: 4, status: accepted}
  - {id: T-4, title: Refund denied, stride: repudiation, target: api, likelihood: 1, impact: 3, status: mitigated, mitigations: [tls, rem-b]}
  - {id: T-5, title: "Log leak <b>", stride: information-disclosure, target: api, likelihood: 1, impact: 1, status: false-positive}
---
`,
		"content/reviews/rev-pay-design.md": `
---
kind: review
title: Payments design review
status: completed
stage: design
subject: pay
date: 2026-03-01
outcome: approved-with-conditions
findings:
  - {id: F-1, title: Webhooks unsigned, severity: critical, standard: tls, remediation: rem-a}
conditions:
  - {text: Sign webhooks, due: 2026-05-01, met: true}
  - {text: Agree a settlement file check, due: 2026-10-01, met: false}
next: 2026-09-01
---
`,
		"content/reviews/rev-pay-impl.md": `
---
kind: review
title: Payments implementation review
status: completed
stage: implementation
subject: pay
date: 2026-06-01
outcome: approved
next: 2027-06-01
findings:
  - {id: F-1, title: Keys in config, severity: medium, remediation: rem-b}
---
`,
		"content/reviews/rev-idp.md": `
---
kind: review
title: Identity design review
status: scheduled
stage: design
subject: idp
date: 2026-12-10
---
`,
		"content/reviews/rev-web.md": `
---
kind: review
title: Website periodic review
status: completed
stage: periodic
subject: web
date: 2025-11-01
outcome: approved
next: 2026-11-01
---
`,
		"content/remediation/rem-a.md": `
---
kind: remediation
title: Sign webhooks
status: in-progress
owner: Payments Team
jira: SEC-1
severity: critical
source: rev-pay-design
affects: [pay]
discovered: 2026-10-01
---
`,
		"content/remediation/rem-b.md": `
---
kind: remediation
title: Move keys to the vault
status: open
owner: Payments Team
jira: SEC-2
severity: medium
source: rev-pay-impl
affects: [pay, idp]
discovered: 2026-08-01
due: 2027-01-10
waiver: {approved_by: CISO, expires: 2026-12-10, justification: Vault migration in January}
---
`,
		"content/remediation/rem-c.md": `
---
kind: remediation
title: Legacy bind accepted
status: risk-accepted
owner: Identity Team
jira: SEC-3
severity: high
affects: [idp]
discovered: 2026-01-10
waiver:
  approved_by: CISO
  expires: 2026-11-01
---
`,
		"content/remediation/rem-d.md": `
---
kind: remediation
title: Done already
status: done
owner: Payments Team
jira: SEC-4
severity: high
affects: [pay]
discovered: 2026-01-10
---
`,
		"content/remediation/rem-e.md": `
---
kind: remediation
title: "=HYPERLINK(\"http://evil.example\",\"x\")"
status: open
owner: "@ops"
severity: low
source: tm-pay
discovered: 2026-11-20
---
`,
	}
}
