package generator_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor evaluates js (an expression giving a string) until it is not empty,
// and returns it; the test fails after 30 s.
func waitFor(t *testing.T, ctx context.Context, what, js string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		if got != "" {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: still nothing after 30 s", what)
	return ""
}

func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestMermaidDiagramsInChromium opens the reader fixture from disk: a page
// with a diagram shows it as an SVG in place of its source, and draws it again
// in the dark theme when the reader switches; a page with a diagram mermaid
// cannot parse shows mermaid's error above the source; a page without one
// never loads mermaid.
func TestMermaidDiagramsInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1200, 900)
	dir := writeSite(t, renderReader(t, nil))
	open := func(page string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(dir, page)))); err != nil {
			t.Fatal(err)
		}
	}

	open("blueprints/claims-intake/index.html")
	svg := waitFor(t, ctx, "the diagram", `(function () {
  var svg = document.querySelector(".mermaid-diagram > svg");
  return svg && svg.querySelector("g") ? svg.id : "";
})()`)
	if text := evaluate[string](t, ctx, `document.querySelector(".mermaid-diagram > svg").textContent`); !strings.Contains(text, "Broker portal") || !strings.Contains(text, "Claims intake") {
		t.Errorf("the diagram lacks its labels: %q", text)
	}
	if !evaluate[bool](t, ctx, `document.querySelector("pre.mermaid").hidden && !document.querySelector("script:not([src])")`) {
		t.Error("the source still shows beside the diagram, or a label's markup ran")
	}
	light := evaluate[string](t, ctx, `document.querySelector(".mermaid-diagram > svg").outerHTML`)
	evaluate[bool](t, ctx, `(document.querySelector(".theme-toggle").click(), true)`)
	waitFor(t, ctx, "the diagram drawn again", `(function () {
  var svg = document.querySelector(".mermaid-diagram > svg");
  return svg && svg.id !== `+jsString(svg)+` ? svg.id : "";
})()`)
	if dark := evaluate[string](t, ctx, `document.querySelector(".mermaid-diagram > svg").outerHTML`); dark == light {
		t.Error("the diagram is the same in the dark theme")
	}
	// On a phone the diagram keeps its text at 11 px and its box scrolls
	// sideways, as a region a keyboard can reach.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800)); err != nil {
		t.Fatal(err)
	}
	narrow := evaluate[string](t, ctx, `(function () {
  var box = document.querySelector(".mermaid-diagram"), svg = box.querySelector("svg");
  var px = parseFloat(getComputedStyle(svg.querySelector("text, foreignObject *")).fontSize) * svg.getScreenCTM().a;
  return px.toFixed(1) + " px, " + (box.scrollWidth > box.clientWidth ? "scrolls" : "fits") + ", " +
    box.getAttribute("role") + " " + box.tabIndex + " " + JSON.stringify(box.getAttribute("aria-label"));
})()`)
	if want := `11.0 px, scrolls, region 0 "Diagram (scroll sideways to see all of it)"`; narrow != want {
		t.Errorf("at 390 px the diagram is %s, want %s", narrow, want)
	}

	open("guides/broken-diagram/index.html")
	msg := waitFor(t, ctx, "mermaid's error", `(function () {
  var e = document.querySelector(".mermaid-error");
  return e ? e.textContent : "";
})()`)
	if !strings.Contains(msg, "could not be drawn") || !strings.Contains(strings.ToLower(msg), "error") {
		t.Errorf("the error says %q", msg)
	}
	if !evaluate[bool](t, ctx, `!document.querySelector("pre.mermaid").hidden && !document.querySelector(".mermaid-diagram svg")`) {
		t.Error("the broken diagram's source is hidden, or something was drawn")
	}

	open("guides/plain/index.html")
	if !evaluate[bool](t, ctx, `typeof window.mermaid === "undefined" && !performance.getEntriesByType("resource").some(function (r) { return /mermaid|diagrams/.test(r.name); })`) {
		t.Error("a page without a diagram loaded mermaid")
	}
}

// TestThemeSwitchInChromium switches to the dark theme and back on a page
// opened from disk: the choice changes the colours, and a reload keeps it
// (localStorage); the script that applies it comes first in the head, before
// the stylesheet, so the page is never drawn in the other theme first.
func TestThemeSwitchInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1200, 900)
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, renderReader(t, nil)), "guides", "plain", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	state := `(function () {
  var b = document.querySelector(".theme-toggle");
  return [document.documentElement.getAttribute("data-theme") || "system", b.hidden ? "hidden" : "shown",
    b.getAttribute("aria-pressed"), getComputedStyle(document.body).backgroundColor].join(" ");
})()`
	if got, want := evaluate[string](t, ctx, state), "system shown false rgb(255, 255, 255)"; got != want {
		t.Errorf("at first: %q, want %q", got, want)
	}
	if !evaluate[bool](t, ctx, `(function () {
  var first = document.head.querySelector("script, link[rel=stylesheet]");
  return first.tagName === "SCRIPT" && /assets\/theme\.js$/.test(first.src) && !first.defer && !first.async;
})()`) {
		t.Error("theme.js is not the head's first script, before the stylesheets")
	}
	for _, step := range []struct{ action, want string }{
		{"click", "dark shown true rgb(13, 17, 23)"},
		{"reload", "dark shown true rgb(13, 17, 23)"},
		{"click", "light shown false rgb(255, 255, 255)"},
		{"reload", "light shown false rgb(255, 255, 255)"},
	} {
		var err error
		if step.action == "click" {
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector(".theme-toggle").click(), true)`))
		} else {
			err = chromedp.Do(ctx, chromedp.Reload())
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := evaluate[string](t, ctx, state); got != step.want {
			t.Errorf("after %s: %q, want %q", step.action, got, step.want)
		}
	}
}
