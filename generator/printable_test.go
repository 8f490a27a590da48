package generator

import (
	"fmt"

	"bytes"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// A file name or a quoted value with control characters cannot forge a line of
// the text or github formats, nor reach the terminal as an escape sequence.
func TestDiagnosticsPrintNoControlCharacters(t *testing.T) {
	t.Parallel()
	d := NewDiagnostic(CodeUnknownKind, "content/x\n::error file=forged::owned\x1b[2J\u0085\xff.md", Pos{Line: 2, Col: 1},
		"unknown kind \"a\rb\x07\"")
	if got, want := d.String(), `content/x\n::error file=forged::owned\x1b[2J\u0085\xff.md:2:1: error: unknown kind "a\rb\a" [AF110]`; got != want {
		t.Errorf("text:\n got %s\nwant %s", got, want)
	}
	for _, format := range []string{"text", "github"} {
		var buf bytes.Buffer
		if err := WriteDiagnostics(&buf, Diagnostics{d}, format); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Count(out, "\n") != 1 || strings.ContainsAny(out, "\r\x1b\x07\u0085") || !strings.HasSuffix(out, "\n") {
			t.Errorf("%s: %q", format, out)
		}
	}
	if got := printable("plain Überweisungen · ok"); got != "plain Überweisungen · ok" {
		t.Errorf("printable changed clean text: %q", got)
	}
}

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
