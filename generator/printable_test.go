package generator

import (
	"fmt"

	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Humanize upper-cases the first letter, not the first byte.
func TestHumanizeKeepsUTF8(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"überweisungen": "Überweisungen", "Überweisungen": "Überweisungen", "depends_on": "Depends on",
		"": "", "ärztekammer-portal": "Ärztekammer portal", "名前": "名前", "\xff": "\xff",
	} {
		if got := Humanize(in); got != want {
			t.Errorf("Humanize(%q) = %q, want %q", in, got, want)
		}
	}
}

// Repeated keys are found the same way in small mappings (compared pairwise) and
// large ones (a map), each at its first repeat.
func TestRepeatedKeys(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 40, 200} {
		var src strings.Builder
		for i := range n {
			fmt.Fprintf(&src, "k%d: %d\n", i, i)
		}
		src.WriteString("k1: again\nk2: again\nk1: thrice\n")
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src.String()), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range duplicateKeys(&doc) {
			got = append(got, fmt.Sprintf("%s@%d<-%d", r.second.Value, r.second.Line, r.first.Line))
		}
		want := fmt.Sprintf("k1@%d<-2 k2@%d<-3 k1@%d<-2", n+1, n+2, n+3)
		if strings.Join(got, " ") != want {
			t.Errorf("%d keys: %v, want %s", n, got, want)
		}
	}
}
