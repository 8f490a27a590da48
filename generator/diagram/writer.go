package diagram

import (
	"html"
	"html/template"
	"strings"
	"unicode/utf8"
)

// Writer writes SVG markup element by element, for pictures that are not a
// Drawing (the roadmap's timelines and strips). Every attribute value and every
// text it is given is escaped (Escape), so titles from front matter cannot break
// out of an attribute or an element. Element and attribute names come from the
// caller's code; a name that is not a plain XML name is dropped rather than
// written.
type Writer struct {
	b strings.Builder
}

// isName reports whether s is a plain XML name: a letter, then letters, digits,
// ':', '_' or '-'.
func isName(s string) bool {
	for i, r := range s {
		letter := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == ':' || r == '_' || r == '-')) {
			return false
		}
	}
	return s != ""
}

// Open writes a start tag; attrs are name, value pairs.
func (w *Writer) Open(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString(">")
}

// Close writes an end tag.
func (w *Writer) Close(name string) {
	if isName(name) {
		w.b.WriteString("</")
		w.b.WriteString(name)
		w.b.WriteByte('>')
	}
}

// Empty writes a self-closed element.
func (w *Writer) Empty(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString("/>")
}

// Text writes an element holding text.
func (w *Writer) Text(name, text string, attrs ...string) {
	w.Open(name, attrs...)
	w.b.WriteString(Escape(text))
	w.Close(name)
}

// Newline keeps the markup readable (and golden diffs small).
func (w *Writer) Newline() { w.b.WriteByte('\n') }

func (w *Writer) tag(name string, attrs []string) {
	if !isName(name) {
		name = "g"
	}
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if !isName(attrs[i]) {
			continue
		}
		w.b.WriteByte(' ')
		w.b.WriteString(attrs[i])
		w.b.WriteString(`="`)
		w.b.WriteString(Escape(attrs[i+1]))
		w.b.WriteByte('"')
	}
}

// HTML returns the markup, safe to place in a page: everything in it was escaped
// as it was written.
func (w *Writer) HTML() template.HTML { return template.HTML(w.b.String()) } // escaped by construction

// String returns the markup.
func (w *Writer) String() string { return w.b.String() }

// Escape escapes s for XML text and attribute values (& < > " '), replacing
// invalid UTF-8 and the characters XML 1.0 forbids (controls other than tab and
// newlines, U+FFFE, U+FFFF) with U+FFFD, so that a picture is always well-formed.
func Escape(s string) string {
	if !xmlClean(s) {
		s = strings.Map(func(r rune) rune {
			if !xmlAllowed(r) {
				return '\uFFFD'
			}
			return r
		}, s)
	}
	return html.EscapeString(s)
}

// xmlClean reports whether every character of s may appear in XML 1.0, looking
// at the bytes of ASCII text without decoding it.
func xmlClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlAllowed(r) || (r == utf8.RuneError && n == 1) {
			return false
		}
		i += n
	}
	return true
}

// xmlAllowed reports whether a decoded rune may appear in XML 1.0 (a rune
// decoded from invalid UTF-8 is utf8.RuneError, and is not).
func xmlAllowed(r rune) bool {
	switch {
	case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n' && r != '\r',
		r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		return false
	}
	return true
}

// Num formats a coordinate with at most one decimal, the same on every run.
func Num(v float64) string { return num(v) }
