package render

import (
	"slices"

	"archfolio/generator/markup"
)

// EnumValues is the site schema's EnumValues, for the views' tables.
func (pg *Page) EnumValues(kind, path string) []string {
	return pg.Site.schema.EnumValues(kind, path)
}

// PutSortRank writes a sortable table cell's data-sort attribute: v's place
// among values, the order the schema lists them in, so that site.js sorts the
// column in that order (low, medium, high, mission-critical) rather than
// alphabetically. An unknown value sorts after every known one. An empty
// value's key is empty, which site.js sorts last either way, as an empty
// cell, whatever the cell shows for it ("not set").
func PutSortRank(w markup.Writer, values []string, v string) {
	if v == "" {
		w.Raw(" data-sort=\"\"")
		return
	}
	w.Raw(" data-sort=\"")
	w.Int(sortRank(values, v))
	w.Raw("\"")
}

// sortRank is v's place among values, or len(values) when it is not one.
func sortRank(values []string, v string) int {
	if i := slices.Index(values, v); i >= 0 {
		return i
	}
	return len(values)
}

// PutSortKey writes a sortable table cell's data-sort attribute: the text the
// cell sorts by, where it shows more (a title cell's summary, a status).
func PutSortKey(w markup.Writer, key string) {
	w.Raw(" data-sort=\"")
	w.Text(key)
	w.Raw("\"")
}
