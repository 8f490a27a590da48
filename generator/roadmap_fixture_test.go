package generator_test

import (
	"archfolio/generator/sitetest"
	"maps"
)

// roadmapToday is the pinned date of the roadmap fixtures.
const roadmapToday = "2026-11-27"

// roadmapSite is a small IAM roadmap: two lanes, every status pattern, a done, a
// due and a missed milestone, a dependency that starts too early, one slipped
// item, outcomes, delivered blueprints and JIRA epics (testdata/roadmap/site.txtar).
// extra files are added (or replace fixture files).
func roadmapSite(extra map[string]string) map[string]string {
	files := sitetest.Archive("testdata/roadmap/site.txtar")
	maps.Copy(files, extra)
	return files
}
