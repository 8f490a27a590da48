package generator

import "strconv"

// plural returns a count with its noun: "1 blueprint", "3 dependencies".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// PluralWord returns the noun alone, in the form a count of n takes.
func PluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
