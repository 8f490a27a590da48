package mdext

import (
	"bytes"
	"strings"
)

// Fences calls visit with the language and the code of every fenced code block
// of a markdown body that starts a line (after at most three spaces), as the
// Highlighter will see them. It is a quick line scan, not a parser: blocks in
// block quotes or indented further (deeper list items), and indented blocks with
// a tab in their indentation, are not seen, and odd input may yield a block
// goldmark would not make. A block inside an HTML comment that starts a line
// (<!-- up to the line holding -->) is not a block, and is not seen: prepared,
// it would be highlighted for nothing and held to the end of the run. It only
// serves as a hint (Cache.Prepare), so a miss costs time, never correctness.
// code is only valid during the call.
func Fences(src []byte, visit func(lang string, code []byte)) {
	var code []byte
	open := false
	var fence []byte // the opening fence: ``` or ~~~, or longer
	var indent int
	var lang string
	var unsure bool  // a tab where the fence's indentation is taken off, which goldmark expands
	var comment bool // in an HTML comment, up to the line that holds -->
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i+1], src[i+1:]
		} else {
			src = nil
		}
		ind, rest := leadingSpaces(line)
		switch {
		case comment:
			comment = !bytes.Contains(line, commentEnd)
		case !open && ind <= 3 && bytes.HasPrefix(rest, commentStart):
			comment = !bytes.Contains(rest[len(commentStart):], commentEnd)
		case !open && ind <= 3 && isFence(rest):
			n := fenceLen(rest)
			info := strings.TrimSpace(string(rest[n:]))
			if rest[0] == '`' && strings.Contains(info, "`") {
				continue // not a fence: backticks in the info string
			}
			open, fence, indent, code, lang, unsure = true, rest[:n], ind, code[:0], "", false
			if words := strings.Fields(info); len(words) > 0 {
				lang = strings.ToLower(words[0])
			}
		case open && ind <= 3 && fenceLen(rest) >= len(fence) && rest[0] == fence[0] &&
			len(bytes.TrimSpace(rest[fenceLen(rest):])) == 0:
			if !unsure {
				visit(lang, code)
			}
			open = false
		case open:
			unsure = unsure || ind < indent && len(rest) > 0 && rest[0] == '\t'
			code = append(code, line[min(ind, indent):]...)
		}
	}
	if open && !unsure {
		visit(lang, code)
	}
}

// commentStart and commentEnd start and end an HTML comment.
var commentStart, commentEnd = []byte("<!--"), []byte("-->")

func leadingSpaces(line []byte) (int, []byte) {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n, line[n:]
}

func isFence(s []byte) bool {
	return len(s) >= 3 && (s[0] == '`' || s[0] == '~') && fenceLen(s) >= 3
}

// fenceLen is how many times the first byte of s repeats at its start.
func fenceLen(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	n := 1
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return n
}
