package changes

import (
	"slices"

	"archfolio/generator"
	"archfolio/generator/history"
)

// maxLines is how many lines a section of the page lists before it says how
// many more there are and where they are: a revision long ago can have
// changed every document.
const maxLines = 200

// Page is the Changes page's data: the comparison's report in three groups,
// each line's parts ready to write.
type Page struct {
	*Comparison
	Diff *history.Diff // nil when there is no comparison
	// Worse are the changes for the worse, Better the improvements, Other the
	// rest (documents added, changed, ...).
	Worse, Better, Other []Section
	Today                string // the date the work tree's figures are worked out at
}

// Section is a heading of the page and its lines.
type Section struct {
	ID, Title string
	Lines     []Line
	// More counts the lines left out (maxLines).
	More int
}

// Line is one change.
type Line []Part

// Part is a piece of a line: words, or a document linked to its page (URL,
// site-relative), or what a writer typed (Code: an id, a path, a value
// that is not one of a fixed set).
type Part struct {
	Text, URL string
	Code      bool
}

// Short is the commit's abbreviated hash.
func (pg *Page) Short() string { return pg.Rev.Hash[:min(12, len(pg.Rev.Hash))] }

func newPage(p *generator.Portfolio, c *Comparison) *Page {
	pg := &Page{Comparison: c, Diff: c.Diff(), Today: p.Today.Format("2006-01-02")}
	if pg.Diff == nil {
		return pg
	}
	r := pg.Diff.Report()
	pg.Worse, pg.Better, pg.Other = sections(p, r.Worse), sections(p, r.Better), sections(p, r.Other)
	return pg
}

func sections(p *generator.Portfolio, in []history.Section) []Section {
	out := make([]Section, len(in))
	for i, s := range in {
		lines := s.Lines
		if len(lines) > maxLines {
			out[i].More, lines = len(lines)-maxLines, lines[:maxLines]
		}
		out[i].ID, out[i].Title = generator.Slug(s.Title), s.Title
		for _, l := range lines {
			out[i].Lines = append(out[i].Lines, line(p, l))
		}
	}
	return out
}

// line writes a report's line for readers: documents by title, linked to
// their pages, statuses, field names and enum values in words.
func line(p *generator.Portfolio, l history.Line) Line {
	out := make(Line, 0, len(l))
	for _, part := range l {
		switch part.Role {
		case history.Doc:
			out = append(out, docPart(p, part.Doc))
		case history.Code:
			out = append(out, Part{Text: part.Text, Code: true})
		case history.Field:
			out = append(out, Part{Text: generator.Humanize(part.Text)})
		case history.Status:
			out = append(out, Part{Text: part.Said})
		case history.Value:
			if slices.Contains(p.Schema.EnumValues(part.Kind, part.Field), part.Text) {
				out = append(out, Part{Text: generator.Humanize(part.Text)})
			} else {
				out = append(out, Part{Text: part.Text, Code: true})
			}
		default:
			out = append(out, Part{Text: part.Text})
		}
	}
	return out
}

// docPart is a document by its title, linked to its page when the site has
// one (a removed document has none).
func docPart(p *generator.Portfolio, r history.DocRef) Part {
	if d := p.ByID[r.ID]; d != nil && d.Kind == r.Kind {
		return Part{Text: r.Title, URL: d.URL}
	}
	return Part{Text: r.Title + " (" + r.ID + ")"}
}
