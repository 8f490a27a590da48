package adr

import (
	"fmt"
	"io"
	"path"
)

// Report prints what an import did, a line per file of the folder dir (its path
// as given): to out what was written, copied or found unchanged, with the notes
// under each; to errs what was skipped or failed, and the errors check reports
// for a written document. It returns how many files were skipped or failed or
// have errors.
func Report(out, errs io.Writer, dir string, results []Result) (problems int) {
	for _, r := range results {
		src := path.Join(dir, r.Source)
		switch r.Action {
		case Failed:
			where := path.Join(dir, r.Err.File)
			if r.Err.Line > 0 {
				where = fmt.Sprintf("%s:%d:%d", where, r.Err.Line, max(r.Err.Col, 1))
			}
			fmt.Fprintf(errs, "%s: error: %s (not imported)\n", where, r.Err.Msg)
			problems++
			continue
		case Ignored:
			fmt.Fprintf(out, "%-9s %s: %s\n", r.Action, src, r.Reason)
			continue
		case Unchanged:
			fmt.Fprintf(out, "%-9s %s\n", r.Action, r.Path)
			continue
		case Skipped:
			target := src
			if r.Path != "" {
				target = r.Path
			}
			fmt.Fprintf(errs, "skipped %s: %s\n", target, r.Reason)
			problems++
		default:
			fmt.Fprintf(out, "%-9s %s (from %s)\n", r.Action, r.Path, src)
		}
		for _, n := range r.Notes {
			fmt.Fprintf(out, "  %s:%d: %s\n", src, max(n.Line, 1), n.Text)
		}
		for _, d := range r.Problems {
			fmt.Fprintln(errs, d)
			problems++
		}
	}
	return problems
}
