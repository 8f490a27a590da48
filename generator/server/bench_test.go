package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/synth"

	"github.com/chromedp/chromedp"
)

// benchSizes are the portfolio sizes the save-to-reload benchmarks measure,
// each in both shapes of generator/synth (the hub-heavy one is issue 18's).
var benchSizes = []int{200, 2000, 5000, 10000}

// benchShapes are the portfolio shapes the save-to-reload benchmarks measure.
var benchShapes = synth.Shapes

// benchSite is a synthetic site being served, with the document the benchmark
// edits and one that depends on it (its page shows the edited title).
type benchSite struct {
	firstServe time.Duration
	dir        string
	s          *Server
	file       string // the edited document, relative to dir
	source     string
	page       string // its URL
	dependent  string // the URL of a page that names it
}

// serveSynthetic writes the synthetic portfolio of n documents (generator/synth,
// seed 1, as archfolio-gen writes it) and serves it, reporting how long the first
// serve took (listen and first build). The edited document is a blueprint another
// document refers to.
func serveSynthetic(b *testing.B, shape synth.Shape, n int) *benchSite {
	b.Helper()
	dir := b.TempDir()
	site, err := synth.Generate(synth.Options{N: n, Seed: 1, Shape: shape})
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.WriteDir(dir, site.Files); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	s, logs := startServer(b, dir, nil)
	b.Cleanup(func() {
		if b.Failed() {
			b.Log(logs.String())
		}
	})
	bs := &benchSite{firstServe: time.Since(start), dir: dir, s: s}
	p, _, err := generator.Load(context.Background(), s.Options)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range p.ByKind["blueprint"] {
		if len(d.Backlinks) > 0 {
			bs.file, bs.page, bs.dependent = d.Path, d.URL, d.Backlinks[0].From.URL
			break
		}
	}
	if bs.file == "" {
		b.Fatal("no blueprint has backlinks")
	}
	data, err := os.ReadFile(filepath.Join(dir, bs.file))
	if err != nil {
		b.Fatal(err)
	}
	bs.source = string(data)
	return bs
}

// edit saves the edited document with a new title, atomically, and returns it.
func (bs *benchSite) edit(b *testing.B, i int) string {
	title := fmt.Sprintf("Edited title %d", i)
	saveAtomically(b, bs.dir, bs.file, regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(bs.source, "title: "+title))
	return title
}

// BenchmarkSaveToReload measures, on synthetic portfolios, the time from saving a
// document to having fetched, after the reload event, both its new page and the
// page of a document that depends on it. The browser's own reload and paint are
// not included (see BenchmarkBrowserSaveToVisible). Also reported: the first
// serve and the rebuild alone.
func BenchmarkSaveToReload(b *testing.B) {
	for _, shape := range benchShapes {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("shape=%s/docs=%d", shape, n), func(b *testing.B) {
				bs := serveSynthetic(b, shape, n)
				es := subscribe(b, bs.s)
				var rebuild time.Duration
				cpu := cpuTime()
				b.ResetTimer()
				for i := range b.N {
					title := bs.edit(b, i)
					awaitRebuild(b, bs.s, es, map[string]func(page) bool{
						bs.page:      has(title),
						bs.dependent: has(title),
					})
					rebuild += bs.s.state.Load().took
				}
				b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(rebuild.Milliseconds())/float64(b.N), "rebuild-ms")
				b.ReportMetric(float64(bs.firstServe.Milliseconds()), "first-serve-ms")
			})
		}
	}
}

// BenchmarkBrowserSaveToVisible measures, in headless Chromium, the time from
// saving a document to its new title showing in the open page after the live
// reload.
func BenchmarkBrowserSaveToVisible(b *testing.B) {
	for _, shape := range benchShapes {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("shape=%s/docs=%d", shape, n), func(b *testing.B) {
				ctx := newBrowser(b)
				bs := serveSynthetic(b, shape, n)
				err := chromedp.Do(ctx, chromedp.Navigate(bs.s.URL()+bs.page),
					waitFor(`document.readyState === "complete"`))
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				for i := range b.N {
					title := bs.edit(b, i)
					cond := fmt.Sprintf(`document.querySelector("h1") && document.querySelector("h1").textContent.includes(%q)`, title)
					if err := chromedp.Do(ctx, waitFor(cond)); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(bs.firstServe.Milliseconds()), "first-serve-ms")
			})
		}
	}
}

// cpuTime is the CPU time the process has used, user and system: unlike wall
// time, it does not grow when other programs share the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
