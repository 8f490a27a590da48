package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/dependencies"
)

// runImpact prints what depends on a blueprint, directly or through others.
func runImpact(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("impact", "impact ID [-s SITE] [--format text|json] [--today YYYY-MM-DD] [--drafts]", stderr)
	sf.register(fs, true)
	format := fs.String("format", "text", "output format: "+strings.Join(dependencies.ImpactFormats, ", "))
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	if !slices.Contains(dependencies.ImpactFormats, *format) {
		fmt.Fprintf(stderr, "archfolio impact: --format %q: want one of %s\n", *format, strings.Join(dependencies.ImpactFormats, ", "))
		return exitUsage
	}
	opts, err := sf.options()
	if err != nil {
		fmt.Fprintln(stderr, "archfolio impact:", err)
		return exitUsage
	}
	p, diags, err := generator.Load(ctx, opts)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio impact:", err)
		return exitProblems
	}
	set, err := dependencies.Impact(p, pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "archfolio impact:", err)
		return exitUsage
	}
	if err := dependencies.WriteImpact(stdout, set, *format); err != nil {
		fmt.Fprintln(stderr, "archfolio impact:", err)
		return exitProblems
	}
	if n := diags.Errors(); n > 0 {
		fmt.Fprintf(stderr, "archfolio impact: note: the portfolio has %d errors (run archfolio check); unresolved dependencies are left out\n", n)
	}
	return exitOK
}
