package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

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

// Elide joins items with sep, keeping a message bounded however many there
// are: past nine, the first five and the last two with "… N more" between.
func Elide(items []string, sep string) string {
	if len(items) <= 9 {
		return strings.Join(items, sep)
	}
	kept := append(slices.Clip(items[:5]), fmt.Sprintf("… %d more", len(items)-7))
	return strings.Join(append(kept, items[len(items)-2:]...), sep)
}
