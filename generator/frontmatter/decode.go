// Package frontmatter reads a document's YAML front matter once: where it
// starts and ends (Find, goldmark-meta's rules), its values as goldmark-meta's
// yaml.v2 gave them (Decode, from one yaml.v3 node tree), and from the same
// tree the position of every key and list item (Index), so that a diagnostic
// names the line and column of the value it is about. Syntax errors are placed
// at their line (SyntaxError); repeated keys are found (DuplicateKeys).
package frontmatter

import (
	"archfolio/generator/diag"
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Item is one key and value of a front-matter mapping.
type Item struct{ Key, Value any }

// Map is a front-matter mapping, its keys in the order written.
type Map []Item

// Problem is a YAML error at a line of the YAML text (0 when it has none).
type Problem struct {
	Line int // the line of the YAML text, 0 when unknown
	Msg  string
}

// Decode turns the one yaml.v3 node tree of a document's front matter
// into values and the positions of every key and list item.
//
// The values are what goldmark-meta's yaml.v2 gave when decoding into a
// yaml.MapSlice, which the schema and every site were written against: YAML 1.1
// scalars (yes, on and off are booleans, 1_000 is 1000, timestamps stay text),
// mappings as ordered items, a merge key (<<) read and checked but its keys not
// added, and yaml.v2's messages for what it rejected. yaml.v3's node tree keeps
// each scalar as written, with its style and any explicit tag, so these rules
// apply to it as they did (its own YAML 1.2 resolution is not used). The one
// exception: the tree keeps no trace of the non-specific tag "!", with which
// yaml.v2 read a plain scalar as text.
//
// Keys and short text scalars come from shared (nil: none are shared), so that
// equal ones of a run are one string and one box.
func Decode(doc *yaml.Node, shared *Scalars) (items Map, idx *Index, problems []Problem) {
	if doc == nil || len(doc.Content) == 0 {
		return nil, &Index{}, nil
	}
	root := doc.Content[0]
	idx = indexYAML(root, shared)
	d := &fmDecoder{shared: shared}
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(yamlFailure)
			if !ok {
				panic(r)
			}
			items, problems = nil, []Problem{{Msg: string(f)}}
		}
	}()
	d.count(false)
	items = d.top(root)
	if len(d.terrors) > 0 {
		return nil, idx, d.terrors
	}
	if p := compositeKeys(root); len(p) > 0 {
		return nil, idx, p
	}
	return items, idx, nil
}

// yamlFailure is a yaml.v2 failure that ends the decode (it has no line).
type yamlFailure string

func yamlFailf(format string, args ...any) { panic(yamlFailure(fmt.Sprintf(format, args...))) }

// fmDecoder holds one decode's state: the type errors so far, the aliases being
// expanded, and the counts that stop a document from aliasing without bound.
type fmDecoder struct {
	shared      *Scalars
	terrors     []Problem
	depth       int // of the list or mapping being decoded
	aliases     map[*yaml.Node]bool
	aliasDepth  int
	decodeCount int
	aliasCount  int
}

// count is yaml.v2's guard against a billion laughs: past a small size, at most
// a share of the decoding may come from expanding aliases.
func (d *fmDecoder) count(alias bool) {
	d.decodeCount++
	if d.aliasDepth > 0 || alias {
		d.aliasCount++
	}
	if d.aliasCount > 100 && d.decodeCount > 1000 && float64(d.aliasCount)/float64(d.decodeCount) > allowedAliasRatio(d.decodeCount) {
		yamlFailf("document contains excessive aliasing")
	}
}

func allowedAliasRatio(decodeCount int) float64 {
	const low, high = 400000, 4000000
	switch {
	case decodeCount <= low:
		return 0.99
	case decodeCount >= high:
		return 0.10
	default:
		return 0.99 - 0.89*(float64(decodeCount-low)/float64(high-low))
	}
}

// follow expands an alias, refusing one that contains itself.
func (d *fmDecoder) follow(n *yaml.Node, decode func(*yaml.Node)) {
	if d.aliases[n] {
		yamlFailf("anchor '%s' value contains itself", n.Value)
	}
	if d.aliases == nil {
		d.aliases = map[*yaml.Node]bool{}
	}
	d.aliases[n] = true
	d.aliasDepth++
	decode(n.Alias)
	d.aliasDepth--
	delete(d.aliases, n)
}

// top decodes the document's root as yaml.v2 decoded it into a yaml.MapSlice.
func (d *fmDecoder) top(n *yaml.Node) Map {
	d.count(false)
	switch n.Kind {
	case yaml.AliasNode:
		var m Map
		d.follow(n, func(t *yaml.Node) { m = d.top(t) })
		return m
	case yaml.MappingNode:
		return d.mapping(n)
	case yaml.SequenceNode:
		// yaml.v2 decoded each item into a yaml.MapItem: a mapping by its key and
		// value fields, a null as an empty item, anything else a type error.
		var m Map
		for _, c := range n.Content {
			if it, ok := d.mapItem(c); ok {
				m = append(m, it)
			}
		}
		return m
	}
	if v := d.scalar(n); v != nil {
		d.terror(n, scalarTag(n, v), "yaml.MapSlice")
	}
	return nil
}

// mapItem decodes one item of a top-level sequence into a yaml.MapItem.
func (d *fmDecoder) mapItem(n *yaml.Node) (it Item, ok bool) {
	d.count(false)
	switch n.Kind {
	case yaml.AliasNode:
		d.follow(n, func(t *yaml.Node) { it, ok = d.mapItem(t) })
		return it, ok
	case yaml.SequenceNode:
		d.terror(n, "!!seq", "yaml.MapItem")
		return it, false
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isMerge(k) {
				d.merge(v)
				continue
			}
			d.count(false)
			name, good := d.keyName(k)
			if !good {
				continue
			}
			switch name {
			case "key":
				it.Key = d.value(v)
			case "value":
				it.Value = d.value(v)
			}
		}
		return it, true
	}
	if v := d.scalar(n); v != nil {
		d.terror(n, scalarTag(n, v), "yaml.MapItem")
		return it, false
	}
	return it, true
}

// keyName decodes a key into a string, as yaml.v2 did for struct fields.
func (d *fmDecoder) keyName(k *yaml.Node) (string, bool) {
	for k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	switch k.Kind {
	case yaml.SequenceNode:
		d.terror(k, "!!seq", "string")
		return "", false
	case yaml.MappingNode:
		d.terror(k, "!!map", "string")
		return "", false
	}
	if d.scalar(k) == nil {
		return "", true
	}
	return k.Value, true
}

// maxNesting bounds how deep lists and mappings may nest in front matter: deeper
// values are no portfolio's, and the JSON export would refuse them after check
// had passed.
const maxNesting = 100

func (d *fmDecoder) value(n *yaml.Node) any {
	d.count(false)
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		d.depth++
		defer func() { d.depth-- }()
		if d.depth == maxNesting+1 {
			d.terrors = append(d.terrors, Problem{Line: n.Line,
				Msg: fmt.Sprintf("lists and mappings nest more than %d deep here", maxNesting)})
		}
		if d.depth > maxNesting {
			return nil
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		var v any
		d.follow(n, func(t *yaml.Node) { v = d.value(t) })
		return v
	case yaml.MappingNode:
		return d.mapping(n)
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = d.value(c)
		}
		return out
	}
	return d.scalar(n)
}

func (d *fmDecoder) mapping(n *yaml.Node) Map {
	var m Map // nil when empty, as yaml.v2 left it
	if len(n.Content) > 0 {
		m = make(Map, 0, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMerge(k) {
			d.merge(v)
			continue
		}
		key := d.value(k)
		m = append(m, Item{Key: key, Value: d.value(v)})
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// merge checks and decodes the value of a merge key. yaml.v2 decoding into a
// yaml.MapSlice then dropped the merged keys, so merge returns nothing.
func (d *fmDecoder) merge(n *yaml.Node) {
	wantMap := func() { yamlFailf("map merge requires map or sequence of maps as the value") }
	switch n.Kind {
	case yaml.MappingNode:
		d.value(n)
	case yaml.AliasNode:
		if n.Alias != nil && n.Alias.Kind != yaml.MappingNode {
			wantMap()
		}
		d.value(n)
	case yaml.SequenceNode:
		for i := len(n.Content) - 1; i >= 0; i-- {
			c := n.Content[i]
			if c.Kind == yaml.AliasNode {
				if c.Alias != nil && c.Alias.Kind != yaml.MappingNode {
					wantMap()
				}
			} else if c.Kind != yaml.MappingNode {
				wantMap()
			}
			d.value(c)
		}
	default:
		wantMap()
	}
}

// isMerge reports whether a key is the merge key: << written plainly, or tagged !!merge.
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" &&
		(k.Style == 0 || (k.Style&yaml.TaggedStyle != 0 && k.Tag == "!!merge"))
}

// scalar decodes a scalar by yaml.v2's rules: quoted and block scalars are text;
// plain ones and tagged ones are resolved as YAML 1.1.
func (d *fmDecoder) scalar(n *yaml.Node) any {
	tag := ""
	switch {
	case n.Style&yaml.TaggedStyle != 0:
		tag = n.Tag
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return d.shared.box(n.Value)
	case n.Tag == "!!timestamp":
		return d.shared.box(n.Value) // yaml.v2 kept timestamps as written, see below
	case n.Tag == "!!str" && n.Value != "" && resolveHint(n.Value[0]) != 'M':
		// yaml.v3 resolved the plain scalar already; its rules read as text no
		// more than yaml.v2's, except the YAML 1.1 words (yes, on, …), all
		// hinted 'M'.
		return d.shared.box(n.Value)
	}
	rtag, v := resolveV2(tag, n.Value)
	if text, ok := v.(string); ok && rtag == "!!str" {
		return d.shared.box(text)
	}
	if rtag == "!!binary" {
		data, err := base64.StdEncoding.DecodeString(v.(string))
		if err != nil {
			yamlFailf("!!binary value contains invalid base64 data")
		}
		return string(data)
	}
	if rtag == "!!timestamp" {
		// yaml.v2 kept timestamps as written when decoding into an interface.
		return d.shared.box(n.Value)
	}
	return v
}

// scalarTag is the tag yaml.v2 named in a type error for a scalar.
func scalarTag(n *yaml.Node, v any) string {
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag
	}
	if n.Style != 0 {
		return "!!str"
	}
	t, _ := resolveV2("", n.Value)
	return t
}

// terror records a yaml.v2 type error: "line N: cannot unmarshal !!str `x` into T".
func (d *fmDecoder) terror(n *yaml.Node, tag, into string) {
	value := ""
	if tag != "!!seq" && tag != "!!map" {
		if len(n.Value) > 10 {
			value = " `" + n.Value[:7] + "...`"
		} else {
			value = " `" + n.Value + "`"
		}
	}
	d.terrors = append(d.terrors, Problem{Line: n.Line,
		Msg: fmt.Sprintf("cannot unmarshal %s%s into %s", tag, value, into)})
}

// compositeKeys reports the top-level keys that are lists or mappings, with the
// error goldmark-meta's decode into a map[string]any gave for each.
func compositeKeys(root *yaml.Node) []Problem {
	if root.Kind != yaml.MappingNode {
		return nil
	}
	var ps []Problem
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if isMerge(k) {
			continue
		}
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		switch k.Kind {
		case yaml.SequenceNode:
			ps = append(ps, Problem{Line: k.Line, Msg: "cannot unmarshal !!seq into string"})
		case yaml.MappingNode:
			ps = append(ps, Problem{Line: k.Line, Msg: "cannot unmarshal !!map into string"})
		}
	}
	return ps
}

// v2Words are the plain scalars yaml.v2 resolved by name.
var v2Words = map[string]struct {
	tag string
	v   any
}{
	"y": {"!!bool", true}, "Y": {"!!bool", true}, "yes": {"!!bool", true}, "Yes": {"!!bool", true}, "YES": {"!!bool", true},
	"true": {"!!bool", true}, "True": {"!!bool", true}, "TRUE": {"!!bool", true},
	"on": {"!!bool", true}, "On": {"!!bool", true}, "ON": {"!!bool", true},
	"n": {"!!bool", false}, "N": {"!!bool", false}, "no": {"!!bool", false}, "No": {"!!bool", false}, "NO": {"!!bool", false},
	"false": {"!!bool", false}, "False": {"!!bool", false}, "FALSE": {"!!bool", false},
	"off": {"!!bool", false}, "Off": {"!!bool", false}, "OFF": {"!!bool", false},
	"": {"!!null", nil}, "~": {"!!null", nil}, "null": {"!!null", nil}, "Null": {"!!null", nil}, "NULL": {"!!null", nil},
	".nan": {"!!float", math.NaN()}, ".NaN": {"!!float", math.NaN()}, ".NAN": {"!!float", math.NaN()},
	".inf": {"!!float", math.Inf(1)}, ".Inf": {"!!float", math.Inf(1)}, ".INF": {"!!float", math.Inf(1)},
	"+.inf": {"!!float", math.Inf(1)}, "+.Inf": {"!!float", math.Inf(1)}, "+.INF": {"!!float", math.Inf(1)},
	"-.inf": {"!!float", math.Inf(-1)}, "-.Inf": {"!!float", math.Inf(-1)}, "-.INF": {"!!float", math.Inf(-1)},
	"<<": {"!!merge", "<<"},
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolveV2 is yaml.v2's resolve: the tag and value of a plain scalar (tag "")
// or of one with an explicit tag.
func resolveV2(tag, in string) (string, any) {
	switch tag {
	case "", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp":
	default:
		return tag, in
	}
	rtag, out := resolveV2Plain(tag, in)
	switch tag {
	case "", rtag, "!!str", "!!binary":
		return rtag, out
	case "!!float":
		switch v := out.(type) {
		case int64:
			return "!!float", float64(v)
		case int:
			return "!!float", float64(v)
		}
	}
	yamlFailf("cannot decode %s `%s` as a %s", rtag, in, tag)
	return "", nil
}

func resolveV2Plain(tag, in string) (string, any) {
	hint := byte('N')
	if in != "" {
		hint = resolveHint(in[0])
	}
	if hint == 0 || tag == "!!str" {
		return "!!str", in
	}
	if item, ok := v2Words[in]; ok {
		return item.tag, item.v
	}
	switch hint {
	case '.':
		if f, err := strconv.ParseFloat(in, 64); err == nil {
			return "!!float", f
		}
	case 'D', 'S':
		if tag == "" || tag == "!!timestamp" {
			if t, ok := parseTimestamp(in); ok {
				return "!!timestamp", t
			}
		}
		plain := strings.ReplaceAll(in, "_", "")
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			if i == int64(int(i)) {
				return "!!int", int(i)
			}
			return "!!int", i
		}
		if u, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int", u
		}
		if yamlStyleFloat.MatchString(plain) {
			if f, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float", f
			}
		}
		if rest, ok := strings.CutPrefix(plain, "0b"); ok {
			if i, err := strconv.ParseInt(rest, 2, 64); err == nil {
				if i == int64(int(i)) {
					return "!!int", int(i)
				}
				return "!!int", i
			}
			if u, err := strconv.ParseUint(rest, 2, 64); err == nil {
				return "!!int", u
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok {
			if i, err := strconv.ParseInt("-"+rest, 2, 64); err == nil {
				return "!!int", int(i)
			}
		}
	}
	return "!!str", in
}

// resolveHint is yaml.v2's first-character table: which scalars may be more than text.
func resolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case c >= '0' && c <= '9':
		return 'D'
	case c == '.':
		return '.'
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		return 'M'
	}
	return 0
}

// parseTimestamp is yaml.v2's: the few timestamp forms it knew.
func parseTimestamp(s string) (time.Time, bool) {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return time.Time{}, false
	}
	if !strings.ContainsAny(s, "Tt ") { // a date alone, the common case: no failed tries
		t, err := time.Parse("2006-1-2", s)
		return t, err == nil
	}
	for _, format := range []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"} {
		if t, err := time.Parse(format, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Report adds front-matter YAML problems as errors at file lines: the YAML
// text starts on the line after the opening ---. A message that quotes a scalar of
// several lines is one diagnostic a line, as when they came from yaml.v2's text.
func Report(s *diag.DiagSink, ps []Problem) {
	for _, p := range ps {
		for i, part := range strings.Split(p.Msg, "\n") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			var at diag.Pos
			if i == 0 && p.Line > 0 {
				at = diag.Pos{Line: p.Line + 1, Col: 1}
			}
			s.Diags = append(s.Diags, diag.NewDiagnostic(diag.CodeInvalidYAML, s.Path, at, "invalid YAML: "+part))
		}
	}
}

// yamlSyntaxPattern reads a yaml.v3 syntax error. yaml.v3 gives one only as
// text, "yaml: line 3: did not find expected key": its parser's marks are not
// exported, so the line is read back from the message, here and nowhere else.
var yamlSyntaxPattern = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlParserErrors are the messages of yaml.v3's parser (the scanner's are all
// others). yaml.v3 prints a parser error's line counted from 0, a scanner error's
// counted from 1; counted from 1, a parser error's line is where the construct it
// could not finish starts (the line of an unclosed [).
var yamlParserErrors = map[string]bool{
	"did not find expected <stream-start>": true, "did not find expected <document start>": true,
	"did not find expected node content": true, "did not find expected key": true,
	"did not find expected '-' indicator": true, "did not find expected ',' or ']'": true,
	"did not find expected ',' or '}'": true, "found duplicate %YAML directive": true,
	"found incompatible YAML document": true, "found duplicate %TAG directive": true,
	"found undefined tag handle": true,
}

// SyntaxError turns yaml.v3's error for text it cannot parse into a problem.
func SyntaxError(err error) []Problem {
	m := yamlSyntaxPattern.FindStringSubmatch(err.Error())
	if m == nil {
		return []Problem{{Msg: err.Error()}}
	}
	p := Problem{Msg: m[2]}
	if m[1] != "" {
		p.Line, _ = strconv.Atoi(m[1])
		if yamlParserErrors[p.Msg] {
			p.Line++
		}
	}
	return []Problem{p}
}

// KeyRepeat is a key written a second time in one mapping.
type KeyRepeat struct{ First, Second *yaml.Node }

// DuplicateKeys finds the scalar keys written twice in a mapping anywhere in the
// tree (yaml.v2 took the last silently, and the line editor of jira sync the
// first). Merge keys and aliases are left alone.
func DuplicateKeys(n *yaml.Node) []KeyRepeat {
	var out []KeyRepeat
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) { // yaml.v3 bounds the depth; aliases are not followed
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			out = append(out, repeatedKeys(n.Content)...)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}

// repeatedKeys finds the scalar keys written twice among a mapping's key, value
// pairs. Front-matter mappings are small, so each key is compared with those
// before it, without a map; a large one gets a map, so that the work stays linear.
func repeatedKeys(pairs []*yaml.Node) []KeyRepeat {
	var out []KeyRepeat
	counts := func(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && !isMerge(k) }
	if len(pairs) > 64 {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(pairs); i += 2 {
			if k := pairs[i]; counts(k) {
				if first := seen[k.Value]; first != nil {
					out = append(out, KeyRepeat{first, k})
				} else {
					seen[k.Value] = k
				}
			}
		}
		return out
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if k := pairs[i]; counts(k) {
			for j := 0; j < i; j += 2 {
				if f := pairs[j]; counts(f) && f.Value == k.Value {
					out = append(out, KeyRepeat{f, k})
					break
				}
			}
		}
	}
	return out
}

// Find returns the 1-based line of the closing --- and the byte offset
// where the body starts. It follows goldmark-meta's rules: the first line is a run of
// dashes, the block ends at the next non-blank line of only dashes. fmEnd is 0 when
// there is no front matter; bodyStart is then -1 when it was opened but never closed.
func Find(src []byte) (fmEnd, bodyStart int) {
	line, rest, _ := bytes.Cut(src, []byte("\n"))
	if !isDashLine(line) {
		return 0, 0
	}
	off := len(line) + 1
	for n := 2; off <= len(src) && len(rest) > 0; n++ {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		off += len(line) + 1
		if isDashLine(line) {
			return n, min(off, len(src))
		}
	}
	return 0, -1
}

func isDashLine(line []byte) bool {
	line = bytes.TrimSpace(line)
	return len(line) >= 3 && len(bytes.Trim(line, "-")) == 0
}
