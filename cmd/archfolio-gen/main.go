// Command archfolio-gen writes a synthetic architecture portfolio for benchmarks:
//
//	go run ./cmd/archfolio-gen -n 10000 -seed 1 -out /tmp/portfolio [-shape hub] [-hugo]
//
// The portfolio goes to OUT (archfolio.yaml and content/); with -hugo the same
// documents also go to OUT-hugo as a Hugo site. -shape chooses the portfolio's
// shape (generator/synth): shallow (the default) or hub, a portfolio with hubs.
// The same -n, -seed and -shape always give the same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"archfolio/generator/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("archfolio-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of documents")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output folder for the archfolio site (must not exist or be empty)")
	hugo := fs.Bool("hugo", false, "also write the same documents as a Hugo site to OUT-hugo")
	shapeName := fs.String("shape", string(synth.Shallow), "portfolio shape: shallow, or hub (each blueprint depends on 0–5 earlier ones chosen uniformly)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	shape, err := synth.ParseShape(*shapeName)
	if *out == "" || fs.NArg() > 0 || err != nil {
		fmt.Fprintln(stderr, "usage: archfolio-gen -n N -seed S -out DIR [-shape shallow|hub] [-hugo]")
		return 2
	}
	site, err := synth.Generate(synth.Options{N: *n, Seed: *seed, Shape: shape})
	if err != nil {
		fmt.Fprintln(stderr, "archfolio-gen:", err)
		return 2
	}
	targets := []struct {
		dir   string
		files []synth.File
	}{{*out, site.Files}}
	if *hugo {
		targets = append(targets, struct {
			dir   string
			files []synth.File
		}{filepath.Clean(*out) + "-hugo", site.Hugo()})
	}
	for _, t := range targets {
		if err := emptyOrMissing(t.dir); err != nil {
			fmt.Fprintln(stderr, "archfolio-gen:", err)
			return 1
		}
		if err := synth.WriteDir(t.dir, t.files); err != nil {
			fmt.Fprintln(stderr, "archfolio-gen:", err)
			return 1
		}
		fmt.Fprintf(stderr, "archfolio-gen: wrote %d files to %s\n", len(t.files), t.dir)
	}
	return 0
}

// emptyOrMissing refuses to write into a folder that already has files, so a typo
// never mixes a synthetic portfolio into real content.
func emptyOrMissing(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil
	}
	return fmt.Errorf("%s is not empty; choose a new folder", dir)
}
