package server

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's chromium, which the browser test drives.
const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium with a fresh profile, or skips the test
// under -short or when there is none (fails instead when
// ARCHFOLIO_REQUIRE_BROWSER=1, as in CI).
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: starts Chromium; runs without -short, as in .ci/run")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("ARCHFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("ARCHFOLIO_REQUIRE_BROWSER=1 but there is no browser: %v", err)
		}
		t.Skipf("skipping the browser test: %s is not installed (apt-get install chromium; set ARCHFOLIO_REQUIRE_BROWSER=1 to make this a failure)", chromiumPath)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 700),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// longAlpha is alpha's page with enough text to scroll.
func longAlpha(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nkind: blueprint\ntitle: %s\ndepends_on: [beta]\n---\n", title)
	for i := range 60 {
		fmt.Fprintf(&b, "\n## Section %d\n\nA paragraph long enough to take some room on the page, line after line.\n", i)
	}
	return b.String()
}

// waitFor evaluates a JavaScript condition in the page until it holds. It goes on
// through the page's reloads, which end a single evaluation or poll.
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	check := chromedp.Evaluate[bool](`!!(` + expr + `)`)
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(eventTimeout)
		for {
			ok, err := check(ctx, t)
			if ok && err == nil {
				return chromedp.Void{}, nil
			}
			if time.Now().After(deadline) {
				return chromedp.Void{}, fmt.Errorf("%s still false after %s (last error: %v)", expr, eventTimeout, err)
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
}

// TestBrowserReloadsOnSave opens a page in headless Chromium under a sub-path,
// edits the file and waits for the new text without a manual reload, with the
// scroll position kept; then the error overlay appears and clears; then the
// server restarts and the page reconnects and reloads by itself.
func TestBrowserReloadsOnSave(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	dir := newSite(t)
	writeSiteFile(t, dir, "content/blueprints/alpha.md", longAlpha("Alpha gateway"))
	s, _ := startServer(t, dir, func(s *Server) { s.BasePath = "/arch/" })
	url := s.URL() + "blueprints/alpha/"

	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		waitFor(`document.querySelector("h1") && document.querySelector("h1").textContent.includes("Alpha gateway")`),
		waitFor(`(window.scrollTo(0, 600), window.scrollY === 600)`),
		// A marker that only survives if the page is not reloaded.
		chromedp.Evaluate[chromedp.Void](`window.archfolioTestMarker = true`),
	)
	if err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}

	saveAtomically(t, dir, "content/blueprints/alpha.md", longAlpha("Alpha live"))
	err = chromedp.Do(ctx,
		waitFor(`document.querySelector("h1").textContent.includes("Alpha live") && !window.archfolioTestMarker`),
		waitFor(`document.readyState === "complete"`),
	)
	if err != nil {
		t.Fatalf("waiting for the edit to show: %v", err)
	}
	scrollY, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`))
	if err != nil {
		t.Fatalf("waiting for the edit to show: %v", err)
	}
	if scrollY != 600 {
		t.Errorf("scroll position after the reload: %v, want 600", scrollY)
	}

	writeSiteFile(t, dir, "content/blueprints/alpha.md", strings.Replace(longAlpha("Alpha broken"), "[beta]", "[no-such-id]", 1))
	// The overlay's text is read in the page, by script: a node handle taken
	// from outside goes stale when the overlay is redrawn or the page reloads.
	const diag = `content/blueprints/alpha.md:4:14: error: depends_on[0].id: unknown id "no-such-id"`
	const overlayText = `(document.getElementById("archfolio-overlay") || {}).textContent || ""`
	if err := chromedp.Do(ctx, waitFor(`(`+overlayText+`).includes(`+strconv.Quote(diag)+`)`)); err != nil {
		overlay, _ := chromedp.Run(ctx, chromedp.Evaluate[string](overlayText))
		t.Fatalf("waiting for the error overlay with %s: %v\noverlay text:\n%s", diag, err, overlay)
	}
	writeSiteFile(t, dir, "content/blueprints/alpha.md", longAlpha("Alpha repaired"))
	err = chromedp.Do(ctx, waitFor(`document.querySelector("h1").textContent.includes("Alpha repaired") && document.getElementById("archfolio-overlay") === null`))
	if err != nil {
		t.Fatalf("waiting for the overlay to clear: %v", err)
	}

	// A warning shows as a badge; dismissed, it stays away while the warnings
	// stay the same.
	writeSiteFile(t, dir, "content/blueprints/beta.md", "---\nkind: blueprint\ntitle: Beta\ncolour: blue\n---\n")
	err = chromedp.Do(ctx,
		waitFor(`document.getElementById("archfolio-badge") !== null`),
		chromedp.Evaluate[chromedp.Void](`window.archfolioTestMarker = true; document.querySelector("[data-archfolio-dismiss]").click()`),
		waitFor(`getComputedStyle(document.getElementById("archfolio-badge")).display === "none"`),
	)
	if err != nil {
		t.Fatalf("dismissing the warnings badge: %v", err)
	}
	writeSiteFile(t, dir, "content/blueprints/alpha.md", longAlpha("Alpha with a warning elsewhere"))
	err = chromedp.Do(ctx, waitFor(`document.querySelector("h1").textContent.includes("Alpha with a warning elsewhere") && !window.archfolioTestMarker && document.readyState === "complete"`))
	if err != nil {
		t.Fatalf("waiting for the reload after dismissing: %v", err)
	}
	display, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("archfolio-badge")).display`))
	if err != nil || display != "none" {
		t.Errorf("the dismissed badge came back after a reload with the same warnings: display %q, %v", display, err)
	}

	// Restart the server on the same address with the file changed meanwhile.
	addr := s.ln.Addr().String()
	s.Close()
	writeSiteFile(t, dir, "content/blueprints/alpha.md", longAlpha("Alpha after restart"))
	startServer(t, dir, func(s *Server) { s.Addr, s.BasePath = addr, "/arch/" })
	if err := chromedp.Do(ctx, waitFor(`document.querySelector("h1").textContent.includes("Alpha after restart")`)); err != nil {
		t.Fatalf("waiting for the page to reconnect after a restart: %v", err)
	}
}
