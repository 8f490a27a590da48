package generator_test

import (
	"archfolio/generator"
	"testing"
)

// Humanize upper-cases the first letter, not the first byte.
func TestHumanizeKeepsUTF8(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"überweisungen": "Überweisungen", "Überweisungen": "Überweisungen", "depends_on": "Depends on",
		"": "", "ärztekammer-portal": "Ärztekammer portal", "名前": "名前", "\xff": "\xff",
	} {
		if got := generator.Humanize(in); got != want {
			t.Errorf("Humanize(%q) = %q, want %q", in, got, want)
		}
	}
}
