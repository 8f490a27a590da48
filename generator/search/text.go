package search

import (
	"html"
	"strings"
)

// PlainText returns the text a reader sees in a rendered body: tags dropped
// (block tags become a line break), the contents of script and style left
// out, character references decoded and each run of white space made one
// space. Indexing the rendered body, not its markdown,
// means the index holds exactly what the page shows: a link to a document
// left out for the audience reads as the page reads it.
func PlainText(h string) string {
	return string(appendPlainText(make([]byte, 0, len(h)/2), h))
}

// appendPlainText appends h's PlainText to b (Build writes each document's
// text into one buffer a worker).
func appendPlainText(b []byte, h string) []byte {
	start := len(b)
	space := true // nothing written yet, or the last rune written is a space
	text := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		// White space is ASCII, and no byte of a longer UTF-8 sequence is.
		for i := 0; i < len(s); {
			if isSpace(s[i]) {
				if !space {
					b = append(b, ' ')
					space = true
				}
				i++
				continue
			}
			j := i + 1
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			b = append(b, s[i:j]...)
			space = false
			i = j
		}
	}
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			text(h)
			break
		}
		text(h[:lt])
		h = h[lt:]
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			break // a tag that never ends: goldmark does not write one
		}
		tag := h[1:gt]
		h = h[gt+1:]
		name := tagName(tag)
		if name == "script" || name == "style" {
			if end := strings.Index(strings.ToLower(h), "</"+name); end >= 0 {
				h = h[end:]
			} else {
				h = ""
			}
			continue
		}
		if !space && isBlockTag(name) {
			b = append(b, ' ')
			space = true
		}
	}
	for len(b) > start && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// tagName is the lower-case name of a tag's inside ("/p", "a href=…" → "p", "a").
// A body holds a tag every few words (a highlighted block, one per token), so
// the name is cut by hand and lower-cased only when it has a capital.
func tagName(tag string) string {
	if tag != "" && tag[0] == '/' {
		tag = tag[1:]
	}
	upper := false
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if isSpace(c) || c == '/' {
			tag = tag[:i]
			break
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if upper {
		return strings.ToLower(tag)
	}
	return tag
}

// isBlockTag reports whether a tag (by its lower-case name) ends a word: text
// on either side of it never runs together.
func isBlockTag(name string) bool {
	switch name {
	case "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
		"table", "tr", "td", "th", "thead", "tbody", "hr",
		"section", "figure", "figcaption", "img":
		return true
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
