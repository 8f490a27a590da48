package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"archfolio/generator/mdext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// runFloor is the floor: it renders every markdown file under dir/content with
// goldmark (GFM) and chroma writing CSS classes (archfolio's highlighter, without
// its cache), on all cores, and nothing else: no front matter, no links, no
// templates, no writes. It runs as its own process so that its time and memory
// are measured like the builds'.
func runFloor(dir string, stdout io.Writer) error {
	var paths []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, mdext.NewHighlighter()))
	var next, total atomic.Int64
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				src, err := os.ReadFile(paths[i])
				if err != nil {
					select {
					case errs <- err:
					default:
					}
					return
				}
				buf.Reset()
				if err := md.Convert(body(src), &buf); err != nil {
					select {
					case errs <- err:
					default:
					}
					return
				}
				total.Add(int64(buf.Len()))
			}
		})
	}
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	fmt.Fprintf(stdout, "floor: rendered %d files, %d bytes of HTML\n", len(paths), total.Load())
	return nil
}

// body returns the markdown after the front matter.
func body(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[4+i+5:]
	}
	return src
}
