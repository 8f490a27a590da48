// Package fuzzing holds what the fuzz targets of archfolio's packages share.
package fuzzing

import (
	"flag"
	"testing"
)

// MinimizeBudget sets -test.fuzzminimizetime to budget (a duration, or a count
// of runs like "20x") unless the command line set it; the fuzzing engine reads
// it when f.Fuzz starts. Go's default, 60 seconds for every input that adds
// coverage, with a pass quadratic in the input's length, leaves a target whose
// runs take milliseconds minimising nearly all the time: `go test -fuzz` then
// prints 0 execs/sec after the first seconds. Give -fuzzminimizetime=60s to
// minimise a crasher further.
func MinimizeBudget(f *testing.F, budget string) {
	const name = "test.fuzzminimizetime"
	given := false
	flag.Visit(func(fl *flag.Flag) { given = given || fl.Name == name })
	if !given && flag.Lookup(name) != nil {
		if err := flag.Set(name, budget); err != nil {
			f.Fatal(err)
		}
	}
}
