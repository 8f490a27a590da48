package radar_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator"
	"archfolio/generator/radar"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
)

const today = "2026-11-27"

// Every problem with the quadrants is reported at its line: in archfolio.yaml
// (a quadrant named twice, one that is not a name, an unknown key) and in the
// documents (a quadrant not declared, with the closest declared one; a ring
// without a quadrant); a quadrant without a ring is no blip and no problem.
func TestQuadrantDiagnostics(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.LoadDir(t, "../testdata/codes/radar")
	want := []string{
		`archfolio.yaml:6:7: error: radar.quadrants[2]: "platforms" is named twice`,
		`archfolio.yaml:7:7: error: radar.quadrants[3]: want a name`,
		`archfolio.yaml:8:3: error: unknown setting "radar.quadrnats" (did you mean "quadrants"?)`,
		`content/no-quadrant.md:6:1: warning: ring: trial but no quadrant, so the radar leaves it out; add quadrant: one of platforms, tools`,
		`content/typo.md:6:1: error: quadrant: "platfroms" is not one of the radar's quadrants in archfolio.yaml (did you mean "platforms"?); want one of: platforms, tools`,
	}
	if got := strings.TrimSpace(sitetest.DiagLines(diags)); got != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	r := radar.Of(p)
	if len(r.Blips) != 1 || r.Blips[0].Doc.ID != "fine" || r.Off != 2 || strings.Join(r.Quadrants, ",") != "platforms,tools" {
		t.Errorf("radar = %d blips, %d off, quadrants %v; want fine alone, 2 off, platforms and tools", len(r.Blips), r.Off, r.Quadrants)
	}
}

// Without quadrants there is no radar: a ring alone is no problem, a quadrant
// is one (there is nothing it can name).
func TestNoQuadrantsDeclared(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, map[string]string{
		"content/a.md": "---\nid: a\nkind: vendor\ntitle: A\nring: adopt\n---\n",
		"content/b.md": "---\nid: b\nkind: vendor\ntitle: B\nring: hold\nquadrant: tools\n---\n",
	}, today)
	want := `content/b.md:6:1: error: quadrant: "tools", but archfolio.yaml declares no quadrants; list them under radar: quadrants:`
	if got := strings.TrimSpace(sitetest.DiagLines(diags)); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if r := radar.Of(p); len(r.Blips) != 0 || r.Off != 2 {
		t.Errorf("radar has %d blips, %d off; want none, 2 off", len(r.Blips), r.Off)
	}
}

// Blips are numbered by quadrant in the order archfolio.yaml declares them,
// then by ring from adopt out (not alphabetically), then by title; a kind the
// site adds with a ring field has blips too.
func TestBlipOrder(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, sitetest.Archive("../testdata/radar/now.txtar"), today)
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	var got []string
	for i, b := range radar.Of(p).Blips {
		if b.Number != i+1 {
			t.Errorf("blip %d is numbered %d", i+1, b.Number)
		}
		got = append(got, b.Doc.ID+":"+b.RingName())
	}
	want := "openshift:adopt lowcode:trial semgrep:trial threat-modelling:adopt kafka:adopt lakehouse:assess esb:hold"
	if strings.Join(got, " ") != want {
		t.Errorf("blips = %s\nwant   %s", strings.Join(got, " "), want)
	}
}

// Compare marks each blip against the portfolio at an earlier revision: new
// when it was not on the radar, moved in when its ring is nearer the centre,
// moved out when further; a blip that has gone is listed.
func TestCompareMarksMovement(t *testing.T) {
	t.Parallel()
	now, _ := sitetest.Load(t, sitetest.Archive("../testdata/radar/now.txtar"), today)
	before, diags := sitetest.Load(t, sitetest.Archive("../testdata/radar/before.txtar"), "2026-08-27")
	if len(diags) != 0 {
		t.Fatalf("diagnostics of before:\n%s", sitetest.DiagLines(diags))
	}
	for _, b := range radar.Of(now).Blips {
		if b.Movement != radar.Unknown {
			t.Fatalf("%s has movement %q before Compare", b.Doc.ID, b.Movement)
		}
	}
	radar.Compare(now, before, "v2026.08")
	var got []string
	for _, b := range radar.Of(now).Blips {
		got = append(got, b.Doc.ID+":"+b.Movement.String())
	}
	want := "openshift:unchanged lowcode:unchanged semgrep:new threat-modelling:new kafka:moved in lakehouse:new esb:moved out"
	if strings.Join(got, " ") != want {
		t.Errorf("movement = %s\nwant       %s", strings.Join(got, " "), want)
	}
	if g := radar.Of(now).Gone; len(g) != 1 || g[0].Doc.ID != "mainframe" || g[0].RingName() != "hold" {
		t.Errorf("gone = %v, want mainframe (hold)", g)
	}
}

// The radar page: the picture, the key beside it and the table, every title
// escaped, against a golden file; once compared, with movement and its legend.
func TestRadarPageGolden(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name    string
		compare bool
	}{{"radar", false}, {"radar-movement", true}} {
		opts := sitetest.Options(t, sitetest.Site(sitetest.Archive("../testdata/radar/now.txtar")), today)
		p, diags, err := generator.Load(context.Background(), opts)
		if err != nil || len(diags) != 0 {
			t.Fatalf("%v\n%s", err, sitetest.DiagLines(diags))
		}
		if c.compare {
			before, _ := sitetest.Load(t, sitetest.Archive("../testdata/radar/before.txtar"), "2026-08-27")
			radar.Compare(p, before, "v2026.08")
		}
		out := &render.MemOutput{}
		if err := render.Render(context.Background(), p, opts, out); err != nil {
			t.Fatal(err)
		}
		page, ok := out.File("radar/index.html")
		if !ok {
			t.Fatal("no radar/index.html")
		}
		sitetest.Golden(t, "testdata/"+c.name+".html", page)
		s := string(page)
		if strings.Contains(s, "<apps>") || strings.Contains(s, "<libs>") || !strings.Contains(s, "Low-code &lt;apps&gt;") {
			t.Error("a title or quadrant reaches the page unescaped")
		}
		marks := regexp.MustCompile(`class="rd-blip rq-\d( rd-[a-z-]+)?"`).FindAllStringSubmatch(s, -1)
		var classes []string
		for _, m := range marks {
			classes = append(classes, strings.TrimSpace(m[1]))
		}
		want := ",,,,,,"
		if c.compare {
			want = ",,rd-new,rd-new,rd-moved-in,rd-new,rd-moved-out"
		}
		if strings.Join(classes, ",") != want {
			t.Errorf("%s: blip marks %q, want %q", c.name, strings.Join(classes, ","), want)
		}
		kafka, _ := out.File("vendors/kafka/index.html")
		panel := `Number 5 on the <a href="../../radar/">technology radar</a>: Data, Adopt`
		if c.compare {
			panel += ", moved in since v2026.08"
		}
		if !strings.Contains(string(kafka), panel+".</p>") || strings.Contains(string(kafka), "<dd>data</dd>") {
			t.Errorf("%s: kafka's page does not place it on the radar (%q), or shows its quadrant as written", c.name, panel)
		}
		pj, _ := out.File("portfolio.json")
		var j struct {
			Views struct {
				Radar struct {
					Blips []struct{ ID, Ring, Quadrant, Movement string }
				}
			}
		}
		if err := json.Unmarshal(pj, &j); err != nil || len(j.Views.Radar.Blips) != 7 || j.Views.Radar.Blips[1].Quadrant != "platforms" {
			t.Errorf("portfolio.json radar: %+v (%v)", j.Views.Radar, err)
		}
	}
}
