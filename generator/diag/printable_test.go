package diag

import (
	"bytes"
	"strings"
	"testing"
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
