package oscal

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"archfolio/generator/frontmatter"
)

// Changes is what an update did to one standard an earlier import wrote.
type Changes struct {
	Added, Changed, Withdrawn, Reinstated []string // statement ids
	// Controls counts the control ids added to maps_to; Version is the new
	// version ("" when it did not change).
	Controls int
	Version  string
}

// Empty reports whether the update changed nothing.
func (c Changes) Empty() bool {
	return len(c.Added)+len(c.Changed)+len(c.Withdrawn)+len(c.Reinstated)+c.Controls == 0 && c.Version == ""
}

// String lists the changes for the import's report: "2 added (AC-9, AC-10),
// 1 changed (AC-2), 1 withdrawn (AC-4(1))".
func (c Changes) String() string {
	if c.Empty() {
		return "unchanged"
	}
	var parts []string
	for _, g := range []struct {
		what string
		ids  []string
	}{{"added", c.Added}, {"changed", c.Changed}, {"withdrawn", c.Withdrawn}, {"reinstated", c.Reinstated}} {
		if len(g.ids) > 0 {
			parts = append(parts, strconv.Itoa(len(g.ids))+" "+g.what+" ("+strings.Join(g.ids, ", ")+")")
		}
	}
	if c.Controls > 0 && len(c.Added) == 0 {
		parts = append(parts, strconv.Itoa(c.Controls)+" control ids added to maps_to")
	}
	if c.Version != "" {
		parts = append(parts, "version "+c.Version)
	}
	return strings.Join(parts, ", ")
}

// merge updates the standard an earlier import wrote (src) with a newer
// import of its family: a statement of the catalogue that the standard lacks
// is added at the end; one whose text changed gets the new text (its level,
// guidance edits and any field the team added stay); one the catalogue now
// withdraws is kept and marked withdrawn: true; a withdrawn one the catalogue
// has again loses the mark. A statement the catalogue does not have at all
// (another baseline's, or the team's own) is left alone, so an overlay or a
// smaller baseline only adds. maps_to gets the new control ids and version the
// catalogue's. Every other field and the whole body are kept; the front
// matter is written again from its YAML tree (comments, key order and the
// style of each value survive; indentation becomes two spaces).
func merge(src []byte, s ImportedStandard) ([]byte, Changes, error) {
	var ch Changes
	end, bodyStart := frontmatter.Find(src)
	if end == 0 || bodyStart < 0 {
		return nil, ch, fmt.Errorf("no front matter to update")
	}
	_, fmText, _ := bytes.Cut(src[:bodyStart], []byte("\n"))
	fmText = fmText[:bytes.LastIndex(bytes.TrimRight(fmText, "\n"), []byte("\n"))+1]
	var doc yaml.Node
	if err := yaml.Unmarshal(fmText, &doc); err != nil {
		p := frontmatter.SyntaxError(err)[0]
		return nil, ch, fmt.Errorf("line %d: invalid YAML: %s", p.Line+1, p.Msg)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, ch, fmt.Errorf("the front matter is not a mapping")
	}
	root := doc.Content[0]
	stmts := value(root, "statements")
	if stmts == nil {
		stmts = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		setValue(root, "statements", stmts)
	}
	if stmts.Kind != yaml.SequenceNode {
		return nil, ch, fmt.Errorf("line %d: statements is not a list", stmts.Line+1)
	}
	byID := map[string]*yaml.Node{}
	for _, item := range stmts.Content {
		if id := value(item, "id"); item.Kind == yaml.MappingNode && id != nil {
			byID[strings.TrimSpace(id.Value)] = item
		}
	}
	for _, st := range s.statements {
		item := byID[st.ID]
		if item == nil {
			n, err := encodeNode(st)
			if err != nil {
				return nil, ch, err
			}
			stmts.Content = append(stmts.Content, n)
			ch.Added = append(ch.Added, st.ID)
			continue
		}
		if text := value(item, "text"); text == nil || text.Value != string(st.Text) {
			n, err := encodeNode(st.Text)
			if err != nil {
				return nil, ch, err
			}
			setValue(item, "text", n)
			ch.Changed = append(ch.Changed, st.ID)
		}
		if st.Guidance != "" && value(item, "guidance") == nil {
			n, err := encodeNode(st.Guidance)
			if err != nil {
				return nil, ch, err
			}
			setValue(item, "guidance", n)
		}
		if w := value(item, "withdrawn"); w != nil && w.Value == "true" {
			deleteKey(item, "withdrawn")
			ch.Reinstated = append(ch.Reinstated, st.ID)
		}
	}
	for _, id := range s.withdrawn {
		item := byID[id]
		if item == nil {
			continue
		}
		if w := value(item, "withdrawn"); w == nil || w.Value != "true" {
			setValue(item, "withdrawn", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			ch.Withdrawn = append(ch.Withdrawn, id)
		}
	}
	if s.outside != nil {
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, id := range s.outside {
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id})
		}
		setValue(root, "outside_baseline", list)
	}
	maps := value(root, "maps_to")
	if maps == nil {
		maps = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		setValue(root, "maps_to", maps)
	}
	if maps.Kind == yaml.MappingNode {
		ids := value(maps, s.framework)
		if ids == nil {
			ids = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
			setValue(maps, s.framework, ids)
		}
		if ids.Kind == yaml.SequenceNode {
			have := map[string]bool{}
			for _, n := range ids.Content {
				have[n.Value] = true
			}
			for _, c := range s.controls {
				if !have[c] {
					ids.Content = append(ids.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: c})
					ch.Controls++
				}
			}
		}
	}
	if s.version != "" {
		if v := value(root, "version"); v == nil || v.Value != s.version {
			setValue(root, "version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.version})
			ch.Version = s.version
		}
	}
	if ch.Empty() {
		return src, ch, nil
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, ch, err
	}
	if err := enc.Close(); err != nil {
		return nil, ch, err
	}
	buf.WriteString("---\n")
	buf.Write(src[bodyStart:])
	out := buf.Bytes()
	// The merged text must still close its front matter where the reader
	// expects (a statement line of dashes is quoted by statementText; a
	// team's own value could still hold one).
	if e, b := frontmatter.Find(out); e == 0 || b < 0 || !bytes.Equal(out[b:], src[bodyStart:]) {
		return nil, ch, fmt.Errorf("the updated front matter would not read back; update it by hand")
	}
	return out, ch, nil
}

// value returns the value node of key in the mapping n, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
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

// setValue sets key of the mapping n to v, appending the key when n lacks it.
func setValue(n *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v.HeadComment, v.LineComment = n.Content[i+1].HeadComment, n.Content[i+1].LineComment
			n.Content[i+1] = v
			return
		}
	}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// deleteKey removes key from the mapping n.
func deleteKey(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = slices.Delete(n.Content, i, i+2)
			return
		}
	}
}

// encodeNode turns a value into a YAML node as the importer writes it.
func encodeNode(v any) (*yaml.Node, error) {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	return &n, nil
}
