package fuzzing

import (
	"bytes"
	"regexp"
	"strings"
)

// ThemeScript is the only script tag the default theme writes: a file of the
// site's assets/, by a relative path (from the site root on 404.html).
var ThemeScript = regexp.MustCompile(`^<script src="(/|(\.\./)*)assets/[a-z-]+\.js"( defer)?>$`)

// ScriptTags returns every <script …> start tag of a page, case-insensitively.
func ScriptTags(page []byte) []string {
	var tags []string
	for i := 0; ; i++ {
		at := bytes.IndexByte(page[i:], '<')
		if at < 0 {
			return tags
		}
		i += at
		if i+7 <= len(page) && bytes.EqualFold(page[i+1:i+7], []byte("script")) {
			end := bytes.IndexByte(page[i:], '>')
			if end < 0 {
				end = len(page) - i - 1
			}
			tags = append(tags, string(page[i:i+end+1]))
		}
	}
}

// JSAttribute returns the offset of the '=' of a quoted attribute value that
// starts (after blanks) with javascript:, case-insensitively, or -1. Text cannot match: its
// quotes are escaped. An option's value and a data- attribute are data that
// a browser never follows (a filter's value is a tag or an owner as written)
// and are not looked at, except the data- attributes the theme's scripts load
// or link (urlData).
func JSAttribute(page []byte) int {
	for i := 0; ; i++ {
		at := bytes.IndexByte(page[i:], '=')
		if at < 0 {
			return -1
		}
		i += at
		v := page[i+1:]
		if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
			continue // text (whose quotes are escaped), not an attribute
		}
		if name := strings.ToLower(string(attrName(page[:i]))); name == "value" || strings.HasPrefix(name, "data-") && !urlData[name] {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\n\r\f")
		if len(v) >= 11 && bytes.EqualFold(v[:11], []byte("javascript:")) {
			return i
		}
	}
}

// attrName returns the attribute name that ends before, or what precedes the
// '=' when that is no name.
func attrName(before []byte) []byte {
	start := len(before)
	for start > 0 {
		c := before[start-1]
		if c != '-' && c != '_' && c != ':' && (c < '0' || c > '9') && (c|0x20 < 'a' || c|0x20 > 'z') {
			break
		}
		start--
	}
	return before[start:]
}

// urlData are the data- attributes whose values the theme's scripts load as
// scripts or follow as links.
var urlData = map[string]bool{"data-root": true, "data-edges": true, "data-sort-rows": true,
	"data-filter-rows": true, "data-filter-pages": true}
