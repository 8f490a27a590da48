package generator

import (
	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// frontMatter validates one document's front matter against the schema while
// converting it to normalised values; refs are collected on the way.
type frontMatter struct {
	b    *builder
	doc  *Document
	sink *diag.DiagSink
	// slabs hold the document's mappings and lists, refs its references.
	slabs *valueSlabs
	refs  refArena
}

// readFrontMatter fills doc from the decoded front matter (frontmatter.Decode). It
// reports false when the document cannot take part in the site (no usable kind).
func (b *builder) readFrontMatter(doc *Document, items frontmatter.Map, sink *diag.DiagSink) bool {
	fm := &frontMatter{b: b, doc: doc, sink: sink, slabs: newValueSlabs(items)}
	var rawKind any // the last kind written, as YAML decodes a repeated key
	for _, it := range items {
		if keyString(it.Key) == "kind" {
			rawKind = it.Value
		}
	}
	kindName, _ := rawKind.(string)
	kind := b.schema.Kinds[kindName]
	switch {
	case rawKind == nil:
		sink.Report(diag.CodeMissingKind, diag.Pos{Line: 1, Col: 1}, "missing required field kind (one of: %s)", strings.Join(b.schema.Order, ", "))
		return false
	case kind == nil:
		sink.Report(diag.CodeUnknownKind, doc.Pos("kind"), "unknown kind %q%s (want one of: %s)", fmt.Sprint(rawKind),
			diag.DidYouMean(fmt.Sprint(rawKind), b.schema.Order), strings.Join(b.schema.Order, ", "))
		return false
	}
	doc.Kind = kindName
	doc.Fields = fm.object(items, &kind.Fields, kind, "")
	fm.common(kind)
	return true
}

// common copies the common fields to the document and applies their rules.
func (fm *frontMatter) common(kind *Kind) {
	doc, f := fm.doc, fm.doc.Fields
	base := strings.TrimSuffix(path.Base(doc.Path), path.Ext(doc.Path))
	doc.ID = f.String("id")
	if doc.ID == "" {
		doc.ID = base
	}
	if !ValidID(doc.ID) {
		where := fm.posOr("id", diag.Pos{Line: 1, Col: 1})
		fm.sink.Report(diag.CodeInvalidID, where, "id %q is not lower-kebab (like payments-gateway): use lower-case letters, digits and single hyphens", doc.ID)
	}
	doc.Title = f.String("title")
	doc.Status = f.String("status")
	doc.Owner = strings.TrimSpace(f.String("owner"))
	doc.Summary = f.String("summary")
	doc.Classification = f.String("classification")
	if doc.Classification == "" {
		doc.Classification = "internal"
	}
	doc.Draft, _ = f.Get("draft").(bool)
	for _, t := range f.List("tags") {
		if s, ok := t.(string); ok && strings.TrimSpace(s) != "" {
			doc.Tags = append(doc.Tags, strings.TrimSpace(s))
		}
	}
	slices.Sort(doc.Tags)
	doc.Tags = slices.Compact(doc.Tags)
	if doc.Status != "" && len(kind.Statuses) > 0 && !slices.Contains(kind.Statuses, doc.Status) {
		fm.sink.Report(diag.CodeUnknownStatus, doc.Pos("status"), "status %q is not a %s status%s (want one of: %s)", doc.Status,
			kind.Name, diag.DidYouMean(doc.Status, kind.Statuses), strings.Join(kind.Statuses, ", "))
	}
}

func (fm *frontMatter) posOr(p string, def diag.Pos) diag.Pos {
	if fm.doc.Fields.Get(p) == nil {
		return def
	}
	return fm.doc.Pos(p)
}

// object converts a mapping against a set of fields; for the top level, kind is the
// document's kind and common fields apply too.
func (fm *frontMatter) object(items frontmatter.Map, fields *Fields, kind *Kind, p string) *Object {
	obj := fm.slabs.object(len(items))
	written := map[string]bool{}
	for _, it := range items {
		key := keyString(it.Key)
		fp := JoinPath(p, key)
		written[key] = it.Value != nil
		var f *Field
		if kind != nil {
			f = kind.Field(fm.b.schema, key)
		} else {
			f = fields.ByName[key]
		}
		if f == nil {
			known := fields.Names
			if kind != nil {
				known = append(slices.Clone(fm.b.schema.Common.Names), known...)
			}
			fm.sink.Report(diag.CodeUnknownField, fm.doc.Pos(fp), "unknown field %q%s; it is kept but not checked", key, diag.DidYouMean(key, known))
			obj.Set(key, fm.plainValue(it.Value))
			continue
		}
		if it.Value == nil {
			continue // "key:" with nothing after it counts as absent
		}
		if v, ok := fm.value(it.Value, f, fp); ok {
			obj.Set(key, v)
		}
	}
	fm.required(written, fields, p)
	if kind != nil {
		fm.required(written, &fm.b.schema.Common, p)
	}
	return obj
}

// required reports required fields that were not written (an invalid value has its
// own diagnostic already).
func (fm *frontMatter) required(written map[string]bool, fields *Fields, p string) {
	for _, name := range fields.Names {
		if fields.ByName[name].Required && !written[name] {
			at := diag.Pos{Line: 1, Col: 1}
			if p != "" {
				at = fm.doc.Pos(p)
			}
			fm.sink.Report(diag.CodeMissingField, at, "missing required field %s", JoinPath(p, name))
		}
	}
}

// JoinPath is the front-matter path of the key under the path p
// ("compliance[2]" and "waiver": "compliance[2].waiver").
func JoinPath(p, key string) string {
	if p == "" {
		return key
	}
	return p + "." + key
}

// value converts and checks one value; ok is false when it was rejected.
func (fm *frontMatter) value(v any, f *Field, p string) (any, bool) {
	fail := func(code diag.Code, format string, args ...any) (any, bool) {
		fm.sink.Report(code, fm.doc.Pos(p), "%s: "+format, append([]any{p}, args...)...)
		return nil, false
	}
	if _, isBool := v.(bool); isBool && f.Type != TypeBool {
		if lit, ok := fm.doc.literal(p); ok {
			v = lit
		}
	}
	switch f.Type {
	case TypeString, TypeText:
		s, ok := scalarString(v)
		if !ok {
			return fail(diag.CodeWrongType, "want text, not %s", describe(v))
		}
		if f.pattern != nil && !f.pattern.MatchString(s) {
			return fail(diag.CodePatternMismatch, "%q does not match the pattern %s", s, f.Pattern)
		}
		return asText(v, s), true
	case TypeEnum:
		s, ok := scalarString(v)
		if !ok || !slices.Contains(f.Values, s) {
			return fail(diag.CodeValueNotAllowed, "%q is not allowed%s (want one of: %s)", fmt.Sprint(v), diag.DidYouMean(fmt.Sprint(v), f.Values), strings.Join(f.Values, ", "))
		}
		return asText(v, s), true
	case TypeInt:
		n, ok := v.(int)
		if !ok {
			return fail(diag.CodeWrongType, "want a whole number, not %s", describe(v))
		}
		if (f.Min != nil && n < *f.Min) || (f.Max != nil && n > *f.Max) {
			return fail(diag.CodeOutOfRange, "%d is out of range %s", n, rangeText(f))
		}
		return n, true
	case TypeNumber:
		switch n := v.(type) {
		case int:
			return float64(n), true
		case float64:
			return n, true
		}
		return fail(diag.CodeWrongType, "want a number, not %s", describe(v))
	case TypeBool:
		bv, ok := v.(bool)
		if !ok {
			return fail(diag.CodeWrongType, "want true or false, not %s", describe(v))
		}
		return bv, true
	case TypeDate:
		d, err := frontmatter.Convert(fm.b.scalars, f.Type, v, parseDate)
		if err != nil {
			return fail(diag.CodeInvalidDate, "%v", err)
		}
		return d, true
	case TypePeriod:
		pd, err := frontmatter.Convert(fm.b.scalars, f.Type, v, ParsePeriod)
		if err != nil {
			return fail(diag.CodeInvalidPeriod, "%v", err)
		}
		return pd, true
	case TypeDuration:
		d, err := frontmatter.Convert(fm.b.scalars, f.Type, v, parseDuration)
		if err != nil {
			return fail(diag.CodeInvalidDuration, "%v", err)
		}
		return d, true
	case TypeURL:
		s, _ := scalarString(v)
		if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto") {
			return fail(diag.CodeInvalidURL, "%q is not an http(s) or mailto URL", s)
		}
		return asText(v, s), true
	case TypeRef:
		return fm.ref(v, f, p)
	case TypeList:
		return fm.list(v, f, p)
	case TypeObject:
		return fm.objectValue(v, f, p)
	case TypeMap:
		items, ok := v.(frontmatter.Map)
		if !ok {
			return fail(diag.CodeWrongType, "want a mapping, not %s", describe(v))
		}
		obj := fm.slabs.object(len(items))
		for _, it := range items {
			key := keyString(it.Key)
			if val, ok := fm.value(it.Value, f.Value, JoinPath(p, key)); ok {
				obj.Set(key, val)
			}
		}
		return obj, true
	}
	return nil, false
}

func (fm *frontMatter) list(v any, f *Field, p string) (any, bool) {
	items, ok := v.([]any)
	if !ok {
		fm.sink.Report(diag.CodeWrongType, fm.doc.Pos(p), "%s: want a list, not %s", p, describe(v))
		return nil, false
	}
	out := fm.slabs.list(len(items))
	for i, it := range items {
		ip := p + "[" + strconv.Itoa(i) + "]"
		if it == nil {
			fm.sink.Report(diag.CodeEmptyListItem, fm.doc.Pos(ip), "%s: empty list item", ip)
			continue
		}
		if val, ok := fm.value(it, f.Of, ip); ok {
			out = append(out, val)
		}
	}
	return out, true
}

func (fm *frontMatter) objectValue(v any, f *Field, p string) (any, bool) {
	items, ok := v.(frontmatter.Map)
	if !ok && f.Short != "" {
		if _, scalar := scalarString(v); scalar {
			items, ok = frontmatter.Map{{Key: f.Short, Value: v}}, true
		}
	}
	if !ok {
		fm.sink.Report(diag.CodeWrongType, fm.doc.Pos(p), "%s: want a mapping of %s, not %s", p, strings.Join(f.Fields.Names, ", "), describe(v))
		return nil, false
	}
	first := len(fm.doc.Refs)
	obj := fm.object(items, &f.Fields, nil, p)
	// Refs made directly inside the object carry its other fields (via, protocol, data).
	for _, r := range fm.doc.Refs[first:] {
		if r.Attrs == nil && strings.HasPrefix(r.Field, p+".") && !strings.Contains(r.Field[len(p)+1:], ".") {
			r.Attrs = obj
		}
	}
	return obj, true
}

// ref records a reference by id; the link stage resolves it.
func (fm *frontMatter) ref(v any, f *Field, p string) (any, bool) {
	s, ok := scalarString(v)
	if !ok || s == "" {
		fm.sink.Report(diag.CodeWrongType, fm.doc.Pos(p), "%s: want a document id, not %s", p, describe(v))
		return nil, false
	}
	if slices.Contains(f.Allow, s) {
		return asText(v, s), true
	}
	target, anchor := s, ""
	if f.Anchor {
		target, anchor, _ = strings.Cut(s, "#")
	}
	fm.doc.Refs = append(fm.doc.Refs, fm.refs.add(Ref{From: fm.doc, Target: target, Field: fm.b.scalars.Text(p),
		Anchor: anchor, Relation: f.Relation, Inverse: f.Inverse, to: f.To}))
	return asText(v, s), true
}

// asText is the value s, the text of the scalar v: v itself when it is that
// text, so that a box frontmatter.Scalars shares stays shared (boxing s again
// would give every value a box of its own).
func asText(v any, s string) any {
	if _, ok := v.(string); ok {
		return v
	}
	return s
}

func rangeText(f *Field) string {
	lo, hi := "…", "…"
	if f.Min != nil {
		lo = strconv.Itoa(*f.Min)
	}
	if f.Max != nil {
		hi = strconv.Itoa(*f.Max)
	}
	return lo + "–" + hi
}

// scalarString returns a scalar as text; numbers are accepted where text is wanted
// (version: 2).
func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v), true
	}
	return "", false
}

func describe(v any) string {
	switch v := v.(type) {
	case []any:
		return "a list"
	case frontmatter.Map:
		return "a mapping"
	case string:
		return strconv.Quote(v)
	case nil:
		return "nothing"
	default:
		return fmt.Sprint(v)
	}
}

// keyString is a mapping key as text: most keys are strings already, and
// fmt.Sprint would copy each one.
func keyString(k any) string {
	if s, ok := k.(string); ok {
		return s
	}
	return fmt.Sprint(k)
}

// plainValue converts an unchecked YAML value to the normalised shapes.
func (fm *frontMatter) plainValue(v any) any {
	switch v := v.(type) {
	case frontmatter.Map:
		obj := fm.slabs.object(len(v))
		for _, it := range v {
			obj.Set(keyString(it.Key), fm.plainValue(it.Value))
		}
		return obj
	case []any:
		out := fm.slabs.list(len(v))
		for _, it := range v {
			out = append(out, fm.plainValue(it))
		}
		return out
	case time.Time:
		return Date{v.UTC()}
	}
	return v
}
