package generator

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"testing"
)

// htmlWriter must escape exactly as html/template: the pages it writes parts of are
// compared with goldens that templates made, and the escaping is the security
// boundary for content values.
var htmlWriterReference = template.Must(template.New("").Parse(
	`<p title="{{.A}}">{{.A}}</p><a href="{{.B}}#{{.A}}">x</a>`))

func htmlWriterOutput(a, b string) string {
	var buf bytes.Buffer
	w := htmlWriter{Buffer: &buf}
	w.raw(`<p title="`)
	w.text(a)
	w.raw(`">`)
	w.text(a)
	w.raw(`</p><a href="`)
	w.url(b)
	w.raw(`#`)
	w.urlPart(a)
	w.raw(`">x</a>`)
	return buf.String()
}

func checkHTMLWriter(t *testing.T, a, b string) {
	t.Helper()
	var want bytes.Buffer
	if err := htmlWriterReference.Execute(&want, struct{ A, B string }{a, b}); err != nil {
		t.Fatal(err)
	}
	if got := htmlWriterOutput(a, b); got != want.String() {
		t.Errorf("A=%q B=%q:\n got %s\nwant %s", a, b, got, want.String())
	}
}

func TestHTMLWriterEscapesLikeHTMLTemplate(t *testing.T) {
	t.Parallel()
	for _, c := range [][2]string{
		{"plain", "../../blueprints/a/"},
		{`<script>alert("x")</script>`, "javascript:alert(1)"},
		{"it's a+b & c\x00", "JavaScript:x"},
		{"ünïcode ✓ %41 %zz", "https://example.com/a b?q=1&r=2#f"},
		{"", "mailto:a@b.c"},
		{"a/b?c#d", "data:text/html,<b>"},
		{"%", "../x/%41%4g%"},
		{"{{.}}", "vbscript:msgbox"},
		{"line\nbreak\ttab", "/a:b"},
		{"x", "a/b:c"},
	} {
		checkHTMLWriter(t, c[0], c[1])
	}
	alphabet := []rune("aZ09-._~!#$&*+,/:;=?@[]%'\"<> \x00\tüé✓\\")
	r := rand.New(rand.NewPCG(1, 2))
	random := func() string {
		n := r.IntN(12)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(out)
	}
	for range 5000 {
		checkHTMLWriter(t, random(), random())
	}
}

func FuzzHTMLWriter(f *testing.F) {
	f.Add("a<b", "../x/")
	f.Add("'\"&+", "javascript:1")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkHTMLWriter(t, a, b)
	})
}
