package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"archfolio/generator/diag"
	"archfolio/generator/help"
)

// runHelp prints the usage and the list of help topics, or one topic, or the
// flags of a verb that has no topic of its own.
func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage)
		fmt.Fprintf(stdout, "\nHelp topics (archfolio help TOPIC):\n")
		writeTopics(stdout)
		return exitOK
	case len(args) > 1:
		fmt.Fprintln(stderr, "Usage: archfolio help [TOPIC]")
		return exitUsage
	}
	text, ok := help.Text(args[0])
	if !ok {
		// "archfolio help build" is "archfolio build -h", on stdout, when no topic
		// has the verb's name.
		for _, c := range commands() {
			if c.name == args[0] && c.name != "help" {
				code := c.run(ctx, []string{"-h"}, stdout, stdout)
				fmt.Fprintln(stdout, "\nMore: archfolio help cli")
				return code
			}
		}
		fmt.Fprintf(stderr, "archfolio help: unknown topic %q%s\n\nHelp topics:\n", args[0], diag.DidYouMean(args[0], help.Names()))
		writeTopics(stderr)
		return exitUsage
	}
	fmt.Fprint(stdout, text)
	return exitOK
}

func writeTopics(w io.Writer) {
	topics := help.Topics()
	width := 0
	for _, t := range topics {
		width = max(width, len(t.Name))
	}
	for _, t := range topics {
		fmt.Fprintf(w, "  %s%s  %s\n", t.Name, strings.Repeat(" ", width-len(t.Name)), t.Summary)
	}
}
