package adr

import (
	"slices"
	"testing"
)

func TestMapStatus(t *testing.T) {
	for _, tc := range []struct {
		raw, status string
		exact       bool
		by          string
	}{
		{"accepted", "accepted", true, ""},
		{"Accepted", "accepted", true, ""}, // adr-tools capitalises: no note
		{"**Proposed**", "proposed", true, ""},
		{"superseded by [ADR-0005](0005-x.md)", "superseded", true, "[ADR-0005](0005-x.md)"},
		{"Superceded by 7", "superseded", true, "7"},
		{"Partly superseded", "accepted", false, ""},
		{"Accepted on 2020-01-01", "accepted", false, ""},
		{"draft", "proposed", false, ""},
		{"under discussion with legal", "proposed", false, ""},
		{"Withdrawn.", "deprecated", false, ""},
	} {
		st, exact, by := mapStatus(tc.raw)
		if st != tc.status || exact != tc.exact || by != tc.by {
			t.Errorf("mapStatus(%q) = %q, %v, %q; want %q, %v, %q", tc.raw, st, exact, by, tc.status, tc.exact, tc.by)
		}
	}
}

func TestResolveByNumber(t *testing.T) {
	recs := []*record{{source: "0001-a.md", number: 1, id: "0001-a"}, {source: "0005-b.md", number: 5, id: "0005-b"},
		{source: "0007-c.md", number: 7, id: "0007-c"}, {source: "sub/0002-d.md", number: 2, id: "0002-d"}}
	f := newFolder(recs)
	for _, tc := range []struct {
		from, text string
		want       []string
	}{
		{"0001-a.md", "ADR-0005", []string{"0005-b"}},
		{"0001-a.md", "7 on 2024-05-01", []string{"0007-c"}},
		{"0001-a.md", "ADR 5 and ADR-7", []string{"0005-b", "0007-c"}},
		{"0001-a.md", "[the other](sub/0002-d.md#why)", []string{"0002-d"}},
		{"sub/0002-d.md", "[up](../0001-a.md)", []string{"0001-a"}},
		{"0001-a.md", "[web](https://example.com/0005-b.md)", nil},
		{"0001-a.md", "the new logging approach", nil},
	} {
		var got []string
		for _, r := range f.resolve(f.byPath[tc.from], relation{text: tc.text}) {
			got = append(got, r.id)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("resolve(%q from %s) = %v, want %v", tc.text, tc.from, got, tc.want)
		}
	}
}
