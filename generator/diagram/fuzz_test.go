package diagram

import (
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"archfolio/generator/graph"
	"archfolio/generator/internal/fuzzing"
)

// FuzzDiagramText draws a small map whose every text (labels, tooltips, meta
// lines, edge labels, band names, links, classes) is the fuzzer's, and writes
// the same text with Writer (as attribute values and text: element and
// attribute names come from code). Whatever the text:
//
//   - wrap keeps at most maxLines lines of at most width characters, and, for
//     valid UTF-8, the lines quadraticWrap (the slow oracle) keeps;
//   - the SVG and Writer's markup are well-formed XML whose elements are only
//     those the code writes, with no on* attribute: no text becomes markup;
//   - the text of each label line is the escaped line of wrap;
//   - the SVG grows at most linearly with the text (a million-character label
//     once took minutes to wrap).
//
// Seeds: f.Add's and testdata/fuzz/FuzzDiagramText.
func FuzzDiagramText(f *testing.F) {
	fuzzing.MinimizeBudget(f, "200x") // a run takes about a millisecond
	for _, s := range []struct {
		text        string
		width, rows int
	}{
		{"Payments gateway", 24, 2},
		{`<script>alert("x")</script> & 'q'`, 10, 2},
		{strings.Repeat("é", 40), 20, 2},
		{"a\x00b\x1bc\ufffe\xff d", 4, 1},
		{"名前 Überweisungen ]]> <!-- --> <![CDATA[x]]>", 7, 3},
		{`" onmouseover="x`, 0, 0},
	} {
		f.Add(s.text, s.width, s.rows)
	}
	f.Fuzz(func(t *testing.T, text string, width, rows int) {
		width, rows = width%200, rows%8 // the sizes a page uses; wrap's own floors hold below
		lines := wrap(text, width, rows)
		if len(lines) > max(rows, 1) {
			t.Errorf("wrap(%q, %d, %d): %d lines", text, width, rows, len(lines))
		}
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > max(width, 4) {
				t.Errorf("wrap(%q, %d, %d): line %q has %d characters", text, width, rows, l, n)
			}
		}
		if len(text) < 2000 && utf8.ValidString(text) { // the oracle cuts runes, turning bad bytes into U+FFFD
			if want := quadraticWrap(text, max(width, 4), max(rows, 1)); !slices.Equal(lines, want) {
				t.Errorf("wrap(%q, %d, %d) = %q, want %q", text, width, rows, lines, want)
			}
		}

		g := graph.New([]graph.Node{{ID: "a", Label: text, Group: text}, {ID: "b", Label: text}},
			[]graph.Edge{{From: "a", To: "b", Attrs: map[string]string{"protocol": text}}})
		s := Style{ID: text, Title: text, Desc: text,
			Href:      func(graph.Node) string { return text },
			Meta:      func(graph.Node) string { return text },
			NodeClass: func(graph.Node) string { return text },
			EdgeClass: func(graph.Edge) string { return text },
			EdgeTitle: func(graph.Edge) string { return text },
			EdgeLabel: func(graph.Edge) string { return text },
			BandLabel: func(string) string { return text },
			BandID:    func(string) string { return text },
		}
		opt := DefaultOptions()
		opt.Bands = true
		svg := SVG(Layered(g, opt), s)
		if limit := 8192 + 100*len(text); len(svg) > limit {
			t.Errorf("the SVG is %d bytes for %d of text", len(svg), len(text))
		}
		label := wrap(text, int((opt.NodeWidth-12)/charWidth), 2)
		checkMarkup(t, svg, label)

		var w Writer // element and attribute names come from code, values from content
		w.Open("g", "class", text, "data-label", text)
		w.Text("text", text, "x", text)
		w.Empty("rect", "title", text)
		w.Close("g")
		checkMarkup(t, w.String(), nil)
	})
}

// drawnElements are the elements Writer and SVG write.
var drawnElements = map[string]bool{"svg": true, "title": true, "desc": true, "defs": true, "marker": true,
	"path": true, "g": true, "a": true, "rect": true, "text": true, "tspan": true}

// checkMarkup parses markup as XML: it must be well-formed, hold only
// drawnElements without on* attributes, and, when label is given, the first
// tspan texts must be label's lines.
func checkMarkup(t *testing.T, markup string, label []string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(markup))
	var tspans []string
	inTspan := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, markup)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if !drawnElements[tok.Name.Local] {
				t.Errorf("an element <%s> that the code does not write:\n%s", tok.Name.Local, markup)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("an attribute %s:\n%s", a.Name.Local, markup)
				}
			}
			inTspan = tok.Name.Local == "tspan"
			if inTspan {
				tspans = append(tspans, "")
			}
		case xml.CharData:
			if inTspan {
				tspans[len(tspans)-1] += string(tok)
			}
		case xml.EndElement:
			inTspan = false
		}
	}
	for i, l := range label {
		if want := strings.Map(func(r rune) rune {
			if !xmlAllowed(r) {
				return '\uFFFD'
			}
			return r
		}, l); i >= len(tspans) || tspans[i] != want {
			t.Errorf("label line %d is %q, want %q", i, tspans[min(i, len(tspans)-1)], want)
		}
	}
}
