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
	var b strings.Builder
	b.Grow(len(h) / 2)
	space := true // nothing written yet, or the last rune written is a space
	text := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		// White space is ASCII, and no byte of a longer UTF-8 sequence is.
		for i := 0; i < len(s); {
			if isSpace(s[i]) {
				if !space {
					b.WriteByte(' ')
					space = true
				}
				i++
				continue
			}
			j := i + 1
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			b.WriteString(s[i:j])
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
		if blockTags[name] && !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// tagName is the lower-case name of a tag's inside ("/p", "a href=…" → "p", "a").
func tagName(tag string) string {
	tag = strings.TrimPrefix(tag, "/")
	end := strings.IndexAny(tag, " \t\n\r\f/")
	if end >= 0 {
		tag = tag[:end]
	}
	return strings.ToLower(tag)
}

// blockTags end a word: text on either side of them never runs together.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "pre": true, "blockquote": true,
	"table": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true, "hr": true,
	"section": true, "figure": true, "figcaption": true, "img": true,
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
