package mdext

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCacheKeysByLanguageAndCode(t *testing.T) {
	t.Parallel()
	c := NewCache("")
	c.Put("go", []byte("x := 1\n"), []byte(`<span class="go">x</span>`))
	if html, ok := c.Get("go", []byte("x := 1\n")); !ok || string(html) != `<span class="go">x</span>` {
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
	html := []byte("<pre class=\"chroma\"><code>a = 1\n</code></pre>")
	NewCache(dir).Put("hcl", []byte("a = 1\n"), html)
	html[1] = 'X' // Put keeps its own copy
	got, ok := NewCache(dir).Get("hcl", []byte("a = 1\n"))
	if !ok || string(got) != "<pre class=\"chroma\"><code>a = 1\n</code></pre>" {
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
				return []byte(`<span class="same">s</span>`)
			})
			if string(html) != `<span class="same">s</span>` {
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
	c.Prepare("go", []byte("twice"), hl(`<span class="two">2</span>`))
	c.Prepare("go", []byte("twice"), hl(`<span class="two">2</span>`))
	c.Prepare("go", []byte("once"), hl(`<span class="one">1</span>`))
	if runs != 2 || inMemory() != 2 {
		t.Fatalf("after preparing: %d highlightings, %d blocks in memory; want 2 and 2", runs, inMemory())
	}
	steps := []struct {
		code, want string
		left       int
	}{{"twice", `<span class="two">2</span>`, 2}, {"once", `<span class="one">1</span>`, 1}, {"twice", `<span class="two">2</span>`, 0}}
	for _, s := range steps {
		if html := c.Do("go", []byte(s.code), hl(`<span class="again">a</span>`)); string(html) != s.want {
			t.Errorf("Do(%s) = %q, want %q", s.code, html, s.want)
		}
		if inMemory() != s.left {
			t.Errorf("after Do(%s): %d blocks in memory, want %d", s.code, inMemory(), s.left)
		}
	}
	if runs != 2 {
		t.Errorf("%d highlightings, want 2: Do highlighted a prepared block", runs)
	}
	c.Do("go", []byte("unannounced"), hl(`<span class="u">u</span>`))
	c.Do("go", []byte("unannounced"), hl(`<span class="u">u</span>`))
	if runs != 3 || inMemory() != 1 {
		t.Errorf("a block never prepared: %d highlightings, %d in memory; want 3 and 1", runs, inMemory())
	}

	// The folder's copy of a block that shows its code is used by the next run.
	block := `<pre class="chroma"><code><span class="one">once</span></code></pre>`
	c.Put("go", []byte("once"), []byte(block))
	next := NewCache(dir)
	next.Prepare("go", []byte("once"), hl(`<span class="other">o</span>`))
	if html := next.Do("go", []byte("once"), hl(`<span class="other">o</span>`)); string(html) != block || runs != 3 {
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
		return []byte(`<span class="same">s</span>`)
	}
	for range 8 {
		wg.Go(func() { c.Prepare("go", []byte("same"), hl) })
	}
	wg.Wait()
	for range 8 {
		wg.Go(func() {
			if html := c.Do("go", []byte("same"), hl); string(html) != `<span class="same">s</span>` {
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
				c.Do("go", code, func() []byte { return []byte(`<pre class="chroma"><code>` + string(code) + `</code></pre>`) })
			})
		}
		wg.Wait()
		files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		if len(files) != n {
			t.Fatalf("run %d: %d of %d blocks reached the new folder", run, len(files), n)
		}
	}
}

// A block file that was edited, damaged, copied over another block's name or
// replaced by something that is no file is not used: the block is highlighted
// again and the file written anew.
func TestCacheFolderBlocksAreVerified(t *testing.T) {
	good := `<pre class="chroma"><code><span class="line"><span class="cl">x &lt;- 1</span></span></code></pre>` + "\n"
	key := func(c *Cache) [32]byte { return c.key("r", []byte("x <- 1")) }
	other := `<pre class="chroma"><code>y</code></pre>`
	for name, edit := range map[string]func(c *Cache, file string, data []byte) []byte{
		"markup added, digest kept": func(c *Cache, file string, data []byte) []byte {
			return []byte(strings.Replace(string(data), "x &lt;- 1", "<script>alert(1)</script>", 1))
		},
		"markup added, digest made anew": func(c *Cache, file string, data []byte) []byte {
			html := `<pre class="chroma"><code><img src=x onerror=alert(1)></code></pre>`
			return []byte(c.digest(key(c), []byte(html)) + "\n" + html)
		},
		"attribute added, digest made anew": func(c *Cache, file string, data []byte) []byte {
			html := `<pre class="chroma"><code><span class="x" onclick="alert(1)">x &lt;- 1</span></code></pre>`
			return []byte(c.digest(key(c), []byte(html)) + "\n" + html)
		},
		"text changed, digest made anew": func(c *Cache, file string, data []byte) []byte {
			html := `<pre class="chroma"><code><span class="line"><span class="cl">HACKED</span></span></code></pre>`
			return []byte(c.digest(key(c), []byte(html)) + "\n" + html)
		},
		"elements left open, digest made anew": func(c *Cache, file string, data []byte) []byte {
			html := `<pre class="chroma"><code><span class="x">x &lt;- 1</code></pre>`
			return []byte(c.digest(key(c), []byte(html)) + "\n" + html)
		},
		"elements closed that were not open, digest made anew": func(c *Cache, file string, data []byte) []byte {
			html := `<pre class="chroma"><code>x &lt;- 1</code></pre></span></div>`
			return []byte(c.digest(key(c), []byte(html)) + "\n" + html)
		},
		"another block's file": func(c *Cache, file string, data []byte) []byte {
			return []byte(c.digest(c.key("r", []byte("y")), []byte(other)) + "\n" + other)
		},
		"truncated": func(c *Cache, file string, data []byte) []byte { return data[:len(data)/2] },
		"no digest": func(c *Cache, file string, data []byte) []byte { return []byte(good) },
		"too large": func(c *Cache, file string, data []byte) []byte {
			return append(data, bytes.Repeat([]byte(" "), int(maxBlockFile(len("x <- 1"))))...)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			c := NewCache(dir)
			c.Put("r", []byte("x <- 1"), []byte(good))
			files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
			if len(files) != 1 {
				t.Fatalf("files %v", files)
			}
			data, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(files[0], edit(c, files[0], data), 0o644); err != nil {
				t.Fatal(err)
			}
			expectHighlightedAgain(t, dir, good)
		})
	}
	t.Run("a link to a device", func(t *testing.T) {
		dir := t.TempDir()
		c := NewCache(dir)
		if err := os.Symlink(os.DevNull, c.file(key(c))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		expectHighlightedAgain(t, dir, good)
	})
	// What the cache writes, it reads back.
	dir := t.TempDir()
	NewCache(dir).Put("r", []byte("x <- 1"), []byte(good))
	if html, ok := NewCache(dir).Get("r", []byte("x <- 1")); !ok || string(html) != good {
		t.Errorf("a block written by the cache was not read back: %q %v", html, ok)
	}
}

// expectHighlightedAgain checks that the block of "x <- 1" in dir's folder is
// not used: Get misses it and Do highlights it once, to good.
func expectHighlightedAgain(t *testing.T, dir, good string) {
	t.Helper()
	next := NewCache(dir)
	if html, ok := next.Get("r", []byte("x <- 1")); ok {
		t.Fatalf("an edited block was used: %q", html)
	}
	again := 0
	html := next.Do("r", []byte("x <- 1"), func() []byte { again++; return []byte(good) })
	if again != 1 || string(html) != good {
		t.Errorf("highlighted %d times, got %q", again, html)
	}
}

// Everything Highlighter writes passes the check read makes of a block file, so a
// warm cache folder is used, not silently highlighted again.
func TestHighlighterOutputPassesTheCacheCheck(t *testing.T) {
	h := NewHighlighter()
	for lang, code := range map[string]string{
		"go":      "package main\n\nfunc main() { println(\"<b>&'\") }\n",
		"yaml":    "key: \"<script>\"\nlist: [a, 'b']\n",
		"python":  "def f(x):\n    return x < 3 and x > 1  # <tag>\n",
		"json":    `{"a": "<&>", "b": [1, 2]}`,
		"sql":     "SELECT * FROM t WHERE a <> 'x';\n",
		"nosuch":  "<not highlighted> & \"quoted\"\n",
		"":        "plain <text>\n",
		"console": "$ echo \"<hi>\" > file\n",
		"bash":    "if [ \"$a\" ]; then\r\n\techo 'tab & café ✓'\r\nfi",
		"hcl":     "resource \"x\" \"y\" {\n\tname = \"日本\"\n}\n\n\n",
		"text":    "",
	} {
		var buf bytes.Buffer
		h.highlight(&buf, lang, code)
		if !validBlock(buf.Bytes(), []byte(code)) {
			t.Errorf("%s: the cache would refuse Highlighter's own output:\n%s", lang, buf.String())
		}
	}
}

// TestPruneKeepsOnlyTheBlocksOfThisRun: a second run on the folder asks for
// one block through each way in (Prepare, Do, Get, Put) and not for a fifth;
// Prune deletes the fifth, an old temporary file and nothing else (not a
// fresh temporary file, which a run beside this one may be writing, nor a
// file that is no block).
func TestPruneKeepsOnlyTheBlocksOfThisRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	html := func(s string) func() []byte {
		return func() []byte { return []byte(`<pre class="chroma"><code>` + s + `</code></pre>`) }
	}
	first := NewCache(dir)
	for _, code := range []string{"a", "b", "c", "d", "gone"} {
		first.Do("go", []byte(code), html(code))
	}
	oldTmp, freshTmp, other := filepath.Join(dir, ".block-1"), filepath.Join(dir, ".block-2"), filepath.Join(dir, "notes.txt")
	long := filepath.Join(dir, strings.Repeat("ab", 40)+".html") // no block's name: longer than a key
	for _, f := range []string{oldTmp, freshTmp, other, long} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(oldTmp, past, past); err != nil {
		t.Fatal(err)
	}

	second := NewCache(dir)
	second.Prepare("go", []byte("a"), html("a"))
	second.Do("go", []byte("a"), html("a"))
	second.Do("go", []byte("b"), func() []byte { t.Error("b was highlighted again"); return nil })
	if _, ok := second.Get("go", []byte("c")); !ok {
		t.Error("c is not in the folder")
	}
	second.Put("go", []byte("d"), html("d")())
	removed, err := second.Prune()
	if err != nil || removed != 2 {
		t.Errorf("Prune = %d, %v; want 2 (the unused block, the old temporary file)", removed, err)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".block-2", "notes.txt", filepath.Base(long)}
	for _, code := range []string{"a", "b", "c", "d"} {
		want = append(want, filepath.Base(second.file(second.key("go", []byte(code)))))
	}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left in the folder:\n%q\nwant\n%q", left, want)
	}
	if _, ok := NewCache(dir).Get("go", []byte("gone")); ok {
		t.Error("the unused block is still there")
	}
	if n, err := NewCache("").Prune(); n != 0 || err != nil {
		t.Errorf("Prune without a folder = %d, %v", n, err)
	}
	if n, err := NewCache(filepath.Join(dir, "none")).Prune(); n != 0 || err != nil {
		t.Errorf("Prune of a folder never made = %d, %v", n, err)
	}
}

// A cache whose folder was deleted while it lived (a user clearing the cache
// folder during a dev server's session) makes it again for the next block.
func TestCacheFolderIsMadeAgainWhenDeleted(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	c := NewCache(dir)
	block := func(s string) []byte { return []byte(`<pre class="chroma"><code>` + s + `</code></pre>`) }
	c.Put("go", []byte("a"), block("a"))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	c.Put("go", []byte("b"), block("b"))
	if _, ok := NewCache(dir).Get("go", []byte("b")); !ok {
		t.Error("the block written after the folder went is not in the folder")
	}
}
