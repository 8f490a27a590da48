package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// timelineView is what timelineProbe measures of a page's roadmap timeline.
type timelineView struct {
	Page     int      `json:"page"`     // the page's width
	Viewport int      `json:"viewport"` // the viewport's
	Timeline int      `json:"timeline"` // px of quarters in view, before scrolling
	Whole    int      `json:"whole"`    // px of quarters in all
	Lanes    int      `json:"lanes"`
	Problems []string `json:"problems"`
}

// timelineProbe measures the roadmap timeline of the open page as a reader
// sees it: how much of the quarters' width is in view (cut to the viewport
// and to every box that clips it) before scrolling; then, scrolled to its far
// right, whether every lane's name and the last quarter are wholly in view.
// It reports as problems what is out of view or out of scrolling reach, text
// under 11 px or wider than its lane column, lane heads that do not line up
// with their lanes, and bar labels reaching outside the quarters (where a
// frozen lane column would cut them).
const timelineProbe = `(() => {
  const out = {problems: []}, say = (s) => out.problems.push(s);
  const de = document.documentElement;
  out.page = Math.max(de.scrollWidth, document.body.scrollWidth);
  out.viewport = de.clientWidth;
  // inView is the part of [l, r] of el's box that the viewport and el's
  // clipping ancestors show.
  const inView = (el, l, r) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (a === document.body) break;
      if (getComputedStyle(a).overflowX !== "visible") {
        const ar = a.getBoundingClientRect();
        l = Math.max(l, ar.left); r = Math.min(r, ar.right);
      }
    }
    return Math.max(0, Math.min(r, de.clientWidth) - Math.max(l, 0));
  };
  const svg = document.querySelector("svg.rm-timeline:not(.rm-strip)");
  if (!svg) { say("no timeline"); return out; }
  const cols = [...svg.querySelectorAll(".rm-grid .rm-col")].map((c) => c.getBoundingClientRect());
  const left = cols[0].left, right = cols[cols.length - 1].right;
  out.timeline = Math.round(inView(svg, left, right));
  out.whole = Math.round(right - left);
  for (const l of svg.querySelectorAll(".rm-label")) {
    const r = l.getBoundingClientRect();
    if (r.left < left - 0.5 || r.right > right + 0.5) say("bar label " + JSON.stringify(l.textContent) + " reaches outside the quarters (" + Math.round(r.left - left) + " px)");
  }
  const scroller = svg.closest(".rm-scroll"), reach = scroller.getBoundingClientRect().left + scroller.clientLeft;
  if (left < reach - 0.5) say("the first quarter starts " + Math.round(reach - left) + " px out of the scrolling box's reach");
  // Beside a frozen lane column, whose edge is a line, no line of the
  // timeline's own (its start) may show: a double line.
  const frozen = document.querySelector("svg.rm-heads");
  if (frozen && frozen.getBoundingClientRect().width > 0) {
    const edge = frozen.getBoundingClientRect().right;
    for (const l of svg.querySelectorAll(".rm-year-line")) {
      const r = l.getBoundingClientRect(); // a vertical line's box has no width; its stroke is 2 px
      if (r.height > 0 && inView(l, r.left - 1, r.right + 1) > 0 && r.left < edge + 6) say("a year line shows " + Math.round(r.left - edge) + " px from the frozen lane column's edge: a double line");
    }
  }
  scroller.scrollLeft = scroller.scrollWidth;
  const last = [...svg.querySelectorAll(".rm-grid .rm-col")].pop().getBoundingClientRect();
  if (inView(svg, last.left, last.right) < last.width - 0.5) say("scrolled to its end, the timeline's last quarter is not wholly in view (" + Math.round(last.left) + " to " + Math.round(last.right) + ")");
  const names = [...svg.querySelectorAll(".rm-lane .rm-lane-title")];
  out.lanes = names.length;
  const squash = (s) => s.replace(/\s+/g, "");
  const shown = [...document.querySelectorAll("text.rm-lane-title")].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && inView(t, r.left, r.right) >= r.width - 0.5;
  }).map((t) => squash(t.textContent));
  for (const n of names) if (!shown.includes(squash(n.textContent))) say("lane " + JSON.stringify(n.textContent) + " is out of view scrolled to the right");
  const heads = document.querySelector("svg.rm-heads");
  if (heads && heads.getBoundingClientRect().width > 0) {
    const hr = heads.getBoundingClientRect(), scale = hr.width / heads.viewBox.baseVal.width;
    const bands = [...svg.querySelectorAll(".rm-lane-band")].map((b) => b.getBoundingClientRect());
    [...heads.querySelectorAll(".rm-lane")].forEach((lane, i) => {
      const band = lane.querySelector(".rm-lane-band").getBoundingClientRect();
      if (!bands[i] || Math.abs(band.top - bands[i].top) > 0.5 || Math.abs(band.bottom - bands[i].bottom) > 0.5) say("lane head " + i + " does not line up with its lane");
      let above = band.top;
      for (const t of lane.querySelectorAll("tspan")) {
        const r = t.getBoundingClientRect(), px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < 10.95) say(JSON.stringify(t.textContent) + " is " + px.toFixed(1) + " px");
        if (r.right > hr.right - 2 * scale) say(JSON.stringify(t.textContent) + " is wider than the lane column by " + Math.round(r.right - hr.right + 2 * scale) + " px");
        if (r.top < above - 0.5 || r.bottom > band.bottom) say(JSON.stringify(t.textContent) + " overlaps the line above it or leaves its lane");
        above = r.bottom;
      }
    });
  }
  return out;
})()`

// TestRoadmapTimelineOnAPhone lays out the sample site's roadmap pages at 390
// px, with and without JavaScript, and at 800 px (a tablet, the same frozen
// lane column), and asserts that a reader sees a timeline worth the name: the
// page keeps the screen's width, at least 240 px of it is quarters, and the
// lane names stay in view when the timeline is scrolled to its end. At 1366 px
// the timeline shows whole, lane column and all.
func TestRoadmapTimelineOnAPhone(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 900)
	out, _ := sharedRender(t, "..")
	dir := writeSite(t, out)
	for _, tc := range []struct {
		width     int64
		scripts   bool
		timeline  int // px of quarters in view at least
		wholeView bool
	}{
		{390, true, 240, false},
		{390, false, 240, false},
		{800, true, 240, false},
		{1366, true, 0, true},
	} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(tc.width, 900)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !tc.scripts}); err != nil {
			t.Fatal(err)
		}
		for _, page := range []string{"roadmap/iam/", "roadmap/"} {
			where := fmt.Sprintf("%s at %d px (scripts %v)", page, tc.width, tc.scripts)
			url := "file://" + filepath.ToSlash(filepath.Join(dir, page, "index.html"))
			if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			v, err := chromedp.Run(ctx, chromedp.Evaluate[timelineView](timelineProbe))
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			t.Logf("%s: page %d px in %d, %d of %d px of timeline in view, %d lanes", where, v.Page, v.Viewport, v.Timeline, v.Whole, v.Lanes)
			if v.Page > v.Viewport+1 {
				t.Errorf("%s: the page is %d px wide in a %d px viewport", where, v.Page, v.Viewport)
			}
			if v.Timeline < tc.timeline {
				t.Errorf("%s: %d px of timeline in view, want at least %d", where, v.Timeline, tc.timeline)
			}
			if tc.wholeView && v.Timeline < v.Whole {
				t.Errorf("%s: %d of the timeline's %d px in view, want all", where, v.Timeline, v.Whole)
			}
			if v.Lanes == 0 {
				t.Errorf("%s: the timeline has no lanes", where)
			}
			for _, p := range v.Problems {
				t.Errorf("%s: %s", where, p)
			}
			if shots := os.Getenv("ARCHFOLIO_SCREENSHOTS"); shots != "" && tc.scripts && page == "roadmap/iam/" {
				// The timeline as the probe left it: scrolled to its end.
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".rm-figure").scrollIntoView(), true`)); err != nil {
					t.Fatal(err)
				}
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				saveArtefact(t, shots, fmt.Sprintf("roadmap-timeline-end-%d.png", tc.width), png)
			}
		}
	}
}
