package generator_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"archfolio/generator/sitetest"

	"github.com/chromedp/chromedp"
)

// radarProblems is run in a page: for the radar it lists text drawn under
// 11 px as the page opens, a blip that is not a link with a name starting with
// its number, a number that is not on its disc, two blips (with their marks)
// closer than they may be, and a ring or quadrant label that overlaps another
// label or a blip. Positions are the browser's own.
const radarProblems = `(() => {
  const out = [];
  const svg = document.querySelector("svg.radar");
  if (!svg) return ["no radar"];
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll("text")) {
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (t.textContent.trim() !== "" && px < 10.95) out.push(JSON.stringify(t.textContent) + " is " + px.toFixed(1) + " px");
  }
  const blips = [...svg.querySelectorAll(".rd-blip")].map((a) => {
    const r = a.querySelector(".rd-dot").getBoundingClientRect();
    return { a, r, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, num: a.querySelector(".rd-num") };
  });
  blips.forEach((b, i) => {
    const name = b.a.getAttribute("aria-label") || "";
    if (b.a.tagName !== "a" || !b.a.getAttribute("href")) out.push("blip " + (i + 1) + " is not a link");
    if (!name.startsWith((i + 1) + ". ")) out.push("blip " + (i + 1) + " is named " + JSON.stringify(name));
    const n = b.num.getBoundingClientRect();
    if (b.num.textContent !== String(i + 1) || n.left < b.r.left - 1 || n.right > b.r.right + 1)
      out.push("number " + JSON.stringify(b.num.textContent) + " is not on the disc of blip " + (i + 1));
    const least = 2 * 13.5 * scale;
    blips.slice(i + 1).forEach((o, j) => {
      const d = Math.hypot(b.x - o.x, b.y - o.y);
      if (d < least - 0.5) out.push("blips " + (i + 1) + " and " + (i + j + 2) + " are " + d.toFixed(1) + " px apart");
    });
  });
  const labels = [...svg.querySelectorAll(".rd-ring-label, .rd-quadrant-label")].map((l) => ({ l, r: l.getBoundingClientRect() }));
  labels.forEach((a, i) => {
    labels.slice(i + 1).forEach((b) => { if (overlap(a.r, b.r)) out.push("labels " + JSON.stringify(a.l.textContent) + " and " + JSON.stringify(b.l.textContent) + " overlap"); });
    blips.forEach((b) => { if (overlap(a.r, b.r)) out.push("label " + JSON.stringify(a.l.textContent) + " overlaps blip " + b.num.textContent); });
  });
  return out;
})()`

// TestRadarIsLegibleInChromium opens the sample portfolio's radar and a
// crowded one (60 blips, 30 of them in one ring of one quadrant) at 1366 px:
// every blip is a link named by its number and title, no text is under 11 px,
// and nothing overlaps (radarProblems). A blip's link leads to its document.
// The sample's table sorts its ring and quadrant columns in their declared
// order, not the alphabet.
func TestRadarIsLegibleInChromium(t *testing.T) {
	t.Parallel()
	crowded := map[string]string{"archfolio.yaml": "radar:\n  quadrants: [platforms, tools, techniques, languages-and-frameworks]\n"}
	rings := []string{"adopt", "trial", "assess", "hold"}
	quadrants := []string{"platforms", "tools", "techniques", "languages-and-frameworks"}
	for i := range 60 {
		q, ring := quadrants[i%4], rings[(i/4)%4]
		if i >= 30 {
			q, ring = "tools", "trial"
		}
		crowded[fmt.Sprintf("content/v%02d.md", i)] = fmt.Sprintf("---\nkind: vendor\ntitle: Product %02d\nring: %s\nquadrant: %s\n---\n", i, ring, q)
	}
	ctx := newBrowserTab(t, 1366, 900)
	for _, site := range []struct {
		name  string
		blips int
		files func() string
	}{
		{"sample", 9, func() string { out, _ := renderSite(t, siteOptions(t, "..")); return writeSite(t, out) }},
		{"crowded", 60, func() string { out, _ := sitetest.Render(t, crowded, sitetest.Today); return writeSite(t, out) }},
	} {
		dir := site.files()
		url := "file://" + filepath.ToSlash(filepath.Join(dir, "radar", "index.html"))
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.radar a.rd-blip").length`))
		if err != nil || n != site.blips {
			t.Fatalf("%s: %d blips (%v), want %d", site.name, n, err, site.blips)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](radarProblems))
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			t.Errorf("%s radar:\n%s", site.name, strings.Join(problems, "\n"))
		}
		if site.name == "sample" {
			checkRadarTableSorts(t, ctx)
		}
		first, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => { const a = document.querySelector("svg.radar a.rd-blip"); return [a.getAttribute("aria-label"), new URL(a.getAttribute("href"), location.href).href]; })()`))
		if err != nil {
			t.Fatal(err)
		}
		name := first[0]
		href := first[1] // the site's script adds index.html to links on file:// pages
		if strings.HasSuffix(href, "/") {
			href += "index.html"
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(href)); err != nil {
			t.Fatal(err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		if _, title, _ := strings.Cut(name, ". "); !strings.HasPrefix(title, strings.TrimSpace(h1)+":") {
			t.Errorf("%s: the first blip, %q, opens a page headed %q", site.name, name, h1)
		}
	}
}

// checkRadarTableSorts clicks the sort buttons of the radar table's ring and
// quadrant columns and reads each column back.
func checkRadarTableSorts(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, c := range []struct {
		col  int
		want string
	}{
		{2, "Adopt|Adopt|Adopt|Adopt|Trial|Trial|Assess|Assess|Hold"},
		{1, "Identity and access|Identity and access|Security tooling|Security tooling|Platforms|Platforms|Data and integration|Data and integration|Data and integration"},
	} {
		js := `(() => {
  const table = document.getElementById("radar-table");
  table.tHead.rows[0].cells[` + strconv.Itoa(c.col) + `].querySelector("button.sort").click();
  return [...table.tBodies[0].rows].map((r) => r.cells[` + strconv.Itoa(c.col) + `].textContent.trim()).join("|");
})()`
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("radar table sorted by column %d: %s\nwant %s", c.col, got, c.want)
		}
	}
}
