package quality

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"archfolio/generator"
)

// WriteText writes the report as `archfolio check --quality` prints it: a
// heading line per part and an indented line per entry, each entry that is in
// a file starting with its path and line, as diagnostics do; every list whole.
func WriteText(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "Data quality on %s\n", r.Today.Format(time.DateOnly))
	fmt.Fprintln(w, "Expected fields filled in, by kind:")
	if len(r.Kinds) == 0 {
		fmt.Fprintln(w, "  no document has a field the schema marks as expected")
	}
	for _, k := range r.Kinds {
		var shares []string
		for _, f := range k.Fields {
			shares = append(shares, fmt.Sprintf("%s %d of %d (%d%%)", generator.Humanize(f.Field), f.Filled, f.Of, f.Percent()))
		}
		fmt.Fprintf(w, "  %s, %s: %s\n", k.Kind.Plural, generator.Plural(k.Docs, "document", "documents"), strings.Join(shares, "; "))
	}
	section(w, "Owners, most gaps first", r.Owners, func(o *OwnerGaps) string {
		return OwnerName(o.Owner) + ": " + strings.Join(o.Summary(), "; ")
	})
	section(w, "Alignment records without evidence", r.NoEvidence, func(g StaleRecord) string {
		return fmt.Sprintf("%s: %s: %s", g.Record.Source(), recordName(g), g.Record.Status.Label())
	})
	section(w, "Alignment records assessed more than a year ago", r.Stale, func(g StaleRecord) string {
		return fmt.Sprintf("%s: %s: assessed %s, %s ago", g.Record.Source(), recordName(g), g.Assessed.Format(time.DateOnly), generator.Plural(g.Days, "day", "days"))
	})
	section(w, "Documents past review", r.PastReview, func(s generator.StaleDocument) string {
		return fmt.Sprintf("%s:%d: %s: review due %s, %s late", s.Doc.Path, s.Doc.Pos("review").Line, docName(s.Doc),
			s.Due.Format(time.DateOnly), generator.Plural(s.DaysLate, "day", "days"))
	})
	section(w, "References to retired documents", r.Retired, func(ref RetiredRef) string {
		return fmt.Sprintf("%s: %s %s %s", ref.Source(), docName(ref.From), ref.Relation, docName(ref.To))
	})
	systemic := 0
	for _, g := range r.Recurring {
		if g.Systemic() {
			systemic++
		}
	}
	fmt.Fprintf(w, "Recurring findings: %s in two blueprints or more, %d systemic (in %d or more)\n",
		generator.Plural(len(r.Recurring), "gap", "gaps"), systemic, SystemicBlueprints)
	for _, g := range r.Recurring {
		fmt.Fprintf(w, "  %s: %s %q: %s\n", g.Standing(), g.How(), g.Name(), strings.Join(g.Summary(r.Today), "; "))
	}
	return w.Flush()
}

// section writes a heading with the count of items, then a line per item.
func section[T any](w io.Writer, title string, items []T, line func(T) string) {
	if len(items) == 0 {
		fmt.Fprintf(w, "%s: none\n", title)
		return
	}
	fmt.Fprintf(w, "%s: %d\n", title, len(items))
	for _, it := range items {
		fmt.Fprintf(w, "  %s\n", line(it))
	}
}

// OwnerName is an owner as the report names them: "No owner" for the
// documents without one.
func OwnerName(owner string) string {
	if owner == "" {
		return "No owner"
	}
	return owner
}

// docName is a document's title and kind.
func docName(d *generator.Document) string { return fmt.Sprintf("%q (%s)", d.Title, d.Kind) }

// recordName names an alignment record: its blueprint, standard and statement.
func recordName(g StaleRecord) string {
	s := fmt.Sprintf("%q with %q", g.Record.Blueprint.Title, g.Record.Standard.Title)
	if g.Record.Statement != "" {
		s += ", statement " + g.Record.Statement
	}
	return s
}

// Source is "path:line" of the reference's field.
func (ref RetiredRef) Source() string {
	return fmt.Sprintf("%s:%d", ref.From.Path, ref.From.Pos(ref.Field).Line)
}

// Summary says in words what the owner has to fix, one part per kind of gap,
// the total first.
func (o *OwnerGaps) Summary() []string {
	parts := []string{generator.Plural(o.Gaps(), "gap", "gaps"), generator.Plural(o.Docs, "document", "documents"),
		fmt.Sprintf("expected fields %d of %d filled in (%d%%)", o.Filled, o.Expected, o.Percent())}
	if len(o.Missing) > 0 {
		var missing []string
		for _, m := range o.Missing {
			missing = append(missing, MissingWords(m))
		}
		parts = append(parts, "missing "+strings.Join(missing, ", "))
	}
	for _, c := range []struct {
		n         int
		one, many string
	}{
		{o.NoEvidence, "alignment record without evidence", "alignment records without evidence"},
		{o.Stale, "alignment record assessed more than a year ago", "alignment records assessed more than a year ago"},
		{o.PastReview, "document past review", "documents past review"},
		{o.RetiredTo, "reference to a retired document", "references to retired documents"},
	} {
		if c.n > 0 {
			parts = append(parts, generator.Plural(c.n, c.one, c.many))
		}
	}
	return parts
}

// MissingWords says which field some of an owner's documents of a kind leave
// empty, and how many: "Blueprint summary in 1 of 2".
func MissingWords(m FieldShare) string {
	return fmt.Sprintf("%s %s in %d of %d", m.Kind.Label, strings.ToLower(generator.Humanize(m.Field)), m.Of-m.Filled, m.Of)
}

// Standing says whether the gap is systemic or recurs in fewer blueprints.
func (r *Recurrence) Standing() string {
	if r.Systemic() {
		return "Systemic"
	}
	return "Recurring"
}

// Summary says in words what the group holds: its blueprints, its findings,
// threats and items, its open remediation and since when it recurs.
func (r *Recurrence) Summary(today time.Time) []string {
	var bps []string
	for _, bp := range r.Blueprints {
		bps = append(bps, bp.Title)
	}
	parts := []string{generator.Plural(len(r.Blueprints), "blueprint", "blueprints") + ": " + strings.Join(bps, ", "),
		fmt.Sprintf("%s, %s, %s", generator.Plural(len(r.Findings), "review finding", "review findings"),
			generator.Plural(len(r.Threats), "residual threat", "residual threats"),
			generator.Plural(len(r.Items), "remediation item", "remediation items"))}
	if len(r.Open) == 0 {
		parts = append(parts, "no open remediation")
	} else {
		var open []string
		for _, it := range r.Open {
			s := it.Doc.Title
			if it.Jira != "" {
				s += " (" + it.Jira + ")"
			}
			open = append(open, s)
		}
		parts = append(parts, "open remediation: "+strings.Join(open, ", "))
	}
	if !r.Since.IsZero() {
		parts = append(parts, "since "+r.Since.Format(time.DateOnly)+", "+generator.Plural(generator.DaysBetween(r.Since, today), "day", "days"))
	}
	return parts
}
