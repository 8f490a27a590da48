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
	for _, c := range []struct {
		n     int
		shape synth.Shape
	}{{synth.MinN, synth.Shallow}, {137, synth.Shallow}, {600, synth.Shallow}, {synth.MinN, synth.HubHeavy}, {400, synth.HubHeavy}} {
		n := c.n
		s, err := synth.Generate(synth.Options{N: n, Seed: uint64(n), Shape: c.shape})
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
			t.Errorf("N=%d %s: %s", n, c.shape, d)
		}
		if len(p.Docs) != n {
			t.Errorf("N=%d %s: %d documents loaded", n, c.shape, len(p.Docs))
		}
	}
}
