package generator

import (
	"archfolio/generator/diag"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Scaffold writes content/DIR/ID.md for a new document of kind: front matter with
// every required field filled with a value that passes check, the kind's optional
// fields as comments, and the body outline from the theme's archetypes/KIND.md. It
// never overwrites a file and refuses an id that is already in use. It returns the
// path written, relative to the site root.
func Scaffold(site fs.FS, siteDir string, theme fs.FS, kindName, id string, today time.Time) (string, error) {
	cfg, diags := loadConfig(site)
	if diags.Errors() > 0 {
		return "", errors.New(diags[0].String())
	}
	schema, err := loadSchema(&cfg.Kinds)
	if err != nil {
		return "", err
	}
	kind := schema.Kinds[kindName]
	if kind == nil {
		return "", fmt.Errorf("unknown kind %q%s (want one of: %s)", kindName, diag.DidYouMean(kindName, schema.Order), strings.Join(schema.Order, ", "))
	}
	if !idPattern.MatchString(id) {
		return "", fmt.Errorf("id %q is not lower-kebab (like payments-gateway)", id)
	}
	p, _, err := loadWith(site, theme, today)
	if err != nil {
		return "", err
	}
	if d := p.ByID[id]; d != nil {
		return "", fmt.Errorf("id %q is already used by %s", id, d.Path)
	}
	rel := path.Join(ContentDir, strings.Split(kind.Section, "/")[0], id+".md")
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
func scaffoldFrontMatter(p *Portfolio, kind *Kind, id string, today time.Time) (string, error) {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "id: %s\nkind: %s\ntitle: %q\n", id, kind.Name, Humanize(id))
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
func placeholder(p *Portfolio, f *Field, today time.Time) (string, error) {
	switch f.Type {
	case TypeEnum:
		return f.Values[0], nil
	case TypeDate:
		return today.Format(time.DateOnly), nil
	case TypePeriod:
		return fmt.Sprintf("%d-Q%d", today.Year(), (int(today.Month())+2)/3), nil
	case TypeDuration:
		return "P6M", nil
	case TypeInt, TypeNumber:
		if f.Min != nil {
			return fmt.Sprint(*f.Min), nil
		}
		return "0", nil
	case TypeBool:
		return "false", nil
	case TypeRef:
		for _, k := range f.To {
			if docs := p.ByKind[k]; len(docs) > 0 {
				return docs[0].ID + "  # the id of a " + strings.Join(f.To, " or "), nil
			}
		}
		return "", fmt.Errorf("a %s to refer to; create one first", strings.Join(f.To, " or "))
	case TypeList:
		return "[]", nil
	case TypeObject, TypeMap:
		return "{}", nil
	}
	return `"to be decided"`, nil
}

func typeHint(f *Field) string {
	switch f.Type {
	case TypeEnum:
		return strings.Join(f.Values, " | ")
	case TypeRef:
		return "id of a " + strings.Join(f.To, " or ")
	case TypeDate:
		return "YYYY-MM-DD"
	case TypePeriod:
		return "YYYY-QN or YYYY-MM-DD"
	case TypeList:
		if f.Of.Type == TypeObject {
			return "list of {" + strings.Join(f.Of.Fields.Names, ", ") + "}"
		}
		return "list of " + typeHint(f.Of)
	case TypeObject:
		return "{" + strings.Join(f.Fields.Names, ", ") + "}"
	}
	return f.Type
}
