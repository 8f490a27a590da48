package generator

import "strings"

// csvSafe neutralises a CSV cell against spreadsheet formula injection: a cell that
// starts (after spaces) with =, +, -, @, tab or carriage return gets a leading ', so
// a spreadsheet shows it as text instead of evaluating it.
func csvSafe(s string) string {
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}
