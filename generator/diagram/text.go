package diagram

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into at most maxLines lines of at most width characters, at
// spaces where it can; text that does not fit ends with an ellipsis. It stops at
// the first line past maxLines, so its work is bounded by what it shows, however
// long the text.
func wrap(text string, width, maxLines int) []string {
	width, maxLines = max(width, 4), max(maxLines, 1)
	words := strings.Fields(text)
	var lines []string
	cur := ""
	for i := 0; i < len(words) && len(lines) <= maxLines; i++ {
		w := words[i]
		switch {
		case cur == "" && utf8.RuneCountInString(w) > width:
			cut := runeOffset(w, width)
			lines = append(lines, w[:cut])
			words[i] = w[cut:]
			i--
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = ""
			i--
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := []rune(lines[maxLines-1])
	if len(last) >= width {
		last = last[:width-1]
	}
	lines[maxLines-1] = strings.TrimRight(string(last), " ") + "…"
	return lines
}

// runeOffset is the byte offset of the n-th rune of s (len(s) when s is shorter).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// truncate shortens text to at most n characters, ending with an ellipsis.
func truncate(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return strings.TrimRight(string(r[:max(n-1, 1)]), " ") + "…"
}
