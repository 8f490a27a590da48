package adr

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"archfolio/generator"
	"archfolio/generator/frontmatter"

	"gopkg.in/yaml.v3"
)

// record is one decision record as read from its file, before the records of a
// folder are linked to each other.
type record struct {
	source string // slash path relative to the ADR folder
	number int    // the file name's leading number, -1 without one
	id     string // the decision's id: the file name, made lower-kebab if need be

	supersedesIDs, amendsIDs []string // resolved, on the newer record

	title, status, date, summary  string
	deciders, consulted, informed []string
	tags                          []string
	rawStatus                     string // as written, for the mapping note
	statusLine                    int
	supersedes, amends            []relation // this record supersedes / amends
	supersededBy, amendedBy       []relation // written on this record, about a newer one
	body                          []string   // the body's lines, title and metadata taken out
	bodyOffset                    int        // the file line before body[0]
	notes                         []Note
}

// relation is a reference to another record, as written: a link, an "ADR-12" or a
// bare number, and the line it is on.
type relation struct {
	text string
	line int
}

// ParseError is malformed input: the file, the line and column, and what is wrong.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, max(e.Line, 1), max(e.Col, 1), e.Msg)
}

// Note is something an import changed or could not keep, at a line of the source.
type Note struct {
	Line int
	Text string
}

func (r *record) note(line int, format string, args ...any) {
	r.notes = append(r.notes, Note{Line: line, Text: fmt.Sprintf(format, args...)})
}

var (
	numberPrefix = regexp.MustCompile(`^0*([0-9]+)[-_. ]`)
	nygardTitle  = regexp.MustCompile(`^[0-9]+\.\s+`)
	// metaLine is a header line MADR 2, log4brains and adr-tools write under the
	// title: "* Status: accepted", "- Date: 2020-10-16", "Date: 1992-01-12".
	metaLine = regexp.MustCompile(`(?i)^(?:[*-]\s+)?(?:\*\*)?(status|deciders|decision[- ]makers|date|tags|consulted|informed)(?:\*\*)?\s*:(?:\*\*)?\s*(.*?)\s*$`)
	relLine  = regexp.MustCompile(`(?i)^(supersedes|supercedes|superseded by|superceded by|amends|amended by)\b[\s:]*(.*)$`)
	comment  = regexp.MustCompile(`<!--.*?-->`)
	dateRE   = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`)
)

// parseRecord reads one decision record: optional YAML front matter (MADR 3 and 4),
// the H1 title, the header lines under it (MADR 2, log4brains, adr-tools' Date:)
// and a "## Status" section (adr-tools).
func parseRecord(source string, data []byte) (*record, error) {
	r := &record{source: source, number: -1}
	if m := numberPrefix.FindStringSubmatch(path.Base(source)); m != nil {
		fmt.Sscan(m[1], &r.number)
	}
	if err := checkText(source, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	bodyStart := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		end := -1
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimRight(lines[i], " \t"); t == "---" || t == "..." {
				end = i
				break
			}
		}
		if end < 0 {
			return nil, &ParseError{source, 1, 1, "the front matter opened here has no closing --- line"}
		}
		if err := r.frontMatter(strings.Join(lines[1:end], "\n")); err != nil {
			return nil, err
		}
		bodyStart = end + 1
	}
	if err := r.titleAndBody(lines, bodyStart); err != nil {
		return nil, err
	}
	r.statusSection()
	r.body = trimBlank(r.body)
	return r, nil
}

// checkText refuses what is not UTF-8 text, at the line of the first bad byte.
func checkText(source string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		pos := generator.PosAt(data, i)
		return &ParseError{source, pos.Line, pos.Col, "a NUL byte: this is not a text file"}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			c, n := utf8.DecodeRune(data[i:])
			if c == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		pos := generator.PosAt(data, i)
		return &ParseError{source, pos.Line, pos.Col, "bytes that are not UTF-8 (Latin-1?); save the file as UTF-8"}
	}
	return nil
}

// frontMatter takes the fields of a MADR front matter; a key with no place in a
// decision is left out, with a note.
func (r *record) frontMatter(src string) error {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		p := frontmatter.SyntaxError(err)[0]
		return &ParseError{r.source, p.Line + 1, 1, "invalid YAML front matter: " + p.Msg}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return &ParseError{r.source, m.Line + 1, m.Column, "the front matter is not a mapping of fields"}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := k.Line + 1
		switch key := strings.ToLower(k.Value); key {
		case "status":
			r.rawStatus, r.statusLine = scalar(v), line
		case "date":
			r.setDate(scalar(v), line)
		case "deciders", "decision-makers", "decision_makers":
			r.deciders = append(r.deciders, names(v)...)
		case "consulted":
			r.consulted = append(r.consulted, names(v)...)
		case "informed":
			r.informed = append(r.informed, names(v)...)
		case "tags":
			r.tags = append(r.tags, names(v)...)
		case "title":
			r.title = scalar(v)
		case "summary", "description":
			r.summary = scalar(v)
		case "parent", "grand_parent", "nav_order", "nav_exclude", "has_children", "layout", "permalink",
			"sidebar_position", "sidebar_label", "slug", "weight":
			// Where a site generator (Jekyll, just-the-docs, Docusaurus, Hugo) puts the
			// page in its menu: no decision's business.
		default:
			r.note(line, "front-matter key %q has no place in a decision; left out", k.Value)
		}
	}
	return nil
}

// scalar is a node's text; a list's items joined.
func scalar(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return strings.Join(names(n), ", ")
	}
	return strings.TrimSpace(n.Value)
}

// names are the people or tags of a list, or of a text separated by commas.
func names(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		return splitNames(n.Value)
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, splitNames(c.Value)...)
	}
	return out
}

func splitNames(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		// Template placeholders ("[list everyone involved]", "{…}") are not names.
		if part == "" || strings.HasPrefix(part, "[") || strings.HasPrefix(part, "{") {
			continue
		}
		out = append(out, part)
	}
	return out
}

func (r *record) setDate(s string, line int) {
	d := dateRE.FindString(s)
	if _, err := time.Parse(time.DateOnly, d); d == "" || err != nil {
		if s != "" && !strings.HasPrefix(s, "{") && !strings.HasPrefix(s, "[") {
			r.note(line, "date %q is not a date written YYYY-MM-DD; left out", s)
		}
		return
	}
	r.date = d
}

// titleAndBody finds the H1 (the title, taken out of the body) and the header
// lines under it.
func (r *record) titleAndBody(lines []string, start int) error {
	i := start
	for i < len(lines) && strings.TrimSpace(comment.ReplaceAllString(lines[i], "")) == "" {
		i++
	}
	switch {
	case i < len(lines) && strings.HasPrefix(lines[i], "# "):
		r.title = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(lines[i][2:]), "#"))
		i++
	case i+1 < len(lines) && strings.TrimSpace(lines[i]) != "" && isSetextH1(lines[i+1]):
		r.title = strings.TrimSpace(lines[i])
		i += 2
	case r.title != "":
		// A title from the front matter; the body has none.
	default:
		line := i + 1
		if i >= len(lines) {
			line = len(lines)
		}
		return &ParseError{r.source, line, 1, "no title: a decision record starts with a # heading (or has title: in its front matter)"}
	}
	r.title = nygardTitle.ReplaceAllString(r.title, "")
	if r.title == "" {
		return &ParseError{r.source, i, 1, "the # heading is empty; it is the decision's title"}
	}
	// Header lines: metadata lines and blank lines until anything else.
	j := i
	for ; j < len(lines); j++ {
		line := strings.TrimSpace(comment.ReplaceAllString(lines[j], ""))
		if line == "" {
			continue
		}
		m := metaLine.FindStringSubmatch(line)
		if m == nil {
			break
		}
		r.metadata(strings.ToLower(m[1]), m[2], j+1)
	}
	r.body, r.bodyOffset = append([]string(nil), lines[j:]...), j
	return nil
}

func isSetextH1(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "=") == ""
}

// metadata takes one header line.
func (r *record) metadata(key, value string, line int) {
	switch key {
	case "status":
		r.rawStatus, r.statusLine = value, line
	case "date":
		r.setDate(value, line)
	case "deciders", "decision-makers", "decision makers":
		r.deciders = append(r.deciders, splitNames(value)...)
	case "consulted":
		r.consulted = append(r.consulted, splitNames(value)...)
	case "informed":
		r.informed = append(r.informed, splitNames(value)...)
	case "tags":
		for _, t := range strings.FieldsFunc(value, func(c rune) bool { return c == ',' || c == ' ' }) {
			if !strings.HasPrefix(t, "[") {
				r.tags = append(r.tags, t)
			}
		}
	}
}

// statusSection takes adr-tools' "## Status" section out of the body: its first
// line is the status, its "Supersedes" / "Superseded by" / "Amends" / "Amended by"
// lines become relations; any other line stays, under the heading.
func (r *record) statusSection() {
	start := -1
	for i, l := range r.body {
		if strings.EqualFold(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l), "#")), "## status") {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	end := len(r.body)
	for i := start + 1; i < len(r.body); i++ {
		if strings.HasPrefix(r.body[i], "# ") || strings.HasPrefix(r.body[i], "## ") {
			end = i
			break
		}
	}
	var kept []string
	for i := start + 1; i < end; i++ {
		line := strings.TrimSpace(r.body[i])
		switch {
		case line == "":
			continue
		case r.relationLine(line, r.bodyLine(i)):
		case r.rawStatus == "" && r.statusLine == 0:
			r.rawStatus, r.statusLine = line, r.bodyLine(i)
		default:
			kept = append(kept, r.body[i], "")
		}
	}
	section := kept
	if len(kept) > 0 {
		section = append([]string{r.body[start], ""}, kept...)
	}
	r.body = append(append(append([]string(nil), r.body[:start]...), section...), r.body[end:]...)
}

// bodyLine is the file line of body line i.
func (r *record) bodyLine(i int) int { return r.bodyOffset + i + 1 }

// relationLine takes a line that relates this record to another, and reports
// whether it was one.
func (r *record) relationLine(line string, lineNo int) bool {
	m := relLine.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	rel := relation{text: m[2], line: lineNo}
	switch strings.ToLower(m[1]) {
	case "supersedes", "supercedes":
		r.supersedes = append(r.supersedes, rel)
	case "superseded by", "superceded by":
		r.supersededBy = append(r.supersededBy, rel)
	case "amends":
		r.amends = append(r.amends, rel)
	case "amended by":
		r.amendedBy = append(r.amendedBy, rel)
	}
	return true
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	// Two blank lines where a section was taken out read as one.
	out := lines[:0:0]
	for i, l := range lines {
		if i > 0 && strings.TrimSpace(l) == "" && strings.TrimSpace(lines[i-1]) == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}
