package main

import (
	"archfolio/generator/changes"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"archfolio/generator/scaffold"
	"archfolio/generator/trends"
	_ "archfolio/generator/views" // every view, in menu order
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"archfolio/generator"
	"archfolio/generator/history"
	"archfolio/generator/publish"
	"archfolio/generator/quality"
	"archfolio/themes"
)

// Exit codes.
const (
	exitOK       = 0
	exitProblems = 1 // the portfolio has errors (or warnings under --strict)
	exitUsage    = 2
)

// version is set by the release build (-ldflags "-X main.version=…").
var version = "dev"

const usage = `archfolio turns a folder of markdown architecture documents into a cross-linked site.

Usage:
  archfolio serve  [-s SITE] [--bind 127.0.0.1] [--port 1313] [--today YYYY-MM-DD] [--drafts]
                   [--base-url URL] [--since REV] [--poll] [--poll-interval 500ms]
  archfolio build  [-s SITE] [-d OUT] [--base-url URL] [--today YYYY-MM-DD] [--drafts] [--since REV] [--cache DIR]
  archfolio check  [-s SITE] [--format text|json|sarif|github] [--strict] [--since REV] [--quality] [--today …] [--drafts]
  archfolio new    KIND ID [-s SITE]
  archfolio impact ID [-s SITE] [--format text|json] [--today …] [--drafts]
  archfolio diff   [REV] [REV2] [-s SITE] [--format text|json|markdown] [--today …] [--drafts]
  archfolio import oscal FILE [--family F…] [--framework NAME] [--catalog FULL] [--update] [-s SITE]
  archfolio import adr DIR [-s SITE]
  archfolio import backstage FILE|DIR [-s SITE]
  archfolio jira sync FILE [-s SITE] [--dry-run]
  archfolio help   [TOPIC]
  archfolio version

Run "archfolio VERB -h" for the flags of a verb, "archfolio help" for the reference.
`

type command struct {
	name string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", runBuild},
		{"serve", runServe},
		{"check", runCheck},
		{"new", runNew},
		{"impact", runImpact},
		{"diff", runDiff},
		{"import", runImport},
		{"jira", runJira},
		{"help", runHelp},
		{"version", runVersion},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "archfolio: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// siteFlags are the flags every verb that reads a site shares.
type siteFlags struct {
	site     string
	today    string
	drafts   bool
	audience string
	// history makes options read each document's last change from git
	// (build and serve, which show it), the trends of the key figures, and
	// compare the portfolio with the revision of the Changes page, if one is set.
	history bool
	// trends is --trends: months of trends on the home page, or -1 to follow
	// archfolio.yaml; trendCache is where their figures are kept.
	trends     int
	trendCache string
	// noCache is --no-cache of build and serve: no highlighted block and no
	// trend figure is read from or kept in a folder.
	noCache bool
	// since is --since of build and serve: the Changes page's revision,
	// over archfolio.yaml's changes.since.
	since string
}

// registerTrends adds --trends (build and serve).
func (f *siteFlags) registerTrends(fs *flag.FlagSet) {
	fs.IntVar(&f.trends, "trends", -1, "draw the key figures over this many past months on the home page, from git (overrides archfolio.yaml's trends.months; 0: none)")
}

// registerSince adds build's and serve's --since.
func (f *siteFlags) registerSince(fs *flag.FlagSet) {
	fs.StringVar(&f.since, "since", "", "add the Changes page: the portfolio compared with this git revision (a tag, branch or commit, or YYYY-MM-DD for the last commit on or before that day); overrides archfolio.yaml's changes.since")
}

func (f *siteFlags) register(fs *flag.FlagSet, withDates bool) {
	fs.StringVar(&f.site, "s", ".", "site root: the folder with content/ and archfolio.yaml")
	if withDates {
		fs.StringVar(&f.today, "today", "", "pin today's date (YYYY-MM-DD) for reproducible output")
		fs.BoolVar(&f.drafts, "drafts", false, "include documents marked draft: true")
		fs.StringVar(&f.audience, "audience", "", "build for readers cleared to this classification (public, internal, confidential, restricted): leave out every document above it")
	}
}

func (f *siteFlags) options() (generator.Options, error) {
	opts := generator.Options{Theme: themes.Default(), Drafts: f.drafts, Audience: f.audience}
	if err := generator.CheckAudience(f.audience); err != nil {
		return opts, fmt.Errorf("--%w", err)
	}
	if err := f.checkRoot(); err != nil {
		return opts, err
	}
	if f.trends < -1 {
		return opts, fmt.Errorf("--trends %d: want a number of months, 0 for none", f.trends)
	}
	site, err := generator.OpenSite(f.site)
	if err != nil {
		return opts, err
	}
	opts.Site = site
	if f.today != "" {
		t, err := time.Parse(time.DateOnly, f.today)
		if err != nil {
			return opts, fmt.Errorf("--today %q: want YYYY-MM-DD", f.today)
		}
		opts.Today = t
	}
	if f.history {
		// git runs while the site is read and parsed. Without git, or outside a
		// repository, pages show no date: not a problem.
		changed := make(chan map[string]time.Time, 1)
		go func() {
			m, _ := history.LastChanged(context.Background(), f.site)
			changed <- m
		}()
		opts.LastChanged = sync.OnceValue(func() map[string]time.Time { return <-changed })
		opts.Trends = f.trendPoints(opts)
		opts.Changes = changes.NewSource(f.site, f.since).Attach
	}
	return opts, nil
}

// trendPoints returns the function that reads the home page's trends from
// git (generator/trends), for as many months as --trends or archfolio.yaml
// say. Its answer depends only on the months and the history, so a server
// that loads the site on every save reads it once per number of months.
func (f *siteFlags) trendPoints(opts generator.Options) func(int) ([]generator.TrendPoint, error) {
	type answer struct {
		points []generator.TrendPoint
		err    error
	}
	var mu sync.Mutex
	done := map[int]answer{}
	cacheDir := trends.DefaultCacheDir()
	switch {
	case f.noCache:
		cacheDir = ""
	case f.trendCache != "":
		cacheDir = filepath.Join(f.trendCache, "trends")
	}
	return func(months int) ([]generator.TrendPoint, error) {
		if f.trends >= 0 {
			months = f.trends
		}
		if months <= 0 {
			return nil, nil
		}
		mu.Lock()
		defer mu.Unlock()
		if a, ok := done[months]; ok {
			return a.points, a.err
		}
		points, err := trends.Points(context.Background(), f.site, months, opts, cacheDir)
		done[months] = answer{points, err}
		return points, err
	}
}

// checkRoot reports a site root that is not a folder.
func (f *siteFlags) checkRoot() error {
	if st, err := os.Stat(f.site); err != nil || !st.IsDir() {
		return fmt.Errorf("site root %s is not a folder", f.site)
	}
	return nil
}

// newFlagSet returns a flag set that reports errors instead of exiting, with a
// usage line.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: archfolio %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, allowing flags after positional arguments too ("new KIND ID -s
// SITE"). It returns the positional arguments, or a code to exit with.
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			return pos, 0, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("build", "build [-s SITE] [-d OUT] [--base-url URL] [--today YYYY-MM-DD] [--drafts] [--since REV] [--publish-with-errors] [--cache DIR [--prune-cache] | --no-cache] [--cpuprofile FILE]", stderr)
	sf.register(fs, true)
	sf.registerTrends(fs)
	sf.registerSince(fs)
	out := fs.String("d", "", "output folder (default SITE/public)")
	baseURL := fs.String("base-url", "", "URL or path the site is published under (overrides archfolio.yaml); sitemap.xml only with an http(s) URL")
	withErrors := fs.Bool("publish-with-errors", false, "publish the site even when the portfolio has errors (otherwise the output folder is left as it was)")
	cache := fs.String("cache", "", "keep highlighted code blocks in this folder and the trends' figures in DIR/trends, for CI caches; nothing is deleted from it unless --prune-cache (default: the blocks in the site's own folder of the user's cache folder, pruned to the site's blocks after each build)")
	pruneCache := fs.Bool("prune-cache", false, "with --cache DIR: after the build, delete from DIR the highlighted blocks it did not use (for a folder only this site's builds use; nothing else in DIR is touched)")
	fs.BoolVar(&sf.noCache, "no-cache", false, "highlight every code block and read the trends from git, reading and keeping no cache (over --cache, as for check)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof; cmd/archfolio/default.pgo is made from them)")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "archfolio build: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	if *pruneCache && (*cache == "" || sf.noCache) {
		fmt.Fprintln(stderr, "archfolio build: --prune-cache prunes the folder of --cache DIR (without --cache the site's own folder is pruned after every build)")
		return exitUsage
	}
	sf.history, sf.trendCache = true, *cache
	opts, err := sf.options()
	if err != nil {
		fmt.Fprintln(stderr, "archfolio build:", err)
		return exitUsage
	}
	if *baseURL != "" && !strings.HasPrefix(*baseURL, "http://") && !strings.HasPrefix(*baseURL, "https://") && !strings.HasPrefix(*baseURL, "/") {
		fmt.Fprintf(stderr, "archfolio build: --base-url %q: want an absolute URL (https://…) or a path starting with /\n", *baseURL)
		return exitUsage
	}
	opts.BaseURL = *baseURL
	opts.PublishWithErrors = *withErrors
	highlights := newHighlightCache(sf.site, *cache, sf.noCache)
	opts.Highlights = highlights.options()
	dest := *out
	if dest == "" {
		dest = filepath.Join(sf.site, "public")
	}
	if err := publish.CheckDestination(sf.site, dest); err != nil {
		fmt.Fprintln(stderr, "archfolio build:", err)
		return exitUsage
	}
	start := time.Now()
	tuneMemory(sf.site, 200)
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "archfolio build:", err)
			return exitUsage
		}
		defer stop()
	}
	diags, err := render.Build(ctx, opts, dest)
	_ = diag.WriteDiagnostics(stderr, diags, "text")
	if err != nil {
		fmt.Fprintln(stderr, "archfolio build:", err)
		return exitProblems
	}
	// The build asked for every block (it highlighted them all before it parsed
	// anything), so the cache may keep those alone.
	highlights.done()
	if *pruneCache {
		if n, err := highlights.Prune(); err != nil {
			fmt.Fprintf(stderr, "archfolio build: pruning %s: %v\n", *cache, err)
		} else {
			fmt.Fprintf(stderr, "pruned %s: deleted %s the build did not use\n", *cache, generator.Plural(n, "highlighted block", "highlighted blocks"))
		}
	}
	if diags.Errors() > 0 && !opts.PublishWithErrors {
		fmt.Fprintf(stderr, "not published: %d errors, %d warnings; %s is left as it was (--publish-with-errors publishes anyway)\n", diags.Errors(), diags.Warnings(), dest)
		return exitProblems
	}
	fmt.Fprintf(stderr, "built %s in %s: %d errors, %d warnings\n", dest, time.Since(start).Round(time.Millisecond), diags.Errors(), diags.Warnings())
	if diags.Errors() > 0 {
		return exitProblems
	}
	return exitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("check", "check [-s SITE] [--format text|json|sarif|github] [--strict] [--since REV] [--quality] [--today YYYY-MM-DD] [--drafts] [--cache DIR | --no-cache] [--cpuprofile FILE]", stderr)
	sf.register(fs, true)
	format := fs.String("format", "text", "output format: "+strings.Join(diag.DiagnosticFormats, ", "))
	strict := fs.Bool("strict", false, "fail on warnings too")
	since := fs.String("since", "", "also warn about regressions since this git revision (merge-base: where the branch left the default branch)")
	withQuality := fs.Bool("quality", false, "after the diagnostics, print the data quality report (text only; it never changes the exit status)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the check to this file (go tool pprof)")
	cache := fs.String("cache", defaultCheckCache(), "keep what this check parsed in this folder, so that the next check of the site parses only the files that changed")
	noCache := fs.Bool("no-cache", false, "parse every file, and neither read nor write the cache")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if *noCache {
		*cache = ""
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "archfolio check: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	if !slices.Contains(diag.DiagnosticFormats, *format) {
		fmt.Fprintf(stderr, "archfolio check: --format %q: want one of %s\n", *format, strings.Join(diag.DiagnosticFormats, ", "))
		return exitUsage
	}
	if *withQuality && *format != "text" {
		fmt.Fprintf(stderr, "archfolio check: --quality prints text after the diagnostics; it goes with --format text, not %s\n", *format)
		return exitUsage
	}
	opts, err := sf.options()
	if err != nil {
		fmt.Fprintln(stderr, "archfolio check:", err)
		return exitUsage
	}
	opts.CheckOnly = true
	tuneMemory(sf.site, 400)
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "archfolio check:", err)
			return exitUsage
		}
		defer stop()
	}
	p, diags, err := loadForCheck(ctx, opts, sf.site, *cache, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio check:", err)
		return exitProblems
	}
	if *since != "" {
		from := *since
		if from == "merge-base" {
			from = ""
		}
		d, err := history.Since(ctx, sf.site, from, p, opts)
		if err != nil {
			fmt.Fprintln(stderr, "archfolio check: --since:", err)
			return exitProblems
		}
		diags = append(diags, history.Regressions(d, p)...).Sort()
	}
	if err := diag.WriteDiagnostics(stdout, diags, *format); err != nil {
		fmt.Fprintln(stderr, "archfolio check:", err)
		return exitProblems
	}
	if *format == "text" {
		fmt.Fprintf(stderr, "%d errors, %d warnings\n", diags.Errors(), diags.Warnings())
	}
	if *withQuality {
		// The report is for the team, not the gate: it never fails a check.
		if err := quality.WriteText(stdout, quality.Of(p)); err != nil {
			fmt.Fprintln(stderr, "archfolio check:", err)
			return exitProblems
		}
	}
	if diags.Errors() > 0 || (*strict && diags.Warnings() > 0) {
		return exitProblems
	}
	return exitOK
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("new", "new KIND ID [-s SITE]", stderr)
	sf.register(fs, false)
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitUsage
	}
	site, err := generator.OpenSite(sf.site)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio new:", err)
		return exitUsage
	}
	path, err := scaffold.Write(site, sf.site, themes.Default(), pos[0], pos[1], time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "archfolio new:", err)
		return exitUsage
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "version", stderr)
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintln(stdout, "archfolio", version)
	return exitOK
}

// startCPUProfile profiles the process into file until stop is called.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
