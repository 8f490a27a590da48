package render

import (
	"archfolio/generator"
	"fmt"
	"html/template"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// FieldView is one row of a metadata panel: a field name and its value.
type FieldView struct {
	Name  string
	Label string
	Value ValueView
}

// ValueView is a front-matter value ready for a template: text with an optional link,
// a list, or nested rows. Templates escape every part of it.
type ValueView struct {
	Text  string
	Href  string
	Items []ValueView
	Rows  []FieldView
}

// IsList reports whether the value is a list.
func (v ValueView) IsList() bool { return v.Items != nil }

// IsObject reports whether the value is a mapping.
func (v ValueView) IsObject() bool { return v.Rows != nil }

// hiddenFields are shown elsewhere on a document page, not in its metadata panel.
var hiddenFields = map[string]bool{"id": true, "kind": true, "title": true, "summary": true, "tags": true, "draft": true}

// Fields returns the metadata panel of the page's document: every field it has, in
// schema order, then unknown ones in the order written.
func (pg *Page) Fields() []FieldView {
	d := pg.Doc
	if d == nil {
		return nil
	}
	refs := map[string]*generator.Ref{}
	for _, r := range d.Refs {
		if r.Field != "" {
			refs[r.Field] = r
		}
	}
	order := make([]string, 0, len(d.Fields.Keys))
	seen := make(map[string]bool, len(d.Fields.Keys))
	for _, fields := range []generator.Fields{pg.Site.schema.Common, pg.Kind.Fields} {
		for _, n := range fields.Names {
			if d.Fields.Get(n) != nil && !seen[n] {
				order, seen[n] = append(order, n), true
			}
		}
	}
	for _, n := range d.Fields.Keys {
		if !seen[n] {
			order, seen[n] = append(order, n), true
		}
	}
	var out []FieldView
	for _, n := range order {
		if hiddenFields[n] || pg.isTable(n) || viewShows(d.Kind, n) {
			continue
		}
		if out == nil {
			out = make([]FieldView, 0, len(order))
		}
		out = append(out, FieldView{Name: n, Label: generator.Humanize(n), Value: pg.valueView(d.Fields.Get(n), n, refs)})
	}
	return out
}

// isTable reports whether a field of the page's kind is a list of objects, shown as
// a table in the page body rather than in the metadata panel.
func (pg *Page) isTable(name string) bool {
	f := pg.Kind.Field(pg.Site.schema, name)
	return f != nil && f.Type == generator.TypeList && f.Of.Type == generator.TypeObject && f.Of.Short == ""
}

// FieldTable is a list-of-objects field shown as a table.
type FieldTable struct {
	Name    string
	Label   string
	Columns []string
	Rows    [][]ValueView
}

// Tables returns the page document's list-of-object fields (statements, findings,
// outcomes…) as tables, except those a view shows in its own panel.
func (pg *Page) Tables() []FieldTable {
	d := pg.Doc
	if d == nil {
		return nil
	}
	refs := map[string]*generator.Ref{}
	for _, r := range d.Refs {
		refs[r.Field] = r
	}
	var out []FieldTable
	for _, name := range pg.Kind.Fields.Names {
		items := d.Fields.List(name)
		if len(items) == 0 || !pg.isTable(name) || viewShows(d.Kind, name) {
			continue
		}
		ft := FieldTable{Name: name, Label: generator.Humanize(name)}
		of := pg.Kind.Fields.ByName[name].Of
		for _, col := range of.Fields.Names {
			for _, it := range items {
				if obj, ok := it.(*generator.Object); ok && obj.Get(col) != nil {
					ft.Columns = append(ft.Columns, col)
					break
				}
			}
		}
		for i, it := range items {
			obj, _ := it.(*generator.Object)
			row := make([]ValueView, len(ft.Columns))
			for j, col := range ft.Columns {
				row[j] = pg.valueView(obj.Get(col), name+"["+strconv.Itoa(i)+"]."+col, refs)
			}
			ft.Rows = append(ft.Rows, row)
		}
		out = append(out, ft)
	}
	return out
}

// Column returns a document's value for an index column.
func (pg *Page) Column(d *generator.Document, name string) ValueView {
	refs := map[string]*generator.Ref{}
	for _, r := range d.Refs {
		if r.Field == name || strings.HasPrefix(r.Field, name+"[") {
			refs[r.Field] = r
		}
	}
	return pg.valueView(d.Fields.Get(name), name, refs)
}

func (pg *Page) valueView(v any, p string, refs map[string]*generator.Ref) ValueView {
	switch v := v.(type) {
	case *generator.Object:
		rows := []FieldView{}
		for k, x := range v.All() {
			rows = append(rows, FieldView{Name: k, Label: pg.keyLabel(k), Value: pg.valueView(x, generator.JoinPath(p, k), refs)})
		}
		return ValueView{Rows: rows}
	case []any:
		items := []ValueView{}
		for i, it := range v {
			items = append(items, pg.valueView(it, p+"["+strconv.Itoa(i)+"]", refs))
		}
		return ValueView{Items: items}
	case string:
		if r := refs[p]; r != nil && r.To != nil {
			return ValueView{Text: r.To.Title, Href: pg.Rel(r.To.URL)}
		}
		if isWebURL(v) {
			return ValueView{Text: v, Href: v}
		}
		if p == "jira" && pg.renderer != nil { // a JIRA key, linked as the backlog links it
			if u := pg.renderer.p.Config.JiraURL(v); u != "" {
				return ValueView{Text: v, Href: u}
			}
		}
		if pg.isEnumValue(p, v) {
			return ValueView{Text: generator.Humanize(v)}
		}
		return ValueView{Text: v}
	case generator.Date:
		return ValueView{Text: v.String()}
	case generator.Duration:
		return ValueView{Text: v.Words()}
	case bool:
		if v {
			return ValueView{Text: "yes"}
		}
		return ValueView{Text: "no"}
	case nil:
		return ValueView{Text: ""}
	}
	return ValueView{Text: fmt.Sprint(v)}
}

// keyLabel is how a page names a key of an object or a map: a framework
// archfolio.yaml titles (a standard's maps_to) by its title, any other key
// in words.
func (pg *Page) keyLabel(k string) string {
	if pg.renderer != nil {
		if fw, ok := pg.renderer.p.Config.Frameworks[k]; ok && fw.Title != "" {
			return fw.Title
		}
	}
	return generator.Humanize(k)
}

// isEnumValue reports whether v is one of the values the schema allows the
// page's kind at path ("findings[2].severity"), which pages show in words.
func (pg *Page) isEnumValue(path, v string) bool {
	if pg.Kind == nil {
		return false
	}
	var b strings.Builder
	for len(path) > 0 {
		i := strings.IndexByte(path, '[')
		if i < 0 {
			b.WriteString(path)
			break
		}
		b.WriteString(path[:i])
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			break
		}
		path = path[i+j+1:]
	}
	return slices.Contains(pg.Site.schema.EnumValues(pg.Kind.Name, b.String()), v)
}

// isWebURL reports whether s is an absolute http(s) URL, the only kind of URL from
// content that becomes a link.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func templateFuncs(p *generator.Portfolio) template.FuncMap {
	funcs := template.FuncMap{
		"humanize": generator.Humanize,
		"slug":     generator.Slug,
		"date":     func(t time.Time) string { return t.Format(time.DateOnly) },
		"kind":     func(name string) *generator.Kind { return p.Schema.Kinds[name] },
		"jira":     p.Config.JiraURL,
		"add":      func(a, b int) int { return a + b },
		// enumRank is a sortable table cell's data-sort (PutSortRank): value's
		// place among the values the schema allows kind's field path.
		"enumRank": func(kind, path, value string) int { return sortRank(p.Schema.EnumValues(kind, path), value) },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		// Typed data for the components a layout calls with more than one value
		// (and the views' own, View.Funcs).
		"filterForm": func(table string, filters []Filter, heading string) FiltersData {
			return FiltersData{Table: table, Filters: filters, Heading: heading}
		},
		"pct": func(n, total int) int {
			if total == 0 {
				return 0
			}
			return n * 100 / total
		},
	}
	for _, v := range views {
		maps.Copy(funcs, v.Funcs)
	}
	return funcs
}
