package diagram

import (
	"strings"
	"testing"
)

func TestWriterEscapesEverything(t *testing.T) {
	t.Parallel()
	w := &Writer{}
	w.Open("g", "class", `a"b<c>&d'e`, `on"load`, "x", "data-x", "\x00\xff")
	w.Text("text", "</g><script>&amp;\x1b")
	w.Empty("bad name", "x", "1")
	w.Close("g")
	w.Close("bad>name")
	want := `<g class="a&#34;b&lt;c&gt;&amp;d&#39;e" data-x="��"><text>&lt;/g&gt;&lt;script&gt;&amp;amp;�</text><g x="1"/></g>`
	if got := w.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for in, want := range map[float64]string{0: "0", 12.25: "12.3", -0.04: "0", 100: "100", 1.0 / 3: "0.3"} {
		if got := Num(in); got != want {
			t.Errorf("Num(%v) = %s, want %s", in, got, want)
		}
	}
}

func TestEscapeKeepsPicturesWellFormed(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain":                "plain",
		"Überweisungen":        "Überweisungen",
		"a\tb\nc\rd":           "a\tb\nc\rd",
		"bell\a":               "bell\uFFFD",
		"\xff\xfe":             "\uFFFD\uFFFD",
		"non\uFFFEchar":        "non\uFFFDchar",
		`<a href="x">&'`:       "&lt;a href=&#34;x&#34;&gt;&amp;&#39;",
		"名前\x00":               "名前\uFFFD",
		strings.Repeat("é", 3): "ééé",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// A label with characters XML forbids still makes a well-formed map.
func TestSVGEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	d := &Drawing{Width: 100, Height: 50}
	got := SVG(d, Style{ID: "m", Title: "bad\x01title\xff"})
	if strings.ContainsAny(got, "\x01") || !strings.Contains(got, "bad\uFFFDtitle\uFFFD") {
		t.Errorf("title not cleaned: %q", got)
	}
}
