package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
)

// defaultCheckCache is the folder check keeps its caches in when --cache does not
// name one: archfolio/check in the user's cache folder (os.UserCacheDir), or ""
// (no cache) when there is none.
func defaultCheckCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "archfolio", "check")
}

// checkCacheFile is the file of the cache folder dir that holds the cache of the
// site at root: one file per site, named by its absolute path.
func checkCacheFile(dir, root string) (string, error) {
	name, err := siteCacheName(root)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name+".cache"), nil
}

// staleCacheAge is how long a site's cache file may go unused before a check of
// another site deletes it.
const staleCacheAge = 30 * 24 * time.Hour

// loadForCheck loads the site as generator.Load does, through a Loader restored
// from the site's cache file in dir and saved back to it (generator.Loader.Save):
// files unchanged since the last check are not parsed again. With dir "", it does
// not touch any cache. A cache that cannot be read or written costs only time: it
// is reported on stderr and the check goes on.
func loadForCheck(ctx context.Context, opts generator.Options, root, dir string, stderr io.Writer) (*generator.Portfolio, diag.Diagnostics, error) {
	if dir == "" {
		return generator.Load(ctx, opts)
	}
	file, err := checkCacheFile(dir, root)
	if err != nil {
		return generator.Load(ctx, opts)
	}
	l := generator.NewLoader(opts)
	if data, err := os.ReadFile(file); err == nil {
		_ = l.Restore(data) // a cache of another build or a damaged file is not used
	}
	p, diags, err := l.Load(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !l.Unsaved() {
		return p, diags, nil // the cache file holds all of it already
	}
	if err := saveCheckCache(l, dir, file); err != nil {
		fmt.Fprintf(stderr, "archfolio check: the cache was not saved (the next check parses every file): %v\n", err)
	}
	return p, diags, nil
}

// saveCheckCache writes the Loader's cache to file, whole or not at all (a
// temporary file renamed over it), and deletes the other sites' cache files
// unused for staleCacheAge.
func saveCheckCache(l *generator.Loader, dir, file string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".site-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing to remove
	err = l.Save(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return err
	}
	return removeStale(filepath.Join(dir, "site-*.cache"), file)
}

// removeStale deletes the caches of other sites that pattern matches (files
// or folders) and that no run has used for staleCacheAge; keep is this site's.
func removeStale(pattern, keep string) error {
	old, _ := filepath.Glob(pattern)
	for _, p := range old {
		if fi, err := os.Lstat(p); err == nil && p != keep && time.Since(fi.ModTime()) > staleCacheAge {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
	}
	return nil
}
