package threagile

import (
	"fmt"
	"io"
)

// Print prints what the import did: to out the document written or found
// unchanged, what it holds and the notes; to errs why it was skipped and the
// errors check reports for it. It returns how many problems it printed.
func (r *Result) Print(out, errs io.Writer) (problems int) {
	from := r.Model
	if r.Risks != "" {
		from += ", " + r.Risks
	}
	switch r.Action {
	case Skipped:
		fmt.Fprintf(errs, "skipped %s: %s\n", r.Path, r.Reason)
		problems++
	case Unchanged:
		fmt.Fprintf(out, "unchanged %s (from %s): it holds what this import would write\n", r.Path, from)
	default:
		fmt.Fprintf(out, "%s %s (from %s): %d data assets, %d assets, %d trust boundaries, %d data flows, %d threats\n",
			r.Action, r.Path, from, r.DataAssets, r.Assets, r.Boundaries, r.Flows, r.Threats)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(out, "  %s\n", n)
	}
	for _, d := range r.Problems {
		fmt.Fprintln(errs, d)
		problems++
	}
	return problems
}
