package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"archfolio/generator/adr"
	"archfolio/generator/backstage"
	"archfolio/generator/oscal"
	"archfolio/generator/threagile"
)

const (
	importSynopsis    = "import oscal FILE [--family F…] [--framework NAME] [--catalog FULL] [--update] [-s SITE]"
	importADRSynopsis = "import adr DIR [-s SITE]"
	importBSSynopsis  = "import backstage FILE|DIR [-s SITE]"
	importTGSynopsis  = "import threagile MODEL.yaml [RISKS.json] [--subject BLUEPRINT] [--into DIR] [-s SITE]"
)

// familyList is a repeatable --family flag; each value may also list families
// separated by commas.
type familyList []string

// String returns the families joined by commas (flag.Value).
func (f *familyList) String() string { return strings.Join(*f, ",") }

// Set adds one or more comma-separated families (flag.Value).
func (f *familyList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*f = append(*f, s)
		}
	}
	return nil
}

// runImport imports external content: "oscal" (one standard per control family
// of an OSCAL catalog or resolved profile), "adr" (a folder of decision records)
// or "backstage" (a Backstage catalogue's components and systems).
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "adr" {
		return runImportADR(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "backstage" {
		return runImportBackstage(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "threagile" {
		return runImportThreagile(ctx, args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "oscal" {
		usage := fmt.Sprintf("Usage: archfolio %s\n       archfolio %s\n       archfolio %s\n       archfolio %s\n", importSynopsis, importADRSynopsis, importBSSynopsis, importTGSynopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(stderr, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "archfolio import: want \"oscal\", \"adr\", \"backstage\" or \"threagile\"\n%s", usage)
		return exitUsage
	}
	var families familyList
	var framework string
	var update bool
	var catalog string
	sf, input, code, ok := parseImport("import oscal", importSynopsis, args[1:], stderr, func(fs *flag.FlagSet) {
		fs.Var(&families, "family", "control family to import, by group id (ac); repeat or separate with commas (default all)")
		fs.StringVar(&framework, "framework", "", "maps_to key and id prefix, like nist-800-53r5 (default read from the catalogue title)")
		fs.BoolVar(&update, "update", false, "merge into the standards an earlier import wrote: statements added, changed and withdrawn; the team's fields and text kept")
		fs.StringVar(&catalog, "catalog", "", "the full catalogue FILE (a baseline) selects from: each standard lists its family's controls the baseline leaves out (outside_baseline)")
	})
	if !ok {
		return code
	}
	data, err := readLimited(input)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio import oscal:", err)
		return exitProblems
	}
	opts := oscal.Options{Families: families, Framework: framework, Update: update}
	if catalog != "" {
		if opts.Catalog, err = readLimited(catalog); err != nil {
			fmt.Fprintln(stderr, "archfolio import oscal: --catalog:", err)
			return exitProblems
		}
		opts.CatalogName = catalog
	}
	results, err := oscal.Import(ctx, sf.site, input, data, opts)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio import oscal:", err)
		return exitProblems
	}
	written, problems := 0, 0
	for _, r := range results {
		for _, d := range r.Problems {
			fmt.Fprintln(stderr, d)
			problems++
		}
		if r.Updated && r.Reason == "" {
			written++
			fmt.Fprintf(stdout, "%s: %s\n", r.Path, r.Changes)
			continue
		}
		if r.Written {
			written++
			unit := "controls"
			if r.Controls == 1 {
				unit = "control"
			}
			fmt.Fprintf(stdout, "%s (%d %s)\n", r.Path, r.Controls, unit)
		} else {
			fmt.Fprintf(stderr, "archfolio import oscal: skipped %s: %s\n", r.Path, r.Reason)
		}
	}
	if written == 0 || problems > 0 {
		return exitProblems
	}
	return exitOK
}

// runImportADR brings a folder of architecture decision records in as decisions
// and prints what it did per file. It exits 1 when a file could not be read, was
// skipped, or has errors once written.
func runImportADR(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	sf, dir, code, ok := parseImport("import adr", importADRSynopsis, args, stderr, nil)
	if !ok {
		return code
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "archfolio import adr: %s is not a folder of decision records\n", dir)
		return exitProblems
	}
	results, err := adr.Import(ctx, sf.site, dir)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio import adr:", err)
		return exitProblems
	}
	if adr.Report(stdout, stderr, filepath.ToSlash(dir), results) > 0 {
		return exitProblems
	}
	return exitOK
}

// runImportBackstage brings the components and systems of a Backstage catalogue
// (a descriptor file, or a folder of them) in as blueprints, or updates the ones it
// brought in before, and prints what it did per entity. It exits 1 when a file or
// entity could not be read, a blueprint was skipped, or one has errors once written.
func runImportBackstage(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	sf, input, code, ok := parseImport("import backstage", importBSSynopsis, args, stderr, nil)
	if !ok {
		return code
	}
	rep, err := backstage.Import(ctx, sf.site, input)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio import backstage:", err)
		return exitProblems
	}
	if rep.Print(stdout, stderr) > 0 {
		return exitProblems
	}
	return exitOK
}

// parseImport reads an import verb's command line: its own flags (flags adds
// them, when not nil), -s SITE and exactly one input, and checks the site root.
// ok is false, with the exit status, when the verb must stop.
func parseImport(verb, synopsis string, args []string, stderr io.Writer, flags func(*flag.FlagSet)) (sf siteFlags, input string, code int, ok bool) {
	sf, inputs, code, ok := parseImportInputs(verb, synopsis, args, stderr, flags, 1)
	if !ok {
		return sf, "", code, false
	}
	return sf, inputs[0], code, true
}

// parseImportInputs is parseImport for a verb that takes one input and up to
// most-1 more.
func parseImportInputs(verb, synopsis string, args []string, stderr io.Writer, flags func(*flag.FlagSet), most int) (sf siteFlags, inputs []string, code int, ok bool) {
	fs := newFlagSet(verb, synopsis, stderr)
	sf.register(fs, false)
	if flags != nil {
		flags(fs)
	}
	pos, code, ok := parse(fs, args)
	if !ok {
		return sf, nil, code, false
	}
	if len(pos) < 1 || len(pos) > most {
		fs.Usage()
		return sf, nil, exitUsage, false
	}
	if err := sf.checkRoot(); err != nil {
		fmt.Fprintf(stderr, "archfolio %s: %v\n", verb, err)
		return sf, nil, exitUsage, false
	}
	return sf, pos, exitOK, true
}

// readLimited reads an input file, refusing folders and anything over 64 MiB.
func readLimited(name string) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not an OSCAL JSON file", name)
	}
	if st.Size() > 64<<20 {
		return nil, fmt.Errorf("%s: %d bytes is too big for an OSCAL catalog", name, st.Size())
	}
	return os.ReadFile(name)
}

// runImportThreagile brings a Threagile model, and the risks Threagile found in
// it, in as one threat model, and prints what it did. It exits 1 when an input
// cannot be read, the document was skipped, or it has errors once written.
func runImportThreagile(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var opt threagile.Options
	sf, inputs, code, ok := parseImportInputs("import threagile", importTGSynopsis, args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&opt.Subject, "subject", "", "id of the blueprint the model models (default the blueprint whose id or title is the model's title)")
		fs.StringVar(&opt.Into, "into", "", "folder of the site to write the threat model in (default content/threat-models)")
	}, 2)
	if !ok {
		return code
	}
	risks := ""
	if len(inputs) == 2 {
		risks = inputs[1]
	}
	res, err := threagile.Import(ctx, sf.site, inputs[0], risks, opt)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio import threagile:", err)
		return exitProblems
	}
	if res.Print(stdout, stderr) > 0 {
		return exitProblems
	}
	return exitOK
}
