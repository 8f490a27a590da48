package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"archfolio/themes"
)

// BenchmarkIncrementalEdit is the dev server's work after a one-file edit (a
// title other documents show), without HTTP: Loader.Load, NewLazySite, and the
// edited document's page.
func BenchmarkIncrementalEdit(b *testing.B) {
	base, err := generator.BenchSite()
	if err != nil {
		b.Fatal(err)
	}
	site := fstest.MapFS{}
	var file string
	for name, f := range base {
		site[name] = f
		if file == "" && strings.HasPrefix(name, "content/blueprints/") {
			file = name
		}
	}
	opts := sitetest.Options(b, site, "2026-11-27")
	opts.Theme = themes.Default()
	l := generator.NewLoader(opts)
	if _, _, err := l.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	orig := site[file].Data
	i := 0
	for b.Loop() {
		i++
		site[file] = &fstest.MapFile{Data: bytes.Replace(orig, []byte("\ntitle: "), fmt.Appendf(nil, "\ntitle: Edit %d ", i), 1)}
		p, _, err := l.Load(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		s, err := render.NewLazySite(context.Background(), p, opts)
		if err != nil {
			b.Fatal(err)
		}
		var url string
		for _, d := range p.Docs {
			if d.Path == file {
				url = d.URL
			}
		}
		if _, found, err := s.File(url + "index.html"); !found || err != nil {
			b.Fatal(url, found, err)
		}
	}
}
