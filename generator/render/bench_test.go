package render

import (
	"context"
	"os"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"archfolio/generator"
	"archfolio/generator/publish"
	"archfolio/generator/synth"
	"archfolio/themes"
)

// The render, write and build benchmarks, on the synthetic portfolio of
// generator's stage benchmarks (ARCHFOLIO_BENCH_N documents, 1,000 unless set):
//
//	go test -run '^$' -bench . -benchmem ./generator/render
//
// Timing is never asserted; the numbers are the evidence.

var benchSite = sync.OnceValues(func() (fstest.MapFS, error) {
	n := 1000
	if s := os.Getenv("ARCHFOLIO_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		n = v
	}
	site, err := synth.Generate(synth.Options{N: n, Seed: 1})
	if err != nil {
		return nil, err
	}
	fsys := fstest.MapFS{}
	for _, f := range site.Files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, nil
})

func benchOptions(b *testing.B) generator.Options {
	b.Helper()
	fsys, err := benchSite()
	if err != nil {
		b.Fatal(err)
	}
	return testOptions(b, fsys, "2026-11-27")
}

type discardOutput struct{}

func (discardOutput) WriteFile(string, []byte) error { return nil }

// BenchmarkRender renders every page, asset and export, into nothing.
func BenchmarkRender(b *testing.B) {
	opts := benchOptions(b)
	p, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Render(context.Background(), p, opts, discardOutput{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite publishes an already rendered site to a folder.
func BenchmarkWrite(b *testing.B) {
	opts := benchOptions(b)
	p, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	mem := &MemOutput{}
	if err := Render(context.Background(), p, opts, mem); err != nil {
		b.Fatal(err)
	}
	dest := b.TempDir() + "/public"
	for b.Loop() {
		err := publish.Publish(context.Background(), dest, func(out Output) error {
			for _, name := range mem.Names() {
				data, _ := mem.File(name)
				if err := out.WriteFile(name, data); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole pipeline, load to publish, as `archfolio build` runs it.
func BenchmarkBuild(b *testing.B) {
	opts := benchOptions(b)
	opts.Theme = themes.Default()
	dest := b.TempDir() + "/public"
	for b.Loop() {
		if _, err := Build(context.Background(), opts, dest); err != nil {
			b.Fatal(err)
		}
	}
}
