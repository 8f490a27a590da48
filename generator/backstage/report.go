package backstage

import (
	"fmt"
	"io"
	"strings"
)

// Print writes what an import did: to out a line per entity (created, updated
// and which fields, unchanged, used as what, ignored) with its notes under it, and the
// files of a folder that hold no entity; to errs the files and entities that
// could not be read, as FILE:LINE:COL: error: …, what was skipped and why, and the
// errors check reports for a written blueprint. It returns how many of those
// there were; an unresolved ref is a note, not a problem.
func (r *Report) Print(out, errs io.Writer) (problems int) {
	for _, e := range r.Errors {
		fmt.Fprintf(errs, "%s\n", strings.Replace(e.Error(), ": ", ": error: ", 1))
		problems++
	}
	for _, f := range r.Ignored {
		fmt.Fprintf(out, "%-9s %s: no Backstage entity in the file\n", "ignored", f)
	}
	for _, res := range r.Results {
		ref := res.Entity.Ref.String()
		switch res.Action {
		case Created:
			fmt.Fprintf(out, "%-9s %s (from %s, %s:%d)\n", res.Action, res.Path, ref, res.Entity.File, res.Entity.Line)
		case Updated:
			fmt.Fprintf(out, "%-9s %s (from %s): %s\n", res.Action, res.Path, ref, strings.Join(res.Changed, ", "))
		case Unchanged:
			fmt.Fprintf(out, "%-9s %s (from %s)\n", res.Action, res.Path, ref)
		case Used, Ignored:
			fmt.Fprintf(out, "%-9s %s: %s\n", res.Action, ref, res.Reason)
		case Skipped:
			target := ref
			if res.Path != "" {
				target = res.Path + " (from " + ref + ")"
			}
			fmt.Fprintf(errs, "skipped %s: %s\n", target, res.Reason)
			problems++
		}
		for _, n := range res.Notes {
			fmt.Fprintf(out, "  %s:%d:%d: %s\n", n.File, n.Line, max(n.Col, 1), n.Text)
		}
		for _, d := range res.Problems {
			fmt.Fprintln(errs, d)
			problems++
		}
	}
	return problems
}
