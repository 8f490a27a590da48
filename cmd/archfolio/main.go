// Command archfolio builds, checks, scaffolds and serves an architecture portfolio.
// It only wires flags to the generator package; see generator/doc.go.
//
// default.pgo is the profile the Go toolchain optimises this command with (any
// go build or go run of it): CPU profiles of `archfolio build --cpuprofile FILE`
// on the synthetic portfolios of 10,000 and 1,000 documents, merged, so that the
// compiler inlines and devirtualises the calls a large build makes most. Remake
// it when the pipeline changes a lot (cmd/archfolio-bench/README.md says how and
// what it gains). The reference users read, `archfolio help`, is package
// generator/help.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
