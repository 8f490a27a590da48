package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"archfolio/generator/synth"
	"archfolio/themes"
)

// siteEdit changes a site in memory; it fails the test when the text it replaces
// is not there, so that an edit never silently does nothing.
type siteEdit struct {
	name string
	do   func(t *testing.T, site fstest.MapFS)
}

func replaceIn(file, old, new string) func(*testing.T, fstest.MapFS) {
	return func(t *testing.T, site fstest.MapFS) {
		t.Helper()
		f := site[file]
		if f == nil || !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", file, old)
		}
		site[file] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
	}
}

func writeIn(file, text string) func(*testing.T, fstest.MapFS) {
	return func(_ *testing.T, site fstest.MapFS) { site[file] = &fstest.MapFile{Data: []byte(text)} }
}

func renameIn(from, to string) func(*testing.T, fstest.MapFS) {
	return func(t *testing.T, site fstest.MapFS) {
		t.Helper()
		if site[from] == nil {
			t.Fatalf("no %s", from)
		}
		site[to] = site[from]
		delete(site, from)
	}
}

func deleteIn(file string) func(*testing.T, fstest.MapFS) {
	return func(t *testing.T, site fstest.MapFS) {
		t.Helper()
		if site[file] == nil {
			t.Fatalf("no %s", file)
		}
		delete(site, file)
	}
}

// sampleSite reads the repository's sample portfolio into memory.
func sampleSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("..")
	site := fstest.MapFS{}
	add := func(name string) {
		data, err := fs.ReadFile(root, name)
		if err != nil {
			t.Fatal(err)
		}
		site[name] = &fstest.MapFile{Data: data}
	}
	add(".archfolio.yaml")
	err := fs.WalkDir(root, generator.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			add(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// sampleEdits are edits of the sample portfolio that reach across documents.
var sampleEdits = []siteEdit{
	{"edit a body", replaceIn("content/blueprints/customer-identity-platform.md", "\n## ",
		"\nA new paragraph naming [[key-management-service]] and [the TLS standard](../standards/crypto-tls.md#statements).\n\n## ")},
	{"retitle a document others wikilink", replaceIn("content/blueprints/customer-identity-platform.md",
		"title: Customer identity platform (CIAM)", "title: Customer identity and access platform")},
	{"move a front-matter ref", replaceIn("content/blueprints/customer-identity-platform.md",
		"  - id: key-management-service\n", "  - id: claims-core-platform\n")},
	{"rename a heading others link to", replaceIn("content/standards/data-protection.md", "## Statements", "## Requirements")},
	{"add a document in a new folder", writeIn("content/blueprints/new-area/quote-engine.md", `---
kind: blueprint
title: Quote engine
status: proposed
owner: Pricing Team
tags: [pricing, identity]
domain: identity
depends_on:
  - id: customer-identity-platform
    protocol: HTTPS
compliance:
  - standard: crypto-tls
    status: partial
---

## Overview

Quotes for [[customer-identity-platform]] users, over [TLS](../../standards/crypto-tls.md#statements);
see [[premium-billing|billing]].
`)},
	{"heading fixed again", replaceIn("content/standards/data-protection.md", "## Requirements", "## Statements")},
	{"change a document's id, which moves its page", replaceIn("content/standards/crypto-tls.md", "id: crypto-tls\n", "id: crypto-transport\n")},
	{"rename a document's file", renameIn("content/standards/crypto-tls.md", "content/standards/transport.md")},
	{"delete a document", deleteIn("content/remediation/rem-ldap-cleartext-bind.md")},
	{"change a standard, so the matrix changes", replaceIn("content/standards/iam-authentication.md", "statements:\n",
		"statements:\n  - id: IAM-AUTH-99\n    text: Every sign-in is logged.\n    level: must\n")},
	{"introduce an error", replaceIn("content/blueprints/new-area/quote-engine.md", "  - id: customer-identity-platform\n", "  - id: customer-identity-platfrom\n")},
	{"fix the error", replaceIn("content/blueprints/new-area/quote-engine.md", "  - id: customer-identity-platfrom\n", "  - id: customer-identity-platform\n")},
	{"make a linked document a draft", replaceIn("content/blueprints/key-management-service.md", "\nkind: blueprint\n", "\nkind: blueprint\ndraft: true\n")},
	{"break a file's front matter", replaceIn("content/blueprints/premium-billing.md", "---\n", "--\n")},
	{"mend it", replaceIn("content/blueprints/premium-billing.md", "--\n", "---\n")},
	{"change the configuration", replaceIn(".archfolio.yaml", "title: Northwind Mutual", "title: Northwind")},
	{"undo the draft", replaceIn("content/blueprints/key-management-service.md", "\ndraft: true\n", "\n")},
}

// TestLoaderEqualsLoad checks the incremental path (Loader and LazySite, as the dev
// server uses them) against a full Load and Render after every edit of a sequence:
// the same diagnostics, the same file names and the same bytes in every file. Each
// site is read only after the next load, so a load never changes an earlier
// portfolio (the server keeps serving the last good one).
func TestLoaderEqualsLoad(t *testing.T) {
	t.Parallel()
	t.Run("sample", func(t *testing.T) {
		checkLoaderSequence(t, sampleSite(t), sampleEdits, "")
	})
	t.Run("sample, saved and restored between loads", func(t *testing.T) {
		checkLoaderSequence(t, sampleSite(t), sampleEdits, restoreEachLoad)
	})
	t.Run("sample on disk", func(t *testing.T) {
		if testing.Short() {
			t.Skip("long equivalence case (17 edits read from disk); runs without -short, as in .ci/run")
		}
		// Unchanged files are not read again: their stamps vouch for them.
		checkLoaderSequence(t, sampleSite(t), sampleEdits, t.TempDir())
	})
	t.Run("sample on disk, saved and restored between loads", func(t *testing.T) {
		if testing.Short() {
			t.Skip("long equivalence case (17 edits read from disk); runs without -short, as in .ci/run")
		}
		checkLoaderSequence(t, sampleSite(t), sampleEdits, restoreEachLoadOnDisk)
	})
	t.Run("synthetic", func(t *testing.T) {
		if testing.Short() {
			t.Skip("long equivalence case (a 200-document synthetic site); runs without -short, as in .ci/run")
		}
		gen, err := synth.Generate(synth.Options{N: 200, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		site := fstest.MapFS{}
		for _, f := range gen.Files {
			site[f.Path] = &fstest.MapFile{Data: f.Data}
		}
		checkLoaderSequence(t, site, syntheticEdits(t, site), "")
		checkLoaderSequence(t, site, syntheticEdits(t, site), restoreEachLoad)
	})
}

// restoreEachLoad, as checkLoaderSequence's dir, makes each load after the first
// one of a new Loader restored from what the last one saved, as each
// `archfolio check` does with its cache.
const restoreEachLoad = "(restored)"

// restoreEachLoadOnDisk is restoreEachLoad with the site on disk: the restored
// stamps vouch for the files, so that only the changed ones are read.
const restoreEachLoadOnDisk = "(restored, on disk)"

// syntheticEdits retitles, re-ids, deletes and renames documents of a synthetic
// site, picking the ones other documents name.
func syntheticEdits(t *testing.T, site fstest.MapFS) []siteEdit {
	var files []string // the first blueprints, by path
	for _, name := range generator.SortedKeys(site) {
		if strings.HasPrefix(name, "content/blueprints/") && len(files) < 3 {
			files = append(files, name)
		}
	}
	var edits []siteEdit
	for i, file := range files {
		id := strings.TrimSuffix(file[strings.LastIndex(file, "/")+1:], ".md")
		data := string(site[file].Data)
		title := data[strings.Index(data, "\ntitle: ")+1:]
		title = title[:strings.Index(title, "\n")]
		switch i {
		case 0:
			edits = append(edits, siteEdit{"retitle " + id, replaceIn(file, title, "title: Renamed "+id)})
		case 1:
			edits = append(edits, siteEdit{"body of " + id, replaceIn(file, "\n---\n", "\n---\n\nSee [[x-"+id+"]] and [[missing]].\n")},
				siteEdit{"new " + id, writeIn("content/blueprints/zz/x-"+id+".md", "---\nkind: blueprint\ntitle: X\n---\n\n## One\n\n[back](../"+
					file[len("content/blueprints/"):]+")\n")})
		case 2:
			edits = append(edits, siteEdit{"delete " + id, deleteIn(file)})
		}
	}
	if len(edits) == 0 {
		t.Fatal("the synthetic site has no blueprints")
	}
	return edits
}

// checkLoaderSequence applies the edits one by one and compares a Loader's site
// with a full build after each. With dir, the site is written there (only the
// files an edit changed) and read from disk. With dir restoreEachLoad, every
// load is made by a new Loader restored from the last one's Save, and parses only
// the files the edit changed.
func checkLoaderSequence(t *testing.T, site fstest.MapFS, edits []siteEdit, dir string) {
	checkLoaderDays(t, site, edits, dir, nil)
}

// checkLoaderDays is checkLoaderSequence where today, 2026-11-27 at first,
// becomes days[name] (YYYY-MM-DD) from the edit of that name on.
func checkLoaderDays(t *testing.T, site fstest.MapFS, edits []siteEdit, dir string, days map[string]string) {
	opts := sitetest.Options(t, site, "2026-11-27")
	opts.Theme = themes.Default()
	restore := dir == restoreEachLoad || dir == restoreEachLoadOnDisk
	switch dir {
	case restoreEachLoad:
		dir = ""
	case restoreEachLoadOnDisk:
		dir = t.TempDir()
	}
	if dir != "" {
		opts.Site = os.DirFS(dir)
	}
	l := generator.NewLoader(opts)
	l.SetRacyWindow(0) // the test's edits are far apart next to the file system's timestamps
	type built struct {
		step string
		site *render.LazySite
		want *render.MemOutput
	}
	var prev *built
	var before fstest.MapFS
	for i := -1; i < len(edits); i++ {
		step := "first load"
		if i >= 0 {
			step = edits[i].name
			edits[i].do(t, site)
		}
		if day, ok := days[step]; ok {
			opts.Today = sitetest.Options(t, site, day).Today
			l.SetToday(opts.Today)
		}
		changed, config := 0, false
		if dir != "" {
			changed, config = mirror(t, site, dir)
		}
		if restore && i >= 0 {
			if dir == "" {
				changed, config = changedFiles(before, site)
			}
			l = restored(t, l, opts)
		}
		before = maps.Clone(site)
		reads := l.Reads()
		p, diags, err := l.Load(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if reads := l.Reads() - reads; dir != "" && i >= 0 && !config && reads > int64(changed) {
			t.Errorf("%s: %d files read, but only %d changed", step, reads, changed)
		}
		if restore && i >= 0 && !config && l.Parses() > int64(changed) {
			t.Errorf("%s: %d files parsed after the cache was restored, but only %d changed", step, l.Parses(), changed)
		}
		fp, fdiags, err := generator.Load(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(diags, fdiags) {
			t.Errorf("%s: diagnostics differ:\nincremental:\n%s\nfull:\n%s", step, diagText(diags), diagText(fdiags))
		}
		want := &render.MemOutput{}
		if err := render.Render(context.Background(), fp, opts, want); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		lazy, err := render.NewLazySite(context.Background(), p, opts)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if prev != nil {
			compareSites(t, prev.step+" (read after the next load)", prev.site, prev.want)
		}
		prev = &built{step, lazy, want}
	}
	compareSites(t, prev.step, prev.site, prev.want)
}

// restored saves what l keeps and returns a new Loader restored from it.
func restored(t *testing.T, l *generator.Loader, opts generator.Options) *generator.Loader {
	t.Helper()
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		t.Fatal(err)
	}
	r := generator.NewLoader(opts)
	r.SetRacyWindow(0)
	if err := r.Restore(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if r.Unsaved() {
		t.Error("a Loader just restored says it has something to save")
	}
	return r
}

// changedFiles counts the files of after that are new or differ from before, and
// says whether the configuration is one.
func changedFiles(before, after fstest.MapFS) (n int, config bool) {
	for name, f := range after {
		if old := before[name]; old == nil || !bytes.Equal(old.Data, f.Data) {
			n++
			config = config || generator.IsConfigFile(name)
		}
	}
	return n, config
}

// mirror makes dir hold exactly the files of site, writing only those that
// differ, and returns how many it wrote and whether the configuration was one.
func mirror(t *testing.T, site fstest.MapFS, dir string) (written int, config bool) {
	t.Helper()
	for name, f := range site {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		written++
		config = config || generator.IsConfigFile(name)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if site[filepath.ToSlash(rel)] == nil {
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return written, config
}

func diagText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// compareSites fetches every file of a lazy site, on several goroutines, and
// compares it with a full render.
func compareSites(t *testing.T, step string, got *render.LazySite, want *render.MemOutput) {
	t.Helper()
	names, err := got.Names()
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if wantNames := want.Names(); !reflect.DeepEqual(names, wantNames) {
		t.Fatalf("%s: files differ: incremental has %d, full %d\nonly incremental: %v\nonly full: %v", step, len(names), len(wantNames),
			missingFrom(names, wantNames), missingFrom(wantNames, names))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(names); i += 4 {
				name := names[i]
				data, found, err := got.File(name)
				wantData, _ := want.File(name)
				if err != nil || !found || !bytes.Equal(data, wantData) {
					mu.Lock()
					bad = append(bad, fmt.Sprintf("%s (found %v, error %v)%s", name, found, err, firstDifference(data, wantData)))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("%s: %d of %d files differ from a full render:\n%s", step, len(bad), len(names), strings.Join(bad, "\n"))
	}
	if _, found, _ := got.File("no/such/file.html"); found {
		t.Errorf("%s: a file that is not in the site was found", step)
	}
}

func missingFrom(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i == len(got) && i == len(want) {
		return ""
	}
	from := max(0, i-80)
	return fmt.Sprintf(": at byte %d\n  got  …%q\n  want …%q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
