// Package scaffold is `archfolio new KIND ID`: a new document whose front
// matter passes check (every required field filled, the optional ones as
// comments) and whose body is the theme's outline for its kind.
package scaffold

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Write writes content/DIR/ID.md for a new document of kind: front matter with
// every required field filled with a value that passes check, the kind's optional
// fields as comments, and the body outline from the theme's archetypes/KIND.md. It
// never overwrites a file and refuses an id that is already in use. It returns the
// path written, relative to the site root.
func Write(site fs.FS, siteDir string, theme fs.FS, kindName, id string, today time.Time) (string, error) {
	p, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: theme, Today: today, CheckOnly: true})
	if err != nil {
		return "", err
	}
	// archfolio.yaml must be sound: a kind it adds, or a section it moves,
	// decides what is written where.
	for _, d := range diags {
		if d.Severity == diag.Error && (d.Path == p.Config.Path || d.Code == diag.CodeInvalidKinds) {
			return "", errors.New(d.String())
		}
	}
	schema := p.Schema
	kind := schema.Kinds[kindName]
	if kind == nil {
		return "", fmt.Errorf("unknown kind %q%s (want one of: %s)", kindName, diag.DidYouMean(kindName, schema.Order), strings.Join(schema.Order, ", "))
	}
	if !generator.ValidID(id) {
		return "", fmt.Errorf("id %q is not lower-kebab (like payments-gateway)", id)
	}
	if d := p.ByID[id]; d != nil {
		return "", fmt.Errorf("id %q is already used by %s", id, d.Path)
	}
	rel := path.Join(generator.ContentDir, strings.Split(kind.Section, "/")[0], id+".md")
	fm, err := scaffoldFrontMatter(p, kind, id, today)
	if err != nil {
		return "", err
	}
	body, err := fs.ReadFile(theme, "archetypes/"+kindName+".md")
	if err != nil {
		body = []byte("## Overview\n\nWhat this document is about, for whom, and why it matters.\n")
	}
	full := filepath.Join(siteDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; archfolio new never overwrites", rel)
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write([]byte(fm + "\n" + string(body)))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return rel, err
}

// scaffoldFrontMatter writes the front matter of a new document as YAML text.
func scaffoldFrontMatter(p *generator.Portfolio, kind *generator.Kind, id string, today time.Time) (string, error) {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "id: %s\nkind: %s\ntitle: %q\n", id, kind.Name, generator.Humanize(id))
	if len(kind.Statuses) > 0 {
		fmt.Fprintf(&b, "status: %s  # one of: %s\n", kind.Statuses[0], strings.Join(kind.Statuses, ", "))
	}
	b.WriteString("owner: \"\"\nsummary: \"\"\ntags: []\n")
	for _, name := range kind.Fields.Names {
		f := kind.Fields.ByName[name]
		if !f.Required && !f.Scaffold {
			fmt.Fprintf(&b, "# %s: %s\n", name, typeHint(f))
			continue
		}
		v, err := placeholder(p, f, today)
		if err != nil {
			return "", fmt.Errorf("%s needs %s: %w", kind.Name, name, err)
		}
		fmt.Fprintf(&b, "%s: %s\n", name, v)
	}
	b.WriteString("---\n")
	return b.String(), nil
}

// placeholder returns a YAML value for a required field that passes validation.
func placeholder(p *generator.Portfolio, f *generator.Field, today time.Time) (string, error) {
	switch f.Type {
	case generator.TypeEnum:
		return f.Values[0], nil
	case generator.TypeDate:
		return today.Format(time.DateOnly), nil
	case generator.TypePeriod:
		return fmt.Sprintf("%d-Q%d", today.Year(), (int(today.Month())+2)/3), nil
	case generator.TypeDuration:
		return "P6M", nil
	case generator.TypeInt, generator.TypeNumber:
		if f.Min != nil {
			return fmt.Sprint(*f.Min), nil
		}
		return "0", nil
	case generator.TypeBool:
		return "false", nil
	case generator.TypeRef:
		for _, k := range f.To {
			if docs := p.ByKind[k]; len(docs) > 0 {
				return docs[0].ID + "  # the id of a " + strings.Join(f.To, " or "), nil
			}
		}
		return "", fmt.Errorf("a %s to refer to; create one first", strings.Join(f.To, " or "))
	case generator.TypeList:
		return "[]", nil
	case generator.TypeObject, generator.TypeMap:
		return "{}", nil
	}
	return `"to be decided"`, nil
}

func typeHint(f *generator.Field) string {
	switch f.Type {
	case generator.TypeEnum:
		return strings.Join(f.Values, " | ")
	case generator.TypeRef:
		return "id of a " + strings.Join(f.To, " or ")
	case generator.TypeDate:
		return "YYYY-MM-DD"
	case generator.TypePeriod:
		return "YYYY-QN or YYYY-MM-DD"
	case generator.TypeList:
		if f.Of.Type == generator.TypeObject {
			return "list of {" + strings.Join(f.Of.Fields.Names, ", ") + "}"
		}
		return "list of " + typeHint(f.Of)
	case generator.TypeObject:
		return "{" + strings.Join(f.Fields.Names, ", ") + "}"
	}
	return f.Type
}
