package generator

import (
	"slices"
	"strings"

	"archfolio/generator/markup"
)

// EnumValues returns the values the schema allows for a field of kind, in the
// schema's order: "status" gives the kind's statuses, and a dotted path names
// a field of a list's (or object's) objects ("threats.status"). It is nil when
// the field is not an enum.
func (s *Schema) EnumValues(kind, path string) []string {
	k := s.Kinds[kind]
	if k == nil {
		return nil
	}
	if path == "status" {
		return k.Statuses
	}
	names := strings.Split(path, ".")
	f := k.Field(s, names[0])
	for _, n := range names[1:] {
		for f != nil && f.Of != nil {
			f = f.Of
		}
		if f == nil {
			return nil
		}
		f = f.Fields.ByName[n]
	}
	if f == nil || f.Type != TypeEnum {
		return nil
	}
	return f.Values
}

// EnumValues is the site schema's EnumValues, for the views' tables.
func (pg *Page) EnumValues(kind, path string) []string {
	return pg.Site.schema.EnumValues(kind, path)
}

// PutSortRank writes a sortable table cell's data-sort attribute: v's place
// among values, the order the schema lists them in, so that site.js sorts the
// column in that order (low, medium, high, mission-critical) rather than
// alphabetically. An empty or unknown value sorts after every known one.
func PutSortRank(w markup.Writer, values []string, v string) {
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
