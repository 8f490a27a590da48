package mdext

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestCacheKeysByLanguageAndCode(t *testing.T) {
	t.Parallel()
	c := NewCache("")
	c.Put("go", []byte("x := 1\n"), []byte("<go/>"))
	if html, ok := c.Get("go", []byte("x := 1\n")); !ok || string(html) != "<go/>" {
		t.Errorf("Get after Put = %q, %v", html, ok)
	}
	if _, ok := c.Get("yaml", []byte("x := 1\n")); ok {
		t.Error("same code in another language hit the cache")
	}
	if _, ok := c.Get("go", []byte("x := 2\n")); ok {
		t.Error("other code hit the cache")
	}
}

func TestCacheFolderOutlivesTheProcess(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	html := []byte("<pre>kept</pre>")
	NewCache(dir).Put("hcl", []byte("a = 1\n"), html)
	html[1] = 'X' // Put keeps its own copy
	got, ok := NewCache(dir).Get("hcl", []byte("a = 1\n"))
	if !ok || string(got) != "<pre>kept</pre>" {
		t.Errorf("a new cache on the same folder: %q, %v", got, ok)
	}
	if _, ok := NewCache(t.TempDir()).Get("hcl", []byte("a = 1\n")); ok {
		t.Error("a cache on another folder hit")
	}
}

func TestCacheIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	c := NewCache(t.TempDir())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				code := []byte(fmt.Sprint(j % 10))
				c.Put("go", code, []byte(fmt.Sprint(i)))
				c.Get("go", code)
			}
		})
	}
	wg.Wait()
}

func TestCacheDoHighlightsOnceAcrossGoroutines(t *testing.T) {
	t.Parallel()
	c := NewCache("")
	var mu sync.Mutex
	runs := 0
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			<-start
			html := c.Do("go", []byte("same"), func() []byte {
				mu.Lock()
				runs++
				mu.Unlock()
				time.Sleep(10 * time.Millisecond) // let the others arrive meanwhile
				return []byte("<same/>")
			})
			if string(html) != "<same/>" {
				t.Errorf("Do = %q", html)
			}
		})
	}
	close(start)
	wg.Wait()
	if runs != 1 {
		t.Errorf("highlighted %d times, want once", runs)
	}
}

// A block prepared ahead stays in memory until it has been rendered as many times
// as it was prepared, then leaves; a block never prepared stays for the cache's
// life. The folder gets every block, and the next run prepares from it.
func TestPreparedBlocksLeaveMemoryAfterTheirLastRendering(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := NewCache(dir)
	runs := 0
	hl := func(html string) func() []byte {
		return func() []byte { runs++; return []byte(html) }
	}
	inMemory := func() int {
		c.mu.Lock()
		defer c.mu.Unlock()
		return len(c.blocks)
	}
	c.Prepare("go", []byte("twice"), hl("<2/>"))
	c.Prepare("go", []byte("twice"), hl("<2/>"))
	c.Prepare("go", []byte("once"), hl("<1/>"))
	if runs != 2 || inMemory() != 2 {
		t.Fatalf("after preparing: %d highlightings, %d blocks in memory; want 2 and 2", runs, inMemory())
	}
	steps := []struct {
		code, want string
		left       int
	}{{"twice", "<2/>", 2}, {"once", "<1/>", 1}, {"twice", "<2/>", 0}}
	for _, s := range steps {
		if html := c.Do("go", []byte(s.code), hl("<again/>")); string(html) != s.want {
			t.Errorf("Do(%s) = %q, want %q", s.code, html, s.want)
		}
		if inMemory() != s.left {
			t.Errorf("after Do(%s): %d blocks in memory, want %d", s.code, inMemory(), s.left)
		}
	}
	if runs != 2 {
		t.Errorf("%d highlightings, want 2: Do highlighted a prepared block", runs)
	}
	c.Do("go", []byte("unannounced"), hl("<u/>"))
	c.Do("go", []byte("unannounced"), hl("<u/>"))
	if runs != 3 || inMemory() != 1 {
		t.Errorf("a block never prepared: %d highlightings, %d in memory; want 3 and 1", runs, inMemory())
	}

	next := NewCache(dir)
	next.Prepare("go", []byte("once"), hl("<other/>"))
	if html := next.Do("go", []byte("once"), hl("<other/>")); string(html) != "<1/>" || runs != 3 {
		t.Errorf("next run: %q after %d highlightings, want the folder's copy and 3", html, runs)
	}
}

// Goroutines preparing and rendering one block at once highlight it once.
func TestCachePrepareHighlightsOnceAcrossGoroutines(t *testing.T) {
	t.Parallel()
	c := NewCache("")
	var mu sync.Mutex
	runs := 0
	var wg sync.WaitGroup
	hl := func() []byte {
		mu.Lock()
		runs++
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		return []byte("<same/>")
	}
	for range 8 {
		wg.Go(func() { c.Prepare("go", []byte("same"), hl) })
	}
	wg.Wait()
	for range 8 {
		wg.Go(func() {
			if html := c.Do("go", []byte("same"), hl); string(html) != "<same/>" {
				t.Errorf("Do = %q", html)
			}
		})
	}
	wg.Wait()
	if runs != 1 || len(c.blocks) != 0 || len(c.pending) != 0 {
		t.Errorf("%d highlightings, %d blocks and %d counts left; want 1, 0 and 0", runs, len(c.blocks), len(c.pending))
	}
}

// The first blocks of a run are written by many goroutines at once into a folder
// that does not exist yet; every one of them must reach it.
func TestCacheFolderGetsEveryBlockWrittenAtOnce(t *testing.T) {
	t.Parallel()
	for run := range 20 {
		dir := filepath.Join(t.TempDir(), "new", "cache")
		c := NewCache(dir)
		const n = 16
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				code := []byte(fmt.Sprintf("block %d\n", i))
				c.Do("go", code, func() []byte { return []byte("<pre>" + string(code) + "</pre>") })
			})
		}
		wg.Wait()
		files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		if len(files) != n {
			t.Fatalf("run %d: %d of %d blocks reached the new folder", run, len(files), n)
		}
	}
}
