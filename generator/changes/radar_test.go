package changes_test

import (
	"strings"
	"testing"

	"archfolio/generator/changes"
	"archfolio/generator/sitetest"
)

// vendor is a vendor recommendation on the radar in ring.
func vendor(id, title, ring string) string {
	return "---\nid: " + id + "\nkind: vendor\ntitle: " + title + "\nstatus: approved\nowner: Platform Team\n" +
		"recommendation: recommended\nring: " + ring + "\nquadrant: platforms\n---\nBody.\n"
}

// TestRadarMovesSinceTheRevision: the radar's blips move since the Changes
// page's revision. Between q2 and the work tree the event bus moved in
// (assess to trial), the service bus moved out (adopt to hold), the
// container platform is new and the old ETL tool left the radar.
func TestRadarMovesSinceTheRevision(t *testing.T) {
	t.Parallel()
	dir := sitetest.GitRepo(t, []sitetest.Commit{
		{Tag: "q2", Date: "2026-06-30", Files: map[string]string{
			"archfolio.yaml":                 "title: Radar test\nradar: {quadrants: [platforms]}\nchanges: {since: q2}\n",
			"content/vendors/event-bus.md":   vendor("event-bus", "Event bus", "assess"),
			"content/vendors/service-bus.md": vendor("service-bus", "Service bus", "adopt"),
			"content/vendors/etl.md":         vendor("etl", "Old ETL tool", "hold"),
		}},
		{Tag: "q3", Date: "2026-09-30", Files: map[string]string{
			"content/vendors/event-bus.md":   vendor("event-bus", "Event bus", "trial"),
			"content/vendors/service-bus.md": vendor("service-bus", "Service bus", "hold"),
			"content/vendors/containers.md":  vendor("containers", "Container platform", "adopt"),
			"content/vendors/etl.md":         "",
		}},
	})
	_, out, diags := build(t, dir, changes.NewSource(dir, ""))
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page := main(t, out, "radar/index.html")
	for _, want := range []string{
		`Container platform: Platforms, adopt, new since q2`,
		`Event bus: Platforms, trial, moved in since q2`,
		`Service bus: Platforms, hold, moved out since q2`,
		`id="gone"`, `Old ETL tool`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the radar page lacks %s", want)
		}
	}
	if strings.Contains(page, "movement is not compared") || strings.Contains(page, "shows once the site is compared") {
		t.Error("the radar page says movement is not compared")
	}
}
