package generator_test

import (
	"archfolio/generator/render"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// skipBrowser skips a browser test on a machine without Chromium, unless
// ARCHFOLIO_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails it.
func skipBrowser(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("ARCHFOLIO_REQUIRE_BROWSER") == "1" {
		t.Fatalf("browser test required (ARCHFOLIO_REQUIRE_BROWSER=1) but: %s", why)
	}
	t.Skip(why)
}

// chromium finds a headless-capable Chromium, or skips the test (fails it in CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	skipBrowser(t, "no Chromium on PATH (install Debian's chromium)")
	return ""
}

// dumpDOM loads a page from disk in headless Chromium, runs its scripts and
// returns the resulting DOM. Network features are off; the page is a file: URL.
func dumpDOM(t *testing.T, browser, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return string(out)
}

// writeSite writes a rendered site to a temporary folder, to open it from disk.
func writeSite(t *testing.T, out *render.MemOutput) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range out.Names() {
		data, _ := out.File(name)
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newBrowserTab starts a headless Chromium under chromedp with a fresh
// profile and returns a tab's context, or skips the test under -short or
// without Chromium (fails it when ARCHFOLIO_REQUIRE_BROWSER=1).
func newBrowserTab(t *testing.T, width, height int) context.Context {
	t.Helper()
	return newBrowserTabFor(t, width, height, 2*time.Minute)
}

// newBrowserTabFor is newBrowserTab for a test that may take up to timeout.
func newBrowserTabFor(t *testing.T, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}
