package generator_test

import (
	"strings"
	"testing"
)

// Every page of the sample has one search landmark: the header's quick
// search, or on the search page its own form instead (axe-core reported the
// two the search page had).
func TestOneSearchLandmarkPerPage(t *testing.T) {
	t.Parallel()
	out, _ := sharedRender(t, "..")
	pages := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		data, _ := out.File(name)
		page := string(data)
		if n := strings.Count(page, `role="search"`) + strings.Count(page, "<search"); n != 1 {
			t.Errorf("%s has %d search landmarks, want 1", name, n)
		}
	}
	if pages < 50 {
		t.Fatalf("only %d pages", pages)
	}
}
