package history

import (
	"fmt"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/matrix"
)

// Regressions are the warnings `check --since` adds: every alignment cell
// that got worse (AF314), at the blueprint's record on the standard, else at
// the standard's applies_to, which made the cell apply; and every waiver whose
// expiry moved later (AF315), at the waiver. p is the portfolio d's To side
// was loaded as.
func Regressions(d *Diff, p *generator.Portfolio) diag.Diagnostics {
	var out diag.Diagnostics
	m := matrix.Of(p)
	records := map[cellKey]*matrix.AlignmentRecord{}
	waivers := map[waiverKey]*matrix.AlignmentRecord{}
	if m != nil {
		for _, r := range m.Records {
			k := cellKey{r.Blueprint.ID, r.Standard.ID}
			if records[k] == nil {
				records[k] = r
			}
			if r.Waiver != nil {
				waivers[waiverKey{r.Blueprint.ID, r.Standard.ID, r.Statement}] = r
			}
		}
	}
	for _, c := range d.Cells {
		if !c.Worse {
			continue
		}
		msg := fmt.Sprintf("%s × %s got worse since %s: %s → %s", c.Blueprint.Title, c.Standard.Title, d.From.Name, orNone(c.Old), c.New)
		if r := records[cellKey{c.Blueprint.ID, c.Standard.ID}]; r != nil {
			out = append(out, diag.NewDiagnostic(diag.CodeAlignmentRegressed, r.Blueprint.Path, r.Blueprint.Pos(r.Field()+".status"), msg))
		} else if std := p.ByID[c.Standard.ID]; std != nil {
			out = append(out, diag.NewDiagnostic(diag.CodeAlignmentRegressed, std.Path, std.PosOf("applies_to"),
				msg+" (its applies_to now covers "+c.Blueprint.ID+")"))
		}
	}
	limit := p.Config.Waivers.MaxExtensionDays
	for _, w := range d.Waivers {
		r := waivers[waiverKey{w.Blueprint.ID, w.Standard.ID, w.Statement}]
		if w.Change != "extended" || r == nil {
			continue
		}
		days := daysBetween(w.Old, w.New)
		if limit > 0 && days <= limit {
			continue // within the policy
		}
		why := "an extension needs approving again (approved_by)"
		if limit > 0 {
			why = fmt.Sprintf("%d days, beyond the %d days waivers.max_extension_days allows: approve it again (approved_by)", days, limit)
		}
		out = append(out, diag.NewDiagnostic(diag.CodeWaiverExtended, r.Blueprint.Path, r.Blueprint.Pos(r.Field()+".waiver.expires"),
			fmt.Sprintf("the waiver for %s × %s was extended from %s to %s since %s: %s",
				w.Blueprint.Title, w.Standard.Title, w.Old, w.Expires, d.From.Name, why)))
	}
	return out.Sort()
}

// daysBetween is the number of days from one date (YYYY-MM-DD) to another; 0
// when either is not a date.
func daysBetween(from, to string) int {
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	if errA != nil || errB != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}
