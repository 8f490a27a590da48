package generator_test

import "archfolio/generator/sitetest"

// riskToday is the pinned date of the risk, review and backlog fixture site.
const riskToday = "2026-11-27"

// riskSite is a small portfolio with threats at every severity, reviews of both
// stages with findings that lead to remediation items, overdue, SLA-breached,
// waived and risk-accepted items (testdata/risk/site.txtar). Each call returns a
// new copy.
func riskSite() map[string]string {
	return sitetest.Archive("testdata/risk/site.txtar")
}
