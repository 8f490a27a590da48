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

// section is one heading and its lines.
type section struct {
	title string
	lines []string
}

func writeReport(w io.Writer, d *Diff, st style) error {
	t := func(s string) string { // text from content
		if st.limit > 0 {
			return generator.MarkdownText(s)
		}
		return s
	}
	name := func(r DocRef) string { return t(r.Title) + " (" + st.code(r.ID) + ")" }
	var worse, better, other []section
	add := func(to *[]section, title string, lines []string) {
		if len(lines) > 0 {
			*to = append(*to, section{title, lines})
		}
	}

	var cellsWorse, cellsBetter []string
	for _, c := range d.Cells {
		line := name(c.Blueprint) + " × " + name(c.Standard) + ": " + orNone(c.Old) + " → " + orNone(c.New)
		switch {
		case c.NewGap:
			line += " (new gap)"
		case c.ClosedGap:
			line += " (gap closed)"
		}
		if c.Worse {
			cellsWorse = append(cellsWorse, line)
		} else {
			cellsBetter = append(cellsBetter, line)
		}
	}
	var expired, waivers []string
	for _, wv := range d.Waivers {
		line := name(wv.Blueprint) + " × " + name(wv.Standard)
		if wv.Statement != "" {
			line += " " + st.code(wv.Statement)
		}
		switch wv.Change {
		case "expired":
			expired = append(expired, line+": waiver expired "+wv.Expires)
		case "extended":
			waivers = append(waivers, line+": waiver extended from "+wv.Old+" to "+wv.Expires)
		default:
			waivers = append(waivers, line+": waiver added, expires "+wv.Expires)
		}
	}
	var adoptionDown, adoptionUp []string
	for _, a := range d.Adoption {
		line := name(a.Standard) + ": " + orNone(a.Old) + " → " + orNone(a.New)
		if a.Old != "" && (a.NewPercent < a.OldPercent || a.NewPercent == a.OldPercent && a.NewGaps > a.OldGaps) {
			adoptionDown = append(adoptionDown, line)
		} else {
			adoptionUp = append(adoptionUp, line)
		}
	}
	var threatsWorse, threatsOther []string
	for _, th := range append(append([]ThreatChange{}, d.ThreatsAdded...), d.ThreatsRescored...) {
		line := st.code(th.ID) + " " + t(th.Title) + " in " + name(th.Model) + ": "
		if th.Old == "" {
			line += "new, " + orNone(th.New)
		} else {
			line += th.Old + " → " + orNone(th.New)
		}
		if th.Worse {
			threatsWorse = append(threatsWorse, line)
		} else {
			threatsOther = append(threatsOther, line)
		}
	}
	roadmapLine := func(c RoadmapChange) string {
		if c.OldEnd == "" || c.OldEnd == c.NewEnd {
			return name(c.Item) + ": ended " + c.NewEnd + ", not done"
		}
		return name(c.Item) + ": end " + c.OldEnd + " → " + c.NewEnd
	}
	var slipped, later, earlier []string
	for _, c := range d.Slipped {
		slipped = append(slipped, roadmapLine(c))
	}
	for _, c := range d.Rescheduled {
		if c.Later {
			later = append(later, roadmapLine(c))
		} else {
			earlier = append(earlier, roadmapLine(c))
		}
	}

	add(&worse, "Alignment that got worse", cellsWorse)
	add(&worse, "Adoption down or more gaps", adoptionDown)
	add(&worse, "Waivers expired", expired)
	add(&worse, "Remediation newly overdue", refs(d.NewlyOverdue, name))
	add(&worse, "Roadmap items slipped", slipped)
	add(&worse, "Roadmap items moved later", later)
	add(&worse, "Threats added or raised", threatsWorse)
	var grown []string
	for _, g := range d.ImpactGrown {
		grown = append(grown, name(g.Blueprint)+": "+strconv.Itoa(g.Before)+" → "+strconv.Itoa(g.After)+" dependents")
	}
	add(&worse, "Blueprints more depended on", grown)

	add(&better, "Alignment that improved or changed", cellsBetter)
	add(&better, "Adoption up, fewer gaps or new", adoptionUp)
	add(&better, "Remediation closed", refs(d.Closed, name))
	var ms []string
	for _, m := range d.Milestones {
		ms = append(ms, name(m.Item)+": "+t(m.Name)+" ("+m.Date+")")
	}
	add(&better, "Milestones done", ms)
	add(&better, "Roadmap items moved earlier", earlier)
	add(&better, "Threats lowered or not residual", threatsOther)

	add(&other, "Waivers added or extended", waivers)
	add(&other, "Remediation opened", refs(d.Opened, name))
	var edges []string
	for _, e := range d.EdgesAdded {
		edges = append(edges, "+ "+name(e.From)+" → "+name(e.To))
	}
	for _, e := range d.EdgesRemoved {
		edges = append(edges, "− "+name(e.From)+" → "+name(e.To))
	}
	add(&other, "Dependencies", edges)
	add(&other, "Documents added", refs(d.Added, name))
	add(&other, "Documents removed", refs(d.Removed, name))
	var moved []string
	for _, m := range d.Moved {
		moved = append(moved, name(m.DocRef)+": "+st.code(m.OldPath)+" → "+st.code(m.Path))
	}
	add(&other, "Documents moved", moved)
	var renamed []string
	for _, r := range d.Renamed {
		renamed = append(renamed, name(r.DocRef)+": was "+st.code(r.OldID))
	}
	add(&other, "Documents renamed", renamed)
	var changed []string
	for _, c := range d.Changed {
		var parts []string
		for _, f := range c.Fields {
			o, n := clip(orNone(f.Old), orNone(f.New))
			parts = append(parts, st.code(f.Field)+" "+t(o)+" → "+t(n))
		}
		if c.BodyChanged {
			parts = append(parts, "body")
		}
		changed = append(changed, name(c.DocRef)+": "+strings.Join(parts, "; "))
	}
	add(&other, "Documents changed", changed)

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
	if len(worse)+len(better)+len(other) == 0 {
		b.WriteString("\nNothing changed.\n")
	}
	for _, group := range [][]section{worse, better, other} {
		for _, s := range group {
			if st.limit == 0 {
				b.WriteString("\n")
			}
			b.WriteString(st.heading(s.title + " (" + strconv.Itoa(len(s.lines)) + ")"))
			for i, l := range s.lines {
				if st.limit > 0 && i == st.limit {
					b.WriteString(st.item(fmt.Sprintf("… and %d more (archfolio diff --format text lists them all)", len(s.lines)-i)))
					break
				}
				b.WriteString(st.item(l))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refs(rs []DocRef, name func(DocRef) string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = name(r)
	}
	return out
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
