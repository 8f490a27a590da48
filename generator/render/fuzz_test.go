package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"archfolio/generator"
	"archfolio/generator/internal/fuzzing"
)

// fuzzBase is the valid document FuzzDocument puts beside each input.
const fuzzBase = "---\nkind: standard\ntitle: S\nfamily: iam\nstatements: [{id: S-1, text: t, level: must}]\n---\n## Statements\n"

// FuzzDocument feeds arbitrary bytes to the whole pipeline as one document beside a
// valid one: whatever the input, Load and Render return (with diagnostics), never
// panic, write only file names inside the output folder, each once, write
// portfolio.json as valid JSON, and put no script into a page and no javascript:
// URL into an attribute (escapeChecker). The seeds are the broken example's files,
// f.Add's and testdata/fuzz/FuzzDocument.
//
// Each input is loaded and rendered in full, but the theme (which depends only on
// the options, not on the input) is parsed once, and pages go to escapeChecker
// instead of being kept. The pipeline runs on one core (GOMAXPROCS 1), so that
// the coverage an input gives does not depend on how goroutines met in the buffer
// pool and the fragment cache. And unless -fuzzminimizetime is given, the fuzzer
// minimises an input that adds coverage for at most 20 runs (fuzzing.MinimizeBudget
// says why).
func FuzzDocument(f *testing.F) {
	fuzzing.MinimizeBudget(f, "20x") // enough to cut an input's tail
	seeds, _ := filepath.Glob("../../examples/broken/content/*/*.md")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("---\nkind: blueprint\ntitle: T\ndepends_on: [{id: [x]}]\ncompliance: [{standard: s, status: exception, waiver: 3}]\n---\n[[x|]] [a](b.md#)"))
	f.Add([]byte("---\nkind: blueprint\ntitle: \"<script>alert(1)</script>\"\nowner: \"\\\" onmouseover=\\\"x\"\nlinks: [\"JaVaScRiPt:alert(2)\"]\n---\n<script>alert(3)</script> [x](javascript:alert(4)) <a href=\"javascript:alert(5)\">y</a>\n"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	newOptions := func(t testing.TB, data []byte) generator.Options {
		site := testSite(map[string]string{"content/base.md": fuzzBase})
		site["content/fuzz.md"] = &fstest.MapFile{Data: data}
		return testOptions(t, site, "2026-11-27")
	}
	// The theme is loaded once, from the base document alone: its functions read
	// the portfolio's schema and configuration, which no content file changes.
	opts := newOptions(f, nil)
	p0, _, err := generator.Load(context.Background(), opts)
	if err != nil {
		f.Fatal(err)
	}
	th, err := loadTheme(opts.Site, p0.Config, opts.Theme, templateFuncs(p0))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := newOptions(t, data)
		p, _, err := generator.Load(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		out := &escapeChecker{written: map[string]bool{}}
		if err := renderWith(context.Background(), p, th, opts, out, false); err != nil {
			t.Fatalf("render failed: %v", err)
		}
		for _, problem := range out.problems {
			t.Error(problem)
		}
	})
}

// escapeChecker is an Output that keeps no file: it checks each as it is
// written. Every script tag of a page must be one of the theme's (a script of
// the site's assets/), no attribute may start with javascript:, every name must
// be a valid path written once, and portfolio.json must be valid JSON.
type escapeChecker struct {
	mu       sync.Mutex
	written  map[string]bool
	problems []string
}

func (c *escapeChecker) WriteFile(name string, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !fs.ValidPath(name) || name == "." {
		c.problems = append(c.problems, fmt.Sprintf("written outside the output folder: %q", name))
	}
	if c.written[name] {
		c.problems = append(c.problems, name+": written twice")
	}
	c.written[name] = true
	switch {
	case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".svg"):
		for _, tag := range fuzzing.ScriptTags(data) {
			if !fuzzing.ThemeScript.MatchString(tag) {
				c.problems = append(c.problems, fmt.Sprintf("%s: a script the theme does not write: %q", name, tag))
			}
		}
		if at := fuzzing.JSAttribute(data); at >= 0 {
			c.problems = append(c.problems, fmt.Sprintf("%s: an attribute starts with javascript: %q", name, data[max(at-20, 0):min(at+40, len(data))]))
		}
	case name == "portfolio.json":
		if !json.Valid(data) {
			c.problems = append(c.problems, name+": not valid JSON")
		}
	}
	return nil
}

// Stream takes the large exports (publish.Streamer) as WriteFile does.
func (c *escapeChecker) Stream(name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return c.WriteFile(name, buf.Bytes())
}
