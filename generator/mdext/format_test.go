package mdext

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// formatSamples are code blocks with what a formatter can get wrong: the five
// characters HTML escapes, lines that end with and without a newline, empty
// lines, CRLF, tabs, non-Latin text, and code of the languages portfolios hold.
var formatSamples = []string{
	"",
	"\n",
	"\n\n\n",
	"x",
	"no newline at the end",
	"a <b> & 'c' \"d\"\n",
	"line one\r\nline two\r\n",
	"\tindented\n\t\ttwice\n",
	"名前: 鍵の管理 # コメント\nname: \"Zürich – Ω\"\n",
	"package main\n\nimport \"fmt\"\n\n// Greet says hello & <goodbye>.\nfunc Greet(name string) string {\n\treturn fmt.Sprintf(\"hi %q\", name) + `raw\n` + 'x'\n}\n",
	"apiVersion: v1\nkind: ConfigMap # a comment\nmetadata:\n  name: \"it's <here>\"\ndata:\n  key: |\n    multi\n    line\n  list: [a, b, 'c']\n---\n",
	"resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs-${var.env}\"\n  tags = {\n    Owner = \"platform & security\"\n  }\n}\n# comment\n/* block */\n",
	"{\"a\": 1, \"b\": [true, null, \"<x>\"], \"c\": {\"d\": 2.5e3}}",
	"#!/bin/sh\nset -eu\nif [ \"$1\" = '<x>' ]; then echo \"ok &\" >&2; fi\n",
	"SELECT a, b FROM t WHERE c = 'x''y' AND d <> 1; -- comment\n",
	"<div class=\"a\" data-x='1'>&amp; <script>alert(1)</script></div>\n",
	"def f(x):\n    \"\"\"doc <string>\"\"\"\n    return x & 1  # and\n\n\n",
	"package authz\n\ndefault allow := false\n\nallow if {\n    input.user == \"admin\"\n}\n",
	"   \n\t\n  trailing spaces   \n",
}

// TestFormatTokensIsChromas holds formatTokens to chroma's HTML formatter with
// classes, byte for byte, for every lexer chroma has on every sample (through
// the guard that ends a stalled lexer's tokens, which both get).
func TestFormatTokensIsChromas(t *testing.T) {
	t.Parallel()
	ref := chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4))
	style := styles.Get("github")
	compared := 0
	for _, l := range append(slices.Clone(lexers.GlobalLexerRegistry.Lexers), lexers.Fallback) {
		name := l.Config().Name
		l := reference(l) // chroma's, untimed
		for _, code := range formatSamples {
			want, got := new(bytes.Buffer), new(bytes.Buffer)
			it, err := chroma.Coalesce(&guardedLexer{Lexer: l}).Tokenise(nil, code)
			if err != nil {
				continue
			}
			if err := ref.Format(want, style, it); err != nil {
				t.Fatalf("%s: chroma: %v", name, err)
			}
			it, _ = chroma.Coalesce(&guardedLexer{Lexer: l}).Tokenise(nil, code)
			formatTokens(got, it)
			if got.String() != want.String() {
				t.Fatalf("%s on %q:\n got %s\nwant %s", name, code, got, want)
			}
			compared++
		}
	}
	if compared < 100*len(formatSamples) {
		t.Fatalf("compared %d blocks: fewer lexers than expected", compared)
	}
}

func TestEscapeHTMLIsTheStandardLibrarys(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "&", "<>", `a"b'c&d<e>f`, "&&&&", "ü<ñ>"} {
		var b bytes.Buffer
		escapeHTML(&b, s)
		if want := strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s); b.String() != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

// A lexer that stalls (matches nothing, forever, without moving) or panics
// leaves its block plain, escaped, instead of hanging or crashing the build;
// before the guard, a ```jsonata block holding "名前" never came back.
func TestALexerThatStallsOrPanicsLeavesTheBlockPlain(t *testing.T) {
	t.Parallel()
	h := NewHighlighter()
	for _, lang := range []string{"jsonata", "jungle"} {
		var b bytes.Buffer
		h.highlight(&b, lang, "名前 <b>\n")
		if want := "<pre class=\"chroma\"><code>名前 &lt;b&gt;\n</code></pre>\n"; b.String() != want {
			t.Errorf("%s: got %q, want the plain block %q", lang, b.String(), want)
		}
	}
	panicky := chroma.MustNewLexer(&chroma.Config{Name: "panicky"}, func() chroma.Rules {
		return chroma.Rules{"root": {{Pattern: `.`, Type: chroma.Text, Mutator: chroma.Push("nowhere")}}}
	})
	b := bytes.NewBufferString("before ")
	if tokenise(b, panicky, "xyz") || b.String() != "before " {
		t.Errorf("a lexer that panics: got ok and %q, want false and the buffer as it was", b.String())
	}
	var ok bytes.Buffer
	if !tokenise(&ok, lexers.Get("go"), "x := 1\n") || !strings.Contains(ok.String(), `<span class="o">:=</span>`) {
		t.Errorf("go: got %q, want it highlighted", ok.String())
	}
}
