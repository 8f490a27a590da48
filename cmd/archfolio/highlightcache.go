package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"archfolio/generator/mdext"
)

// highlightCache is where build and serve keep highlighted code blocks between
// runs, so that a run highlights only the blocks that are new: in DIR with
// --cache DIR (a folder the user manages, for CI caches: pruned only with
// --prune-cache), nowhere
// with --no-cache, else in the site's own folder, archfolio/highlight/site-HASH
// in the user's cache folder (HASH names the site's absolute path, as check's
// cache file does).
type highlightCache struct {
	// Cache is nil when blocks are kept nowhere: the run then uses a cache of
	// its own (Options.Highlights), as a folder cache is used, highlighting every
	// block ahead and letting each go after its last rendering. (A cache in
	// memory given to a build would instead be taken for one that outlives it,
	// as serve's did: every block highlighted in the body stage, with the whole
	// front matter in the heap, and all of them kept to the end.)
	*mdext.Cache
	// own is the site's own folder under the user's cache folder, or "": a run
	// that highlighted every block of the site prunes it (done).
	own string
}

// newHighlightCache returns the cache of the site at root for --cache dir and
// --no-cache off.
func newHighlightCache(root, dir string, off bool) highlightCache {
	switch {
	case off:
		return highlightCache{}
	case dir != "":
		return highlightCache{Cache: mdext.NewCache(dir)}
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return highlightCache{}
	}
	own, err := siteCacheName(root)
	if err != nil {
		return highlightCache{}
	}
	own = filepath.Join(base, "archfolio", "highlight", own)
	return highlightCache{Cache: mdext.NewCache(own), own: own}
}

// options returns the cache for Options.Highlights: nil when blocks are kept
// nowhere (a nil *mdext.Cache in the interface would not be nil).
func (h highlightCache) options() mdext.HighlightCache {
	if h.Cache == nil {
		return nil
	}
	return h.Cache
}

// done is called after a run that asked the cache for every code block of the
// site (a build that finished, a server's first build): the site's own folder
// keeps those blocks only, and the folders of other sites that no run has used
// for staleCacheAge are deleted. It is best effort: a cache that cannot be
// pruned only takes room. (A --cache DIR is pruned by build --prune-cache.)
func (h highlightCache) done() {
	if h.own == "" {
		return
	}
	if _, err := h.Prune(); err != nil {
		return
	}
	now := time.Now()
	// The folder's time says when a run last used it; a site without code
	// blocks has no folder, and still clears the others.
	if err := os.Chtimes(h.own, now, now); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return
	}
	_ = removeStale(filepath.Join(filepath.Dir(h.own), "site-*"), h.own)
}

// siteCacheName names a site's cache (a file for check, a folder for build and
// serve) after its absolute path with links resolved, so that a site reached
// through a link has one cache: site-HASH.
func siteCacheName(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return "site-" + hex.EncodeToString(sum[:12]), nil
}
