package mdext

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestCacheKeysByLanguageAndCode(t *testing.T) {
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

// A folder cache told which blocks occur once writes them to the folder but does
// not hold them in memory; the next run reads them back.
func TestFolderCacheKeepsUniqueBlocksOnDiskOnly(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(dir)
	c.Expect("go", []byte("unique"))
	runs := 0
	hl := func() []byte { runs++; return []byte("<u/>") }
	c.Do("go", []byte("unique"), hl)
	c.mu.Lock()
	inMemory := len(c.blocks)
	c.mu.Unlock()
	if inMemory != 0 {
		t.Errorf("%d blocks held in memory, want none", inMemory)
	}
	next := NewCache(dir)
	next.Expect("go", []byte("unique"))
	if html := next.Do("go", []byte("unique"), hl); string(html) != "<u/>" || runs != 1 {
		t.Errorf("next run: %q after %d highlightings, want the folder's copy after 1", html, runs)
	}
}

// The first blocks of a run are written by many goroutines at once into a folder
// that does not exist yet; every one of them must reach it.
func TestCacheFolderGetsEveryBlockWrittenAtOnce(t *testing.T) {
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
