package backstage

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Field is a front-matter field the import owns, with the value it writes; a nil
// Value means the catalogue gives none, and the field is taken out.
type Field struct {
	Key   string
	Value *yaml.Node
}

// OwnedFields are the fields the import writes and, on a later run, updates, in
// the order a new document has them. Every other field is the team's.
var OwnedFields = []string{"title", "summary", "owner", "domain", "lifecycle", "tags", "depends_on"}

// Blueprint is what the import writes for one component or system.
type Blueprint struct {
	Entity  *Entity
	ID      string
	Fields  []Field // OwnedFields, in order
	Section string  // the body section the import owns, from its heading
}

// SectionHeading starts the part of the body the import owns, up to the next
// heading of level 1 or 2.
const SectionHeading = "## Backstage catalogue"

// lifecycles maps Backstage's own lifecycle values to the blueprint lifecycle.
var lifecycles = map[string]string{"experimental": "phase-in", "production": "active", "deprecated": "phase-out"}

// lifecycleWords maps other lifecycle values teams use; each use is reported.
var lifecycleWords = map[string]string{
	"plan": "plan", "planned": "plan", "proposed": "plan", "idea": "plan",
	"phase-in": "phase-in", "development": "phase-in", "alpha": "phase-in", "beta": "phase-in",
	"pilot": "phase-in", "preview": "phase-in", "incubating": "phase-in", "trial": "phase-in",
	"active": "active", "live": "active", "ga": "active", "stable": "active", "released": "active",
	"phase-out": "phase-out", "sunset": "phase-out", "legacy": "phase-out", "maintenance": "phase-out", "retiring": "phase-out",
	"end-of-life": "end-of-life", "eol": "end-of-life", "retired": "end-of-life", "decommissioned": "end-of-life", "archived": "end-of-life",
}

// Blueprints returns what the import writes for each component and system, by id.
func (c *Catalogue) Blueprints() []*Blueprint {
	var out []*Blueprint
	for _, e := range c.sorted {
		if !isBlueprint(e.Ref.Kind) {
			continue
		}
		b := &Blueprint{Entity: e, ID: c.ids[e]}
		b.Fields = []Field{
			{"title", str(label(e))},
			{"summary", str(strings.Join(strings.Fields(e.Description), " "))},
			{"owner", str(c.owner(e))},
			{"domain", str(c.domain(e))},
			{"lifecycle", str(c.lifecycle(e))},
			{"tags", c.tags(e)},
			{"depends_on", c.dependsOn(e)},
		}
		b.Section = c.section(e)
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b *Blueprint) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// str is a string value, nil when empty.
func str(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// owner is the display name of the group (or user) of spec.owner.
func (c *Catalogue) owner(e *Entity) string {
	o := c.lookup(e, "spec.owner", e.Spec.Owner, "group", "group", "user")
	if o == nil {
		return ""
	}
	return cmp.Or(o.Spec.Profile.DisplayName, o.Title, o.Name)
}

// domain is the title of the domain of a system, or of a component's system.
func (c *Catalogue) domain(e *Entity) string {
	sys := e
	if e.Ref.Kind == "component" {
		if sys = c.byRefText(e, e.Spec.System, "system"); sys == nil {
			return ""
		}
	}
	d := c.lookup(sys, "spec.domain", sys.Spec.Domain, "domain", "domain")
	if d == nil {
		return ""
	}
	return label(d)
}

// byRefText finds a ref already reported by lookup, without reporting it again.
func (c *Catalogue) byRefText(e *Entity, at At, defaultKind string) *Entity {
	r, err := ParseRef(at.Text, defaultKind, e.Ref.Namespace)
	if at.Text == "" || err != nil || r.Kind != defaultKind {
		return nil
	}
	return c.byRef[r]
}

// lifecycle maps spec.lifecycle to the blueprint lifecycle, reporting any value
// that is not Backstage's own and leaving out one it cannot map.
func (c *Catalogue) lifecycle(e *Entity) string {
	at := e.Spec.Lifecycle
	v := strings.ToLower(at.Text)
	if v == "" {
		return ""
	}
	if l, ok := lifecycles[v]; ok {
		return l
	}
	if l, ok := lifecycleWords[v]; ok {
		if l != v {
			c.note(e, at, "lifecycle %q is not one of Backstage's (experimental, production, deprecated); written as %s", at.Text, l)
		}
		return l
	}
	c.note(e, at, "lifecycle %q maps to no blueprint lifecycle (plan, phase-in, active, phase-out, end-of-life); left out", at.Text)
	return ""
}

// tags is the sorted list of metadata.tags, written on one line.
func (c *Catalogue) tags(e *Entity) *yaml.Node {
	var tags []string
	for _, t := range e.Tags {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return nil
	}
	slices.Sort(tags)
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, t := range slices.Compact(tags) {
		n.Content = append(n.Content, str(t))
	}
	return n
}

// dependsOn lists the blueprints e depends on by id: a bare id, or {id, via} naming
// the APIs it uses between them.
func (c *Catalogue) dependsOn(e *Entity) *yaml.Node {
	targets := slices.SortedFunc(maps.Keys(c.edges[e]), func(a, b *Entity) int { return cmp.Compare(c.ids[a], c.ids[b]) })
	if len(targets) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, t := range targets {
		vias := slices.Sorted(slices.Values(c.edges[e][t]))
		if len(vias) == 0 {
			n.Content = append(n.Content, str(c.ids[t]))
			continue
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
			str("id"), str(c.ids[t]), str("via"), str(strings.Join(vias, ", ")),
		}})
	}
	return n
}

// Used says what a domain, group, API or resource became: it is no document of
// its own, but the value of its users' fields.
func (c *Catalogue) Used(e *Entity) string {
	switch e.Ref.Kind {
	case "domain":
		return fmt.Sprintf("the domain %q of its systems' blueprints", label(e))
	case "group", "user":
		return fmt.Sprintf("the owner %q", cmp.Or(e.Spec.Profile.DisplayName, e.Title, e.Name))
	case "api":
		return "the via of the dependencies on its providers, and listed on their pages"
	case "resource":
		return "listed on the pages of the blueprints that use it"
	}
	return ""
}
