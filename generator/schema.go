package generator

import (
	"archfolio/generator/diag"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed schema.yaml
var builtinSchema []byte

// Field types a schema may use.
const (
	TypeString   = "string"
	TypeText     = "text"
	TypeInt      = "int"
	TypeNumber   = "number"
	TypeBool     = "bool"
	TypeDate     = "date"
	TypePeriod   = "period"
	TypeDuration = "duration"
	TypeEnum     = "enum"
	TypeURL      = "url"
	TypeRef      = "ref"
	TypeList     = "list"
	TypeObject   = "object"
	TypeMap      = "map"
)

var fieldTypes = []string{TypeString, TypeText, TypeInt, TypeNumber, TypeBool, TypeDate,
	TypePeriod, TypeDuration, TypeEnum, TypeURL, TypeRef, TypeList, TypeObject, TypeMap}

// Field describes one front-matter field: its type and the rules a value must follow.
type Field struct {
	Type     string   `yaml:"type"`
	Required bool     `yaml:"required"`
	Values   []string `yaml:"values"`   // enum: the allowed words
	To       []string `yaml:"to"`       // ref: the kinds a target may have
	Allow    []string `yaml:"allow"`    // ref: literal words accepted instead of an id
	Relation string   `yaml:"relation"` // ref: how the source page names the link
	Inverse  string   `yaml:"inverse"`  // ref: how the target page names the backlink
	Of       *Field   `yaml:"of"`       // list: the item type
	Value    *Field   `yaml:"value"`    // map: the value type
	Fields   Fields   `yaml:"fields"`   // object: its fields
	Short    string   `yaml:"short"`    // object: the field a bare scalar stands for
	Min      *int     `yaml:"min"`      // int, number
	Max      *int     `yaml:"max"`
	Pattern  string   `yaml:"pattern"`  // string: a regular expression the value must match
	Scaffold bool     `yaml:"scaffold"` // archfolio new fills it in although it is optional
	// Expected marks an optional field a complete document fills in (an owner,
	// a summary): the quality page measures how many do. Only a kind's own
	// fields and the common ones may carry it.
	Expected bool `yaml:"expected"`
	// Anchor lets a ref name a part of its target, ID#PART (a standard's
	// statement); the Ref keeps PART as its Anchor for the view that checks it.
	Anchor bool `yaml:"anchor"`

	pattern *regexp.Regexp
}

// Fields is an ordered set of named fields; the order is the schema's, used by
// scaffolding and metadata panels.
type Fields struct {
	Names  []string
	ByName map[string]*Field
}

// UnmarshalYAML keeps the order of the mapping's keys.
func (fs *Fields) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return &lineError{n.Line, n.Column, "fields must be a mapping"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		var f Field
		if err := n.Content[i+1].Decode(&f); err != nil {
			return err
		}
		fs.set(n.Content[i].Value, &f)
	}
	return nil
}

func (fs *Fields) set(name string, f *Field) {
	if fs.ByName == nil {
		fs.ByName = map[string]*Field{}
	}
	if _, ok := fs.ByName[name]; !ok {
		fs.Names = append(fs.Names, name)
	}
	fs.ByName[name] = f
}

// Kind is one kind of document: its URL section, statuses and specific fields.
type Kind struct {
	Name     string   `yaml:"-"`
	Label    string   `yaml:"label"`
	Plural   string   `yaml:"plural"`
	Section  string   `yaml:"section"`
	Statuses []string `yaml:"statuses"`
	Columns  []string `yaml:"columns"` // fields shown in the kind's index table
	// Order is the field the kind's index is sorted by ("date"), descending
	// when it starts with "-" ("-date": newest first); "" sorts by title.
	Order  string `yaml:"order"`
	Fields Fields `yaml:"fields"`
	// orderAt is where archfolio.yaml set Order (nil for the built-in schema).
	orderAt *yaml.Node
}

// Field returns the kind's field named name, or a common field, or nil.
func (k *Kind) Field(s *Schema, name string) *Field {
	if f := k.Fields.ByName[name]; f != nil {
		return f
	}
	return s.Common.ByName[name]
}

// Schema is the whole content model: common fields and every kind, in a stable order.
type Schema struct {
	Common Fields
	Kinds  map[string]*Kind
	Order  []string // kind names: built-in ones in schema order, then added ones sorted
}

type schemaFile struct {
	Common Fields    `yaml:"common"`
	Kinds  yaml.Node `yaml:"kinds"`
}

// builtinSchemaTree is schema.yaml parsed once. Every load decodes the built-in
// kinds from it, which only reads it: parsing the text again was a third of the
// time a load of a small site takes (FuzzDocument loads one per input).
var builtinSchemaTree = sync.OnceValues(func() (*yaml.Node, error) {
	var n yaml.Node
	err := yaml.Unmarshal(builtinSchema, &n)
	return &n, err
})

// loadSchema parses the built-in schema and merges the site's additions into it.
func loadSchema(extra *yaml.Node) (*Schema, error) {
	var f schemaFile
	tree, err := builtinSchemaTree()
	if err == nil {
		err = tree.Decode(&f)
	}
	if err != nil {
		return nil, fmt.Errorf("built-in schema: %w", err)
	}
	s := &Schema{Common: f.Common, Kinds: map[string]*Kind{}}
	if err := s.addKinds(&f.Kinds, true); err != nil {
		return nil, fmt.Errorf("built-in schema: %w", err)
	}
	if extra != nil && extra.Kind != 0 {
		if err := s.addKinds(extra, false); err != nil {
			return nil, err
		}
	}
	return s, s.compile()
}

// addKinds merges a mapping of kind name → kind into s. For a kind s already has,
// statuses and fields are added, and label, plural, section and columns replaced
// when given; a new kind gets defaults for what it leaves out.
func (s *Schema) addKinds(n *yaml.Node, builtin bool) error {
	if n.Kind != yaml.MappingNode {
		return &lineError{n.Line, n.Column, "kinds must be a mapping of kind name to definition"}
	}
	var added []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		name := n.Content[i].Value
		var k Kind
		if err := n.Content[i+1].Decode(&k); err != nil {
			return err
		}
		if k.Order != "" && !builtin {
			k.orderAt = keyNode(n.Content[i+1], "order", n.Content[i])
		}
		if old := s.Kinds[name]; old != nil {
			if k.Section != "" && !validSection(k.Section) {
				at := keyNode(n.Content[i+1], "section", n.Content[i])
				return &lineError{at.Line, at.Column,
					fmt.Sprintf("kind %q: section %q must be a folder path of lower-kebab names inside the site, like %q", name, k.Section, old.Section)}
			}
			mergeKind(old, &k)
			continue
		}
		if !ValidID(name) {
			return &lineError{n.Content[i].Line, n.Content[i].Column, fmt.Sprintf("kind name %q must be lower-kebab", name)}
		}
		k.Name = name
		k.Label = cmpOr(k.Label, name)
		k.Plural = cmpOr(k.Plural, k.Label+"s")
		k.Section = cmpOr(k.Section, name+"s")
		if !validSection(k.Section) {
			at := keyNode(n.Content[i+1], "section", n.Content[i])
			return &lineError{at.Line, at.Column,
				fmt.Sprintf("kind %q: section %q must be a folder path of lower-kebab names inside the site, like %q", name, k.Section, name+"s")}
		}
		s.Kinds[name] = &k
		added = append(added, name)
	}
	if !builtin {
		slices.Sort(added)
	}
	s.Order = append(s.Order, added...)
	return nil
}

// lineError is a problem of archfolio.yaml's kinds: at a line and column of the file.
type lineError struct {
	line, col int
	msg       string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// validSection reports whether a kind's section, the folder its pages are written
// to, is a relative slash path of lower-kebab names: nothing that could leave the
// output folder (.., an absolute path, a backslash) or name a hidden file.
func validSection(section string) bool {
	for seg := range strings.SplitSeq(section, "/") {
		if !ValidID(seg) {
			return false
		}
	}
	return true
}

// keyNode is the node of key in the mapping n, or def when n has no such key.
func keyNode(n *yaml.Node, key string, def *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i]
			}
		}
	}
	return def
}

func mergeKind(dst, src *Kind) {
	for _, st := range src.Statuses {
		if !slices.Contains(dst.Statuses, st) {
			dst.Statuses = append(dst.Statuses, st)
		}
	}
	for _, name := range src.Fields.Names {
		dst.Fields.set(name, src.Fields.ByName[name])
	}
	dst.Label = cmpOr(src.Label, dst.Label)
	dst.Plural = cmpOr(src.Plural, dst.Plural)
	dst.Section = cmpOr(src.Section, dst.Section)
	if src.Order != "" {
		dst.Order, dst.orderAt = src.Order, src.orderAt
	}
	if src.Columns != nil {
		dst.Columns = src.Columns
	}
}

// compile checks every field definition and compiles patterns.
func (s *Schema) compile() error {
	check := func(where string, fs Fields) error {
		for _, name := range fs.Names {
			if err := s.compileField(where+"."+name, fs.ByName[name]); err != nil {
				return err
			}
			if err := checkNestedExpected(where+"."+name, fs.ByName[name], false); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check("common", s.Common); err != nil {
		return err
	}
	for _, name := range s.Order {
		if err := check(name, s.Kinds[name].Fields); err != nil {
			return err
		}
		if err := s.checkOrder(s.Kinds[name]); err != nil {
			return err
		}
	}
	return nil
}

// orderTypes are the field types a kind's index can be sorted by.
var orderTypes = []string{TypeString, TypeInt, TypeNumber, TypeDate, TypePeriod, TypeEnum}

// checkOrder checks that a kind's order names one of its fields of a type that sorts.
func (s *Schema) checkOrder(k *Kind) error {
	if k.Order == "" {
		return nil
	}
	name := strings.TrimPrefix(k.Order, "-")
	f, msg := k.Field(s, name), ""
	switch {
	case f == nil:
		var names []string
		names = append(append(names, k.Fields.Names...), s.Common.Names...)
		msg = fmt.Sprintf("kind %q: order: no field %q%s", k.Name, name, diag.DidYouMean(name, names))
	case !slices.Contains(orderTypes, f.Type):
		msg = fmt.Sprintf("kind %q: order: %s is a %s field; an index sorts by a field of type %s",
			k.Name, name, f.Type, strings.Join(orderTypes, ", "))
	default:
		return nil
	}
	if k.orderAt == nil {
		return errors.New(msg)
	}
	return &lineError{k.orderAt.Line, k.orderAt.Column, msg}
}

func (s *Schema) compileField(where string, f *Field) error {
	if f == nil {
		return fmt.Errorf("schema field %s has no definition", where)
	}
	if !slices.Contains(fieldTypes, f.Type) {
		return fmt.Errorf("schema field %s: unknown type %q (want one of %v)", where, f.Type, fieldTypes)
	}
	if f.Pattern != "" {
		re, err := regexp.Compile(f.Pattern)
		if err != nil {
			return fmt.Errorf("schema field %s: pattern: %w", where, err)
		}
		f.pattern = re
	}
	switch f.Type {
	case TypeEnum:
		if len(f.Values) == 0 {
			return fmt.Errorf("schema field %s: an enum needs values", where)
		}
	case TypeRef:
		for _, k := range f.To {
			if s.Kinds[k] == nil {
				return fmt.Errorf("schema field %s: refers to unknown kind %q", where, k)
			}
		}
		f.Relation = cmpOr(f.Relation, "references")
		f.Inverse = cmpOr(f.Inverse, "referenced by")
	case TypeList:
		if f.Of == nil {
			f.Of = &Field{Type: TypeString}
		}
		return s.compileField(where+"[]", f.Of)
	case TypeMap:
		if f.Value == nil {
			f.Value = &Field{Type: TypeString}
		}
		return s.compileField(where+"{}", f.Value)
	case TypeObject:
		for _, name := range f.Fields.Names {
			if err := s.compileField(where+"."+name, f.Fields.ByName[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkNestedExpected refuses expected: on a field inside a list, map or
// object: completeness is measured per document, field by field.
func checkNestedExpected(where string, f *Field, nested bool) error {
	if f == nil {
		return nil
	}
	if nested && f.Expected {
		return fmt.Errorf("schema field %s: expected: marks a kind's own fields and the common ones, not a field inside a list, map or object", where)
	}
	for _, name := range f.Fields.Names {
		if err := checkNestedExpected(where+"."+name, f.Fields.ByName[name], true); err != nil {
			return err
		}
	}
	if err := checkNestedExpected(where+"[]", f.Of, true); err != nil {
		return err
	}
	return checkNestedExpected(where+"{}", f.Value, true)
}

// ExpectedFields lists the fields a document of kind is expected to fill in
// (expected: true): the common ones, then the kind's own, in schema order.
func (s *Schema) ExpectedFields(kind string) []string {
	k := s.Kinds[kind]
	if k == nil {
		return nil
	}
	var out []string
	for _, name := range s.Common.Names {
		if f := k.Field(s, name); f != nil && f.Expected {
			out = append(out, name)
		}
	}
	for _, name := range k.Fields.Names {
		if _, common := s.Common.ByName[name]; !common && k.Fields.ByName[name].Expected {
			out = append(out, name)
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// EnumValues returns the values the schema allows for a field of kind, in the
// schema's order: "status" gives the kind's statuses, and a dotted path names
// a field of a list's (or object's) objects ("threats.status"). It is nil when
// the field is not an enum.
func (s *Schema) EnumValues(kind, path string) []string {
	k := s.Kinds[kind]
	if k == nil {
		return nil
	}
	if path == "status" {
		return k.Statuses
	}
	names := strings.Split(path, ".")
	f := k.Field(s, names[0])
	for _, n := range names[1:] {
		for f != nil && f.Of != nil {
			f = f.Of
		}
		if f == nil {
			return nil
		}
		f = f.Fields.ByName[n]
	}
	if f == nil || f.Type != TypeEnum {
		return nil
	}
	return f.Values
}
