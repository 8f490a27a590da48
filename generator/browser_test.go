package generator

import (
	"os"
	"testing"
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
