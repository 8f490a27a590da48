package generator

import (
	"maps"
)

// roadmapToday is the pinned date of the roadmap fixtures.
const roadmapToday = "2026-11-27"

// roadmapSite is a small IAM roadmap: two lanes, every status pattern, a done, a
// due and a missed milestone, a dependency that starts too early, one slipped
// item, outcomes, delivered blueprints and JIRA epics. extra files are added (or
// replace fixture files).
func roadmapSite(extra map[string]string) map[string]string {
	files := map[string]string{
		"archfolio.yaml": `
title: Test portfolio
jira: {url: "https://jira.example/browse/{key}"}
capabilities:
  directory:
    title: Directory & LDAP
    description: One authoritative directory for workforce identities.
    maturity: {current: initial, target: advanced}
  mfa:
    title: Multi-factor authentication
`,
		"content/blueprints/directory-services.md": `
---
kind: blueprint
title: Directory services
status: implemented
---
`,
		"content/blueprints/workforce-sso.md": `
---
kind: blueprint
title: Workforce SSO
status: approved
---
`,
		"content/roadmap/rm-directory-consolidation.md": `
---
kind: roadmap
title: Consolidate directories
status: done
owner: Identity Platform
capability: directory
start: 2025-Q3
end: 2026-Q1
maturity: {current: traditional, target: initial}
milestones:
  - {name: Cut-over, date: 2026-02-16, done: true}
outcomes:
  - {name: Fewer identity stores, kpi: directories, baseline: "4", target: "1"}
delivers: [directory-services]
jira: IAM-101
---
`,
		"content/roadmap/rm-ldap-retirement.md": `
---
kind: roadmap
title: Retire legacy LDAP
status: on-hold
capability: directory
start: 2027-Q1
end: 2027-Q2
depends_on: [rm-directory-consolidation]
---
`,
		"content/roadmap/rm-mfa-rollout.md": `
---
kind: roadmap
title: MFA for all staff
status: in-progress
owner: Identity Platform
capability: mfa
start: 2026-Q2
end: 2026-09-30
maturity: {current: initial, target: advanced}
milestones:
  - {name: Pilot group, date: 2026-07-15, done: true}
  - {name: All staff enrolled, date: 2026-09-15}
outcomes:
  - {name: Fewer account takeovers, kpi: ATO incidents per quarter, baseline: "12", target: "2"}
  - {name: Fewer identity stores}
depends_on: [rm-directory-consolidation]
delivers: [workforce-sso]
jira: IAM-202
---
`,
		"content/roadmap/rm-passkeys.md": `
---
kind: roadmap
title: Passkeys for staff
status: planned
capability: mfa
start: 2026-09-01
end: 2027-Q2
maturity: {current: advanced, target: optimal}
milestones:
  - {name: General availability, date: 2027-03-31}
outcomes:
  - {name: Fewer account takeovers, kpi: phishable sign-ins, baseline: 30%, target: 0%}
depends_on: [rm-mfa-rollout]
delivers: [workforce-sso]
jira: IAM-303
---
`,
		"content/roadmap/rm-sms-otp.md": `
---
kind: roadmap
title: SMS one-time codes
status: cancelled
capability: mfa
start: 2026-Q3
end: 2026-Q3
---
`,
		"content/roadmap/rm-mfa-policy.md": `
---
kind: roadmap
title: Conditional access policy
status: proposed
capability: mfa
start: 2027-Q3
end: 2027-Q4
depends_on: [rm-passkeys]
---
`,
	}
	maps.Copy(files, extra)
	return files
}
