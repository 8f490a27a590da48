package generator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// layoutWidths are the screen widths every page of the sample site is laid
// out at: a laptop and a phone.
var layoutWidths = []int64{1366, 390}

// The printable area of an A4 page with 10 mm margins, in inches and in CSS
// px (96 to the inch): what a printed page lays its content out in.
const (
	a4Width, a4Height = 8.27, 11.69
	printMargin       = 10 / 25.4
	printWidth        = 718  // (a4Width - 2*printMargin) * 96, rounded down
	printHeight       = 1046 // (a4Height - 2*printMargin) * 96, rounded down
)

// keyPages are the pages whose screenshots and PDFs a run keeps in
// ARCHFOLIO_SCREENSHOTS, for a person to look at.
var keyPages = map[string]string{
	"index.html":                                   "home",
	"blueprints/payments-gateway/index.html":       "blueprint",
	"matrix/index.html":                            "matrix",
	"roadmap/index.html":                           "roadmap",
	"risks/index.html":                             "risks",
	"threat-models/tm-payments-gateway/index.html": "threat-model",
}

// axeRun runs axe-core over the page and returns each violation as a line:
// the rule, what it asks and the first elements that break it.
// Its argument is the rules to run, or null for all.
const axeRun = `axe.run(document, {resultTypes: ["violations"], runOnly: %s || undefined}).then(function (r) {
  return r.violations.map(function (v) {
    return "axe " + v.id + ": " + v.help + ": " + v.nodes.slice(0, 4).map(function (n) {
      return n.target.join(" ") + (n.any.concat(n.all)[0] ? " (" + n.any.concat(n.all)[0].message + ")" : "");
    }).join("; ");
  });
})`

// TestLayoutOfTheSampleSite lays out every page of the sample portfolio in
// one headless Chromium, at 1366 and 390 px wide and then as printed on A4,
// and reports what testdata/layout/probe.js finds: a page wider than the
// viewport, table or figure boxes that overlap, repeated ids, text cut off,
// sideways scrolling that is not a focusable named region, frozen columns
// that leave little to scroll, unreadably small drawings, and on paper a
// sidebar before the document, anything wider than the printable width, an
// unbreakable box taller than a page or pushed off an almost empty page 1,
// or a heading that may end a page; and, with JavaScript off, a page of each
// layout wider than the phone's viewport. With ARCHFOLIO_AXE (the path of
// axe-core's axe.min.js; .ci/run installs it), it also runs axe-core on every
// page in the light and in the dark scheme. With ARCHFOLIO_SCREENSHOTS it
// saves the key pages there as PNG (both widths) and PDF. While mending a
// page, ARCHFOLIO_LAYOUT_PAGES (a regular expression) checks only the pages
// whose names match it.
func TestLayoutOfTheSampleSite(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	probe, err := os.ReadFile(filepath.Join("testdata", "layout", "probe.js"))
	if err != nil {
		t.Fatal(err)
	}
	lr := &layoutRun{t: t, probe: string(probe), axe: axeSource(t), shots: os.Getenv("ARCHFOLIO_SCREENSHOTS")}
	out, _ := sharedRender(t, "..")
	// Served over HTTP, as a reader gets it: the 404 page's links start at
	// the site's root.
	site := httptest.NewServer(http.FileServer(http.Dir(writeSite(t, out))))
	t.Cleanup(site.Close)
	lr.root = site.URL + "/"
	only := regexp.MustCompile(os.Getenv("ARCHFOLIO_LAYOUT_PAGES"))
	for _, name := range out.Names() {
		if strings.HasSuffix(name, ".html") && only.MatchString(name) {
			lr.pages = append(lr.pages, name)
		}
	}
	slices.Sort(lr.pages)
	for name := range keyPages {
		if !only.MatchString(name) {
			continue
		}
		if _, ok := slices.BinarySearch(lr.pages, name); !ok {
			t.Errorf("key page %s is not in the sample site", name)
		}
	}

	lr.ctx = newBrowserTabFor(t, 1366, 900, 35*time.Minute)
	if lr.axe != "" {
		if _, err := chromedp.Call(lr.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: lr.axe}); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	for _, width := range layoutWidths {
		lr.onScreen(width)
	}
	lr.withoutScripts(layoutWidths[len(layoutWidths)-1])
	lr.onPaper()
	t.Logf("%d pages laid out at %v px and in print, axe-core %v, in %s",
		len(lr.pages), layoutWidths, lr.axe != "", time.Since(start).Round(time.Second))
}

// layoutRun is one run of TestLayoutOfTheSampleSite: the pages, where they
// are served, the browser tab and what runs in it.
type layoutRun struct {
	t                 *testing.T
	ctx               context.Context
	root              string   // the site's URL, ending in "/"
	pages             []string // every HTML page, sorted
	probe, axe, shots string
}

// open loads a page of the site.
func (lr *layoutRun) open(name string) {
	lr.t.Helper()
	if err := chromedp.Do(lr.ctx, chromedp.Navigate(lr.root+name)); err != nil {
		lr.t.Fatalf("%s: %v", name, err)
	}
}

// viewport sets the width and height the page is laid out in.
func (lr *layoutRun) viewport(width, height int64) {
	lr.t.Helper()
	if err := chromedp.Do(lr.ctx, chromedp.EmulateViewport(width, height)); err != nil {
		lr.t.Fatal(err)
	}
}

// check runs script, which returns the problems it finds, on the open page
// and reports each.
func (lr *layoutRun) check(name, where, script string, opts ...chromedp.EvaluateOption) {
	lr.t.Helper()
	problems, err := chromedp.Run(lr.ctx, chromedp.Evaluate[[]string](script, opts...))
	if err != nil {
		lr.t.Fatalf("%s %s: %v", name, where, err)
	}
	for _, p := range problems {
		lr.t.Errorf("%s %s: %s", name, where, p)
	}
}

// onScreen checks every page at a screen width, with axe-core when it has it.
func (lr *layoutRun) onScreen(width int64) {
	lr.viewport(width, 900)
	where := fmt.Sprintf("at %d px", width)
	for _, name := range lr.pages {
		lr.open(name)
		lr.check(name, where, lr.probe+"(false, 0, 0)")
		if lr.axe != "" {
			for _, run := range axeRuns(width) {
				setMedia(lr.t, lr.ctx, "", run.scheme)
				lr.check(name, where+" in the "+run.scheme+" scheme", fmt.Sprintf(axeRun, run.only), chromedp.EvalAwaitPromise)
			}
			setMedia(lr.t, lr.ctx, "", "light")
		}
		if key := keyPages[name]; key != "" && lr.shots != "" {
			png, err := chromedp.Run(lr.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				lr.t.Fatal(err)
			}
			saveArtefact(lr.t, lr.shots, fmt.Sprintf("%s-%d.png", key, width), png)
		}
	}
}

// withoutScripts checks, with JavaScript off, the page of each layout (every
// section's index and one document of each kind) at a screen width: the page
// keeps the viewport's width, since no script wraps its wide tables.
func (lr *layoutRun) withoutScripts(width int64) {
	lr.viewport(width, 900)
	scripts := func(off bool) {
		if _, err := chromedp.Call(lr.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off}); err != nil {
			lr.t.Fatal(err)
		}
	}
	scripts(true)
	defer scripts(false)
	where := fmt.Sprintf("at %d px without JavaScript", width)
	seen := map[string]bool{}
	for _, name := range lr.pages {
		section, rest, _ := strings.Cut(name, "/")
		layout := fmt.Sprint(section, strings.Count(rest, "/"))
		if seen[layout] {
			continue
		}
		seen[layout] = true
		lr.open(name)
		lr.check(name, where, pageWidthProbe)
	}
}

// pageWidthProbe reports a page wider than the viewport.
const pageWidthProbe = `(function () {
  var de = document.documentElement, width = Math.max(de.scrollWidth, document.body.scrollWidth);
  return width > de.clientWidth + 1 ? ["the page is " + width + " px wide in a " + de.clientWidth + " px viewport"] : [];
})()`

// onPaper checks every page laid out as printed: in the printable width of
// a portrait page, or of a landscape one when the page's print style asks
// for landscape.
func (lr *layoutRun) onPaper() {
	setMedia(lr.t, lr.ctx, "print", "light")
	for _, name := range lr.pages {
		w, h := int64(printWidth), int64(printHeight)
		lr.viewport(w, h)
		lr.open(name)
		landscape, err := chromedp.Run(lr.ctx, chromedp.Evaluate[bool](printsLandscape))
		if err != nil {
			lr.t.Fatal(err)
		}
		if landscape {
			w, h = h, w
			lr.viewport(w, h)
		}
		lr.check(name, "in print", fmt.Sprintf("%s(true, %d, %d)", lr.probe, w, h))
		if key := keyPages[name]; key != "" && lr.shots != "" {
			pdf, err := chromedp.Call(lr.ctx, page.PrintToPDF, page.PrintToPDFParams{
				PaperWidth: a4Width, PaperHeight: a4Height, PrintBackground: ptr(true), PreferCSSPageSize: ptr(true),
				MarginTop: ptr(printMargin), MarginBottom: ptr(printMargin), MarginLeft: ptr(printMargin), MarginRight: ptr(printMargin)})
			if err != nil {
				lr.t.Fatal(err)
			}
			saveArtefact(lr.t, lr.shots, key+".pdf", pdf.Data)
		}
	}
}

// printsLandscape says whether the page prints on landscape pages: its
// style sheets give the page rule in force (the unnamed one, or the one the
// body names with the page property) a landscape size. The roadmap's print
// style does, and so does a threat model's page with a data-flow diagram.
const printsLandscape = `(function () {
  var name = getComputedStyle(document.body).page;
  return Array.prototype.some.call(document.styleSheets, function (s) {
    try {
      return Array.prototype.some.call(s.cssRules, function (r) {
        return r instanceof CSSPageRule && /landscape/.test(r.style.size) && (r.selectorText === "" || r.selectorText === name);
      });
    } catch (e) { return false; }
  });
})()`

// axeRuns are the axe-core runs at a width: the scheme and the rules to run
// (JSON; null for every rule). To keep the test within minutes, the rules
// that read only the document, and not its layout or colours, run once, at
// the laptop width in the light scheme; the dark scheme needs only the
// contrast rule run again (colour is all it changes), and the phone width the
// rules whose outcome depends on the layout.
func axeRuns(width int64) []struct{ scheme, only string } {
	if width == layoutWidths[0] {
		return []struct{ scheme, only string }{{"light", "null"}, {"dark", `["color-contrast"]`}}
	}
	return []struct{ scheme, only string }{{"light", `["color-contrast", "scrollable-region-focusable", "target-size"]`}}
}

// axeSource reads axe-core from the file ARCHFOLIO_AXE names, or returns ""
// (and says so) when it is unset: then the test skips its accessibility
// checks, unless ARCHFOLIO_REQUIRE_BROWSER=1 makes that a failure.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("ARCHFOLIO_AXE")
	if path == "" {
		if os.Getenv("ARCHFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatal("ARCHFOLIO_AXE is unset: set it to axe-core's axe.min.js (npm install axe-core@4.14.1; .ci/run does)")
		}
		t.Log("ARCHFOLIO_AXE is unset: skipping the axe-core checks (set it to axe-core's axe.min.js)")
		return ""
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("ARCHFOLIO_AXE: %v", err)
	}
	return string(src)
}

// setMedia emulates a media type ("" for the screen, or "print") and a
// colour scheme.
func setMedia(t *testing.T, ctx context.Context, media, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
	if err != nil {
		t.Fatal(err)
	}
}

// saveArtefact writes a screenshot or a PDF into the folder dir.
func saveArtefact(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }
