package roadmap_test

import (
	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		maxLines int
		want     []string
	}{
		{"MFA", 3, []string{"MFA"}},
		{"Identity governance", 3, []string{"Identity", "governance"}},
		{"SSO federation", 3, []string{"SSO", "federation"}},
		{"Directory & LDAP", 3, []string{"Directory &", "LDAP"}},
		{"Multi-factor authentication", 3, []string{"Multi-factor", "authent-", "ication"}},
		{"Supercalifragilisticexpialidocious", 3, []string{"Supercali-", "fragilist-", "icexpiali…"}},
		{"Privileged access management for cloud consoles", 3, []string{"Privileged", "access", "management…"}},
		{"  ", 3, nil},
	} {
		// 12 characters a line: the narrow lane column's titles.
		got := roadmap.ExportWrapText(tc.in, 90, 7.4, tc.maxLines)
		if !slices.Equal(got, tc.want) {
			t.Errorf("wrapText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// longLane adds a lane whose title wraps to three lines in the narrow lane
// column and which holds one item: the lane grows to fit its head.
var longLane = map[string]string{
	"content/roadmap/rm-pam.md": "\n---\nkind: roadmap\ntitle: Vault admin accounts\nstatus: planned\n" +
		"capability: privileged-access-management-for-cloud-consoles\nstart: 2026-Q3\nend: 2026-Q4\n---\n",
}

func TestLaneHeadsGolden(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, roadmapSite(longLane), roadmapToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	svg := string(roadmap.LaneHeadsSVG(roadmap.Of(p).Tracks[0]))
	checkWellFormed(t, svg)
	sitetest.Golden(t, "testdata/heads.golden.svg", []byte(svg+"\n"))
}

// TestLaneHeadsLineUpWithTheirLanes checks the narrow lane column's geometry
// against the timeline's: the same lanes at the same places, and in each the
// lines of its head one under the other, inside it.
func TestLaneHeadsLineUpWithTheirLanes(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, roadmapSite(longLane), roadmapToday)
	for _, tr := range roadmap.Of(p).Tracks {
		timeline := laneBands(t, string(roadmap.TimelineSVG(tr, p.Today, tr.URL)))
		headsSVG := string(roadmap.LaneHeadsSVG(tr))
		if !strings.Contains(headsSVG, `aria-hidden="true"`) {
			t.Errorf("%s: the lane column repeats the timeline's lane heads but is not hidden from assistive technology", tr.Slug)
		}
		heads := laneBands(t, headsSVG)
		if len(heads) != len(tr.Lanes) || len(timeline) != len(tr.Lanes) {
			t.Fatalf("%s: %d lane heads and %d lanes drawn, want %d", tr.Slug, len(heads), len(timeline), len(tr.Lanes))
		}
		for i, h := range heads {
			if h.y != timeline[i].y || h.h != timeline[i].h {
				t.Errorf("%s lane %d: head at y %g, %g high; lane at y %g, %g high", tr.Slug, i, h.y, h.h, timeline[i].y, timeline[i].h)
			}
			above := h.y
			for _, l := range h.lines {
				top, bottom := l.y-0.8*l.size, l.y+0.25*l.size // ascenders and descenders
				if top < above || bottom > h.y+h.h {
					t.Errorf("%s lane %d: line %q (%g to %g) overlaps the line above or leaves the lane (%g to %g)", tr.Slug, i, l.text, top, bottom, h.y, h.y+h.h)
				}
				above = bottom
			}
		}
	}
}

// band is a lane's band in a drawing and the lines of text written in it.
type band struct {
	y, h  float64
	lines []line
}

type line struct {
	text    string
	y, size float64
}

// laneBands returns the lane bands of a timeline or lane column, with the
// lines of text in each (a text's lines are its tspans, or itself).
func laneBands(t *testing.T, svg string) []band {
	t.Helper()
	var bands []band
	var pending []line
	attr := func(el xml.StartElement, name string) string {
		for _, a := range el.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	num := func(el xml.StartElement, name string) float64 {
		f, _ := strconv.ParseFloat(attr(el, name), 64)
		return f
	}
	walkSVG(t, svg, func(el xml.StartElement, text string) {
		switch {
		case el.Name.Local == "rect" && attr(el, "class") == "rm-lane-band":
			bands = append(bands, band{y: num(el, "y"), h: num(el, "height")})
		case el.Name.Local == "tspan":
			pending = append(pending, line{text: text, y: num(el, "y")})
		case el.Name.Local == "text" && len(bands) > 0:
			class := attr(el, "class")
			if class != "rm-lane-title" && class != "rm-lane-maturity" {
				return
			}
			if len(pending) == 0 {
				pending = []line{{text: text, y: num(el, "y")}}
			}
			size := 12.0
			if class == "rm-lane-maturity" {
				size = 11
			}
			for _, l := range pending {
				l.size = size
				bands[len(bands)-1].lines = append(bands[len(bands)-1].lines, l)
			}
			pending = nil
		}
	})
	return bands
}

func TestLaneHeadsEscapeHostileValues(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, roadmapSite(sitetest.Archive("../testdata/roadmap/timeline-escapes-hostile-values.txtar")), roadmapToday)
	escaped := false
	for _, tr := range roadmap.Of(p).Tracks {
		svg := string(roadmap.LaneHeadsSVG(tr))
		checkWellFormed(t, svg)
		for _, bad := range []string{"<img", "<script", ` onerror=`} {
			if strings.Contains(svg, bad) {
				t.Errorf("track %s: the lane column contains %q unescaped", tr.Slug, bad)
			}
		}
		escaped = escaped || strings.Contains(svg, "&lt;img")
	}
	if !escaped {
		t.Error("no lane column shows the hostile lane title, escaped")
	}
}
