package generator

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"archfolio/generator/synth"
)

// TestViewFileNames checks that the file names LazySite knows for the views
// without running them are the files the views write, on portfolios with and
// without each view's documents.
func TestViewFileNames(t *testing.T) {
	gen, err := synth.Generate(synth.Options{N: 100, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	synthetic := fstest.MapFS{}
	for _, f := range gen.Files {
		synthetic[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	sites := map[string]fstest.MapFS{
		"sample":    sampleSite(t),
		"synthetic": synthetic,
		"one blueprint": testSite(map[string]string{
			"content/blueprints/a.md": "---\nkind: blueprint\ntitle: A\n---\n",
		}),
	}
	for name, site := range sites {
		p, _, err := Load(context.Background(), testOptions(t, site, "2026-11-27"))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range views {
			if v.files == nil {
				continue
			}
			names, known := viewFileNames(v.name, p)
			if !known {
				continue
			}
			files, err := v.files(p)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(names)
			if got := sortedKeys(files); !slices.Equal(got, names) {
				t.Errorf("%s: view %s writes %v, viewFileNames says %v", name, v.name, got, names)
			}
		}
	}
}
