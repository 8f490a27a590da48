// Package adr is `archfolio import adr DIR`: it turns a folder of architecture
// decision records into decision documents of a site, over package generator's
// public API. It reads MADR 2.x to 4.x (with or without front matter), Nygard's
// format as adr-tools writes it (# 1. Title, Date:, a ## Status section with
// Supersedes / Superseded by / Amends lines) and log4brains' (MADR with header
// lines).
//
// Each record becomes content/SECTION/PATH.md, PATH its path in the folder and
// SECTION the decision kind's section: the H1 is its title (a leading "1. " left
// out) and leaves the body; status, date, deciders (decision-makers), consulted,
// informed and tags become fields, and the header lines and the status section
// that held them leave the body. A relation is written once, on the newer
// decision (supersedes, amends), whichever side wrote it; what another decision
// supersedes is marked superseded. Statuses outside the decision statuses are
// mapped (statusWords) and reported with the mapping used. Every other file of the
// folder (images, diagrams) is copied beside the records, so their relative links
// keep working; README.md, index.md and templates are skipped. File names stay as
// they were, so links between records keep working; a name that is not a valid id
// gets an id: line.
//
// The import never overwrites: a file that exists with the same bytes is
// unchanged, one with other bytes is skipped and reported, so a second run
// changes nothing. A record that cannot be read (no title, bad front matter, not
// UTF-8) is an error at its file and line, and is not written.
package adr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diag"

	"gopkg.in/yaml.v3"
)

// maxRecordSize is the largest record read, the limit of a document; maxFileSize
// the largest other file copied.
const (
	maxRecordSize = 4 << 20
	maxFileSize   = 64 << 20
)

// Action is what an import did with one file.
type Action string

// The actions, as the report prints them.
const (
	Wrote     Action = "wrote"     // a new decision document
	Copied    Action = "copied"    // a new copy of a file beside the records
	Unchanged Action = "unchanged" // the file exists with the bytes the import would write
	Skipped   Action = "skipped"   // not written: Reason says why
	Ignored   Action = "ignored"   // not a decision record (a README, an index, a template)
	Failed    Action = "failed"    // the source cannot be read: Err says where and why
)

// Result says what an import did with one file of the folder.
type Result struct {
	Source string // the file in the folder, slash path relative to it
	Path   string // the file written or kept, relative to the site root; "" when none
	Action Action
	Reason string      // why it was skipped
	Notes  []Note      // what was changed or left out, at lines of Source
	Err    *ParseError // why it failed
	// Problems are the errors check reports for a written document.
	Problems diag.Diagnostics
}

// Import brings the decision records of the folder dir into the site at siteDir.
// The error is for what stops the whole import (a folder that cannot be read, a
// file that cannot be written); each file's own problems are in its Result.
func Import(ctx context.Context, siteDir, dir string) ([]Result, error) {
	if inside(dir, filepath.Join(siteDir, generator.ContentDir)) {
		return nil, fmt.Errorf("%s is inside the site's content/ already: to adopt records where they are, give their folder a kind with defaults: in archfolio.yaml (archfolio help config)", dir)
	}
	src, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	dst, err := os.OpenRoot(siteDir)
	if err != nil {
		return nil, err
	}
	defer dst.Close()
	site, err := generator.OpenSite(siteDir)
	if err != nil {
		return nil, err
	}
	p, _, err := generator.Load(ctx, generator.Options{Site: site, CheckOnly: true})
	if err != nil {
		return nil, err
	}
	kind := p.Schema.Kinds["decision"]
	if kind == nil {
		return nil, errors.New("the site's schema has no decision kind")
	}
	results, records, files := readFolder(src.FS())
	records = uniqueIDs(records, &results)
	newFolder(records).link(kind.Statuses)
	base := path.Join(generator.ContentDir, kind.Section)
	for _, r := range records {
		res := Result{Source: r.source, Path: path.Join(base, r.source), Notes: r.notes}
		if d := p.ByID[r.id]; d != nil && d.Path != res.Path {
			res.Action, res.Reason = Skipped, "id "+`"`+r.id+`"`+" is already used by "+d.Path
		} else if res.Action, res.Reason, err = writeOnce(dst, res.Path, r.markdown(), Wrote); err != nil {
			return results, err
		}
		results = append(results, res)
	}
	for _, f := range files {
		res := Result{Source: f, Path: path.Join(base, f)}
		data, err := readLimited(src.FS(), f, maxFileSize)
		if err != nil {
			res.Action, res.Err = Failed, &ParseError{File: f, Msg: err.Error()}
		} else if res.Action, res.Reason, err = writeOnce(dst, res.Path, data, Copied); err != nil {
			return results, err
		}
		results = append(results, res)
	}
	slices.SortFunc(results, func(a, b Result) int { return strings.Compare(a.Source, b.Source) })
	return results, checkWritten(ctx, site, results)
}

// inside reports whether the folder dir is folder or inside it.
func inside(dir, folder string) bool {
	d, err1 := filepath.Abs(dir)
	f, err2 := filepath.Abs(folder)
	if err1 != nil || err2 != nil {
		return false
	}
	if rd, err := filepath.EvalSymlinks(d); err == nil {
		d = rd
	}
	if rf, err := filepath.EvalSymlinks(f); err == nil {
		f = rf
	}
	rel, err := filepath.Rel(f, d)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readFolder reads every file of the folder: the records it parses, the other
// files to copy, and a result for each file it skips or cannot read.
func readFolder(src fs.FS) (results []Result, records []*record, files []string) {
	_ = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			results = append(results, Result{Source: p, Action: Failed, Err: &ParseError{File: p, Msg: err.Error()}})
			return nil
		case p == ".":
			return nil
		case generator.IgnoredFile(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case !strings.EqualFold(path.Ext(p), ".md"):
			files = append(files, p)
			return nil
		case notARecord(path.Base(p)):
			results = append(results, Result{Source: p, Action: Ignored, Reason: "a README, an index or a template, not a decision record"})
			return nil
		}
		data, err := readLimited(src, p, maxRecordSize)
		if err == nil {
			var r *record
			if r, err = parseRecord(p, data); err == nil {
				records = append(records, r)
				return nil
			}
		}
		pe, ok := errors.AsType[*ParseError](err)
		if !ok {
			pe = &ParseError{File: p, Msg: err.Error()}
		}
		results = append(results, Result{Source: p, Action: Failed, Err: pe})
		return nil
	})
	return results, records, files
}

// notARecord reports whether a markdown file name is one ADR tools keep beside
// the records: the folder's README or index, or a template.
func notARecord(name string) bool {
	low := strings.ToLower(strings.TrimSuffix(name, path.Ext(name)))
	return low == "readme" || low == "index" || strings.Contains(low, "template")
}

// uniqueIDs gives each record its id, the file name (made lower-kebab when it is
// not), and fails the second record of an id.
func uniqueIDs(records []*record, results *[]Result) []*record {
	seen := map[string]string{}
	out := records[:0]
	for _, r := range records {
		r.id = strings.TrimSuffix(path.Base(r.source), path.Ext(r.source))
		if !generator.ValidID(r.id) {
			r.id = generator.Slug(r.id)
		}
		if first, dup := seen[r.id]; dup {
			*results = append(*results, Result{Source: r.source, Action: Failed,
				Err: &ParseError{File: r.source, Line: 1, Msg: "its id " + `"` + r.id + `"` + " is the id of " + first + " too; rename one of them"}})
			continue
		}
		seen[r.id] = r.source
		out = append(out, r)
	}
	return out
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(src fs.FS, name string, limit int64) ([]byte, error) {
	fi, err := fs.Stat(src, name)
	switch {
	case err != nil:
		if li, lerr := fs.Lstat(src, name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return nil, errors.New("a symbolic link that leads outside the folder or to nothing; nothing outside the folder is read")
		}
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, errors.New("not a regular file; only files and folders are imported")
	case fi.Size() > limit:
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %d MiB", fi.Size(), limit>>20)
	}
	return fs.ReadFile(src, name)
}

// writeOnce creates the file rel of the site with data, unless it exists: with
// the same bytes it is unchanged, with others skipped; it is never overwritten.
func writeOnce(root *os.Root, rel string, data []byte, done Action) (Action, string, error) {
	wrote, why, err := generator.WriteNew(root, rel, data)
	switch {
	case err != nil:
		return "", "", err
	case wrote:
		return done, "", nil
	case why == "":
		return Unchanged, "", nil
	}
	return Skipped, why, nil
}

// checkWritten gives each written document the errors check reports for it.
func checkWritten(ctx context.Context, site fs.FS, results []Result) error {
	var written []string
	for _, r := range results {
		if r.Action == Wrote {
			written = append(written, r.Path)
		}
	}
	errs, err := generator.ErrorsIn(ctx, site, written)
	for i := range results {
		if results[i].Action == Wrote {
			results[i].Problems = errs[results[i].Path]
		}
	}
	return err
}

// frontMatter is the front matter of an imported decision, in writing order.
type frontMatter struct {
	ID         string   `yaml:"id,omitempty"`
	Kind       string   `yaml:"kind"`
	Title      string   `yaml:"title"`
	Status     string   `yaml:"status,omitempty"`
	Date       date     `yaml:"date,omitempty"`
	Summary    string   `yaml:"summary,omitempty"`
	Tags       flowList `yaml:"tags,omitempty"`
	Deciders   flowList `yaml:"deciders,omitempty"`
	Consulted  flowList `yaml:"consulted,omitempty"`
	Informed   flowList `yaml:"informed,omitempty"`
	Supersedes flowList `yaml:"supersedes,omitempty"`
	Amends     flowList `yaml:"amends,omitempty"`
}

// flowList is a list written on one line: [alice, bob].
type flowList []string

// MarshalYAML writes the list in flow style, each item a string.
func (l flowList) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range l {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	}
	return n, nil
}

// date is a YYYY-MM-DD date, written without quotes.
type date string

// MarshalYAML writes the date as a plain scalar.
func (d date) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: string(d)}, nil
}

// markdown is the decision document: front matter through yaml.v3, which quotes
// what needs quoting, then the body as it was, title and metadata taken out.
func (r *record) markdown() []byte {
	fm := frontMatter{Kind: "decision", Title: r.title, Status: r.status, Date: date(r.date), Summary: r.summary,
		Tags: r.tags, Deciders: r.deciders, Consulted: r.consulted, Informed: r.informed,
		Supersedes: r.supersedesIDs, Amends: r.amendsIDs}
	if name := strings.TrimSuffix(path.Base(r.source), path.Ext(r.source)); name != r.id {
		fm.ID = r.id
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	_ = enc.Encode(fm) // plain strings and lists always encode
	_ = enc.Close()
	buf.WriteString("---\n")
	if len(r.body) > 0 {
		buf.WriteString("\n" + strings.Join(r.body, "\n") + "\n")
	}
	return buf.Bytes()
}
