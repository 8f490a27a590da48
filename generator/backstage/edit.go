package backstage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"archfolio/generator/frontmatter"

	"gopkg.in/yaml.v3"
)

// The editor below updates a document the import wrote before: a top-level field
// is replaced line for line, and the owned body section between its heading and
// the next; every other byte is written back as read (the approach of jira sync's
// fmedit.go, extended from one-line scalars to whole fields).

// line is one line of a file with its terminator ("\n", "\r\n" or "" at the end).
type line struct {
	text, eol string
}

// document is a markdown file opened for editing.
type document struct {
	bom   bool
	lines []line
	close int // index of the closing --- line
	root  *yaml.Node
}

const bom = "\xef\xbb\xbf"

var errNotEditable = errors.New("cannot be edited in place")

// openDocument splits src into lines and parses its front matter with yaml.v3,
// which keeps the line and column of every key.
func openDocument(src []byte) (*document, error) {
	d := &document{}
	if rest, ok := bytes.CutPrefix(src, []byte(bom)); ok {
		d.bom, src = true, rest
	}
	fmEnd, _ := frontmatter.Find(src)
	if fmEnd == 0 {
		return nil, errors.New("the file has no front matter")
	}
	for len(src) > 0 {
		text, rest, found := bytes.Cut(src, []byte("\n"))
		l := line{text: string(text)}
		if found {
			l.eol = "\n"
			if t, ok := strings.CutSuffix(l.text, "\r"); ok {
				l.text, l.eol = t, "\r\n"
			}
		}
		d.lines = append(d.lines, l)
		src = rest
	}
	d.close = fmEnd - 1
	for _, l := range d.lines[1:d.close] {
		// yaml.v3 counts these as line breaks too, so its lines would not be ours.
		if strings.ContainsAny(l.text, "\r\u0085\u2028\u2029") {
			return nil, fmt.Errorf("%w: its front matter has a line break other than \\n or \\r\\n inside a line", errNotEditable)
		}
	}
	return d, d.parse()
}

// parse reads the front-matter lines into a yaml.v3 tree; YAML line n is lines[n].
func (d *document) parse() error {
	var text strings.Builder
	for _, l := range d.lines[1:d.close] {
		text.WriteString(l.text + "\n")
	}
	var doc, next yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(text.String()))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("its front matter is not valid YAML: %v", err)
	}
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: its front matter holds more than one YAML document", errNotEditable)
	}
	switch {
	case len(doc.Content) == 0:
		d.root = &yaml.Node{Kind: yaml.MappingNode}
	case doc.Content[0].Kind != yaml.MappingNode:
		return errors.New("its front matter is not a mapping")
	default:
		d.root = doc.Content[0]
	}
	for i := 0; i+1 < len(d.root.Content) && d.root.Style&yaml.FlowStyle == 0; i += 2 {
		if d.root.Content[i].Column != 1 {
			return fmt.Errorf("%w: the front matter's keys are indented; write each at the start of its line", errNotEditable)
		}
	}
	return nil
}

// bytes reassembles the file.
func (d *document) bytes() []byte {
	var b bytes.Buffer
	if d.bom {
		b.WriteString(bom)
	}
	for _, l := range d.lines {
		b.WriteString(l.text + l.eol)
	}
	return b.Bytes()
}

// eol is the line ending the file uses.
func (d *document) eol() string {
	if d.lines[0].eol == "\r\n" {
		return "\r\n"
	}
	return "\n"
}

// splice replaces lines[from:to] with text's lines.
func (d *document) splice(from, to int, text string) {
	var repl []line
	for _, t := range strings.SplitAfter(text, "\n") {
		if t != "" {
			repl = append(repl, line{text: strings.TrimSuffix(t, "\n"), eol: d.eol()})
		}
	}
	d.lines = append(d.lines[:from], append(repl, d.lines[to:]...)...)
}

// setField writes the field's value, or takes the field out when Value is nil. A
// field whose value already equals it (as YAML values, whatever the style) is left
// as it is. It reports whether the file changed.
func (d *document) setField(f Field) (bool, error) {
	var k, v *yaml.Node
	for i := 0; i+1 < len(d.root.Content); i += 2 {
		if d.root.Content[i].Value == f.Key {
			k, v = d.root.Content[i], d.root.Content[i+1]
			break
		}
	}
	switch {
	case k == nil && f.Value == nil:
		return false, nil
	case d.root.Style&yaml.FlowStyle != 0:
		return false, fmt.Errorf("%w: the front matter is a {…} mapping; write it a key a line", errNotEditable)
	case k != nil && k.Column != 1:
		return false, fmt.Errorf("%w: %s is not a top-level key at the start of its line", errNotEditable, f.Key)
	case k != nil && f.Value != nil && sameValue(v, f.Value):
		return false, nil
	}
	text := ""
	if f.Value != nil {
		text = fieldText(f)
	}
	before := len(d.lines)
	if k == nil {
		d.splice(d.close, d.close, text)
	} else {
		d.splice(k.Line, d.fieldEnd(k), text)
	}
	d.close += len(d.lines) - before
	return true, d.parse()
}

// fieldEnd is the index of the line after a top-level field: the next key's line,
// or the closing ---, less the blank and comment lines before it (which belong to
// what follows).
func (d *document) fieldEnd(k *yaml.Node) int {
	end := d.close
	for i := 0; i+1 < len(d.root.Content); i += 2 {
		if l := d.root.Content[i].Line; l > k.Line && l < end {
			end = l
		}
	}
	for end-1 > k.Line {
		t := strings.TrimSpace(d.lines[end-1].text)
		if t != "" && !strings.HasPrefix(d.lines[end-1].text, "#") {
			break
		}
		end--
	}
	return end
}

// sameValue reports whether two nodes hold the same YAML value.
func sameValue(a, b *yaml.Node) bool {
	var va, vb any
	if a.Decode(&va) != nil || b.Decode(&vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// fieldText writes "key: value" as the import writes fields.
func fieldText(f Field) string {
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	_ = enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(f.Key), f.Value}}) // strings and lists of them always encode
	_ = enc.Close()
	return b.String()
}

// section finds the owned body section: the index of its heading line and of the
// line after its last non-blank line; -1 when there is no such heading.
func (d *document) section() (start, end int) {
	start, end = -1, len(d.lines)
	fence := ""
	for i := d.close + 1; i < len(d.lines); i++ {
		t := d.lines[i].text
		if f := fenceOf(t); f != "" && (fence == "" || strings.HasPrefix(f, fence) && strings.TrimSpace(t) == f) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		switch {
		case start < 0 && strings.TrimRight(t, " \t") == SectionHeading:
			start = i
		case start >= 0 && (strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ")):
			end = i
			i = len(d.lines)
		}
	}
	if start < 0 {
		return -1, -1
	}
	for end-1 > start && strings.TrimSpace(d.lines[end-1].text) == "" {
		end--
	}
	return start, end
}

// fenceOf returns the run of backticks or tildes that opens or closes a fenced
// code block on this line, "" when it is not a fence line.
func fenceOf(t string) string {
	t = strings.TrimLeft(t, " ")
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(t) && t[n] == c[0] {
			n++
		}
		if n >= 3 {
			return t[:n]
		}
	}
	return ""
}

// sectionEntity is the entity ref the owned section says the document came from,
// "" when there is no section.
func (d *document) sectionEntity() string {
	start, end := d.section()
	for i := start + 1; start >= 0 && i < end; i++ {
		if rest, ok := strings.CutPrefix(d.lines[i].text, "From the Backstage entity `"); ok {
			ref, _, _ := strings.Cut(rest, "`")
			return ref
		}
	}
	return ""
}

// setSection replaces the owned section with text; it reports whether that changed
// the file. The document must have the section.
func (d *document) setSection(text string) bool {
	start, end := d.section()
	var old strings.Builder
	for _, l := range d.lines[start:end] {
		old.WriteString(l.text + "\n")
	}
	if old.String() == text {
		return false
	}
	d.splice(start, end, text)
	if start := start + strings.Count(text, "\n"); start < len(d.lines) && d.lines[start].text != "" {
		d.splice(start, start, "\n") // a blank line before what follows
	}
	return true
}
