package matrix

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// appliesCondition is one entry of a standard's applies_to: a blueprint field and
// the values that make the standard apply.
type appliesCondition struct {
	field  string
	values []string
}

// EffectivenessTarget is one criterion a standard declares for its effectiveness.
// A target written as a percentage on a metric about blueprints is compared with
// the standard's measured adoption.
type EffectivenessTarget struct {
	Metric, Target string
	Percent        float64 // the target's percentage, or -1
	Measured       bool    // compared with the adoption figure
	Met            bool
}

var targetPercentRE = regexp.MustCompile(`^\s*(?:>=|≥|at least)?\s*(\d+(?:\.\d+)?)\s*%`)

// newColumn reads a standard's matrix-relevant fields: family, statements,
// maps_to, applies_to (checked against the blueprint schema) and effectiveness.
func newColumn(p *generator.Portfolio, d *generator.Document) (*MatrixColumn, diag.Diagnostics) {
	col := &MatrixColumn{Doc: d, Family: strings.TrimSpace(d.Fields.String("family")), statementAt: map[string]int{}}
	anchors := map[string]bool{}
	for _, s := range d.Fields.List("statements") {
		o, ok := s.(*generator.Object)
		if !ok || o.String("id") == "" {
			continue
		}
		st := Statement{ID: strings.TrimSpace(o.String("id")), Text: o.String("text"), Level: o.String("level"), Guidance: o.String("guidance")}
		st.Anchor = generator.UniqueAnchor(anchors, "stmt-"+generator.Slug(st.ID))
		if w, _ := o.Get("withdrawn").(bool); w {
			if col.withdrawn == nil {
				col.withdrawn = map[string]bool{}
			}
			if !col.withdrawn[st.ID] {
				col.withdrawn[st.ID] = true
				col.Withdrawn = append(col.Withdrawn, st)
			}
			continue
		}
		if _, dup := col.statementAt[st.ID]; !dup {
			col.statementAt[st.ID] = len(col.Statements)
			col.Statements = append(col.Statements, st)
		}
	}
	for _, id := range d.Fields.List("outside_baseline") {
		if s, ok := id.(string); ok && strings.TrimSpace(s) != "" {
			if col.outside == nil {
				col.outside = map[string]bool{}
			}
			col.outside[strings.TrimSpace(s)] = true
		}
	}
	if maps := d.Fields.Obj("maps_to"); maps != nil {
		for _, fw := range slices.Sorted(slices.Values(maps.Keys)) {
			fc := FrameworkControls{Framework: fw}
			for _, c := range maps.List(fw) {
				if s, ok := c.(string); ok && strings.TrimSpace(s) != "" {
					fc.Controls = append(fc.Controls, strings.TrimSpace(s))
				}
			}
			col.MapsTo = append(col.MapsTo, fc)
		}
	}
	for _, e := range d.Fields.List("effectiveness") {
		if o, ok := e.(*generator.Object); ok {
			col.Targets = append(col.Targets, newTarget(o.String("metric"), o.String("target")))
		}
	}
	sink := &diag.DiagSink{Path: d.Path}
	if cond := d.Fields.Obj("applies_to"); cond != nil {
		col.conditions = readConditions(p, d, cond, sink)
		col.Requires = d.Status != "draft" && d.Status != "retired"
	}
	return col, sink.Diags
}

// readConditions reads applies_to and warns about fields a blueprint does not have
// and values an enum field cannot take.
func readConditions(p *generator.Portfolio, d *generator.Document, cond *generator.Object, sink *diag.DiagSink) []appliesCondition {
	kind := p.Schema.Kinds["blueprint"]
	var out []appliesCondition
	for _, name := range cond.Keys {
		c := appliesCondition{field: name}
		for _, v := range cond.List(name) {
			if s, ok := v.(string); ok {
				c.values = append(c.values, s)
			}
		}
		out = append(out, c)
		if kind == nil {
			continue
		}
		f := kind.Field(p.Schema, name)
		if f == nil {
			known := append(slices.Clone(p.Schema.Common.Names), kind.Fields.Names...)
			sink.Report(diag.CodeUnknownAppliesField, d.Pos("applies_to."+name), "applies_to.%s: a blueprint has no field %q%s, so this standard applies to no blueprint",
				name, name, diag.DidYouMean(name, known))
			continue
		}
		if f.Type != generator.TypeEnum {
			continue
		}
		for i, v := range c.values {
			if !slices.Contains(f.Values, v) {
				sink.Report(diag.CodeUnknownAppliesValue, d.Pos(fmt.Sprintf("applies_to.%s[%d]", name, i)), "applies_to.%s: %q is not a %s value%s (want one of: %s)",
					name, v, name, diag.DidYouMean(v, f.Values), strings.Join(f.Values, ", "))
			}
		}
	}
	return out
}

func newTarget(metric, target string) EffectivenessTarget {
	t := EffectivenessTarget{Metric: metric, Target: target, Percent: -1}
	if m := targetPercentRE.FindStringSubmatch(target); m != nil {
		t.Percent, _ = strconv.ParseFloat(m[1], 64)
	}
	return t
}

// measureTargets compares the percentage targets of metrics about blueprints with
// the standard's adoption.
func (col *MatrixColumn) measureTargets() {
	for i := range col.Targets {
		t := &col.Targets[i]
		if t.Percent < 0 || col.Tally.Applicable == 0 || !strings.Contains(strings.ToLower(t.Metric), "blueprint") {
			continue
		}
		t.Measured = true
		t.Met = float64(col.Tally.Adopted)*100 >= t.Percent*float64(col.Tally.Applicable)
	}
}

// blueprintValues reads a blueprint's field values for applies_to, once per field.
type blueprintValues struct {
	doc   *generator.Document
	cache map[string][]string
}

func (b *blueprintValues) get(field string) []string {
	if v, ok := b.cache[field]; ok {
		return v
	}
	var out []string
	switch field {
	case "id":
		out = []string{b.doc.ID}
	case "tags":
		out = b.doc.Tags
	default:
		out = scalarTexts(b.doc.Fields.Get(field))
	}
	if b.cache == nil {
		b.cache = map[string][]string{}
	}
	b.cache[field] = out
	return out
}

// scalarTexts returns a value as text: a scalar as one item, a list item by item.
func scalarTexts(v any) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		var out []string
		for _, it := range v {
			out = append(out, scalarTexts(it)...)
		}
		return out
	case *generator.Object:
		return nil
	case fmt.Stringer:
		return []string{v.String()}
	}
	return []string{fmt.Sprint(v)}
}

// applies reports whether every condition of applies_to holds for the blueprint:
// its value (or one of its values) is among the listed ones.
func (col *MatrixColumn) applies(b *blueprintValues) bool {
	for _, c := range col.conditions {
		ok := false
		for _, v := range b.get(c.field) {
			if slices.Contains(c.values, v) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// FamilyCoverage is the coverage of one family of standards: its controls (the
// statements of its standards, or a standard without statements as a whole) and
// those no blueprint implements.
type FamilyCoverage struct {
	Family    string
	Columns   []*MatrixColumn
	Controls  int
	Covered   int
	Uncovered []UncoveredControl
}

// UncoveredControl is a statement (or a whole standard, Statement "") that no
// blueprint implements.
type UncoveredControl struct {
	Column    *MatrixColumn
	Statement string
}

// Percent is the covered share of the family's controls, in whole percent.
func (f *FamilyCoverage) Percent() int { return wholePercent(f.Covered, f.Controls) }

func wholePercent(n, total int) int {
	if total == 0 {
		return 0
	}
	return n * 100 / total
}

func familyCoverage(m *Matrix) []*FamilyCoverage {
	var out []*FamilyCoverage
	for _, col := range m.Columns {
		if len(out) == 0 || out[len(out)-1].Family != col.Family {
			out = append(out, &FamilyCoverage{Family: col.Family})
		}
		f := out[len(out)-1]
		f.Columns = append(f.Columns, col)
		if len(col.Statements) == 0 {
			f.Controls++
			if col.Tally.Adopted > 0 {
				f.Covered++
			} else {
				f.Uncovered = append(f.Uncovered, UncoveredControl{Column: col})
			}
			continue
		}
		for k, st := range col.Statements {
			f.Controls++
			if col.StatementTallies[k].Adopted > 0 {
				f.Covered++
			} else {
				f.Uncovered = append(f.Uncovered, UncoveredControl{Column: col, Statement: st.ID})
			}
		}
	}
	return out
}

// FrameworkCoverage is the coverage of an external framework's controls that
// standards map to.
type FrameworkCoverage struct {
	Framework string
	Title     string
	Controls  []*ControlCoverage // in natural id order
	Covered   int                // controls with at least one implementing blueprint
}

// Uncovered counts the framework's controls with no implementing blueprint.
func (f *FrameworkCoverage) Uncovered() int { return len(f.Controls) - f.Covered }

// Percent is the covered share of the framework's mapped controls.
func (f *FrameworkCoverage) Percent() int { return wholePercent(f.Covered, len(f.Controls)) }

// ControlCoverage is one framework control: the standards that map to it and how
// the blueprints meet it. A blueprint's status for a control is the worst of its
// cells on those standards.
type ControlCoverage struct {
	ID      string
	Label   string // AC-2(1) for ac-2.1
	Title   string // from the framework's controls: in archfolio.yaml, or ""
	Group   string // the control family, AC
	Columns []*MatrixColumn
	Tally   AlignmentTally
}

// Cell returns a blueprint's status for the control and the standard that decides
// it (nil when none applies).
func (c *ControlCoverage) Cell(row *MatrixRow) (Alignment, *MatrixColumn) {
	status, by := AlignNone, (*MatrixColumn)(nil)
	for _, col := range c.Columns {
		if s := row.Cell(col.Index).Status; s != AlignNone && (by == nil || s.rank() < status.rank()) {
			status, by = s, col
		}
	}
	return status, by
}

// tallyControls adds each row's status of each control (Cell) to the control's
// tally, going through the cells that are not blank: asking every control
// for every row costs controls × blueprints (a full catalogue over 5,000
// blueprints was a quarter of the dev server's work after each save).
func tallyControls(m *Matrix, byFW map[string]map[string]*ControlCoverage) {
	// Controls are numbered, so that a row's status of each is a slice, not a
	// map: this runs for every cell of the matrix.
	var controls []*ControlCoverage
	byColumn := make([][]int, len(m.Columns))
	for _, fw := range byFW {
		for _, c := range fw {
			for _, col := range c.Columns {
				byColumn[col.Index] = append(byColumn[col.Index], len(controls))
			}
			controls = append(controls, c)
		}
	}
	status := make([]Alignment, len(controls)) // the row's, by control; AlignNone when not reached
	var reached []int
	for _, row := range m.Rows {
		for j, cell := range row.Cells() {
			if cell.Status == AlignNone {
				continue
			}
			for _, k := range byColumn[j] {
				if status[k] == AlignNone {
					reached = append(reached, k)
					status[k] = cell.Status
				} else if cell.Status.rank() < status[k].rank() {
					status[k] = cell.Status
				}
			}
		}
		for _, k := range reached {
			controls[k].Tally.add(status[k])
			status[k] = AlignNone
		}
		reached = reached[:0]
	}
}

func frameworkCoverage(m *Matrix, cfg *generator.Config) []*FrameworkCoverage {
	byFW := map[string]map[string]*ControlCoverage{}
	for _, col := range m.Columns {
		for _, fc := range col.MapsTo {
			if byFW[fc.Framework] == nil {
				byFW[fc.Framework] = map[string]*ControlCoverage{}
			}
			for _, id := range fc.Controls {
				c := byFW[fc.Framework][id]
				if c == nil {
					c = &ControlCoverage{ID: id, Label: controlLabel(id), Group: controlGroup(id), Title: cfg.ControlTitle(fc.Framework, id)}
					byFW[fc.Framework][id] = c
				}
				if !slices.Contains(c.Columns, col) {
					c.Columns = append(c.Columns, col)
				}
			}
		}
	}
	tallyControls(m, byFW)
	var out []*FrameworkCoverage
	for _, fw := range generator.SortedKeys(byFW) {
		f := &FrameworkCoverage{Framework: fw, Title: cfg.FrameworkTitle(fw)}
		for _, c := range byFW[fw] {
			if c.Tally.Adopted > 0 {
				f.Covered++
			}
			f.Controls = append(f.Controls, c)
		}
		slices.SortFunc(f.Controls, func(a, b *ControlCoverage) int { return compareControlIDs(a.ID, b.ID) })
		out = append(out, f)
	}
	return out
}

var nistControlRE = regexp.MustCompile(`^([a-z]{1,3})-(\d+)((?:\.\d+)*)$`)

// controlLabel returns a control's display label: NIST ids (ac-2.1) become AC-2(1),
// anything else is upper-cased.
// ControlLabel is a framework control id as its catalogue writes it
// ("ac-2.1" → "AC-2(1)"), for NIST SP 800-53 style ids; others are upper-cased.
func ControlLabel(id string) string { return controlLabel(id) }

func controlLabel(id string) string {
	m := nistControlRE.FindStringSubmatch(id)
	if m == nil {
		return strings.ToUpper(id)
	}
	label := strings.ToUpper(m[1]) + "-" + m[2]
	for _, e := range strings.Split(m[3], ".")[1:] {
		label += "(" + e + ")"
	}
	return label
}

// controlGroup returns a control's family: AC for ac-2.1, A.5 for a.5.16.
func controlGroup(id string) string {
	if m := nistControlRE.FindStringSubmatch(id); m != nil {
		return strings.ToUpper(m[1])
	}
	if i := strings.LastIndexByte(id, '.'); i > 0 {
		return strings.ToUpper(id[:i])
	}
	return ""
}

// compareControlIDs orders control ids naturally: ac-2 < ac-2.1 < ac-10.
func compareControlIDs(a, b string) int {
	for a != "" && b != "" {
		ca, ra := nextChunk(a)
		cb, rb := nextChunk(b)
		if c := compareChunk(ca, cb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return cmp.Compare(len(a), len(b))
}

// nextChunk splits off a leading run of digits or of non-digits.
func nextChunk(s string) (string, string) {
	digit := s[0] >= '0' && s[0] <= '9'
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') == digit {
		i++
	}
	return s[:i], s[i:]
}

func compareChunk(a, b string) int {
	ad, bd := a[0] >= '0' && a[0] <= '9', b[0] >= '0' && b[0] <= '9'
	if ad && bd {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
	}
	return cmp.Compare(a, b)
}
