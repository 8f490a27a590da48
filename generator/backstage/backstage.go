// Package backstage is `archfolio import backstage FILE|DIR`: it turns a Backstage
// software catalogue (catalog-info.yaml descriptors, many entities to a file) into
// blueprints of a site, over package generator's public API.
//
// Components and systems become blueprints (blueprint.go): title, summary, owner
// (spec.owner through its Group), domain (a system's, or a component's system's),
// lifecycle (mapped), tags and depends_on (dependsOn, dependencyOf, and
// consumesApis through the components that provide the API, with via naming it).
// Domains, groups, APIs and resources are no documents of their own: they are the
// values of those fields, and listed in the section of the body the import owns
// (section.go), which also keeps the entity's links and annotations. Refs follow
// Backstage's syntax, [kind:][namespace/]name (ref.go); a ref the catalogue read
// does not hold is reported at its line and left out, never guessed.
//
// The import owns the fields of OwnedFields and the body from SectionHeading to
// the next heading of level 1 or 2. A later run updates those in place (edit.go)
// and keeps every other byte, so the team's own fields and body text stay; a run
// with the same catalogue changes nothing. It never deletes a file, and never
// touches a file that does not say it came from the same entity.
package backstage

import (
	"cmp"
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
)

// maxDescriptorSize is the largest descriptor file read.
const maxDescriptorSize = 16 << 20

// Action is what an import did for one entity.
type Action string

// The actions, as the report prints them.
const (
	Created   Action = "created"   // a new blueprint
	Updated   Action = "updated"   // owned fields or the owned section changed
	Unchanged Action = "unchanged" // the blueprint is as the catalogue says
	Skipped   Action = "skipped"   // not written: Reason says why
	Used      Action = "used"      // a domain, group, API or resource: Reason says as what
	Ignored   Action = "ignored"   // a kind the import does not read (Location, Template …)
)

// Result says what an import did for one entity.
type Result struct {
	Entity  *Entity
	ID      string
	Path    string // the blueprint, relative to the site root; "" for other entities
	Action  Action
	Changed []string // the fields (and "body section") an update changed
	Reason  string
	Notes   []Note
	// Problems are the errors check reports for a written blueprint.
	Problems diag.Diagnostics
}

// Report is the outcome of an import: a result per entity read, in the order of
// the files and their lines,
// and the problems that kept files or entities out.
type Report struct {
	Results []Result
	Errors  []*ParseError
	Ignored []string // files of a folder that hold no Backstage entity
}

// Import reads the descriptor file, or every .yaml and .yml file under the folder,
// at input and brings its components and systems into the site at siteDir. The
// error is for what stops the whole import; a file's or entity's own problems are
// in the Report.
func Import(ctx context.Context, siteDir, input string) (*Report, error) {
	rep := &Report{}
	entities, err := readInput(input, rep)
	if err != nil {
		return nil, err
	}
	cat, errs := NewCatalogue(entities)
	rep.Errors = append(rep.Errors, errs...)
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
	kind := p.Schema.Kinds["blueprint"]
	if kind == nil {
		return nil, errors.New("the site's schema has no blueprint kind")
	}
	blueprints := map[*Entity]*Blueprint{}
	for _, b := range cat.Blueprints() {
		blueprints[b.Entity] = b
	}
	for _, e := range cat.Entities() {
		res := Result{Entity: e}
		if b := blueprints[e]; b != nil {
			res.ID, res.Path = b.ID, path.Join(generator.ContentDir, kind.Section, b.ID+".md")
			if d := p.ByID[b.ID]; d != nil && d.Path != res.Path {
				res.Action, res.Reason = Skipped, fmt.Sprintf("id %q is already used by %s", b.ID, d.Path)
			} else if err := write(dst, &res, b); err != nil {
				return rep, err
			}
		} else if isBlueprint(e.Ref.Kind) || slices.Contains(knownKinds, e.Ref.Kind) {
			res.Action, res.Reason = Used, cat.Used(e)
		} else {
			res.Action, res.Reason = Ignored, "kind "+e.Ref.Kind+" is not one the import reads (Component, System, Domain, API, Resource, Group, User)"
		}
		res.Notes = cat.Notes(e)
		rep.Results = append(rep.Results, res)
	}
	slices.SortFunc(rep.Errors, func(a, b *ParseError) int { return strings.Compare(sortKey(a), sortKey(b)) })
	slices.SortStableFunc(rep.Results, func(a, b Result) int {
		return cmp.Or(cmp.Compare(a.Entity.File, b.Entity.File), cmp.Compare(a.Entity.Line, b.Entity.Line))
	})
	return rep, checkWritten(ctx, site, rep.Results)
}

func sortKey(e *ParseError) string { return fmt.Sprintf("%s\x00%09d\x00%09d", e.File, e.Line, e.Col) }

// readInput parses the file, or the descriptors of the folder, at input. Paths in
// entities and errors are input's, joined with the file's path in the folder.
func readInput(input string, rep *Report) ([]*Entity, error) {
	st, err := os.Stat(input)
	if err != nil {
		return nil, err
	}
	shown := filepath.ToSlash(input)
	if !st.IsDir() {
		data, err := readLimited(os.DirFS(filepath.Dir(input)), filepath.Base(input))
		if err != nil {
			return nil, err
		}
		entities, errs, ok := ParseFile(shown, data)
		rep.Errors = append(rep.Errors, errs...)
		if !ok {
			rep.Errors = append(rep.Errors, &ParseError{File: shown, Msg: "no Backstage entity (apiVersion: backstage.io/…) in the file"})
		}
		return entities, nil
	}
	root, err := os.OpenRoot(input)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var entities []*Entity
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			rep.Errors = append(rep.Errors, &ParseError{File: path.Join(shown, p), Msg: err.Error()})
			return nil
		case p != "." && generator.IgnoredFile(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case !strings.EqualFold(path.Ext(p), ".yaml") && !strings.EqualFold(path.Ext(p), ".yml"):
			return nil
		}
		file := path.Join(shown, p)
		data, err := readLimited(root.FS(), p)
		if err != nil {
			rep.Errors = append(rep.Errors, &ParseError{File: file, Msg: err.Error()})
			return nil
		}
		es, errs, ok := ParseFile(file, data)
		entities = append(entities, es...)
		rep.Errors = append(rep.Errors, errs...)
		if !ok {
			rep.Ignored = append(rep.Ignored, file)
		}
		return nil
	})
	return entities, err
}

// readLimited reads a regular file of at most maxDescriptorSize bytes.
func readLimited(src fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(src, name)
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, errors.New("not a regular file; only files and folders are read")
	case fi.Size() > maxDescriptorSize:
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %d MiB", fi.Size(), maxDescriptorSize>>20)
	}
	return fs.ReadFile(src, name)
}

// write creates the blueprint's file, or updates the owned parts of the one there.
func write(root *os.Root, res *Result, b *Blueprint) error {
	old, err := root.ReadFile(res.Path)
	if errors.Is(err, fs.ErrNotExist) {
		res.Action = Created
		return create(root, res.Path, newDocument(b))
	}
	if err != nil {
		res.Action, res.Reason = Skipped, "cannot read the file there: "+err.Error()
		return nil
	}
	d, err := openDocument(old)
	if err != nil {
		res.Action, res.Reason = Skipped, err.Error()+"; not changed"
		return nil
	}
	switch ref := d.sectionEntity(); {
	case ref == "":
		res.Action, res.Reason = Skipped, "the file has no \""+SectionHeading+"\" section from a Backstage entity, so it is not one the import wrote; not changed"
		return nil
	case ref != b.Entity.Ref.String():
		res.Action, res.Reason = Skipped, "the file was imported from "+ref+"; not changed"
		return nil
	}
	for _, f := range b.Fields {
		changed, err := d.setField(f)
		if err != nil {
			res.Action, res.Reason, res.Changed = Skipped, f.Key+": "+err.Error()+"; not changed", nil
			return nil
		}
		if changed {
			res.Changed = append(res.Changed, f.Key)
		}
	}
	if d.setSection(b.Section) {
		res.Changed = append(res.Changed, "body section")
	}
	if len(res.Changed) == 0 {
		res.Action = Unchanged
		return nil
	}
	res.Action = Updated
	return replace(root, res.Path, d.bytes())
}

// newDocument is a new blueprint: kind, the owned fields, and the owned section as
// its body.
func newDocument(b *Blueprint) []byte {
	var s strings.Builder
	s.WriteString("---\nkind: blueprint\n")
	for _, f := range b.Fields {
		if f.Value != nil {
			s.WriteString(fieldText(f))
		}
	}
	s.WriteString("---\n\n" + b.Section)
	return []byte(s.String())
}

// create writes a new file, failing if one appeared meanwhile.
func create(root *os.Root, rel string, data []byte) error {
	if err := root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// replace writes data over a regular file through a temporary file and a rename,
// keeping its permission bits, so a reader never sees half a file.
func replace(root *os.Root, rel string, data []byte) error {
	st, err := root.Lstat(rel)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (a symbolic link?); not edited", rel)
	}
	tmp := path.Join(path.Dir(rel), "."+path.Base(rel)+".archfolio-import")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, st.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, rel)
	}
	if err != nil {
		_ = root.Remove(tmp)
	}
	return err
}

// checkWritten gives each created or updated blueprint the errors check
// reports for it.
func checkWritten(ctx context.Context, site fs.FS, results []Result) error {
	var written []string
	for _, r := range results {
		if r.Action == Created || r.Action == Updated {
			written = append(written, r.Path)
		}
	}
	errs, err := generator.ErrorsIn(ctx, site, written)
	for i := range results {
		if results[i].Action == Created || results[i].Action == Updated {
			results[i].Problems = errs[results[i].Path]
		}
	}
	return err
}
