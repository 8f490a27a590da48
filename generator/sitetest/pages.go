package sitetest

import (
	"testing"

	"archfolio/generator/render"
)

// Pages renders an in-memory site that must have no errors and returns its
// files by name, as text; a file the site lacks fails the test.
func Pages(t testing.TB, files map[string]string, today string) func(name string) string {
	t.Helper()
	out, diags := Render(t, files, today)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", DiagLines(diags))
	}
	return Files(t, out)
}

// Files returns out's files by name, as text; a file out lacks fails the test.
func Files(t testing.TB, out *render.MemOutput) func(name string) string {
	return func(name string) string {
		t.Helper()
		b, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
}
