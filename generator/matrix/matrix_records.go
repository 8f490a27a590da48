package matrix

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"math"
	"strconv"
	"strings"
	"time"
)

// AlignmentRecord is one entry of a blueprint's compliance list: how the blueprint
// meets a standard, or one statement of it.
type AlignmentRecord struct {
	Blueprint *generator.Document
	Standard  *generator.Document
	// Index is the record's position in the blueprint's compliance list.
	Index         int
	Statement     string
	Status        Alignment // as written
	Evidence      []AlignmentEvidence
	Planned       string // a quarter or a date, as written
	Justification string
	Assessed      string // YYYY-MM-DD
	Waiver        *AlignmentWaiver

	col int // the standard's column
}

// AlignmentEvidence is one evidence entry: a document named by id, a web URL, or
// text.
type AlignmentEvidence struct {
	Text string
	Doc  *generator.Document
	URL  string

	index int    // position in the record's evidence list, for diagnostics
	key   string // the entry as looked up as a document id ("" for a URL)
}

// AlignmentWaiver is the approval of an exception, valid until it expires.
type AlignmentWaiver struct {
	ApprovedBy    string
	Justification string
	Expires       time.Time // zero when not given
	DaysLeft      int       // negative once expired
}

// Field returns the record's front-matter path, like "compliance[3]".
func (r *AlignmentRecord) Field() string { return "compliance[" + strconv.Itoa(r.Index) + "]" }

// Line returns the record's line in its blueprint's file.
func (r *AlignmentRecord) Line() int {
	return r.Blueprint.Pos(r.Field()).Line
}

// Source returns "path:line" of the record.
func (r *AlignmentRecord) Source() string {
	return r.Blueprint.Path + ":" + strconv.Itoa(r.Line())
}

// Effective returns the record's status at today: an exception whose waiver has
// expired counts as AlignExpired.
func (r *AlignmentRecord) Effective() Alignment {
	if r.Status == AlignException && r.Waiver.Expired() {
		return AlignExpired
	}
	return r.Status
}

// Expired reports whether the waiver's expiry date has passed.
func (w *AlignmentWaiver) Expired() bool { return w.usable() && w.DaysLeft < 0 }

// Expiring reports whether the waiver expires within WaiverWarningDays (today
// included).
func (w *AlignmentWaiver) Expiring() bool {
	return w.usable() && w.DaysLeft >= 0 && w.DaysLeft <= generator.WaiverWarningDays
}

// State is "expired", "expiring", "valid" or "missing" (no waiver or no expiry).
func (w *AlignmentWaiver) State() string {
	switch {
	case !w.usable():
		return "missing"
	case w.Expired():
		return "expired"
	case w.Expiring():
		return "expiring"
	}
	return "valid"
}

func (w *AlignmentWaiver) usable() bool { return w != nil && !w.Expires.IsZero() }

func (w *AlignmentWaiver) expires() time.Time {
	if w == nil {
		return time.Time{}
	}
	return w.Expires
}

// DaysLeftText says how many days are left, like "18 days".
func (w *AlignmentWaiver) DaysLeftText() string {
	return strconv.Itoa(w.DaysLeft) + " " + generator.PluralWord(w.DaysLeft, "day", "days")
}

// DaysAgo says how long ago an expired waiver expired, like "12 days".
func (w *AlignmentWaiver) DaysAgo() string {
	return strconv.Itoa(-w.DaysLeft) + " " + generator.PluralWord(-w.DaysLeft, "day", "days")
}

// ExpiresText is the expiry as YYYY-MM-DD, or "".
func (w *AlignmentWaiver) ExpiresText() string {
	if !w.usable() {
		return ""
	}
	return w.Expires.Format(time.DateOnly)
}

// dateTexts holds each assessment date's text, written once for all the
// records assessed that day: a large portfolio has hundreds of thousands of
// records and a few hundred dates, and every string is an object the collector
// marks while the pages are written.
type dateTexts map[generator.Date]string

func (t dateTexts) text(d generator.Date) string {
	s, ok := t[d]
	if !ok {
		s = d.String()
		t[d] = s
	}
	return s
}

// readRecords reads a blueprint's compliance list and checks each record against
// the rules of PRODUCT.md §3. Records whose standard did not resolve are left out
// (the link stage has reported them). The record's index comes from its standard
// reference, whose Attrs is the record, so that it stays right even when an earlier
// item was rejected by validation.
// Reusable is false when a diagnostic suggests an id, which depends on every
// document's id (recordReuse).
func readRecords(p *generator.Portfolio, d *generator.Document, m *Matrix, ids func() []string, dates dateTexts) (recs []*AlignmentRecord, diags diag.Diagnostics, reusable bool) {
	sink := &diag.DiagSink{Path: d.Path}
	reusable = true
	// The records live in one array per blueprint; its capacity is the list's
	// length, so appending never moves them.
	slab := make([]AlignmentRecord, 0, len(d.Fields.List("compliance")))
	var out []*AlignmentRecord
	type key struct {
		std       *generator.Document
		statement string
	}
	seen := make(map[key]int, cap(slab))
	for _, ref := range d.Refs {
		idx, ok := complianceIndex(ref.Field)
		if !ok || ref.To == nil || ref.To.Kind != "standard" || ref.Attrs == nil || len(slab) == cap(slab) {
			continue
		}
		slab = append(slab, newRecord(p, d, ref.To, idx, ref.Attrs, m.Today, dates))
		r := &slab[len(slab)-1]
		col := m.colOf[r.Standard]
		r.col = col.Index
		if first, dup := seen[key{r.Standard, r.Statement}]; dup {
			sink.Report(diag.CodeDuplicateAlignment, d.Pos(r.Field()), "%s: a second record for %s (first at compliance[%d]); the worse status counts: merge them",
				r.Field(), r.target(), first)
		} else {
			seen[key{r.Standard, r.Statement}] = idx
		}
		checkRecord(r, sink)
		checkStatement(r, col, sink)
		before := len(sink.Diags)
		checkEvidence(r, ids, sink)
		reusable = reusable && len(sink.Diags) == before
		out = append(out, r)
	}
	return out, sink.Diags, reusable
}

// webURL is isWebURL without parsing: an http(s) URL with a host and no spaces.
// Evidence lists can hold a hundred thousand entries, and url.Parse allocates.
func webURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	host := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host = rest[:i]
	}
	return host != "" && !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f })
}

// complianceIndex parses "compliance[N].standard".
func complianceIndex(field string) (int, bool) {
	rest, ok := strings.CutPrefix(field, "compliance[")
	if !ok {
		return 0, false
	}
	num, ok := strings.CutSuffix(rest, "].standard")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil
}

func newRecord(p *generator.Portfolio, d, std *generator.Document, idx int, obj *generator.Object, today time.Time, dates dateTexts) AlignmentRecord {
	r := AlignmentRecord{Blueprint: d, Standard: std, Index: idx,
		Statement:     strings.TrimSpace(obj.String("statement")),
		Status:        parseAlignment(obj.String("status")),
		Justification: strings.TrimSpace(obj.String("justification"))}
	if pd, ok := obj.Get("planned").(generator.Period); ok {
		r.Planned = pd.Text
	}
	if a, ok := obj.Get("assessed").(generator.Date); ok {
		r.Assessed = dates.text(a)
	}
	evidence := obj.List("evidence")
	if len(evidence) > 0 {
		r.Evidence = make([]AlignmentEvidence, 0, len(evidence))
	}
	for i, e := range evidence {
		s, ok := e.(string)
		if !ok || strings.TrimSpace(s) == "" {
			continue
		}
		s = strings.TrimSpace(s)
		ev := AlignmentEvidence{Text: s, index: i}
		if webURL(s) {
			ev.URL = s
		} else {
			ev.key, ev.Doc = s, p.ByID[s]
			if ev.Doc == nil && p.Restricted(s) {
				ev.Text = generator.RestrictedReference
			}
		}
		r.Evidence = append(r.Evidence, ev)
	}
	if w := obj.Obj("waiver"); w != nil {
		r.Waiver = &AlignmentWaiver{ApprovedBy: strings.TrimSpace(w.String("approved_by")),
			Justification: strings.TrimSpace(w.String("justification"))}
		if exp, ok := w.Get("expires").(generator.Date); ok {
			r.Waiver.Expires = dateOnly(exp.Time)
			r.Waiver.DaysLeft = int(math.Round(r.Waiver.Expires.Sub(today).Hours() / 24))
		}
	}
	return r
}

// target names the record's standard and statement for messages.
func (r *AlignmentRecord) target() string {
	if r.Statement != "" {
		return generator.Quote(r.Standard.ID) + " statement " + generator.Quote(r.Statement)
	}
	return generator.Quote(r.Standard.ID)
}

// checkRecord applies the alignment-record rules: justification, planned date,
// waiver and its expiry, and that a statement exists.
func checkRecord(r *AlignmentRecord, sink *diag.DiagSink) {
	// Positions are looked up only for a record with something to report: finding
	// them parses the front matter again.
	d := r.Blueprint
	at := func() diag.Pos { return d.Pos(r.Field()) }
	switch r.Status {
	case AlignNotApplicable:
		if r.Justification == "" {
			sink.Report(diag.CodeMissingJustification, at(), "%s: status not-applicable needs a justification: add justification: saying why %s does not apply", r.Field(), r.target())
		}
	case AlignAlternative:
		if r.Justification == "" {
			sink.Report(diag.CodeMissingJustification, at(), "%s: status alternative needs a justification: add justification: describing how the alternative meets %s", r.Field(), r.target())
		}
	case AlignPlanned, AlignPartial:
		if r.Planned == "" {
			sink.Report(diag.CodeMissingPlannedDate, at(), "%s: status %s needs a planned date: add planned: with the quarter (2027-Q1) or date when %s will be met", r.Field(), r.Status, r.target())
		}
	case AlignException:
		checkWaiver(r, sink)
	}
	if r.Waiver != nil && r.Status != AlignException {
		sink.Report(diag.CodeStrayWaiver, d.Pos(r.Field()+".waiver"), "%s.waiver: a waiver only counts for status exception (this record is %s): remove it or set status: exception", r.Field(), r.Status)
	}
}

func checkWaiver(r *AlignmentRecord, sink *diag.DiagSink) {
	d, w := r.Blueprint, r.Waiver
	switch {
	case w == nil:
		sink.Report(diag.CodeMissingWaiver, d.Pos(r.Field()), "%s: status exception needs a waiver: add waiver: {approved_by, expires, justification} with an expiry date", r.Field())
	case w.Expires.IsZero():
		// The schema reports the missing expires field.
	case w.Expired():
		days := -w.DaysLeft
		sink.Report(diag.CodeWaiverExpired, d.Pos(r.Field()+".waiver.expires"), "%s.waiver.expires: the waiver for %s expired on %s, %d %s ago: renew it with a new approved expiry, fix the gap, or record the status as non-compliant",
			r.Field(), r.target(), w.ExpiresText(), days, generator.PluralWord(days, "day", "days"))
	case w.Expiring():
		when := "today"
		if w.DaysLeft > 0 {
			when = "in " + strconv.Itoa(w.DaysLeft) + " " + generator.PluralWord(w.DaysLeft, "day", "days")
		}
		sink.Report(diag.CodeWaiverExpiring, d.Pos(r.Field()+".waiver.expires"), "%s.waiver.expires: the waiver for %s expires on %s, %s: renew it or close the gap before then",
			r.Field(), r.target(), w.ExpiresText(), when)
	}
}

// checkStatement reports a statement id the standard does not have.
func checkStatement(r *AlignmentRecord, col *MatrixColumn, sink *diag.DiagSink) {
	if r.Statement == "" || col == nil {
		return
	}
	if _, ok := col.statementAt[r.Statement]; ok {
		return
	}
	at := r.Blueprint.Pos(r.Field() + ".statement")
	if col.withdrawn[r.Statement] {
		sink.Report(diag.CodeWithdrawnStatement, at, "%s.statement: %q of %q is withdrawn, so this record no longer counts: align with the statement that replaced it, or remove the record",
			r.Field(), r.Statement, r.Standard.ID)
		return
	}
	if col.outside[r.Statement] {
		framework := "its framework"
		if len(col.MapsTo) > 0 {
			framework = col.MapsTo[0].Framework
		}
		sink.Report(diag.CodeUnknownStatement, at, "%s.statement: %q is a control of %s that the baseline imported as %q leaves out (its outside_baseline): "+
			"import a baseline or overlay that selects it (archfolio import oscal --update), or align with one of its statements",
			r.Field(), r.Statement, framework, r.Standard.ID)
		return
	}
	if len(col.Statements) == 0 {
		sink.Report(diag.CodeNoStatements, at, "%s.statement: %q has no statements, so %q cannot be one of them: remove statement: to align with the whole standard",
			r.Field(), r.Standard.ID, r.Statement)
		return
	}
	known := make([]string, len(col.Statements))
	for k, st := range col.Statements {
		known[k] = st.ID
	}
	sink.Report(diag.CodeUnknownStatement, at, "%s.statement: %q is not a statement of %q%s (its statements: %s)",
		r.Field(), r.Statement, r.Standard.ID, diag.DidYouMean(r.Statement, known), strings.Join(known, ", "))
}

// checkEvidence warns about evidence that looks like a document id but names none.
func checkEvidence(r *AlignmentRecord, ids func() []string, sink *diag.DiagSink) {
	for _, e := range r.Evidence {
		if e.URL != "" || e.Doc != nil || !generator.ValidID(e.Text) {
			continue
		}
		f := r.Field() + ".evidence[" + strconv.Itoa(e.index) + "]"
		sink.Report(diag.CodeUnknownEvidence, r.Blueprint.Pos(f), "%s: %q is neither a known document id nor an http(s) URL%s: link a document by its id or give a URL",
			f, e.Text, diag.DidYouMean(e.Text, ids()))
	}
}
