package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"archfolio/generator/jira"
)

const jiraUsage = "jira sync FILE [-s SITE] [--dry-run]"

// runJira runs "archfolio jira sync FILE": it updates the status and due of the
// remediation documents named in a JIRA search JSON export, in place.
func runJira(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "sync" {
		fmt.Fprintf(stderr, "Usage: archfolio %s\n\nReads a JIRA search JSON export (no network) and updates the status: and due: lines\nof the remediation documents whose jira: key it lists.\n", jiraUsage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return exitOK
		}
		return exitUsage
	}
	fs := newFlagSet("jira sync", jiraUsage, stderr)
	site := fs.String("s", ".", "site root: the folder with content/ and archfolio.yaml")
	dryRun := fs.Bool("dry-run", false, "report what would change without writing any file")
	pos, code, ok := parse(fs, args[1:])
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	if st, err := os.Stat(*site); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "archfolio jira sync: site root %s is not a folder\n", *site)
		return exitUsage
	}
	export, err := os.ReadFile(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "archfolio jira sync:", err)
		return exitUsage
	}
	rep, err := jira.Sync(ctx, *site, export, *dryRun)
	if err != nil {
		fmt.Fprintf(stderr, "archfolio jira sync: %s: %v\n", pos[0], err)
		return exitProblems
	}
	printJiraReport(stdout, stderr, rep, *dryRun)
	if len(rep.Problems) > 0 {
		return exitProblems
	}
	return exitOK
}

func printJiraReport(stdout, stderr io.Writer, rep *jira.Report, dryRun bool) {
	for _, c := range rep.Changes {
		fmt.Fprintln(stdout, c)
	}
	if len(rep.Unknown) > 0 {
		fmt.Fprintf(stdout, "unknown keys (no remediation document has them): %s\n", strings.Join(rep.Unknown, ", "))
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(stderr, "archfolio jira sync:", p)
	}
	verb := "updated"
	if dryRun {
		verb = "would update (dry run, nothing written)"
	}
	fmt.Fprintf(stderr, "%s %d of %d matched remediation documents; unknown keys: %d; problems: %d\n",
		verb, len(rep.Changes), rep.Matched, len(rep.Unknown), len(rep.Problems))
}
