package frontmatter

import (
	"archfolio/generator/diag"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	yamlv2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
)

// decodeText parses YAML text once with yaml.v3 and decodes it as front matter.
func decodeText(t testing.TB, src string) (Map, *Index, []Problem) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		return nil, nil, SyntaxError(err)
	}
	return Decode(&root, NewScalars())
}

// Tricky scalars decode as yaml.v2 (goldmark-meta's decoder) decoded them.
func TestFrontMatterScalarsDecodeAsYAMLv2(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want any
	}{
		{"yes", true}, {"Yes", true}, {"on", true}, {"ON", true}, {"y", true}, {"true", true},
		{"no", false}, {"off", false}, {"N", false}, {"False", false},
		{"'yes'", "yes"}, {`"on"`, "on"}, {"yEs", "yEs"},
		{"~", nil}, {"null", nil}, {"", nil}, {"NULL", nil},
		{"1_000", 1000}, {"0x1F", 31}, {"0o17", 15}, {"017", 15}, {"0b101", 5}, {"-0b11", -3},
		{"+12", 12}, {"-7", -7}, {"9223372036854775807", math.MaxInt64},
		{"18446744073709551615", uint64(math.MaxUint64)}, {"18446744073709551616", 1.8446744073709552e19},
		{"1.5", 1.5}, {".5", 0.5}, {"1e3", 1000.0}, {"1_0.5", 10.5}, {".inf", math.Inf(1)}, {"-.Inf", math.Inf(-1)},
		{"2026-11-27", "2026-11-27"}, {"2026-1-2", "2026-1-2"}, {"2026-11-27T10:00:00Z", "2026-11-27T10:00:00Z"},
		{"2026-Q3", "2026-Q3"}, {"P6M", "P6M"}, {"12:30", "12:30"}, {"1:20:30", "1:20:30"},
		{"!!str 12", "12"}, {"!!float 3", 3.0}, {"!!int '7'", 7}, {"!!binary aGk=", "hi"},
		{"!!timestamp 2026-11-27", "2026-11-27"}, {"!custom x", "x"}, {"|\n  two\n  lines", "two\nlines\n"},
		{"&a 5", 5}, {"<<", "<<"},
	} {
		items, _, problems := decodeText(t, "v: "+tc.yaml+"\n")
		if len(problems) > 0 || len(items) != 1 {
			t.Errorf("%q: problems %v, items %v", tc.yaml, problems, items)
			continue
		}
		if got := items[0].Value; !reflect.DeepEqual(got, tc.want) && !(tc.want != tc.want) {
			t.Errorf("%q decodes as %#v, want %#v", tc.yaml, got, tc.want)
		}
		var v2 yamlv2.MapSlice
		if err := yamlv2.Unmarshal([]byte("v: "+tc.yaml+"\n"), &v2); err != nil || !reflect.DeepEqual(v2[0].Value, tc.want) {
			t.Errorf("%q: yaml.v2 decodes it as %#v (%v): the table is wrong", tc.yaml, v2, err)
		}
	}
}

// Keys, structure and errors decode as yaml.v2 decoded them into a yaml.MapSlice,
// and as goldmark-meta reported them.
func TestFrontMatterStructureDecodesAsYAMLv2(t *testing.T) {
	for _, src := range []string{
		"yes: 1\n1: a\n1.5: b\n~: c\n2026-01-02: d\n",
		"a: 1\na: 2\n",
		"base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
		"a: {}\nb: []\nc: [1, [2, {d: e}]]\n",
		"a: &x [1, 2]\nb: *x\n",
		"? [a, b]\n: 1\n",
		"? {a: 1}\n: 1\nc: 2\n",
		"- 1\n- two\n",
		"- key: kind\n  value: blueprint\n- ~\n",
		"just text\n",
		"12\n",
		"'quoted'\n",
		"~\n",
		"",
		"# only a comment\n",
		"a: !!int x\n",
		"a: !!binary '!!'\n",
		"a: &r [*r]\n",
		"<<: 5\n",
		"a: {<<: [1]}\n",
		"a: *missing\n",
	} {
		var want yamlv2.MapSlice
		werr := yamlv2.Unmarshal([]byte(src), &want)
		if werr == nil && hasCompositeKeyV2(want) {
			werr = yamlv2.Unmarshal([]byte(src), &map[string]any{})
		}
		items, _, problems := decodeText(t, src)
		if got, wantItems := fmt.Sprint(fromV2(want)), fmt.Sprint(items); werr == nil && got != wantItems {
			t.Errorf("%q: items %s, yaml.v2 %s", src, wantItems, got)
		}
		if got, want := problemText(problems), v2ErrorText(werr); got != want {
			t.Errorf("%q: problems\n%s\nyaml.v2:\n%s", src, got, want)
		}
	}
}

func hasCompositeKeyV2(items yamlv2.MapSlice) bool {
	for _, it := range items {
		switch it.Key.(type) {
		case []any, yamlv2.MapSlice:
			return true
		}
	}
	return false
}

// fromV2 converts yaml.v2's values to the decoder's shapes, for comparing.
func fromV2(v any) any {
	switch v := v.(type) {
	case yamlv2.MapSlice:
		var m Map
		for _, it := range v {
			m = append(m, Item{fromV2(it.Key), fromV2(it.Value)})
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, it := range v {
			out[i] = fromV2(it)
		}
		return out
	}
	return v
}

// problemText writes problems as yaml.v2's error text, one line each, for v2ErrorText.
func problemText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Line > 0 {
			fmt.Fprintf(&b, "line %d: ", p.Line)
		}
		b.WriteString(p.Msg + "\n")
	}
	return v2ErrorText(errors.New(b.String()))
}

// v2ErrorText is yaml.v2's error as problemText writes problems.
func v2ErrorText(err error) string {
	if err == nil || err.Error() == "" {
		return ""
	}
	if err == nil {
		return ""
	}
	var b strings.Builder
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	text = strings.TrimPrefix(text, "unmarshal errors:\n")
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// A syntax error is placed at the line yaml.v3 names, counted from 1. yaml.v2
// counted a parser error's line from 0 and named the line of the token it stopped
// at, yaml.v3 the line where the unfinished construct starts: for an unclosed
// list followed by another key the two agree, as examples/broken shows.
func TestFrontMatterSyntaxErrorLines(t *testing.T) {
	for _, tc := range []struct{ src, want, v2 string }{
		{"kind: k\ntags: [a, b\nstatus: s\n", "line 2: did not find expected ',' or ']'", "line 2: did not find expected ',' or ']'"},
		{"a: [1, 2\nb: 3\n", "line 2: did not find expected ',' or ']'", "line 1: did not find expected ',' or ']'"},
		{"a:\n  - x\n - y\n", "line 3: did not find expected key", "line 2: did not find expected key"},
		{"a: b: c\n", "mapping values are not allowed in this context", "mapping values are not allowed in this context"},
		{"a: \"x\n", "line 2: found unexpected end of stream", "line 2: found unexpected end of stream"},
		{"a: 1\n\tb: 2\n", "line 2: found a tab character that violates indentation", "line 2: found a tab character that violates indentation"},
		{"a: *missing\n", "unknown anchor 'missing' referenced", "unknown anchor 'missing' referenced"},
	} {
		_, _, problems := decodeText(t, tc.src)
		if got := strings.TrimSuffix(problemText(problems), "\n"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
		err := yamlv2.Unmarshal([]byte(tc.src), &yamlv2.MapSlice{})
		if got := strings.TrimSuffix(v2ErrorText(err), "\n"); got != tc.v2 {
			t.Errorf("%q: yaml.v2 says %q, the table %q", tc.src, got, tc.v2)
		}
	}
}

// Positions come from the same parse: keys and list items at their file lines
// (the YAML text starts on file line 2) and character columns.
func TestFrontMatterPositions(t *testing.T) {
	src := "kind: blueprint\ntitle: \"Café\"\ncompliance:\n  - {standard: s, status: ok}\n  - standard: t\n    waiver:\n      expires: 2027-01-01\ntags: [a, é, c]\nflag: yes\nweird.key[1]: x\n"
	_, idx, problems := decodeText(t, src)
	if problems != nil {
		t.Fatal(problems)
	}
	d := idx
	for path, want := range map[string]diag.Pos{
		"kind": {Line: 2, Col: 1}, "title": {Line: 3, Col: 1}, "compliance[0]": {Line: 5, Col: 5}, "compliance[0].status": {Line: 5, Col: 19},
		"compliance[1]": {Line: 6, Col: 5}, "compliance[1].waiver.expires": {Line: 8, Col: 7}, "tags[2]": {Line: 9, Col: 14},
		"tags[7]": {Line: 9, Col: 1}, "nothing.here": {Line: 1, Col: 1}, "weird.key[1]": {Line: 11, Col: 1}, "tags[x]": {Line: 9, Col: 1}, "kind.x": {Line: 2, Col: 1},
	} {
		if got := d.Pos(path); got != want {
			t.Errorf("pos(%q) = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]bool{"compliance[1].waiver": true, "compliance[2]": false, "tags[0]": true, "tags": true, "": false, "tag": false} {
		if d.Written(path) != want {
			t.Errorf("written(%q) = %v", path, !want)
		}
	}
	if lit, ok := d.Literal("flag"); !ok || lit != "yes" {
		t.Errorf("literal(flag) = %q, %v; want yes", lit, ok)
	}
	if _, ok := d.Literal("kind"); ok {
		t.Error("literal(kind) kept; only booleans by YAML 1.1 need their text")
	}
}

// Every front matter of the repository's portfolios, and each with a few bytes
// changed, decodes to yaml.v2's values; the YAML that yaml.v2 rejects, yaml.v3
// rejects too.
func TestFrontMatterCorpusDecodesAsYAMLv2(t *testing.T) {
	var fms []string
	for _, glob := range []string{"../../content/*/*.md", "../../examples/*/content/*/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if end, body := Find(data); end > 0 {
				_, rest, _ := strings.Cut(string(data[:body]), "\n")
				fms = append(fms, rest[:strings.LastIndex(strings.TrimRight(rest, "\n"), "\n")+1])
			}
		}
	}
	if len(fms) < 20 {
		t.Fatalf("only %d front matters found", len(fms))
	}
	edits := []string{"[", "]", "{", "}", ": ", "- ", "\"", "'", "\t", "\n", "#", "&a ", "*a", "<<: ", "!!str ", "yes", "1_0"}
	n := 0
	for i, fm := range fms {
		variants := []string{fm}
		if !testing.Short() || i%4 == 0 {
			for j, e := range edits {
				at := (len(fm) * (j + 1)) / (len(edits) + 1)
				variants = append(variants, fm[:at]+e+fm[at:])
			}
		}
		for _, src := range variants {
			n++
			var want yamlv2.MapSlice
			werr := yamlv2.Unmarshal([]byte(src), &want)
			items, _, problems := decodeText(t, src)
			var te *yamlv2.TypeError
			switch {
			case werr == nil && problems != nil:
				t.Errorf("%q: yaml.v2 reads it, we report %v", src, problems)
			case werr != nil && problems == nil:
				t.Errorf("%q: yaml.v2 reports %v, we read it", src, werr)
			case errors.As(werr, &te) && problemText(problems) != v2ErrorText(werr):
				t.Errorf("%q: problems\n%s\nyaml.v2:\n%s", src, problemText(problems), v2ErrorText(werr))
			case werr == nil && fmt.Sprintf("%#v", fromV2(want)) != fmt.Sprintf("%#v", items):
				t.Errorf("%q:\n got %#v\nwant %#v", src, items, fromV2(want))
			}
		}
	}
	t.Logf("%d front matters compared", n)
}

// FuzzFrontMatterDecode: any YAML text decodes without a panic, and where
// yaml.v2 and yaml.v3 both read it, to yaml.v2's values (or its type errors).
func FuzzFrontMatterDecode(f *testing.F) {
	for _, s := range []string{"kind: blueprint\ntags: [a, yes, 1_0]\n", "a: &x {b: *x}\n", "- key: k\n  value: v\n",
		"a: !!binary aGk=\nb: !!float 1\n", "<<: {a: 1}\n", "? [a]\n: 1\n", "a: [1, 2\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(src), &root); err != nil {
			_ = SyntaxError(err)
			return
		}
		items, idx, problems := Decode(&root, NewScalars())
		d := idx
		for _, it := range items {
			_ = d.Pos(fmt.Sprint(it.Key) + "[0].x")
		}
		if strings.Contains(src, "!") || hasCollectionKey(&root) || nodeDepth(&root) > maxNesting {
			// yaml.v3 keeps no trace of the non-specific tag "!", which yaml.v2
			// read as text; where a list or mapping is a key, yaml.v2's parser
			// sometimes read another structure ("{}:" as an empty mapping); and
			// nesting deeper than maxNesting is an error here, by design.
			return
		}
		var want yamlv2.MapSlice
		werr := yamlv2.Unmarshal([]byte(src), &want)
		if werr == nil && hasCompositeKeyV2(want) {
			werr = yamlv2.Unmarshal([]byte(src), &map[string]any{})
		}
		var te *yamlv2.TypeError
		switch {
		case werr == nil && problems != nil:
			t.Errorf("%q: yaml.v2 reads it, we report %v", src, problems)
		case werr == nil && fmt.Sprintf("%#v", fromV2(want)) != fmt.Sprintf("%#v", items):
			t.Errorf("%q:\n got %#v\nwant %#v", src, items, fromV2(want))
		case errors.As(werr, &te) && problemText(problems) != v2ErrorText(werr):
			t.Errorf("%q: problems\n%s\nyaml.v2:\n%s", src, problemText(problems), v2ErrorText(werr))
		}
	})
}

// nodeDepth is how deep lists and mappings nest in n.
func nodeDepth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		d = max(d, nodeDepth(c))
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		d++
	}
	return d
}

func hasCollectionKey(n *yaml.Node) bool {
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && (c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode) {
			return true
		}
		if hasCollectionKey(c) {
			return true
		}
	}
	return false
}

// Repeated keys are found the same way in small mappings (compared pairwise) and
// large ones (a map), each at its first repeat.
func TestRepeatedKeys(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 40, 200} {
		var src strings.Builder
		for i := range n {
			fmt.Fprintf(&src, "k%d: %d\n", i, i)
		}
		src.WriteString("k1: again\nk2: again\nk1: thrice\n")
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src.String()), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range DuplicateKeys(&doc) {
			got = append(got, fmt.Sprintf("%s@%d<-%d", r.Second.Value, r.Second.Line, r.First.Line))
		}
		want := fmt.Sprintf("k1@%d<-2 k2@%d<-3 k1@%d<-2", n+1, n+2, n+3)
		if strings.Join(got, " ") != want {
			t.Errorf("%d keys: %v, want %s", n, got, want)
		}
	}
}
