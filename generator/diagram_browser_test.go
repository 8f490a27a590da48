package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// diagramProblems is run in a page: for every dependency map it lists text
// drawn under 11 px as the page opens, an edge label that overlaps another
// label or a box, the text of a box that leaves it or runs into another box,
// a label cut short, and a line style the map draws that no legend beside it
// explains. Positions are the browser's own (getBoundingClientRect), so the
// check holds for the fonts the reader gets, not the generator's estimate.
const diagramProblems = `(() => {
  const out = [];
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const text = (el) => JSON.stringify(el.textContent.trim());
  for (const svg of document.querySelectorAll("svg.depmap")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll("text")) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (t.textContent.trim() !== "" && px < 10.95) out.push(svg.id + ": " + text(t) + " is " + px.toFixed(1) + " px");
    }
    const boxes = [...svg.querySelectorAll(".node")].map((n) => ({ node: n, r: n.querySelector("rect").getBoundingClientRect() }));
    const labels = [...svg.querySelectorAll(".edge-label")].map((l) => ({ el: l, r: l.getBoundingClientRect() }));
    labels.forEach((a, i) => {
      if (a.el.textContent.includes("…")) out.push(svg.id + ": edge label " + text(a.el) + " is cut");
      labels.slice(i + 1).forEach((b) => { if (overlap(a.r, b.r)) out.push(svg.id + ": edge labels " + text(a.el) + " and " + text(b.el) + " overlap"); });
      boxes.forEach((b) => { if (overlap(a.r, b.r)) out.push(svg.id + ": edge label " + text(a.el) + " overlaps the box of " + text(b.node.querySelector("title"))); });
    });
    for (const b of boxes) {
      for (const t of b.node.querySelectorAll("text")) {
        const r = t.getBoundingClientRect();
        if (r.left < b.r.left - 0.5 || r.right > b.r.right + 0.5 || r.top < b.r.top - 0.5 || r.bottom > b.r.bottom + 0.5)
          out.push(svg.id + ": " + text(t) + " leaves its box");
        boxes.forEach((o) => { if (o !== b && overlap(r, o.r)) out.push(svg.id + ": " + text(t) + " runs into the box of " + text(o.node.querySelector("title"))); });
      }
    }
    const styles = new Set();
    for (const e of svg.querySelectorAll(".edge")) {
      const cls = [...e.classList].filter((c) => c !== "edge");
      if (cls.length === 0) styles.add("");
      cls.forEach((c) => styles.add(c));
    }
    let legend = svg.closest("figure").previousElementSibling;
    while (legend && !legend.matches("ul.depmap-legend")) legend = legend.previousElementSibling;
    for (const s of styles) {
      const key = legend && legend.querySelector(".legend-key.line" + (s ? "." + s : "") + (s ? "" : ":not(.flag):not(.back):not(.many)"));
      if (!key) out.push(svg.id + ": no legend for the line style " + JSON.stringify(s || "solid"));
    }
  }
  return out;
})()`

// timelineProblems is run in a page: for every roadmap timeline it lists text
// under 11 px, and text that today's line or a milestone diamond crosses.
const timelineProblems = `(() => {
  const out = [];
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const svg of document.querySelectorAll("svg.rm-timeline")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() !== "" && !t.closest(".rm-today"));
    for (const t of texts) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 10.95) out.push(svg.id + ": " + JSON.stringify(t.textContent) + " is " + px.toFixed(1) + " px");
    }
    const marks = [...svg.querySelectorAll(".rm-today line")].map((l) => ["today's line", l]).concat(
      [...svg.querySelectorAll(".rm-milestone")].map((m) => ["milestone " + JSON.stringify(m.querySelector("title").textContent), m]));
    for (const [what, el] of marks) {
      const r = el.getBoundingClientRect();
      for (const t of texts) if (overlap(r, t.getBoundingClientRect())) out.push(svg.id + ": " + what + " crosses " + JSON.stringify(t.textContent));
    }
  }
  return out;
})()`

// TestDiagramsAreLegibleInChromium opens pages of the sample portfolio and of
// the cycle example that draw a dependency map or a roadmap timeline, at
// 1366 px, and holds each to the legibility rules of diagramProblems and
// timelineProblems.
func TestDiagramsAreLegibleInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 900)
	for _, site := range []struct {
		root  string
		pages []string
	}{
		{"..", []string{"dependencies/", "blueprints/payments-gateway/", "blueprints/customer-identity-platform/",
			"blueprints/claims-core-platform/", "blueprints/legacy-ldap-directory/", "roadmap/", "roadmap/iam/",
			"roadmap/items/rm-mfa-legacy-apps/", "threat-models/tm-claims-intake-portal/"}},
		{"../examples/cycle", []string{"dependencies/"}},
	} {
		out, _ := renderSite(t, siteOptions(t, site.root))
		dir := writeSite(t, out)
		for _, page := range site.pages {
			url := "file://" + filepath.ToSlash(filepath.Join(dir, page, "index.html"))
			if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			maps, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.depmap, svg.rm-timeline").length`))
			if err != nil || maps == 0 {
				t.Fatalf("%s/%s: %d diagrams (%v)", site.root, page, maps, err)
			}
			var problems []string
			for _, check := range []string{diagramProblems, timelineProblems} {
				found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](check))
				if err != nil {
					t.Fatal(err)
				}
				problems = append(problems, found...)
			}
			if len(problems) > 0 {
				t.Errorf("%s/%s:\n%s", site.root, page, strings.Join(problems, "\n"))
			}
		}
	}
}
