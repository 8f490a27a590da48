package generator

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator/internal/fixture"
	"archfolio/generator/internal/wire"
)

// cacheRoundTripSites are portfolios whose every document goes through the cache:
// the sample, the broken example, folders adopted through defaults, and a
// document with every kind of front-matter value.
func cacheRoundTripSites(t *testing.T) map[string]fs.FS {
	t.Helper()
	every := testSite(map[string]string{
		"content/standards/std.md": `
---
kind: standard
title: A standard
owner: Security Architecture
statements:
  - id: S-1
    text: One.
    level: must
---
## Statements
`,
		"content/blueprints/every.md": "\xEF\xBB\xBF" + `---
kind: blueprint
title: Every value
status: approved
owner: Team
domain: identity
tags: [b, a, a]
criticality: high
review:
  every: P1Y2M3W4D
  last: 2026-01-15
compliance:
  - standard: std
    statement: S-1
    status: partial
    note: yes
depends_on:
  - id: std
    protocol: HTTPS
  - id: no-such
custom_big: 9223372036854775807
custom_huge: 18446744073709551615
custom_float: 2.5
custom_when: 2026-03-04T05:06:07Z
custom_bool: on
custom_null:
custom_list: [1, "two", null, [3], {four: 4}]
custom_map: {x: {y: [z]}}
---

## Overview {#over}

See [[std]], [the standard](../standards/std.md#statements), [a file](diagram.png) and [[missing]].

### Detail
`,
	})
	return map[string]fs.FS{
		"sample":   os.DirFS(".."),
		"broken":   os.DirFS("../examples/broken"),
		"defaults": fixture.Site(fixture.Archive("testdata/sites/defaults-adopt-a-folder.txtar")),
		"every":    every,
	}
}

// TestCacheRoundTrip writes every document, diagnostic and body a Loader keeps
// and reads it back: each must come back equal, field by field, so that a field
// added to Document (or to what a body keeps) and not written by the cache fails
// here.
func TestCacheRoundTrip(t *testing.T) {
	t.Parallel()
	for name, site := range cacheRoundTripSites(t) {
		t.Run(name, func(t *testing.T) {
			for _, checkOnly := range []bool{false, true} {
				opts := testOptions(t, fstest.MapFS{}, "2026-11-27")
				opts.Site, opts.CheckOnly = site, checkOnly
				l := NewLoader(opts)
				if _, _, err := l.Load(context.Background()); err != nil {
					t.Fatal(err)
				}
				if len(l.files) == 0 {
					t.Fatal("no file kept")
				}
				for path, e := range l.files {
					var w wire.Writer
					if err := encodeEntry(&w, e); err != nil {
						t.Fatalf("%s: %v", path, err)
					}
					r := wire.NewReader(w.Buf)
					got := decodeEntry(r, path)
					if !r.Done() {
						t.Fatalf("%s: the entry does not read back whole: %v", path, r.Err())
					}
					if e.doc != nil && got.doc != nil {
						got.doc.source = e.doc.source // the Loader reads the file again for it
					}
					got.restored = false
					e.readAt = e.readAt.Round(0) // no monotonic reading on disk
					compareFields(t, path, reflect.ValueOf(got).Elem(), reflect.ValueOf(e).Elem())
				}
			}
		})
	}
}

// compareFields reports each field of two structs that differs, going into
// pointers to structs once.
func compareFields(t *testing.T, where string, got, want reflect.Value) {
	t.Helper()
	for i := range got.NumField() {
		name := got.Type().Field(i).Name
		g, w := got.Field(i), want.Field(i)
		if g.Kind() == reflect.Pointer && !g.IsNil() && !w.IsNil() && g.Elem().Kind() == reflect.Struct && name != "From" {
			compareFields(t, where+"."+name, g.Elem(), w.Elem())
			continue
		}
		if !reflect.DeepEqual(reflectValue(g), reflectValue(w)) {
			t.Errorf("%s.%s: read back %#v, want %#v", where, name, reflectValue(g), reflectValue(w))
		}
	}
}

// reflectValue returns a field's value, exported or not (reflect.Value.Interface
// refuses unexported ones).
func reflectValue(v reflect.Value) any {
	if v.CanInterface() {
		return v.Interface()
	}
	return reflect.NewAt(v.Type(), v.Addr().UnsafePointer()).Elem().Interface()
}

// savedCache returns what a Loader saves of the sample portfolio.
func savedCache(t *testing.T) ([]byte, Options) {
	t.Helper()
	opts := testOptions(t, fstest.MapFS{}, "2026-11-27")
	opts.Site, opts.CheckOnly = os.DirFS(".."), true
	return loadAndSave(t, opts), opts
}

// loadAndSave returns what a new Loader of opts saves after its first load.
func loadAndSave(tb testing.TB, opts Options) []byte {
	tb.Helper()
	l := NewLoader(opts)
	if _, _, err := l.Load(context.Background()); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// reseal gives a changed cache a valid checksum, so that it reaches the decoder.
func reseal(data []byte) []byte {
	start := len(cacheMagic) + 32
	binary.LittleEndian.PutUint32(data[start:], crc32.Checksum(data[start+4:], castagnoli))
	return data
}

// TestRestoreRefusesDamagedCaches: a cache cut short, changed on disk, or written
// by another build of archfolio is refused with an error and leaves the Loader
// empty, and the load after it is the full one.
func TestRestoreRefusesDamagedCaches(t *testing.T) {
	t.Parallel()
	data, opts := savedCache(t)
	want, wantDiags, err := Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	otherBuild := slices.Clone(data)
	otherBuild[len(cacheMagic)] ^= 1
	flipped := slices.Clone(data)
	flipped[len(flipped)/2] ^= 0x20
	cases := map[string]struct {
		data []byte
		err  error
	}{
		"empty":              {nil, wire.ErrCorrupt},
		"another format":     {append([]byte("archfolio load cache 0\n"), data[len(cacheMagic):]...), wire.ErrCorrupt},
		"header cut short":   {data[:len(cacheMagic)+20], wire.ErrCorrupt},
		"cut short":          {data[:len(data)-1], wire.ErrCorrupt},
		"cut and resealed":   {reseal(slices.Clone(data[:len(data)-7])), wire.ErrCorrupt},
		"one bit changed":    {flipped, wire.ErrCorrupt},
		"another build":      {otherBuild, errStaleCache},
		"a byte more":        {reseal(append(slices.Clone(data), 0)), wire.ErrCorrupt},
		"count past the end": {reseal(append(append([]byte{}, data[:len(cacheMagic)+36]...), 0xFF, 0xFF, 0x03)), wire.ErrCorrupt},
	}
	for name, c := range cases {
		l := NewLoader(opts)
		if err := l.Restore(c.data); !errors.Is(err, c.err) {
			t.Errorf("%s: Restore = %v, want %v", name, err, c.err)
		}
		if len(l.files) != 0 {
			t.Errorf("%s: a refused cache left %d files in the Loader", name, len(l.files))
		}
		p, diags, err := l.Load(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if l.Parses() != l.Reads() || l.Reads() < int64(len(want.Docs)) {
			t.Errorf("%s: %d of %d files read parsed after a refused cache, want every one", name, l.Parses(), l.Reads())
		}
		if !reflect.DeepEqual(diags, wantDiags) || len(p.Docs) != len(want.Docs) {
			t.Errorf("%s: the load after a refused cache differs from a full load", name)
		}
	}
}

// TestRestoreNeverPanics decodes caches changed at random and resealed, so
// that each reaches the decoder: whatever it reads, it must not panic. (A cache
// that passes the checksum is trusted as the program's own output: a load after
// a crafted one may go wrong, as it may after a changed binary.)
func TestRestoreNeverPanics(t *testing.T) {
	t.Parallel()
	data, opts := savedCache(t)
	rng := rand.New(rand.NewPCG(1, 2))
	body := len(cacheMagic) + 36
	rounds := 3000
	if testing.Short() {
		rounds = 300
	}
	for i := range rounds {
		bad := slices.Clone(data)
		switch i % 3 {
		case 0: // a few bytes changed
			for range 1 + rng.IntN(4) {
				bad[body+rng.IntN(len(bad)-body)] = byte(rng.Uint32())
			}
		case 1: // cut short
			bad = bad[:body+rng.IntN(len(bad)-body)]
		case 2: // a run of bytes taken out
			at := body + rng.IntN(len(bad)-body)
			bad = append(bad[:at], bad[min(len(bad), at+1+rng.IntN(64)):]...)
		}
		_ = NewLoader(opts).Restore(reseal(bad))
	}
}

// TestLoaderLoadsAgainWhenARestoredFileChanged: a restored file whose stamp
// vouches for it is not read, until its body must be parsed again; if by then it
// has other bytes (it changed while the check ran), the Loader loads again,
// reading every restored file, and returns what a full load of the new files does.
func TestLoaderLoadsAgainWhenARestoredFileChanged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/blueprints/a.md", "---\nkind: blueprint\ntitle: A\n---\n\nUses [[b]].\n")
	write("content/blueprints/b.md", "---\nkind: blueprint\ntitle: B\n---\n")
	opts := testOptions(t, fstest.MapFS{}, "2026-11-27")
	opts.Site, opts.CheckOnly = os.DirFS(dir), true
	saved := loadAndSave(t, opts)

	// b is retitled, so a's body (a wikilink shows its target's title) must be
	// parsed again; a changes too, but its restored stamp is made to vouch for
	// it, as if it changed after the check had looked at it.
	write("content/blueprints/b.md", "---\nkind: blueprint\ntitle: B renamed\n---\n")
	write("content/blueprints/a.md", "---\nkind: blueprint\ntitle: A renamed\n---\n\nUses [[b]] and [[nowhere]].\n")
	l := NewLoader(opts)
	if err := l.Restore(saved); err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(opts.Site, "content/blueprints")
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		if de.Name() == "a.md" {
			e := l.files["content/blueprints/a.md"]
			e.stamp, e.stamped = stampOf(de)
			e.readAt = time.Now().Add(time.Hour)
		}
	}
	p, diags, err := l.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, wantDiags, err := Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := diagLines(diags); got != diagLines(wantDiags) || !strings.Contains(got, "nowhere") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, diagLines(wantDiags))
	}
	if a := p.ByID["a"]; a == nil || a.Title != want.ByID["a"].Title {
		t.Errorf("a's title is not the new one: %+v", a)
	}
}

// A mapping reads back with its keys in order and its index (past indexFrom
// keys); one that names a key twice is damage, with few keys or many.
func TestCacheObjectsReadBack(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, indexFrom + 5} {
		o := &Object{}
		for i := range n {
			o.Set("k"+strconv.Itoa(i), i)
		}
		var w wire.Writer
		if err := encodeObject(&w, o); err != nil {
			t.Fatal(err)
		}
		r := wire.NewReader(w.Buf)
		if got := decodeObject(r); !r.Done() || !reflect.DeepEqual(got, o) {
			t.Errorf("%d keys: read back %+v (%v), want %+v", n, got, r.Err(), o)
		}

		o.Keys[n-1] = o.Keys[0] // as a damaged file would say it
		w = wire.Writer{}
		if err := encodeObject(&w, o); err != nil {
			t.Fatal(err)
		}
		r = wire.NewReader(w.Buf)
		decodeObject(r)
		if !errors.Is(r.Err(), wire.ErrCorrupt) {
			t.Errorf("%d keys, one twice: read with %v, want ErrCorrupt", n, r.Err())
		}
	}
}
