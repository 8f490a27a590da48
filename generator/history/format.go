package history

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"archfolio/generator"
)

// Formats are the output formats of Write.
var Formats = []string{"text", "json", "markdown"}

// Write writes d in format: text (a plain report for a terminal), json (every
// change, for scripts) or markdown (short enough for a pull-request comment,
// what got worse first).
func Write(w io.Writer, d *Diff, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	case "markdown":
		return writeReport(w, d, markdown)
	case "text", "":
		return writeReport(w, d, text)
	}
	return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// style is how a report writes headings and items.
type style struct {
	heading func(string) string
	item    func(string) string
	code    func(string) string
	// limit is how many items a section lists before "and N more" (0: all).
	limit int
}

var (
	text = style{
		heading: func(s string) string { return s + "\n" },
		item:    func(s string) string { return "  " + s + "\n" },
		code:    func(s string) string { return s },
	}
	markdown = style{
		heading: func(s string) string { return "\n### " + generator.MarkdownText(s) + "\n\n" },
		item:    func(s string) string { return "- " + s + "\n" },
		code:    func(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" },
		limit:   15,
	}
)

func writeReport(w io.Writer, d *Diff, st style) error {
	t := func(s string) string { // text from content
		if st.limit > 0 {
			return generator.MarkdownText(s)
		}
		return s
	}
	line := func(l Line) string {
		var b strings.Builder
		for _, p := range l {
			switch p.Role {
			case Doc:
				b.WriteString(t(p.Doc.Title) + " (" + st.code(p.Doc.ID) + ")")
			case Text, Value:
				b.WriteString(t(p.Text))
			case Code, Field:
				b.WriteString(st.code(p.Text))
			default:
				b.WriteString(p.Text)
			}
		}
		return b.String()
	}
	var b strings.Builder
	from := d.From.Name
	if d.From.Hash != "" {
		from += " (" + d.From.Hash[:min(12, len(d.From.Hash))] + ", " + d.From.Date + ")"
	}
	to := d.To.Name
	if d.To.Hash != "" {
		to += " (" + d.To.Hash[:min(12, len(d.To.Hash))] + ", " + d.To.Date + ")"
	} else {
		to += " (" + d.To.Date + ")"
	}
	summary := fmt.Sprintf("Portfolio changes from %s to %s: %d for the worse.", t(from), t(to), d.Worse())
	if st.limit > 0 {
		summary = "**" + summary + "**"
	}
	b.WriteString(summary + "\n")
	r := d.Report()
	if r.Empty() {
		b.WriteString("\nNothing changed.\n")
	}
	for _, group := range [][]Section{r.Worse, r.Better, r.Other} {
		for _, s := range group {
			if st.limit == 0 {
				b.WriteString("\n")
			}
			b.WriteString(st.heading(s.Title + " (" + strconv.Itoa(len(s.Lines)) + ")"))
			for i, l := range s.Lines {
				if st.limit > 0 && i == st.limit {
					b.WriteString(st.item(fmt.Sprintf("… and %d more (archfolio diff --format text lists them all)", len(s.Lines)-i)))
					break
				}
				b.WriteString(st.item(line(l)))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// clip shortens two long values (lists of alignment records, say) for one
// line each, to the part where they first differ.
func clip(a, b string) (string, string) {
	const most, before = 80, 24
	ra, rb := []rune(a), []rune(b)
	if len(ra) <= most && len(rb) <= most {
		return a, b
	}
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	start := max(0, i-before)
	cut := func(r []rune) string {
		s, end := "", min(len(r), start+most)
		if start > 0 {
			s = "…"
		}
		s += string(r[start:end])
		if end < len(r) {
			s += "…"
		}
		return s
	}
	return cut(ra), cut(rb)
}
