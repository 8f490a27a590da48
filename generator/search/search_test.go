package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // terms joined by |
	}{
		{"Payments Gateway", "payments|gateway"},
		{"The gateway is the door", "gateway|door"},
		{"CRY-TLS-1: approved suites", "cry-tls-1|cry|tls|approved|suites"},
		{"see SEC-102.", "see|sec-102|sec|102"},
		{"ac-2.1 and IA_2", "ac-2.1|ac|ia_2|ia"},
		{"trailing- dash -lead", "trailing|dash|lead"},
		{"Café ÉCOLE naïve", "café|cafe|école|ecole|naïve|naive"},
		{"Straße İstanbul Zürich-Łódź", "straße|strasse|istanbul|zürich-łódź|zurich-lodz|zürich|zurich|łódź|lodz"},
		{"Ĳssel œuvre ŉ", "ĳssel|ijssel|œuvre|oeuvre|ŉ|n"},
		{"東京都の決済", "東京|京都|都の|の決|決済"},
		{"鍵 key", "鍵|key"},
		{"한국어 문서", "한국|국어|문서"},
		{"x y", "x|y"},
		{strings.Repeat("a", 41) + " ok", "ok"},
		{"<script>alert(1)</script>", "script|alert|1|script"},
	} {
		var got []string
		Terms(c.in, func(term string) { got = append(got, term) })
		if strings.Join(got, "|") != c.want {
			t.Errorf("Terms(%q) = %q, want %q", c.in, strings.Join(got, "|"), c.want)
		}
	}
}

func TestPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"Payments Gateway":             "payments gateway",
		"The payments-gateway":         "payments-gateway",
		"Threat model — payments (v2)": "threat model payments v2",
		"Zürich café":                  "zürich café",
		"":                             "",
	} {
		if got := Phrase(in); got != want {
			t.Errorf("Phrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"<p>One <em>two</em></p>\n<p>three&amp;four</p>":                "One two three&four",
		"<ul><li>a</li><li>b</li></ul>":                                 "a b",
		"<pre><code>x := 1\ny</code></pre>":                             "x := 1 y",
		"<p>keep</p><script>var secret = 1;</script><style>p{}</style>": "keep",
		"<p>A&lt;b&gt; &#39;q&#39;</p>":                                 "A<b> 'q'",
		"<h2 id=\"x\">Head</h2>text":                                    "Head text",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func sampleDocs() []Doc {
	return []Doc{
		{ID: "crypto-tls", Title: "Transport encryption", URL: "standards/crypto-tls/", Kind: "Standard", Status: "effective",
			Keys: []Key{{ID: "CRY-TLS-1", Text: "Approved suites only"}}, Body: "TLS everywhere."},
		{ID: "payments-gateway", Title: "Payments gateway", URL: "blueprints/payments-gateway/", Kind: "Blueprint", Status: "implemented",
			Summary: "Card payments", Fields: []string{"kong"}, Body: "Settles with Adyen. Uses CRY-TLS-1."},
		{ID: "rem-x", Title: "Fix <it> & \"that\"", URL: "remediation/rem-x/", Kind: "Remediation item",
			Keys: []Key{{ID: "SEC-102"}}, Body: "東京 gateway"},
	}
}

func TestBuildWeights(t *testing.T) {
	ix := Build(sampleDocs())
	for _, c := range []struct {
		term    string
		docs    []int
		weights []int
	}{
		{"cry-tls-1", []int{0, 1}, []int{InKey, InBody}},
		{"payments-gateway", []int{1}, []int{IsName | InKeyText}},
		{"payments gateway", []int{1}, []int{IsName}},
		{"gateway", []int{1, 2}, []int{InTitle | InKeyText, InBody}},
		{"adyen", []int{1}, []int{InBody}},
		{"sec-102", []int{2}, []int{InKey}},
		{"東京", []int{2}, []int{InBody}},
		{"the", nil, nil},
	} {
		docs, weights := ix.lookup(c.term)
		if !slices.Equal(docs, c.docs) || !slices.Equal(weights, c.weights) {
			t.Errorf("%q: docs %v weights %v, want %v %v", c.term, docs, weights, c.docs, c.weights)
		}
	}
}

// files writes ix and returns its files by name.
func files(t *testing.T, ix *Index) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := ix.Write(func(name string, data []byte) error {
		if _, dup := out[name]; dup {
			return fmt.Errorf("%s written twice", name)
		}
		out[name] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var call = regexp.MustCompile(`^archfolioSearch\.(manifest|shard|doc)\((?:(\d+),)?(.*)\);\n$`)

// decode reads a file's call and its JSON argument into v.
func decode(t *testing.T, name, file string, v any) {
	t.Helper()
	m := call.FindStringSubmatch(file)
	if m == nil {
		t.Fatalf("%s is not one call: %.200s", name, file)
	}
	if err := json.Unmarshal([]byte(m[3]), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// decodePostings is search.js's postings.
func decodePostings(s string) (docs, weights []int) {
	doc, v := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(alphabet, s[i])
		if d >= 32 {
			v = v*32 + d - 32
			continue
		}
		doc += v*32 + d
		v = 0
		i++
		docs = append(docs, doc)
		weights = append(weights, strings.IndexByte(alphabet, s[i]))
	}
	return docs, weights
}

// The files round-trip: every term is in the shard the manifest's ranges
// name, with the postings lookup gives; every document has its file; the
// facets decode to each document's kind and status; nothing in any file can
// end a script element.
func TestWriteRoundTrip(t *testing.T) {
	docs := sampleDocs()
	for i := range 300 { // enough terms for several shards
		docs = append(docs, Doc{ID: fmt.Sprintf("d-%d", i), Title: fmt.Sprintf("Doc %d", i), URL: "x/", Kind: "Guide",
			Body: fmt.Sprint(rangeWords(i))})
	}
	ix := Build(docs)
	out := files(t, ix)
	var m Manifest
	decode(t, "index.js", out[Dir+"index.js"], &m)
	if m.Docs != len(docs) || len(m.Shards) < 3 || len(m.Shards) != len(m.Sizes) {
		t.Fatalf("manifest: %d docs, %d shards, %d sizes", m.Docs, len(m.Shards), len(m.Sizes))
	}
	shards := map[string]map[string]string{}
	for i := range m.Shards {
		name := fmt.Sprintf("%st/%d.js", Dir, i)
		if len(out[name]) != m.Sizes[i] {
			t.Errorf("%s: %d bytes, manifest says %d", name, len(out[name]), m.Sizes[i])
		}
		var terms map[string]string
		decode(t, name, out[name], &terms)
		shards[m.Shards[i]] = terms
	}
	for _, term := range ix.terms {
		i, _ := slices.BinarySearch(m.Shards, term)
		if i == len(m.Shards) || m.Shards[i] != term {
			i--
		}
		got, ok := shards[m.Shards[i]][term]
		if !ok {
			t.Fatalf("%q is not in shard %d (from %q)", term, i, m.Shards[i])
		}
		gd, gw := decodePostings(got)
		wd, ww := ix.lookup(term)
		if !slices.Equal(gd, wd) || !slices.Equal(gw, ww) {
			t.Errorf("%q decodes to %v %v, want %v %v", term, gd, gw, wd, ww)
		}
	}
	for i, d := range docs {
		var f DocFile
		decode(t, "doc", out[fmt.Sprintf("%sd/%d.js", Dir, i)], &f)
		if f.Title != d.Title || f.URL != d.URL {
			t.Errorf("doc %d: %+v", i, f)
		}
		kind, status := facetAt(m, i, 0), facetAt(m, i, 1)
		if m.Kinds[kind] != d.Kind || (d.Status == "") != (status < 0) || (status >= 0 && m.Statuses[status] != d.Status) {
			t.Errorf("doc %d: facets %d %d, want %s %s", i, kind, status, d.Kind, d.Status)
		}
	}
	for name, data := range out {
		if strings.ContainsAny(data, "<>&") || strings.Contains(data, "\u2028") {
			t.Errorf("%s holds an unescaped <, >, & or U+2028", name)
		}
	}
}

func facetAt(m Manifest, n, which int) int {
	v := 0
	at := (2*n + which) * m.FacetDigits
	for i := range m.FacetDigits {
		v = v*64 + strings.IndexByte(alphabet, m.Facets[at+i])
	}
	if which == 1 {
		return v - 1
	}
	return v
}

// Two builds of the same documents write the same bytes.
func TestWriteDeterministic(t *testing.T) {
	a, b := files(t, Build(sampleDocs())), files(t, Build(sampleDocs()))
	if len(a) != len(b) {
		t.Fatal("different files")
	}
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestVarint(t *testing.T) {
	for _, v := range []int{0, 1, 31, 32, 33, 1023, 1024, 99999} {
		var b bytes.Buffer
		putVarint(&b, v)
		b.WriteByte(alphabet[5])
		docs, w := decodePostings(b.String())
		if len(docs) != 1 || docs[0] != v || w[0] != 5 {
			t.Errorf("%d encodes as %q, decodes to %v %v", v, b.String(), docs, w)
		}
	}
}

func rangeWords(i int) []string {
	var w []string
	for j := range 50 {
		w = append(w, fmt.Sprintf("w%dx%d", i, j*7919%1000))
	}
	return w
}

// What a first query downloads is the manifest, a shard or a few per term and
// the files of the ten documents it shows. At 10,000 documents the manifest
// stays small (two digits of facets a document, a first term a shard) and a
// document's file stays under maxDocText and its title, however long its body.
func TestFirstQueryPartsStaySmall(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 10,000 documents")
	}
	docs := make([]Doc, 10000)
	for i := range docs {
		docs[i] = Doc{ID: fmt.Sprintf("blueprint-%d", i), Title: fmt.Sprintf("Blueprint %d", i), URL: fmt.Sprintf("blueprints/blueprint-%d/", i),
			Kind: []string{"Blueprint", "Standard", "Guide"}[i%3], Status: []string{"draft", "approved", "retired", "done"}[i%4],
			Keys: []Key{{ID: fmt.Sprintf("KEY-%d", i), Text: "statement text"}},
			Body: fmt.Sprintf("word%d common text", i%5000)}
		if i < 10 {
			docs[i].Body = strings.Repeat(docs[i].Body+" ", 2000)
			docs[i].Keys[0].Text = strings.Repeat("statement text ", 1000)
		}
	}
	out := files(t, Build(docs))
	if n := len(out[Dir+"index.js"]); n > 64<<10 {
		t.Errorf("the manifest is %d bytes at 10,000 documents", n)
	}
	for name, data := range out {
		if strings.HasPrefix(name, Dir+"d/") && len(data) > maxDocText+1024 {
			t.Errorf("%s is %d bytes", name, len(data))
		}
	}
}

// An empty portfolio has a manifest search.js can read: lists, not nulls.
func TestEmptyIndex(t *testing.T) {
	out := files(t, Build(nil))
	if got := out[Dir+"index.js"]; !strings.Contains(got, `"shards":[]`) || !strings.Contains(got, `"kinds":[]`) || strings.Contains(got, "null") {
		t.Errorf("empty manifest: %s", got)
	}
}

// TestTermsEqualsRuneByRune compares Terms, whose ASCII takes a fast path, with
// the tokenizer it must equal: one that decodes every rune and asks isWord,
// isJoiner and isCJK, on random text mixing ASCII words and identifiers with
// accented Latin, CJK, Hangul, combining marks and long words.
func TestTermsEqualsRuneByRune(t *testing.T) {
	pieces := []string{"a", "Z", "7", "-", ".", "_", " ", ",", "(", "\n", "é", "É", "ß", "İ", "Ł", "ĳ",
		"東", "京", "한", "국", "\u0301", "ж", "Ж", "Σ", "\u212a", "Ǆ", "Ⅻ", "Ａ", "٣", "—", "’", strings.Repeat("x", 39), strings.Repeat("é", 21)}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, index := range []bool{true, false} {
			var got, want []string
			terms(s, index, func(term string) { got = append(got, term) })
			termsRuneByRune(s, index, func(term string) { want = append(want, term) })
			if !slices.Equal(got, want) {
				t.Fatalf("terms(%q, %v) = %q, want %q", s, index, got, want)
			}
		}
	}
}

// termsRuneByRune is terms as it was before its ASCII fast path.
func termsRuneByRune(s string, index bool, emit func(term string)) {
	s = strings.ToLower(s)
	end := func(i int) int {
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWord(r) && !isCJK(r) {
				j += n
				continue
			}
			if isJoiner(r) && j+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+n:]); isWord(r2) && !isCJK(r2) {
					j += n
					continue
				}
			}
			break
		}
		return j
	}
	keepTerm := func(term string) {
		if utf8.RuneCountInString(term) <= maxTermLen && !isStop(term) {
			emit(term)
			if folded := fold(term); index && folded != term {
				emit(folded)
			}
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isCJK(r): // CJK runs are as they were: cjkEnd is the old loop
			j := cjkEnd(s, i+n)
			cjkTerms(s[i:j], emit)
			i = j
		case isWord(r):
			j := end(i)
			w := s[i:j]
			keepTerm(w)
			if index && strings.ContainsFunc(w, isJoiner) {
				for part := range strings.FieldsFuncSeq(w, isJoiner) {
					if utf8.RuneCountInString(part) >= 2 {
						keepTerm(part)
					}
				}
			}
			i = j
		default:
			i += n
		}
	}
}

func BenchmarkTerms(b *testing.B) {
	var text strings.Builder
	for i := range 200 {
		fmt.Fprintf(&text, "The payments-gateway-%d service (owned by Team Claims) calls CRY-TLS-1.2 approved suites; "+
			"see SEC-%d and ac-2.1 for the rotation of keys, every 90 days, in Zürich and 東京. ", i, 100+i)
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		n := 0
		Terms(s, func(string) { n++ })
	}
}

// TestBuildFromHTML indexes the same documents given as text and as HTML: the
// files are the same, and Build keeps of each body only what its file shows.
// A worker writes each document's text over the last one's, so a shorter text
// follows a longer one (a term or snippet that kept the buffer would change).
func TestBuildFromHTML(t *testing.T) {
	long := strings.Repeat("<p>Rotation of keys every <em>ninety</em> days, see CRY-TLS-1.</p>\n", 200)
	htmls := []string{"<p>Payments &amp; <code>gateway</code></p>", long, "<p>Zebra quokka</p>", "", "<h2>Wombat</h2><p>Keys rotate.</p>"}
	var fromText, fromHTML []Doc
	for i, h := range htmls {
		d := Doc{ID: fmt.Sprint("d", i), Title: fmt.Sprint("Doc ", i), URL: "x/", Kind: "Guide"}
		fromHTML = append(fromHTML, d)
		fromHTML[i].HTML = h
		d.Body = PlainText(h)
		fromText = append(fromText, d)
	}
	want, got := files(t, Build(fromText)), files(t, Build(fromHTML))
	if len(got) != len(want) {
		t.Fatalf("%d files from HTML, %d from text", len(got), len(want))
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s differs:\n%s\nwant\n%s", name, got[name], data)
		}
	}
	for i, d := range fromHTML {
		if d.HTML != "" || d.Body != snippet(PlainText(htmls[i])) {
			t.Errorf("document %d keeps HTML %d bytes, text %d bytes; want none and its snippet (%d bytes)",
				i, len(d.HTML), len(d.Body), len(snippet(PlainText(htmls[i]))))
		}
	}
	if len(fromHTML[1].Body) >= len(PlainText(long)) {
		t.Errorf("the long body is kept whole (%d bytes)", len(fromHTML[1].Body))
	}
}

func TestStopWordsAndNoOthers(t *testing.T) {
	for _, w := range stopWords {
		if !isStop(w) {
			t.Errorf("isStop(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "th", "thes", "then", "ands", "b", "withs", "wit", "ito", "of\u00e9", "bé"} {
		if isStop(w) {
			t.Errorf("isStop(%q) = true, want false", w)
		}
	}
}
