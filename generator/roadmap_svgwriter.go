package generator

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// roadmapSVG writes SVG markup for the roadmap's pictures. Every attribute value
// and every text it is given is escaped (html.EscapeString, after replacing
// characters XML does not allow), so titles from front matter cannot break out of
// an attribute or an element. Element and attribute names come from this package;
// a name that is not a plain XML name is dropped rather than written.
type roadmapSVG struct {
	b strings.Builder
}

// isSVGName reports whether s is a plain XML name: a letter, then letters,
// digits, ':', '_' or '-'.
func isSVGName(s string) bool {
	for i, r := range s {
		letter := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == ':' || r == '_' || r == '-')) {
			return false
		}
	}
	return s != ""
}

// open writes a start tag; attrs are name, value pairs.
func (w *roadmapSVG) open(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString(">")
}

// close writes an end tag.
func (w *roadmapSVG) close(name string) {
	if isSVGName(name) {
		w.b.WriteString("</")
		w.b.WriteString(name)
		w.b.WriteByte('>')
	}
}

// empty writes a self-closed element.
func (w *roadmapSVG) empty(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString("/>")
}

// text writes an element holding text.
func (w *roadmapSVG) text(name, text string, attrs ...string) {
	w.open(name, attrs...)
	w.b.WriteString(svgEscape(text))
	w.close(name)
}

// newline keeps the markup readable (and golden diffs small).
func (w *roadmapSVG) newline() { w.b.WriteByte('\n') }

func (w *roadmapSVG) tag(name string, attrs []string) {
	if !isSVGName(name) {
		name = "g"
	}
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if !isSVGName(attrs[i]) {
			continue
		}
		w.b.WriteByte(' ')
		w.b.WriteString(attrs[i])
		w.b.WriteString(`="`)
		w.b.WriteString(svgEscape(attrs[i+1]))
		w.b.WriteByte('"')
	}
}

// HTML returns the markup, safe to place in a page: everything in it was escaped
// as it was written.
func (w *roadmapSVG) HTML() template.HTML { return template.HTML(w.b.String()) } // escaped by construction

// String returns the markup.
func (w *roadmapSVG) String() string { return w.b.String() }

// svgEscape escapes s for XML text and attribute values, replacing invalid UTF-8
// and characters XML 1.0 forbids (controls other than tab and newlines) with U+FFFD.
func svgEscape(s string) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return '\uFFFD'
		}
		return r
	}, s)
	return html.EscapeString(clean)
}

// num formats a coordinate with at most one decimal, the same on every run.
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
