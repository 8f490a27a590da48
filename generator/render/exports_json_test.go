package render

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// encodeJSON must write what encoding/json's MarshalIndent writes, for every
// shape a portfolio's front matter takes: strings that need escaping (markup,
// quotes, control characters, U+2028), numbers of every magnitude, nested
// objects and lists, empty ones and nil. Invalid UTF-8, which a document
// cannot hold (files are checked) but a file name could, decodes the same; it
// is written as a literal U+FFFD rather than as \ufffd.
func TestEncodeJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(8, 27))
	pieces := []string{"", "a", "<script>", "&amp;", `"q"`, `\`, "\n", "\t", "\x00", "\x1f", "\u2028", "\u2029",
		"\xff", "é", "日本", "😀", "\x7f", "/", "+", "'", "\b", "\f"}
	str := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	floats := []float64{0, 1, -1, 0.5, 1e-7, 1e-6, 123456789, 1e20, 1e21, 1.5e300, -2.25e-10, math.MaxFloat64, math.SmallestNonzeroFloat64, 3.14159}
	var value func(depth int) any
	value = func(depth int) any {
		switch n := r.IntN(9); {
		case n == 0 || depth > 3:
			return str()
		case n == 1:
			return r.IntN(2000) - 1000
		case n == 2:
			return floats[r.IntN(len(floats))]
		case n == 3:
			return r.IntN(2) == 0
		case n == 4:
			return nil
		case n < 7:
			m := map[string]any{}
			for range r.IntN(4) {
				m[str()] = value(depth + 1)
			}
			return m
		default:
			l := []any{}
			for range r.IntN(4) {
				l = append(l, value(depth+1))
			}
			return l
		}
	}
	for i := range 3000 {
		doc := DocumentJSON{ID: str(), Kind: str(), Title: str(), Status: str(), Summary: str(),
			Tags: []string{str()}, Fields: map[string]any{str(): value(0), "x": value(0)},
			Relations: []RelationJSON{{Relation: str(), ID: str(), Field: str()}}, Backlinks: []RelationJSON{}}
		for _, prefix := range []string{"", "    "} {
			want, err := json.MarshalIndent(doc, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := encodeJSON(&got, doc, prefix); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) && !sameInvalidUTF8(t, got.Bytes(), want) {
				t.Fatalf("case %d, prefix %q: encodeJSON differs from encoding/json%s", i, prefix, firstDifference(got.Bytes(), want))
			}
		}
	}
}

// sameInvalidUTF8 reports whether got and want differ only in how they write
// invalid UTF-8 (want escapes the replacement character) and decode the same.
func sameInvalidUTF8(t *testing.T, got, want []byte) bool {
	if !bytes.Equal(got, bytes.ReplaceAll(want, []byte(`\ufffd`), []byte("\ufffd"))) {
		return false
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(g)
	wj, _ := json.Marshal(w)
	return bytes.Equal(gj, wj)
}
