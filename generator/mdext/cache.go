package mdext

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	stdhtml "html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Cache is a HighlightCache keyed by a content hash of the language and the code:
// a block highlighted once is never highlighted again while the cache lives. With a
// folder, blocks also outlive the process (one file per block), so rebuilds in CI
// and the dev server start warm. It is safe for concurrent use. A cache is meant
// for one run when blocks are prepared ahead (Prepare), for any number otherwise.
type Cache struct {
	dir  string
	salt string // what else decides the HTML: this package's format and chroma's version

	mu       sync.Mutex
	blocks   map[[sha256.Size]byte][]byte
	inflight map[[sha256.Size]byte]chan struct{} // closed when the block is in blocks
	// pending counts, for each block highlighted ahead (Prepare), the renderings
	// still to ask for it; the block leaves memory after the last.
	pending map[[sha256.Size]byte]int
	// used holds, with a folder, every block this cache was asked for, so that
	// Prune keeps them and deletes the rest.
	used  map[[sha256.Size]byte]struct{}
	mkdir sync.Once // makes dir before the first block is written
}

// cacheFormat changes whenever Highlighter's output changes for the same input, so
// that a cache folder written by an older archfolio is not trusted.
const cacheFormat = "archfolio-highlight-3"

// NewCache returns a cache in memory, backed by dir when dir is not "".
func NewCache(dir string) *Cache {
	c := &Cache{dir: dir, salt: cacheFormat + "\x00" + chromaVersion(), blocks: map[[sha256.Size]byte][]byte{},
		inflight: map[[sha256.Size]byte]chan struct{}{}, pending: map[[sha256.Size]byte]int{}}
	if dir != "" {
		c.used = map[[sha256.Size]byte]struct{}{}
	}
	return c
}

// Dir returns the folder the cache keeps blocks in, or "".
func (c *Cache) Dir() string { return c.dir }

// chromaVersion is the chroma module this binary was built with ("" when unknown).
func chromaVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/alecthomas/chroma/v2" {
			return m.Version
		}
	}
	return ""
}

func (c *Cache) key(lang string, code []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(c.salt))
	h.Write([]byte{0})
	h.Write([]byte(lang))
	h.Write([]byte{0})
	h.Write(code)
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// Held returns how many blocks the cache holds in memory.
func (c *Cache) Held() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.blocks)
}

// Get implements HighlightCache.
func (c *Cache) Get(lang string, code []byte) ([]byte, bool) {
	k := c.key(lang, code)
	c.mu.Lock()
	c.use(k)
	html, ok := c.blocks[k]
	c.mu.Unlock()
	if ok {
		return html, true
	}
	if html, ok = c.read(k, code); ok {
		c.mu.Lock()
		c.blocks[k] = html
		c.mu.Unlock()
	}
	return html, ok
}

// Prepare is told about a block ahead of its rendering (see Fences): the first time,
// it reads the block from the folder or runs highlight, and keeps the HTML; every
// time, it counts one more rendering to come. Do then hands the block out as many
// times as it was prepared and lets it go after the last, so that a run never
// holds more highlighted HTML than the renderings still to come need. highlight's
// result is copied.
func (c *Cache) Prepare(lang string, code []byte, highlight func() []byte) {
	k := c.key(lang, code)
	c.mu.Lock()
	c.use(k)
	n, seen := c.pending[k]
	c.pending[k] = n + 1
	_, have := c.blocks[k]
	if _, busy := c.inflight[k]; seen || have || busy {
		c.mu.Unlock()
		return
	}
	c.fill(k, code, highlight) // unlocks c.mu
}

// Do returns the block's HTML from the cache, or runs highlight and keeps its
// result. Goroutines asking for the same block at the same time wait for one
// highlighting: no block is highlighted twice.
func (c *Cache) Do(lang string, code []byte, highlight func() []byte) []byte {
	k := c.key(lang, code)
	for {
		c.mu.Lock()
		c.use(k)
		if html, ok := c.blocks[k]; ok {
			c.handOut(k)
			c.mu.Unlock()
			return html
		}
		wait, busy := c.inflight[k]
		if !busy {
			break // c.mu stays locked until this goroutine has claimed the block
		}
		c.mu.Unlock()
		<-wait
	}
	html := c.fill(k, code, highlight)
	c.mu.Lock()
	c.handOut(k)
	c.mu.Unlock()
	return html
}

// fill claims block k, which must be neither in memory nor in flight, with c.mu
// held; it unlocks c.mu, reads the block from the folder or runs highlight (and
// writes the folder), keeps a copy in memory and returns it.
func (c *Cache) fill(k [sha256.Size]byte, code []byte, highlight func() []byte) []byte {
	done := make(chan struct{})
	c.inflight[k] = done
	c.mu.Unlock()
	html, ok := c.read(k, code)
	if !ok {
		html = append([]byte(nil), highlight()...)
		c.write(k, html)
	}
	c.mu.Lock()
	c.blocks[k] = html
	delete(c.inflight, k)
	c.mu.Unlock()
	close(done)
	return html
}

// use records that the block k was asked for. c.mu is held.
func (c *Cache) use(k [sha256.Size]byte) {
	if c.used != nil {
		c.used[k] = struct{}{}
	}
}

// Prune deletes from the folder every block this cache was not asked for, and
// the temporary files of writes that never finished (older than an hour: a
// run at work beside this one may be writing them). Call it only after a run
// that asked for every block of its site, on a folder only that site uses; it
// reports how many files it deleted and the first error.
func (c *Cache) Prune() (int, error) {
	if c.dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	removed := 0
	var first error
	for _, e := range entries {
		name := e.Name()
		stale := false
		if hexKey, ok := strings.CutSuffix(name, ".html"); ok && len(hexKey) == 2*sha256.Size {
			var k [sha256.Size]byte
			_, err := hex.Decode(k[:], []byte(hexKey))
			_, used := c.used[k]
			stale = err == nil && !used
		} else if strings.HasPrefix(name, ".block-") {
			info, err := e.Info()
			stale = err == nil && time.Since(info.ModTime()) > time.Hour
		}
		if !stale || !e.Type().IsRegular() {
			continue
		}
		if err := os.Remove(filepath.Join(c.dir, name)); err == nil {
			removed++
		} else if first == nil && !errors.Is(err, fs.ErrNotExist) {
			first = err
		}
	}
	return removed, first
}

// handOut counts one rendering of a prepared block, and drops the block after the
// last one that was prepared. Blocks that were never prepared stay. c.mu is held.
func (c *Cache) handOut(k [sha256.Size]byte) {
	n, ok := c.pending[k]
	switch {
	case !ok:
	case n > 1:
		c.pending[k] = n - 1
	default:
		delete(c.pending, k)
		delete(c.blocks, k)
	}
}

// Put implements HighlightCache; it keeps a copy of html.
func (c *Cache) Put(lang string, code, html []byte) {
	k := c.key(lang, code)
	html = append([]byte(nil), html...)
	c.mu.Lock()
	c.use(k)
	c.blocks[k] = html
	c.mu.Unlock()
	c.write(k, html)
}

// read returns a block from the folder, if the file is one that write made
// for this key and it shows this code: a regular file of a size the code can
// highlight to, its first line the digest of the key and the rest, and the
// rest markup that Highlighter writes around exactly this code (validBlock).
// A cache folder lives in CI caches that a pull request may be able to write:
// a block copied over another's name, edited, damaged or swapped for a link
// to a device is highlighted again instead. Whoever can write the folder can
// still recolour a block (its classes), never change its text or markup.
func (c *Cache) read(k [sha256.Size]byte, code []byte) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	name := c.file(k)
	if fi, err := os.Lstat(name); err != nil || !fi.Mode().IsRegular() {
		return nil, false // a FIFO would block the open; a link may lead anywhere
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	limit := maxBlockFile(len(code))
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() > limit {
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(data)) > limit {
		return nil, false
	}
	sum, html, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(sum) != c.digest(k, html) || !validBlock(html, code) {
		return nil, false
	}
	return html, true
}

// maxBlockFile is the largest block file read for code of n bytes: chroma
// writes a span of some thirty bytes around each token, at worst one a byte.
func maxBlockFile(n int) int64 { return 64*int64(n) + 64<<10 }

// digest is the hex SHA-256 of the cache's salt, a block's key and its HTML.
func (c *Cache) digest(k [sha256.Size]byte, html []byte) string {
	h := sha256.New()
	h.Write([]byte(c.salt))
	h.Write([]byte{0})
	h.Write(k[:])
	h.Write(html)
	return hex.EncodeToString(h.Sum(nil))
}

// validBlock reports whether html is markup Highlighter writes for code: pre,
// code and span elements, properly nested, with class attributes of plain
// names; inside them the text of code (escaped, its line ends as chroma
// writes them, a last line end added), outside them white space only.
func validBlock(html []byte, code []byte) bool {
	var stack []string
	var text bytes.Buffer
	for len(html) > 0 {
		i := bytes.IndexByte(html, '<')
		if i < 0 {
			i = len(html)
		}
		if len(stack) == 0 {
			if len(bytes.TrimSpace(html[:i])) > 0 {
				return false
			}
		} else {
			text.Write(html[:i])
		}
		html = html[i:]
		if len(html) == 0 {
			break
		}
		end := bytes.IndexByte(html, '>')
		if end < 0 {
			return false
		}
		tag := string(html[:end+1])
		html = html[end+1:]
		if closing, ok := strings.CutPrefix(tag, "</"); ok {
			name := strings.TrimSuffix(closing, ">")
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return false
			}
			stack = stack[:len(stack)-1]
			continue
		}
		name, ok := openTag(tag, len(stack) == 0)
		if !ok {
			return false
		}
		stack = append(stack, name)
	}
	if len(stack) != 0 {
		return false
	}
	shown := stdhtml.UnescapeString(text.String())
	want := strings.ReplaceAll(string(code), "\r\n", "\n")
	return shown == want || shown == want+"\n"
}

// openTag returns the name of a tag validBlock accepts: <pre class="…"> at the
// top, <code> and <span class="…"> inside.
func openTag(tag string, top bool) (string, bool) {
	var class string
	switch {
	case top:
		c, ok := strings.CutPrefix(tag, `<pre class="`)
		if !ok {
			return "", false
		}
		class = c
	case tag == "<code>":
		return "code", true
	default:
		c, ok := strings.CutPrefix(tag, `<span class="`)
		if !ok {
			return "", false
		}
		class = c
	}
	class, ok := strings.CutSuffix(class, `">`)
	if !ok || strings.TrimFunc(class, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}) != "" {
		return "", false
	}
	if top {
		return "pre", true
	}
	return "span", true
}

// write keeps a block in the folder. It is best effort: a cache that cannot be
// written only makes the next run slower.
func (c *Cache) write(k [sha256.Size]byte, html []byte) {
	if c.dir == "" {
		return
	}
	// Every writer waits until the folder exists: with a flag, a second goroutine
	// could create its temporary file before the first had made the folder, and
	// lose its block.
	c.mkdir.Do(func() { _ = os.MkdirAll(c.dir, 0o755) })
	// Write then rename, so that a reader never sees half a block.
	tmp, err := os.CreateTemp(c.dir, ".block-")
	if errors.Is(err, fs.ErrNotExist) {
		// The folder went while this cache lived (a user cleared the cache
		// folder during a dev server's session): make it again.
		_ = os.MkdirAll(c.dir, 0o755)
		tmp, err = os.CreateTemp(c.dir, ".block-")
	}
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(c.digest(k, html) + "\n")
	if werr == nil {
		_, werr = tmp.Write(html)
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file(k)) != nil {
		_ = os.Remove(tmp.Name())
	}
}

func (c *Cache) file(k [sha256.Size]byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(k[:])+".html")
}
