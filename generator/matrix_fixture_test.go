package generator_test

import (
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"testing"
)

// The matrix fixtures the generator's own tests (the browser test, the
// escaping goldens) share with the matrix package's tests.

// matrixSite is a small portfolio that exercises every alignment status
// (testdata/matrix/site.txtar). Today is 2026-11-27.
func matrixSite() map[string]string {
	return sitetest.Archive("testdata/matrix/site.txtar")
}

// hostileSite puts formula and markup payloads everywhere content reaches the
// matrix exports and pages (testdata/matrix/hostile.txtar).
func hostileSite() map[string]string {
	return sitetest.Archive("testdata/matrix/hostile.txtar")
}

func renderMatrixSite(t *testing.T) *render.MemOutput {
	t.Helper()
	out, _ := sitetest.Render(t, matrixSite(), "2026-11-27")
	return out
}
