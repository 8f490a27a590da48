package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"archfolio/generator/history"
)

// runDiff prints what changed in the portfolio between two git revisions.
func runDiff(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("diff", "diff [REV] [REV2] [-s SITE] [--format text|json|markdown] [--today YYYY-MM-DD] [--drafts]", stderr)
	sf.register(fs, true)
	format := fs.String("format", "text", "output format: "+strings.Join(history.Formats, ", ")+" (markdown: short, for a pull-request comment)")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 2 {
		fs.Usage()
		return exitUsage
	}
	if !slices.Contains(history.Formats, *format) {
		fmt.Fprintf(stderr, "archfolio diff: --format %q: want one of %s\n", *format, strings.Join(history.Formats, ", "))
		return exitUsage
	}
	opts, err := sf.options()
	if err != nil {
		fmt.Fprintln(stderr, "archfolio diff:", err)
		return exitUsage
	}
	from, to := "", history.WorkTree
	if len(pos) > 0 {
		from = pos[0]
	}
	if len(pos) > 1 {
		to = pos[1]
	}
	d, err := history.Between(ctx, sf.site, from, to, opts)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio diff:", err)
		return exitProblems
	}
	if err := history.Write(stdout, d, *format); err != nil {
		fmt.Fprintln(stderr, "archfolio diff:", err)
		return exitProblems
	}
	return exitOK
}
