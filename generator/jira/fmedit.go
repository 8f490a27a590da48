package jira

import (
	"archfolio/generator/frontmatter"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fmLine is one line of a file with its terminator ("\n", "\r\n" or "" at the end).
type fmLine struct {
	text, eol string
}

// fmFile is a markdown file opened for editing top-level front-matter scalars in
// place: every byte outside the edited lines is written back as read.
type fmFile struct {
	bom   bool
	lines []fmLine
	close int // index of the closing --- line
	root  *yaml.Node
}

var errNotEditable = errors.New("not editable")

// openFrontMatter splits src into lines and parses its front matter with yaml.v3,
// which keeps the line and column of every key and value.
func openFrontMatter(src []byte) (*fmFile, error) {
	f := &fmFile{}
	if rest, ok := bytes.CutPrefix(src, []byte(bom)); ok {
		f.bom, src = true, rest
	}
	fmEnd, _ := frontmatter.Find(src)
	if fmEnd == 0 {
		return nil, errors.New("no front matter")
	}
	for len(src) > 0 {
		line, rest, found := bytes.Cut(src, []byte("\n"))
		l := fmLine{text: string(line)}
		if found {
			l.eol = "\n"
			if t, ok := strings.CutSuffix(l.text, "\r"); ok {
				l.text, l.eol = t, "\r\n"
			}
		}
		f.lines = append(f.lines, l)
		src = rest
	}
	f.close = fmEnd - 1
	return f, f.parse()
}

// parse reads the front-matter lines (file lines 2 .. close) into a yaml.v3 tree.
func (f *fmFile) parse() error {
	var yamlText strings.Builder
	for _, l := range f.lines[1:f.close] {
		yamlText.WriteString(l.text + "\n")
	}
	var doc, next yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(yamlText.String()))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("front matter: %v", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return errors.New("front matter is not a mapping")
	}
	f.root = doc.Content[0]
	if dec.Decode(&next) == nil {
		// The site reads none of the file (check reports it), so editing the
		// first document would change nothing a reader sees.
		return fmt.Errorf("front matter: %w: a --- line at line %d starts a second YAML document; remove it", errNotEditable, next.Line+1)
	}
	return nil
}

// bytes reassembles the file.
func (f *fmFile) bytes() []byte {
	var b bytes.Buffer
	if f.bom {
		b.WriteString(bom)
	}
	for _, l := range f.lines {
		b.WriteString(l.text + l.eol)
	}
	return b.Bytes()
}

// get returns the key and value nodes of a top-level key, or nils.
func (f *fmFile) get(key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(f.root.Content); i += 2 {
		if f.root.Content[i].Value == key {
			return f.root.Content[i], f.root.Content[i+1]
		}
	}
	return nil, nil
}

// value returns the scalar value of a top-level key, "" when absent or not a scalar.
func (f *fmFile) value(key string) string {
	if _, v := f.get(key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// set writes value as the top-level key's value, keeping the line's quoting style
// and trailing comment. When the key is absent it inserts "key: value" after the
// top-level key after, or at the end of the front matter. It reports whether the
// file changed; a value written over several lines, or in a flow mapping, is an
// error rather than a guess.
func (f *fmFile) set(key, value, after string) (bool, error) {
	k, v := f.get(key)
	if k == nil && f.root.Style&yaml.FlowStyle != 0 {
		// A line after {…} would not belong to the mapping (FuzzSyncFile).
		return false, fmt.Errorf("%s: %w: the front matter is a {…} mapping; write it a key a line to let the sync add %s: %s", key, errNotEditable, key, value)
	}
	if k == nil {
		at := f.close
		if ak, av := f.get(after); ak != nil {
			at = lastLine(av) + 1 // node lines are 1-based in the YAML, which starts at file line 2
		}
		eol := f.lines[max(at-1, 0)].eol
		if eol == "" {
			eol = "\n"
		}
		f.lines = append(f.lines[:at], append([]fmLine{{text: key + ": " + value, eol: eol}}, f.lines[at:]...)...)
		f.close++
		return true, f.parse() // positions moved
	}
	if k.Column != 1 || v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return false, fmt.Errorf("%s: %w: write it as a one-line value (%s: %s)", key, errNotEditable, key, value)
	}
	line := &f.lines[k.Line] // YAML line n is file line n+1, index n
	text, ok := replaceScalar(line.text, k, v, value)
	if !ok {
		return false, fmt.Errorf("%s: %w: write it as a one-line value (%s: %s)", key, errNotEditable, key, value)
	}
	if text == line.text {
		return false, nil
	}
	line.text = text
	return true, nil
}

// lastLine returns the last YAML line a value node spans (its own line for scalars).
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

// replaceScalar rewrites the value of "key: value  # comment" on one line. A null
// value ("key:") gets the new value after the colon.
func replaceScalar(text string, k, v *yaml.Node, value string) (string, bool) {
	if v.Tag == "!!null" && (v.Value == "" || v.Line != k.Line) {
		colon := strings.Index(text, ":")
		if colon < 0 || strings.TrimSpace(stripComment(text[colon+1:])) != "" {
			return "", false
		}
		return text[:colon+1] + " " + value + text[colon+1:], true
	}
	if v.Line != k.Line {
		return "", false
	}
	start := byteOffset(text, v.Column-1)
	if start < 0 {
		return "", false
	}
	n, quote := scalarToken(text[start:])
	if n <= 0 || (quote == 0 && text[start:start+n] != v.Value) {
		return "", false
	}
	rest := text[start+n:]
	if strings.TrimSpace(stripComment(rest)) != "" {
		return "", false
	}
	written := value
	if quote != 0 {
		written = string(quote) + value + string(quote)
	}
	return text[:start] + written + rest, true
}

// byteOffset returns the byte offset of the n-th character (0-based) of s, or -1.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	if n == 0 {
		return len(s)
	}
	return -1
}

// scalarToken returns the length of the scalar at the start of s and its quote
// character (0 for a plain scalar): a quoted one up to its closing quote, a plain one
// up to a comment or the end of the line, without trailing blanks.
func scalarToken(s string) (int, byte) {
	if s == "" {
		return 0, 0
	}
	switch q := s[0]; q {
	case '"':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				return i + 1, q
			}
		}
		return -1, q
	case '\'':
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, q
			}
		}
		return -1, q
	}
	return len(strings.TrimRight(stripComment(s), " \t")), 0
}

// stripComment cuts a YAML comment (" #…") off the end of a line's remainder.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// validText reports whether s can be written as a plain YAML scalar on one line:
// the sync only writes status words and dates, but checks rather than trusts.
func validText(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !(r == '-' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z')) {
			return false
		}
	}
	return true
}

// bom is the UTF-8 byte order mark, which a file may start with.
const bom = "\xef\xbb\xbf"
