package history

import (
	"strconv"

	"archfolio/generator"
	"archfolio/generator/matrix"
)

// Report is a Diff as every report presents it (the text and markdown of
// Write, the site's Changes page): what got worse first, then what improved,
// then the other changes, each a list of sections in a fixed order. A section
// with no line is left out.
type Report struct {
	Worse, Better, Other []Section
}

// Section is one heading of a report and its lines.
type Section struct {
	Title string
	Lines []Line
}

// Line is one change, in parts, so that each output writes documents, ids and
// values its own way (a link and words on the site, an id in backquotes in
// markdown).
type Line []Part

// Role says what a Part is.
type Role uint8

const (
	// Words are the report's own words (" → ", "waiver expired", a date, a
	// percentage): never from a document's text.
	Words Role = iota
	// Text is text from the portfolio: a threat's title, a milestone's name.
	Text
	// Doc is a document: Part.Doc.
	Doc
	// Code is an id, a statement or a path, as written.
	Code
	// Field is a front-matter field's name, as written.
	Field
	// Status is a status of a fixed set (an alignment, a severity): Text as
	// written, Part.Said in words.
	Status
	// Value is a front-matter value as written (ValueText, clipped), of the
	// field Part.Field of a document of kind Part.Kind.
	Value
)

// Part is a piece of a line.
type Part struct {
	Role Role
	Text string
	Doc  DocRef // Role Doc
	Said string // Role Status: the status in words
	// Kind and Field name what a Value is a value of.
	Kind, Field string
}

func words(s string) Part              { return Part{Role: Words, Text: s} }
func textPart(s string) Part           { return Part{Role: Text, Text: s} }
func doc(r DocRef) Part                { return Part{Role: Doc, Doc: r} }
func code(s string) Part               { return Part{Role: Code, Text: s} }
func status(s, said string) Part       { return Part{Role: Status, Text: s, Said: said} }
func value(kind, field, s string) Part { return Part{Role: Value, Text: s, Kind: kind, Field: field} }

// orNone is a status, or "(none)" when there is none.
func orNonePart(p Part) Part {
	if p.Text == "" {
		return words("(none)")
	}
	return p
}

// alignment is a cell's status; exception-expired reads as the matrix says it.
func alignment(s string) Part {
	for a := matrix.AlignNonCompliant; a <= matrix.AlignNotApplicable; a++ {
		if a.String() == s {
			return orNonePart(status(s, a.Label()))
		}
	}
	return orNonePart(status(s, generator.Humanize(s)))
}

// severity is a threat's severity.
func severity(s string) Part { return orNonePart(status(s, generator.Humanize(s))) }

// Report arranges d as its reports present it.
func (d *Diff) Report() Report {
	var r Report
	add := func(to *[]Section, title string, lines []Line) {
		if len(lines) > 0 {
			*to = append(*to, Section{title, lines})
		}
	}
	cellsWorse, cellsBetter := d.cellLines()
	expired, waivers := d.waiverLines()
	adoptionDown, adoptionUp := d.adoptionLines()
	threatsWorse, threatsOther := d.threatLines()
	var slipped, later, earlier []Line
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
	var grown []Line
	for _, g := range d.ImpactGrown {
		grown = append(grown, Line{doc(g.Blueprint), words(": " + strconv.Itoa(g.Before) + " → " + strconv.Itoa(g.After) + " dependents")})
	}
	add(&r.Worse, "Alignment that got worse", cellsWorse)
	add(&r.Worse, "Adoption down or more gaps", adoptionDown)
	add(&r.Worse, "Waivers expired", expired)
	add(&r.Worse, "Remediation newly overdue", docLines(d.NewlyOverdue))
	add(&r.Worse, "Roadmap items slipped", slipped)
	add(&r.Worse, "Roadmap items moved later", later)
	add(&r.Worse, "Threats added or raised", threatsWorse)
	add(&r.Worse, "Blueprints more depended on", grown)

	var ms []Line
	for _, m := range d.Milestones {
		ms = append(ms, Line{doc(m.Item), words(": "), textPart(m.Name), words(" (" + m.Date + ")")})
	}
	add(&r.Better, "Alignment that improved or changed", cellsBetter)
	add(&r.Better, "Adoption up, fewer gaps or new", adoptionUp)
	add(&r.Better, "Remediation closed", docLines(d.Closed))
	add(&r.Better, "Milestones done", ms)
	add(&r.Better, "Roadmap items moved earlier", earlier)
	add(&r.Better, "Threats lowered or not residual", threatsOther)

	add(&r.Other, "Waivers added or extended", waivers)
	add(&r.Other, "Remediation opened", docLines(d.Opened))
	var edges []Line
	for _, e := range d.EdgesAdded {
		edges = append(edges, Line{words("+ "), doc(e.From), words(" → "), doc(e.To)})
	}
	for _, e := range d.EdgesRemoved {
		edges = append(edges, Line{words("− "), doc(e.From), words(" → "), doc(e.To)})
	}
	add(&r.Other, "Dependencies", edges)
	add(&r.Other, "Documents added", docLines(d.Added))
	add(&r.Other, "Documents removed", docLines(d.Removed))
	var moved []Line
	for _, m := range d.Moved {
		moved = append(moved, Line{doc(m.DocRef), words(": "), code(m.OldPath), words(" → "), code(m.Path)})
	}
	add(&r.Other, "Documents moved", moved)
	var renamed []Line
	for _, rn := range d.Renamed {
		renamed = append(renamed, Line{doc(rn.DocRef), words(": was "), code(rn.OldID)})
	}
	add(&r.Other, "Documents renamed", renamed)
	add(&r.Other, "Documents changed", d.changedLines())
	return r
}

// Empty reports whether the report has no section.
func (r Report) Empty() bool { return len(r.Worse)+len(r.Better)+len(r.Other) == 0 }

func (d *Diff) cellLines() (worse, better []Line) {
	for _, c := range d.Cells {
		line := Line{doc(c.Blueprint), words(" × "), doc(c.Standard), words(": "), alignment(c.Old), words(" → "), alignment(c.New)}
		switch {
		case c.NewGap:
			line = append(line, words(" (new gap)"))
		case c.ClosedGap:
			line = append(line, words(" (gap closed)"))
		}
		if c.Worse {
			worse = append(worse, line)
		} else {
			better = append(better, line)
		}
	}
	return worse, better
}

func (d *Diff) waiverLines() (expired, other []Line) {
	for _, wv := range d.Waivers {
		line := Line{doc(wv.Blueprint), words(" × "), doc(wv.Standard)}
		if wv.Statement != "" {
			line = append(line, words(" "), code(wv.Statement))
		}
		switch wv.Change {
		case "expired":
			expired = append(expired, append(line, words(": waiver expired "+wv.Expires)))
		case "extended":
			other = append(other, append(line, words(": waiver extended from "+wv.Old+" to "+wv.Expires)))
		default:
			other = append(other, append(line, words(": waiver added, expires "+wv.Expires)))
		}
	}
	return expired, other
}

func (d *Diff) adoptionLines() (down, up []Line) {
	for _, a := range d.Adoption {
		line := Line{doc(a.Standard), words(": " + orNone(a.Old) + " → " + orNone(a.New))}
		if a.Old != "" && (a.NewPercent < a.OldPercent || a.NewPercent == a.OldPercent && a.NewGaps > a.OldGaps) {
			down = append(down, line)
		} else {
			up = append(up, line)
		}
	}
	return down, up
}

func (d *Diff) threatLines() (worse, other []Line) {
	for _, th := range append(append([]ThreatChange{}, d.ThreatsAdded...), d.ThreatsRescored...) {
		line := Line{code(th.ID), words(" "), textPart(th.Title), words(" in "), doc(th.Model), words(": ")}
		if th.Old == "" {
			line = append(line, words("new, "), severity(th.New))
		} else {
			line = append(line, severity(th.Old), words(" → "), severity(th.New))
		}
		if th.Worse {
			worse = append(worse, line)
		} else {
			other = append(other, line)
		}
	}
	return worse, other
}

func roadmapLine(c RoadmapChange) Line {
	if c.OldEnd == "" || c.OldEnd == c.NewEnd {
		return Line{doc(c.Item), words(": ended " + c.NewEnd + ", not done")}
	}
	return Line{doc(c.Item), words(": end " + c.OldEnd + " → " + c.NewEnd)}
}

func (d *Diff) changedLines() []Line {
	var lines []Line
	for _, c := range d.Changed {
		line := Line{doc(c.DocRef), words(": ")}
		for i, f := range c.Fields {
			if i > 0 {
				line = append(line, words("; "))
			}
			o, n := clip(f.Old, f.New)
			line = append(line, Part{Role: Field, Text: f.Field}, words(" "), orNonePart(value(c.Kind, f.Field, o)),
				words(" → "), orNonePart(value(c.Kind, f.Field, n)))
		}
		if c.BodyChanged {
			if len(c.Fields) > 0 {
				line = append(line, words("; "))
			}
			line = append(line, words("body"))
		}
		lines = append(lines, line)
	}
	return lines
}

func docLines(rs []DocRef) []Line {
	out := make([]Line, len(rs))
	for i, r := range rs {
		out[i] = Line{doc(r)}
	}
	return out
}
