package roadmap_test

import (
	"archfolio/generator/roadmap"
	"archfolio/generator/sitetest"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
)

func TestTimelineGolden(t *testing.T) {
	t.Parallel()
	p, diags := sitetest.Load(t, roadmapSite(nil), roadmapToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	tr := roadmap.Of(p).Tracks[0]
	svg := string(roadmap.TimelineSVG(tr, p.Today, tr.URL))
	checkWellFormed(t, svg)
	sitetest.Golden(t, "testdata/timeline.golden.svg", []byte(svg+"\n"))
	strip := string(roadmap.ItemStripSVG(roadmap.Of(p).ByID["rm-mfa-rollout"], tr, p.Today))
	checkWellFormed(t, strip)
	sitetest.Golden(t, "testdata/strip.golden.svg", []byte(strip+"\n"))
}

func TestTimelineShowsStatusSlipMilestonesAndArrows(t *testing.T) {
	t.Parallel()
	p, _ := sitetest.Load(t, roadmapSite(nil), roadmapToday)
	tr := roadmap.Of(p).Tracks[0]
	svg := string(roadmap.TimelineSVG(tr, p.Today, tr.URL))
	for _, want := range []string{
		`class="rm-item rm-status-in-progress rm-slipped"`,                // the slipped item is marked…
		`<rect class="rm-slip-tail"`,                                      // …with a tail to today…
		`>⚠ ▶ MFA for all staff</text>`,                                   // …and a sign in its label
		`class="rm-item rm-status-on-hold"`, `fill="url(#rmt-iam-hatch)"`, // hatched
		`<line class="rm-strike"`, // cancelled: struck through
		`class="rm-milestone rm-ms-done"`, `class="rm-milestone rm-ms-due"`, `class="rm-milestone rm-ms-missed"`,
		`<title>Milestone: All staff enrolled — 2026-09-15 — missed</title>`,
		`<path class="rm-dep rm-dep-warn"`, `<title>Passkeys for staff depends on MFA for all staff, but starts before it ends</title>`,
		`<path class="rm-dep" d=`,
		`<title>Today: 2026-11-27</title>`,
		`>Maturity: initial → advanced</text>`, // declared in archfolio.yaml
		`>Maturity: initial → optimal</text>`,  // from the items
		`>2025</text>`, `>2026</text>`, `>2027</text>`, `>Q3</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("timeline lacks %s", want)
		}
	}
}

func TestTimelineEscapesHostileValues(t *testing.T) {
	t.Parallel()
	hostile := `</svg><script>alert(1)</script> " onload="alert(2)" & 'x' ` + "\x07bell"
	files := roadmapSite(sitetest.Archive("../testdata/roadmap/timeline-escapes-hostile-values.txtar"))
	out, _ := sitetest.Render(t, files, roadmapToday)
	p, _ := sitetest.Load(t, files, roadmapToday)
	it := roadmap.Of(p).ByID["rm-evil"]
	if it.Doc.Title != hostile {
		t.Fatalf("fixture title = %q", it.Doc.Title)
	}
	for _, tr := range roadmap.Of(p).Tracks {
		svg := string(roadmap.TimelineSVG(tr, p.Today, tr.URL))
		checkWellFormed(t, svg)
		for _, bad := range []string{"<script", "<img", ` onload="`, "\x07", "</title> &"} {
			if strings.Contains(svg, bad) {
				t.Errorf("track %s: the SVG contains %q unescaped", tr.Slug, bad)
			}
		}
	}
	tr := it.Track
	titles := svgTitles(t, string(roadmap.TimelineSVG(tr, p.Today, tr.URL)))
	wantTitle := strings.ReplaceAll(hostile, "\x07", "\uFFFD") + " — In progress, slipped: ended 2026-06-30 and not done — 2026-Q1 to 2026-Q2 (2026-01-01 to 2026-06-30)"
	for _, want := range []string{wantTitle, `Milestone: <b>bold</b> & "quoted" — 2026-02-01 — missed`} {
		if !slices.Contains(titles, want) {
			t.Errorf("no <title> reads %q; titles:\n%s", want, strings.Join(titles, "\n"))
		}
	}
	page, ok := out.File(tr.URL + "index.html")
	if !ok {
		t.Fatalf("no page %s; files: %v", tr.URL, out.Names())
	}
	for _, bad := range []string{"<script>alert", "<img src=x", ` onload="alert`} {
		if strings.Contains(string(page), bad) {
			t.Errorf("%s contains %q unescaped", tr.URL, bad)
		}
	}
}

func TestEveryBarLinksToAnExistingPage(t *testing.T) {
	t.Parallel()
	files := roadmapSite(map[string]string{
		"content/roadmap/rm-cloud-keys.md": "\n---\nkind: roadmap\ntitle: Cloud keys\ntrack: cloud\ncapability: workload-identity\nstart: 2026-Q4\nend: 2027-Q2\n---\n",
	})
	out, _ := sitetest.Render(t, files, roadmapToday)
	p, _ := sitetest.Load(t, files, roadmapToday)
	pages := map[string]*roadmap.Track{"roadmap/": nil}
	for _, tr := range roadmap.Of(p).Tracks {
		pages[tr.URL] = tr
	}
	for pageURL, tr := range pages {
		body, ok := out.File(pageURL + "index.html")
		if !ok {
			t.Fatalf("no %s", pageURL)
		}
		svg := extractTimeline(string(body))
		if tr == nil {
			if svg != "" {
				t.Errorf("the overview of several tracks has a timeline")
			}
			continue
		}
		var linked []string
		for _, href := range svgLinks(t, svg) {
			target := path.Join(pageURL, href) + "/"
			if _, ok := out.File(target + "index.html"); !ok || strings.HasPrefix(href, "/") || strings.Contains(href, ":") {
				t.Errorf("%s: bar links to %q (%s), which is not a page of the site", pageURL, href, target)
			}
			linked = append(linked, target)
		}
		var want []string
		for _, it := range tr.Items {
			if it.Dated {
				want = append(want, it.Doc.URL)
			}
		}
		slices.Sort(linked)
		slices.Sort(want)
		if !slices.Equal(linked, want) || len(want) == 0 {
			t.Errorf("%s: bars link to\n%v\nwant one per dated item:\n%v", pageURL, linked, want)
		}
	}
}

// extractTimeline returns the timeline SVG of a page, or "".
func extractTimeline(page string) string {
	start := strings.Index(page, `<svg xmlns="http://www.w3.org/2000/svg" class="rm-timeline"`)
	if start < 0 {
		return ""
	}
	end := strings.Index(page[start:], "</svg>")
	if end < 0 {
		return page[start:]
	}
	return page[start : start+end+len("</svg>")]
}

// svgLinks returns the href of every <a> in an SVG document.
func svgLinks(t *testing.T, svg string) []string {
	t.Helper()
	var hrefs []string
	walkSVG(t, svg, func(el xml.StartElement, _ string) {
		if el.Name.Local == "a" {
			for _, a := range el.Attr {
				if a.Name.Local == "href" {
					hrefs = append(hrefs, a.Value)
				}
			}
		}
	})
	return hrefs
}

// svgTitles returns the text of every <title> in an SVG document, unescaped.
func svgTitles(t *testing.T, svg string) []string {
	t.Helper()
	var titles []string
	walkSVG(t, svg, func(el xml.StartElement, text string) {
		if el.Name.Local == "title" {
			titles = append(titles, text)
		}
	})
	return titles
}

// walkSVG parses an SVG strictly, calling fn for each element with its direct text.
func walkSVG(t *testing.T, svg string, fn func(el xml.StartElement, text string)) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var stack []xml.StartElement
	var texts []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Copy())
			texts = append(texts, "")
		case xml.CharData:
			if len(texts) > 0 {
				texts[len(texts)-1] += string(tok)
			}
		case xml.EndElement:
			fn(stack[len(stack)-1], texts[len(texts)-1])
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("the SVG has %d unclosed elements", len(stack))
	}
}

func checkWellFormed(t *testing.T, svg string) {
	t.Helper()
	walkSVG(t, svg, func(xml.StartElement, string) {})
}
