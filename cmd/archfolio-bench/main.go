// Command archfolio-bench measures archfolio against Hugo and against the floor
// (goldmark + chroma and nothing else) on synthetic portfolios:
//
//	go run ./cmd/archfolio-bench                       # N = 1,000 / 5,000 / 10,000, 3 rounds, both shapes
//	go run ./cmd/archfolio-bench -sizes 1000 -runs 5 -shapes hub   # a quicker look
//
// For each shape (-shapes: shallow, the synthetic corpus's usual shape, and hub,
// a portfolio with hubs; generator/synth says what each is) and each N it
// generates the portfolio (generator/synth, seed 1) and the same documents as a
// Hugo site; the shapes are measured one after the other, each with its own
// rounds, growth and check. Then, in rounds (one untimed, then -runs timed), it
// runs at every N in turn `archfolio build --today 2026-11-27` (a binary built
// from this checkout), `hugo` (skipped with a note when it is not installed) and
// the floor, each as a child process, and prints per N the median wall time, the
// median CPU time (user + system), the peak resident memory (the child's rusage)
// and the ratios, run by run too, then the growth from the smallest N to the
// largest, round by round too. It ends with `archfolio check` at the largest N, once
// parsing every file (--no-cache) and once after an unchanged check (its cache warm).
// Run it from the repository root on an otherwise idle machine.
//
// Every run writes a new output folder, as a cold build would; they are removed
// when the benchmark ends, not between runs (several GB at the default sizes; see
// outputs for why).
//
// Both binaries are built with profile-guided optimisation (each command's
// default.pgo), so that the floor runs goldmark and chroma as well optimised as
// archfolio does; this one's profile is of `-floor DIR -cpuprofile FILE` on the
// corpora of 10,000 and 1,000 documents, merged.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"archfolio/generator/synth"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	sizes     []int
	shapes    []synth.Shape
	shape     synth.Shape // the shape being measured
	runs      int
	seed      uint64
	today     string
	work      string
	keep      bool
	archfolio string
	hugo      string
	tools     map[string]bool
	self      string // this program, re-run with -floor for the floor
	outputs   outputs
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("archfolio-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "1000,5000,10000", "portfolio sizes, comma-separated")
	shapes := fs.String("shapes", "shallow,hub", "portfolio shapes, comma-separated: shallow, hub")
	runs := fs.Int("runs", 3, "timed rounds, each running every tool at every size in turn")
	seed := fs.Uint64("seed", 1, "generator seed")
	today := fs.String("today", "2026-11-27", "the --today archfolio builds with")
	work := fs.String("work", "", "working folder (default: a new temporary folder, removed at the end)")
	keep := fs.Bool("keep", false, "keep the working folder")
	bin := fs.String("archfolio", "", "archfolio binary to measure (default: go build ./cmd/archfolio)")
	hugo := fs.String("hugo", "hugo", "hugo binary; skipped when not found")
	tools := fs.String("tools", "archfolio,kept,hugo,floor", "which builds to run (kept: archfolio with the highlighted blocks the untimed round kept)")
	floor := fs.String("floor", "", "internal: render SITE's markdown as the floor and exit")
	cpuprofile := fs.String("cpuprofile", "", "with -floor: write a CPU profile of the floor to this file (default.pgo is made from one)")
	gen := fs.String("gen", "", "internal: write the portfolio of -sizes N to DIR/site and DIR/hugo and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *floor != "" {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err == nil {
				err = pprof.StartCPUProfile(f)
			}
			if err != nil {
				fmt.Fprintln(stderr, "archfolio-bench -cpuprofile:", err)
				return 2
			}
			defer f.Close()
			defer pprof.StopCPUProfile()
		}
		if err := runFloor(*floor, stdout); err != nil {
			fmt.Fprintln(stderr, "archfolio-bench -floor:", err)
			return 1
		}
		return 0
	}
	if *gen != "" {
		n, err := strconv.Atoi(*sizes)
		var shape synth.Shape
		if err == nil {
			shape, err = synth.ParseShape(*shapes)
		}
		if err == nil {
			err = writeCorpus(*gen, n, *seed, shape)
		}
		if err != nil {
			fmt.Fprintln(stderr, "archfolio-bench -gen:", err)
			return 1
		}
		return 0
	}
	cfg := &config{runs: max(*runs, 1), seed: *seed, today: *today, work: *work, keep: *keep,
		archfolio: *bin, hugo: *hugo, tools: map[string]bool{}}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 20 {
			fmt.Fprintf(stderr, "archfolio-bench: -sizes: %q is not a size of at least 20\n", s)
			return 2
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	for _, s := range strings.Split(*shapes, ",") {
		shape, err := synth.ParseShape(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(stderr, "archfolio-bench: -shapes:", err)
			return 2
		}
		cfg.shapes = append(cfg.shapes, shape)
	}
	for _, t := range strings.Split(*tools, ",") {
		cfg.tools[strings.TrimSpace(t)] = true
	}
	if err := cfg.setup(ctx, stderr); err != nil {
		fmt.Fprintln(stderr, "archfolio-bench:", err)
		return 1
	}
	if !cfg.keep {
		defer os.RemoveAll(cfg.work)
	}
	if err := bench(ctx, cfg, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "archfolio-bench:", err)
		return 1
	}
	return 0
}

// setup makes the working folder, builds archfolio and finds hugo.
func (cfg *config) setup(ctx context.Context, stderr io.Writer) error {
	var err error
	if cfg.work == "" {
		if cfg.work, err = os.MkdirTemp("", "archfolio-bench-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(cfg.work, 0o755); err != nil {
		return err
	}
	if cfg.self, err = os.Executable(); err != nil {
		return err
	}
	if cfg.archfolio == "" {
		cfg.archfolio = filepath.Join(cfg.work, "archfolio")
		fmt.Fprintln(stderr, "building archfolio…")
		cmd := exec.CommandContext(ctx, "go", "build", "-o", cfg.archfolio, "./cmd/archfolio")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/archfolio (run from the repository root): %w", err)
		}
	}
	if cfg.tools["hugo"] {
		if path, err := exec.LookPath(cfg.hugo); err != nil {
			fmt.Fprintf(stderr, "note: %s not found, Hugo skipped (Debian: apt-get install -y hugo)\n", cfg.hugo)
			cfg.tools["hugo"] = false
		} else {
			cfg.hugo = path
		}
	}
	return nil
}
