package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
)

// Dir is the folder of the index in the site.
const Dir = "assets/search/"

// The index is written as scripts, so that it loads from file:// where fetching
// JSON does not: each calls a function of window.archfolioSearch, which
// search.js defines before it adds the script to the page.
//
//	index.js      archfolioSearch.manifest({…}): the shards, the facets, the stop words
//	t/N.js        archfolioSearch.shard(N, {term: postings, …}): the terms from the
//	              manifest's shards[N] up to (not including) shards[N+1]
//	d/N.js        archfolioSearch.doc(N, {…}): document N's title, address and text
//
// A query loads the manifest, the shards that hold its terms and the documents
// of the results it shows, so what it downloads does not grow with the site
// the way one index file would.
//
// Postings are a string: for each document a term occurs in, the difference
// between its number and the previous one's (the first: its number) as a
// variable-length number, then its weight as one digit of the alphabet. A
// variable-length number is its base-32 digits, most significant first, each
// but the last written as alphabet[32+d], the last as alphabet[d].
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// shardSize is the size a term shard is filled to: a shard ends at the first
// term that takes it over. One term's postings may make a bigger one.
const shardSize = 20 << 10

// maxDocText is the most text a document's file holds for snippets, in bytes:
// a quarter for its keys, a quarter for its fields, half for its body. The
// index itself covers all of it.
const maxDocText = 8 << 10

// Manifest is the content of index.js.
type Manifest struct {
	Version int `json:"v"`
	// Docs is the number of documents.
	Docs int `json:"n"`
	// Kinds and Statuses are the facets' values; Facets holds each document's,
	// Width digits of the alphabet each: its kind's index, then its status's
	// index plus one (0 for none), each FacetDigits digits, most significant first.
	Kinds       []string `json:"kinds"`
	Statuses    []string `json:"statuses"`
	FacetDigits int      `json:"fd"`
	Facets      string   `json:"facets"`
	// Shards holds each term shard's first term; Sizes its file's size in bytes.
	Shards []string `json:"shards"`
	Sizes  []int    `json:"sizes"`
	// Stop lists the words that are not indexed.
	Stop []string `json:"stop"`
}

// DocFile is the content of d/N.js.
type DocFile struct {
	Title   string   `json:"t"`
	URL     string   `json:"u"`
	ID      string   `json:"i"`
	Summary string   `json:"s,omitempty"`
	Owner   string   `json:"o,omitempty"`
	Keys    []string `json:"k,omitempty"`
	Fields  string   `json:"f,omitempty"`
	Body    string   `json:"x,omitempty"`
}

// Write writes the index's files under Dir with write, in a fixed order.
func (ix *Index) Write(write func(name string, data []byte) error) error {
	shards, firsts := ix.shards()
	m := ix.manifest()
	m.Shards = append(m.Shards, firsts...)
	for i, s := range shards {
		if err := write(fmt.Sprintf("%st/%d.js", Dir, i), s); err != nil {
			return err
		}
		m.Sizes = append(m.Sizes, len(s))
	}
	data, err := script("archfolioSearch.manifest(", m)
	if err != nil {
		return err
	}
	if err := write(Dir+"index.js", data); err != nil {
		return err
	}
	for i := range ix.docs {
		data, err := script(fmt.Sprintf("archfolioSearch.doc(%d,", i), docFile(&ix.docs[i]))
		if err != nil {
			return err
		}
		if err := write(fmt.Sprintf("%sd/%d.js", Dir, i), data); err != nil {
			return err
		}
	}
	return nil
}

// script is a call of fn with v as JSON. encoding/json escapes <, > and &
// (and U+2028, U+2029), so no value can end the script or break the line.
func script(call string, v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(call)+len(data)+3)
	out = append(append(append(out, call...), data...), ");\n"...)
	return out, nil
}

func (ix *Index) manifest() *Manifest {
	// Lists are never null in the manifest, so search.js needs no checks.
	m := &Manifest{Version: 1, Docs: len(ix.docs), Stop: stopWords, Kinds: []string{}, Statuses: []string{},
		Shards: []string{}, Sizes: []int{}}
	kinds, statuses := map[string]int{}, map[string]int{}
	for _, d := range ix.docs {
		if _, ok := kinds[d.Kind]; !ok {
			kinds[d.Kind] = len(m.Kinds)
			m.Kinds = append(m.Kinds, d.Kind)
		}
		if _, ok := statuses[d.Status]; !ok && d.Status != "" {
			statuses[d.Status] = 0
			m.Statuses = append(m.Statuses, d.Status)
		}
	}
	slices.Sort(m.Statuses)
	for i, s := range m.Statuses {
		statuses[s] = i + 1
	}
	m.FacetDigits = max(digits(len(m.Kinds)), digits(len(m.Statuses)+1))
	var b strings.Builder
	for _, d := range ix.docs {
		putDigits(&b, kinds[d.Kind], m.FacetDigits)
		putDigits(&b, statuses[d.Status], m.FacetDigits)
	}
	m.Facets = b.String()
	return m
}

// digits is how many digits of the alphabet write the numbers below n.
func digits(n int) int {
	d := 1
	for limit := len(alphabet); limit < n; limit *= len(alphabet) {
		d++
	}
	return d
}

func putDigits(b *strings.Builder, v, width int) {
	var buf [8]byte
	for i := width - 1; i >= 0; i-- {
		buf[i] = alphabet[v%len(alphabet)]
		v /= len(alphabet)
	}
	b.Write(buf[:width])
}

// shards packs the sorted terms into shards of about shardSize bytes, and
// returns each shard's script and its first term.
func (ix *Index) shards() (shards [][]byte, firsts []string) {
	var cur bytes.Buffer
	flush := func() {
		cur.WriteString("});\n")
		shards = append(shards, bytes.Clone(cur.Bytes()))
		cur.Reset()
	}
	for _, t := range ix.terms {
		if cur.Len() >= shardSize {
			flush()
		}
		if cur.Len() == 0 {
			fmt.Fprintf(&cur, "archfolioSearch.shard(%d,{", len(shards))
			firsts = append(firsts, t)
		} else {
			cur.WriteByte(',')
		}
		key, _ := json.Marshal(t) // a string always encodes
		cur.Write(key)
		cur.WriteString(`:"`)
		prev := int32(0)
		for _, p := range ix.postings[t] {
			putVarint(&cur, int(p.doc-prev))
			cur.WriteByte(alphabet[p.weight])
			prev = p.doc
		}
		cur.WriteByte('"')
	}
	if cur.Len() > 0 {
		flush()
	}
	return shards, firsts
}

// putVarint writes v as a variable-length number (see alphabet).
func putVarint(b *bytes.Buffer, v int) {
	var buf [8]byte
	i := len(buf) - 1
	buf[i] = alphabet[v%32]
	for v /= 32; v > 0; v /= 32 {
		i--
		buf[i] = alphabet[32+v%32]
	}
	b.Write(buf[i:])
}

// docFile is what a result shows of d: its title, address and text for the
// snippet, each part cut to its share of maxDocText.
func docFile(d *Doc) DocFile {
	f := DocFile{Title: d.Title, URL: d.URL, ID: d.ID, Summary: d.Summary, Owner: d.Owner}
	room := maxDocText / 4
	for _, k := range d.Keys {
		if room <= 0 {
			break
		}
		line := cut(strings.TrimSpace(k.ID+" "+k.Text), room)
		f.Keys = append(f.Keys, line)
		room -= len(line)
	}
	f.Fields = cut(strings.Join(d.Fields, " · "), maxDocText/4)
	f.Body = snippet(d.Body)
	return f
}

// snippet is the part of a body's text that its document's file holds.
func snippet(body string) string { return cut(body, maxDocText/2) }

// cut returns s up to n bytes, at a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func workers() int { return runtime.GOMAXPROCS(0) }
