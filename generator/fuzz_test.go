package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

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
	seeds, _ := filepath.Glob("../examples/broken/content/*/*.md")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("---\nkind: blueprint\ntitle: T\ndepends_on: [{id: [x]}]\ncompliance: [{standard: s, status: exception, waiver: 3}]\n---\n[[x|]] [a](b.md#)"))
	f.Add([]byte("---\nkind: blueprint\ntitle: \"<script>alert(1)</script>\"\nowner: \"\\\" onmouseover=\\\"x\"\nlinks: [\"JaVaScRiPt:alert(2)\"]\n---\n<script>alert(3)</script> [x](javascript:alert(4)) <a href=\"javascript:alert(5)\">y</a>\n"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	newOptions := func(t testing.TB, data []byte) Options {
		site := testSite(map[string]string{"content/base.md": fuzzBase})
		site["content/fuzz.md"] = &fstest.MapFile{Data: data}
		return testOptions(t, site, "2026-11-27")
	}
	// The theme is loaded once, from the base document alone: its functions read
	// the portfolio's schema and configuration, which no content file changes.
	opts := newOptions(f, nil)
	p0, _, err := Load(context.Background(), opts)
	if err != nil {
		f.Fatal(err)
	}
	th, err := loadTheme(opts.Site, p0.Config, opts.Theme, templateFuncs(p0))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := newOptions(t, data)
		p, _, err := Load(context.Background(), opts)
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
		for _, tag := range scriptTags(data) {
			if !themeScript.MatchString(tag) {
				c.problems = append(c.problems, fmt.Sprintf("%s: a script the theme does not write: %q", name, tag))
			}
		}
		if at := jsAttribute(data); at >= 0 {
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

// themeScript is the only script tag the default theme writes: a file of the
// site's assets/, by a relative path (from the site root on 404.html).
var themeScript = regexp.MustCompile(`^<script src="(/|(\.\./)*)assets/[a-z-]+\.js"( defer)?>$`)

// scriptTags returns every <script …> start tag of a page, case-insensitively.
func scriptTags(page []byte) []string {
	var tags []string
	for i := 0; ; i++ {
		at := bytes.IndexByte(page[i:], '<')
		if at < 0 {
			return tags
		}
		i += at
		if i+7 <= len(page) && bytes.EqualFold(page[i+1:i+7], []byte("script")) {
			end := bytes.IndexByte(page[i:], '>')
			if end < 0 {
				end = len(page) - i - 1
			}
			tags = append(tags, string(page[i:i+end+1]))
		}
	}
}

// jsAttribute returns the offset of a quoted attribute value that starts (after
// blanks) with javascript:, case-insensitively, or -1. Text cannot match: its
// quotes are escaped.
func jsAttribute(page []byte) int {
	for i := 0; ; i++ {
		at := bytes.IndexByte(page[i:], '=')
		if at < 0 {
			return -1
		}
		i += at
		v := page[i+1:]
		if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
			continue // text (whose quotes are escaped), not an attribute
		}
		v = bytes.TrimLeft(v[1:], " \t\n\r\f")
		if len(v) >= 11 && bytes.EqualFold(v[:11], []byte("javascript:")) {
			return i
		}
	}
}
