package markup

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"testing"
)

// Writer must escape exactly as html/template: the pages it writes parts of are
// compared with goldens that templates made, and the escaping is the security
// boundary for content values.
var writerReference = template.Must(template.New("").Parse(
	`<p title="{{.A}}">{{.A}}</p><a href="{{.B}}#{{.A}}">x</a>`))

func writerOutput(a, b string) string {
	var buf bytes.Buffer
	w := Writer{Buffer: &buf}
	w.Raw(`<p title="`)
	w.Text(a)
	w.Raw(`">`)
	w.Text(a)
	w.Raw(`</p><a href="`)
	w.URL(b)
	w.Raw(`#`)
	w.URLPart(a)
	w.Raw(`">x</a>`)
	return buf.String()
}

func checkWriter(t *testing.T, a, b string) {
	t.Helper()
	var want bytes.Buffer
	if err := writerReference.Execute(&want, struct{ A, B string }{a, b}); err != nil {
		t.Fatal(err)
	}
	if got := writerOutput(a, b); got != want.String() {
		t.Errorf("A=%q B=%q:\n got %s\nwant %s", a, b, got, want.String())
	}
}

func TestWriterEscapesLikeHTMLTemplate(t *testing.T) {
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
		checkWriter(t, c[0], c[1])
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
		checkWriter(t, random(), random())
	}
}

func FuzzWriter(f *testing.F) {
	f.Add("a<b", "../x/")
	f.Add("'\"&+", "javascript:1")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkWriter(t, a, b)
	})
}
