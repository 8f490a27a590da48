package help

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite fields.md from ../schema.yaml")

// TestFieldsTopic keeps fields.md equal to what generator/schema.yaml says, so the
// field reference cannot go stale: change the schema and run this test with -update.
func TestFieldsTopic(t *testing.T) {
	schema, err := os.ReadFile("../schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := fieldsMarkdown(schema)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("fields.md", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return // the embedded copy is the one compiled before the rewrite
	}
	got, ok := Text("fields")
	if !ok {
		t.Fatal("no fields topic")
	}
	if got != string(want) {
		t.Errorf("fields.md differs from what generator/schema.yaml says; run go test ./generator/help -run TestFieldsTopic -args -update")
	}
}

// TestFieldsMarkdownFollowsTheSchema proves the generator reads the schema, not a
// fixed text: a field added to a kind shows up with its type and rules.
func TestFieldsMarkdownFollowsTheSchema(t *testing.T) {
	schema := []byte(`# Intro line.

common:
  title: {type: string, required: true}
kinds:
  gadget:
    label: Gadget
    section: gadgets
    statuses: [new, old]
    fields:
      parts:
        type: list
        of:
          type: object
          short: id
          fields:
            id: {type: ref, to: [gadget], allow: [none], required: true, relation: uses, inverse: used by}
            size: {type: int, min: 1, max: 4}
`)
	md, err := fieldsMarkdown(schema)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Intro line.",
		"| `title` | string | yes |  |",
		"## gadget",
		"Gadget; pages under `gadgets/`; statuses: `new`, `old`.",
		"| `parts` | list of object |  | a bare value stands for `id` |",
		"| `parts[].id` | ref to gadget | yes | or `none`; listed as \"uses\", on the target as \"used by\" |",
		"| `parts[].size` | int |  | 1 to 4 |",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("generated reference lacks %q:\n%s", want, md)
		}
	}
}

// fieldsMarkdown writes the field reference for a schema in schema.yaml's shape,
// keeping the schema's order of kinds and fields.
func fieldsMarkdown(schema []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(schema, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("schema: want a mapping")
	}
	var b bytes.Buffer
	b.WriteString("# Every kind, its statuses and its front-matter fields\n\n")
	b.WriteString("<!-- Generated from generator/schema.yaml by TestFieldsTopic in generator/help; do not edit. -->\n\n")
	for _, line := range strings.Split(string(schema), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ") + "\n")
	}
	b.WriteString("\nA path such as `depends_on[].id` is the field `id` of each item of the list `depends_on`;\n" +
		"`review.last` is the field `last` of the object `review`. See `archfolio help documents`\n" +
		"for what the common fields mean and `archfolio help config` to add kinds and fields.\n")
	top := doc.Content[0]
	if common := mapValue(top, "common"); common != nil {
		b.WriteString("\n## Common fields (every kind)\n\n")
		fieldTable(&b, common)
	}
	kinds := mapValue(top, "kinds")
	for i := 0; kinds != nil && i+1 < len(kinds.Content); i += 2 {
		name, kind := kinds.Content[i].Value, kinds.Content[i+1]
		fmt.Fprintf(&b, "\n## %s\n\n", name)
		fmt.Fprintf(&b, "%s; pages under `%s/`; statuses: %s.", scalar(kind, "label"), scalar(kind, "section"), codeList(mapValue(kind, "statuses")))
		if order := scalar(kind, "order"); order != "" {
			field, desc := strings.CutPrefix(order, "-")
			direction := "ascending"
			if desc {
				direction = "descending: the newest first"
			}
			fmt.Fprintf(&b, " The index is sorted by `%s`, %s.", field, direction)
		}
		b.WriteString("\n")
		if fields := mapValue(kind, "fields"); fields != nil && len(fields.Content) > 0 {
			b.WriteString("\n")
			fieldTable(&b, fields)
		} else {
			b.WriteString("\nNo fields of its own.\n")
		}
	}
	return b.Bytes(), nil
}

func fieldTable(b *bytes.Buffer, fields *yaml.Node) {
	b.WriteString("| field | type | required | rules |\n|---|---|---|---|\n")
	fieldRows(b, "", fields)
}

func fieldRows(b *bytes.Buffer, prefix string, fields *yaml.Node) {
	for i := 0; i+1 < len(fields.Content); i += 2 {
		path, f := prefix+fields.Content[i].Value, fields.Content[i+1]
		required := ""
		if scalar(f, "required") == "true" {
			required = "yes"
		} else if scalar(f, "expected") == "true" {
			required = "expected"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", path, typeName(f), required, rules(f))
		switch inner := itemOf(f); {
		case inner != nil && scalar(inner, "type") == "object":
			fieldRows(b, path+"[].", mapValue(inner, "fields"))
		case scalar(f, "type") == "object":
			fieldRows(b, path+".", mapValue(f, "fields"))
		}
	}
}

// itemOf is a list's item type, or nil.
func itemOf(f *yaml.Node) *yaml.Node {
	if scalar(f, "type") == "list" {
		return mapValue(f, "of")
	}
	return nil
}

func typeName(f *yaml.Node) string {
	switch t := scalar(f, "type"); t {
	case "list":
		return "list of " + typeName(mapValue(f, "of"))
	case "map":
		return "map of " + typeName(mapValue(f, "value"))
	case "ref":
		return "ref to " + strings.Join(values(mapValue(f, "to")), ", ")
	default:
		return t
	}
}

func rules(f *yaml.Node) string {
	var r []string
	if f = ruleCarrier(f); f == nil {
		return ""
	}
	if v := values(mapValue(f, "values")); len(v) > 0 {
		r = append(r, "one of "+codeList(mapValue(f, "values")))
	}
	if mapValue(f, "allow") != nil {
		r = append(r, "or "+codeList(mapValue(f, "allow")))
	}
	if scalar(f, "anchor") == "true" {
		r = append(r, "`ID#PART` names a part of the target (a standard's statement)")
	}
	if rel := scalar(f, "relation"); rel != "" {
		r = append(r, fmt.Sprintf("listed as %q, on the target as %q", rel, scalar(f, "inverse")))
	}
	if lo, hi := scalar(f, "min"), scalar(f, "max"); lo != "" || hi != "" {
		r = append(r, strings.TrimSpace(lo+" to "+hi))
	}
	if p := scalar(f, "pattern"); p != "" {
		r = append(r, "matches `"+p+"`")
	}
	if s := scalar(f, "short"); s != "" {
		r = append(r, "a bare value stands for `"+s+"`")
	}
	if scalar(f, "scaffold") == "true" {
		r = append(r, "filled in by `archfolio new`")
	}
	return strings.Join(r, "; ")
}

// ruleCarrier is the field whose rules a row shows: a list shows its items' rules
// (the values of a list of enums, the short field of a list of objects).
func ruleCarrier(f *yaml.Node) *yaml.Node {
	for inner := itemOf(f); inner != nil; inner = itemOf(f) {
		f = inner
	}
	return f
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node, key string) string {
	if v := mapValue(n, key); v != nil {
		return v.Value
	}
	return ""
}

func values(n *yaml.Node) []string {
	var v []string
	if n != nil {
		for _, c := range n.Content {
			v = append(v, c.Value)
		}
	}
	return v
}

func codeList(n *yaml.Node) string {
	v := values(n)
	for i := range v {
		v[i] = "`" + v[i] + "`"
	}
	return strings.Join(v, ", ")
}
