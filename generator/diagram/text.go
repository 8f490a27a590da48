package diagram

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into at most maxLines lines of at most width characters, at
// spaces where it can; text that does not fit ends with an ellipsis.
func wrap(text string, width, maxLines int) []string {
	width = max(width, 4)
	words := strings.Fields(text)
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case cur == "" && utf8.RuneCountInString(w) > width:
			r := []rune(w)
			lines = append(lines, string(r[:width]))
			words[i] = string(r[width:])
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

// truncate shortens text to at most n characters, ending with an ellipsis.
func truncate(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return strings.TrimRight(string(r[:max(n-1, 1)]), " ") + "…"
}
