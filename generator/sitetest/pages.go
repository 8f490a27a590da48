package sitetest

import "testing"

// Pages renders an in-memory site that must have no errors and returns its
// files by name, as text; a file the site lacks fails the test.
func Pages(t testing.TB, files map[string]string, today string) func(name string) string {
	t.Helper()
	out, diags := Render(t, files, today)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", DiagLines(diags))
	}
	return func(name string) string {
		t.Helper()
		b, ok := out.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
}
