package generator

import (
	"archfolio/generator/diag"
	"bytes"
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

// defaultRule is one entry of archfolio.yaml's defaults: the documents its path
// pattern matches (a slash path relative to content/, * within a name, ** across
// folders) and the front-matter fields it gives those that do not write them.
type defaultRule struct {
	pattern []string     // the pattern's segments
	fields  []*yaml.Node // key, value, key, value …; path: left out
}

// readDefaults reads defaults: from archfolio.yaml's node tree; a malformed entry
// is reported at its line and left out.
func readDefaults(n *yaml.Node, sink *diag.DiagSink) []defaultRule {
	if n.Kind == 0 || n.Tag == "!!null" {
		return nil
	}
	const want = `want a list of {path: "folder/**", field: value, …}`
	if n.Kind != yaml.SequenceNode {
		sink.Report(diag.CodeInvalidConfig, nodeFilePos(n), "defaults: %s", want)
		return nil
	}
	var rules []defaultRule
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			sink.Report(diag.CodeInvalidConfig, nodeFilePos(item), "defaults: %s", want)
			continue
		}
		var rule defaultRule
		var pattern *yaml.Node
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "path":
				pattern = v
			case "id":
				sink.Report(diag.CodeInvalidConfig, nodeFilePos(k), "defaults: id cannot be a default: each document has its own (the file name when it writes none)")
				ok = false
			default:
				rule.fields = append(rule.fields, k, v)
			}
		}
		switch {
		case pattern == nil:
			sink.Report(diag.CodeInvalidConfig, nodeFilePos(item), `defaults: an entry needs path: the documents it is for, like "decisions/**" (relative to content/)`)
			continue
		case pattern.Kind != yaml.ScalarNode || !validPattern(pattern.Value):
			sink.Report(diag.CodeInvalidConfig, nodeFilePos(pattern), `defaults: path %q is not a pattern of paths inside content/, like "decisions/**" or "*/adr-*.md"`, pattern.Value)
			continue
		}
		rule.pattern = strings.Split(strings.TrimPrefix(pattern.Value, ContentDir+"/"), "/")
		if ok {
			rules = append(rules, rule)
		}
	}
	return rules
}

// validPattern reports whether p is a slash pattern that stays inside content/.
func validPattern(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}

// matchSegments matches a path's segments against a pattern's: ** is any number
// of segments (none too), any other segment is a path.Match pattern.
func matchSegments(pattern, name []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(pattern[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pattern[0], name[0]); !ok {
			return false
		}
		pattern, name = pattern[1:], name[1:]
	}
	return len(name) == 0
}

// checkDefaults reports each field of a defaults: entry that the kinds it can
// apply to do not have (its kind:'s, or any kind's), as an unknown setting like
// any misspelt key of archfolio.yaml, and leaves it out: a document would
// otherwise keep it as an unknown field, once per document.
func (c *Config) checkDefaults(s *Schema) diag.Diagnostics {
	sink := &diag.DiagSink{Path: c.Path}
	for i := range c.defaults {
		r := &c.defaults[i]
		known := map[string]bool{}
		var names []string
		add := func(fs Fields) {
			for _, n := range fs.Names {
				if !known[n] {
					known[n] = true
					names = append(names, n)
				}
			}
		}
		add(s.Common)
		if k := s.Kinds[r.kind()]; k != nil {
			add(k.Fields)
		} else {
			for _, name := range s.Order {
				add(s.Kinds[name].Fields)
			}
		}
		kept := r.fields[:0]
		for j := 0; j+1 < len(r.fields); j += 2 {
			if k := r.fields[j]; !known[k.Value] {
				sink.Report(diag.CodeUnknownSetting, nodeFilePos(k), "unknown setting %q: no field of %s%s",
					fmt.Sprintf("defaults[%d].%s", i, k.Value), r.kindLabel(), diag.DidYouMean(k.Value, names))
				continue
			}
			kept = append(kept, r.fields[j], r.fields[j+1])
		}
		r.fields = kept
	}
	return sink.Diags
}

// kind is the kind the rule gives, or "".
func (r *defaultRule) kind() string {
	for j := 0; j+1 < len(r.fields); j += 2 {
		if r.fields[j].Value == "kind" {
			return r.fields[j+1].Value
		}
	}
	return ""
}

func (r *defaultRule) kindLabel() string {
	if k := r.kind(); k != "" {
		return "kind " + k
	}
	return "any kind"
}

// defaultsFor returns the key and value nodes the defaults give the document at
// doc (a site path under content/): of the rules that match it, a later one's
// field wins over an earlier one's, each key given once.
func (c *Config) defaultsFor(doc string) []*yaml.Node {
	if len(c.defaults) == 0 {
		return nil
	}
	rel, ok := strings.CutPrefix(doc, ContentDir+"/")
	if !ok {
		return nil
	}
	name := strings.Split(rel, "/")
	var out []*yaml.Node
	seen := map[string]bool{}
	for i := len(c.defaults) - 1; i >= 0; i-- {
		r := c.defaults[i]
		if !matchSegments(r.pattern, name) {
			continue
		}
		for j := 0; j+1 < len(r.fields); j += 2 {
			if k := r.fields[j].Value; !seen[k] {
				seen[k] = true
				out = append(out, r.fields[j], r.fields[j+1])
			}
		}
	}
	return out
}

// adopt gives a document's front matter (root, a document node; nil when the file
// has none) the fields the defaults give it and it does not write, and returns the
// front matter to decode and the keys that came from archfolio.yaml. Written
// fields win, whole: a written review: replaces the default review:. A document
// the defaults adopt and that writes no title takes the text of its first
// # heading, when its body starts with one; titleLine is that heading's line.
func adopt(root *yaml.Node, defaults []*yaml.Node, body []byte, bodyLine int) (doc *yaml.Node, fromConfig map[string]bool, titleLine int) {
	if root == nil || len(root.Content) == 0 {
		root = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return root, nil, 0 // decoding reports it
	}
	written := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		written[m.Content[i].Value] = true
	}
	// A copy of the mapping: the nodes of archfolio.yaml are shared by every
	// document, and the written ones stay as parsed.
	merged := &yaml.Node{Kind: yaml.MappingNode, Tag: m.Tag, Line: m.Line, Column: m.Column,
		Content: append([]*yaml.Node(nil), m.Content...)}
	fromConfig = map[string]bool{}
	for i := 0; i+1 < len(defaults); i += 2 {
		if k := defaults[i].Value; !written[k] {
			merged.Content = append(merged.Content, defaults[i], defaults[i+1])
			fromConfig[k] = true
		}
	}
	if !written["title"] && !fromConfig["title"] {
		if title, line := firstHeading(body, bodyLine); title != "" {
			// Placed at the heading: node lines count from the line after the first ---.
			merged.Content = append(merged.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "title", Line: line - 1, Column: 1},
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: title, Line: line - 1, Column: 3})
			titleLine = line
		}
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{merged}}, fromConfig, titleLine
}

// firstHeading is the text and line of the body's first line when it is an ATX
// # heading (blank lines before it skipped); bodyLine is the body's first line.
func firstHeading(body []byte, bodyLine int) (string, int) {
	for line := bodyLine; len(body) > 0; line++ {
		var l []byte
		l, body, _ = bytes.Cut(body, []byte("\n"))
		l = bytes.TrimRight(l, " \t\r")
		if len(l) == 0 {
			continue
		}
		if !bytes.HasPrefix(l, []byte("# ")) {
			return "", 0
		}
		title := strings.TrimSpace(strings.TrimRight(string(l[2:]), "#"))
		return title, line
	}
	return "", 0
}
