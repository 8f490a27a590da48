package synth_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/synth"
	"archfolio/themes"
)

// TestValidForArchfolio loads generated portfolios of several sizes: every one
// must be free of errors and warnings.
func TestValidForArchfolio(t *testing.T) {
	t.Parallel()
	for _, n := range []int{synth.MinN, 137, 600} {
		s, err := synth.Generate(synth.Options{N: n, Seed: uint64(n)})
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for _, f := range s.Files {
			fsys[f.Path] = &fstest.MapFile{Data: f.Data}
		}
		opts := generator.Options{Site: fsys, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
		p, diags, err := generator.Load(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			t.Errorf("N=%d: %s", n, d)
		}
		if len(p.Docs) != n {
			t.Errorf("N=%d: %d documents loaded", n, len(p.Docs))
		}
	}
}
