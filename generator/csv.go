package generator

import "strings"

// formulaStart holds the characters with which a spreadsheet cell, or a line of
// one, starts a formula (or, for tab and carriage return, hides one).
const formulaStart = "=+-@\t\r"

// CSVSafe neutralises a CSV cell against spreadsheet formula injection: wherever a
// formula could start — the cell itself, each line within it, each item after a
// "; " join — a start that is (after spaces) one of =, +, -, @, tab or carriage
// return gets a leading ', so a spreadsheet shows it as text instead of
// evaluating it.
func CSVSafe(s string) string {
	if !strings.ContainsAny(s, formulaStart) {
		return s
	}
	var b strings.Builder
	last := 0
	for p := 0; p < len(s); {
		q := p
		for q < len(s) && s[q] == ' ' {
			q++
		}
		if q < len(s) && strings.IndexByte(formulaStart, s[q]) >= 0 {
			b.WriteString(s[last:p])
			b.WriteByte('\'')
			last = p
		}
		p = nextCellStart(s, p)
	}
	if last == 0 && b.Len() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nextCellStart is where the next line or joined item after p begins: after a
// line feed, a carriage return or "; ", or len(s) when there is none.
func nextCellStart(s string, p int) int {
	for i := p; i < len(s); i++ {
		switch {
		case s[i] == '\n' || s[i] == '\r':
			return i + 1
		case s[i] == ';' && i+1 < len(s) && s[i+1] == ' ':
			return i + 2
		}
	}
	return len(s)
}
