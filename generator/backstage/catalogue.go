package backstage

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Note is something the import mapped, left out or could not resolve, at a line of
// a descriptor.
type Note struct {
	File      string
	Line, Col int
	Text      string
}

// Catalogue is the entities of every descriptor read, and the relations between
// them resolved: what each blueprint depends on and through which API, the
// resources it uses, the components of each system.
type Catalogue struct {
	byRef  map[Ref]*Entity
	sorted []*Entity // by ref
	notes  map[*Entity][]Note
	ids    map[*Entity]string

	providers  map[*Entity][]*Entity            // API → the blueprints that provide it
	provides   map[*Entity][]*Entity            // blueprint → APIs
	consumes   map[*Entity][]*Entity            // blueprint → APIs
	edges      map[*Entity]map[*Entity][]string // blueprint → blueprint → APIs between them
	resources  map[*Entity][]*Entity            // blueprint → resources it uses
	components map[*Entity][]*Entity            // system → its components
}

// isBlueprint reports whether entities of the kind become blueprints.
func isBlueprint(kind string) bool { return kind == "component" || kind == "system" }

// knownKinds are the kinds the import reads; others are reported and left out.
var knownKinds = []string{"api", "component", "domain", "group", "resource", "system", "user"}

// NewCatalogue indexes the entities by ref and resolves their relations. A second
// entity of a ref is an error at its line and is left out.
func NewCatalogue(entities []*Entity) (*Catalogue, []*ParseError) {
	c := &Catalogue{byRef: map[Ref]*Entity{}, notes: map[*Entity][]Note{}, ids: map[*Entity]string{},
		providers: map[*Entity][]*Entity{}, provides: map[*Entity][]*Entity{}, consumes: map[*Entity][]*Entity{},
		edges: map[*Entity]map[*Entity][]string{}, resources: map[*Entity][]*Entity{}, components: map[*Entity][]*Entity{}}
	var errs []*ParseError
	for _, e := range entities {
		if first := c.byRef[e.Ref]; first != nil {
			errs = append(errs, &ParseError{File: e.File, Line: e.Line, Col: e.Col,
				Msg: fmt.Sprintf("%s is defined twice; the first is at %s:%d (this one is left out)", e.Ref, first.File, first.Line)})
			continue
		}
		c.byRef[e.Ref] = e
		c.sorted = append(c.sorted, e)
	}
	slices.SortFunc(c.sorted, func(a, b *Entity) int { return cmp.Compare(a.Ref.String(), b.Ref.String()) })
	c.assignIDs()
	c.resolve()
	return c, errs
}

// Entities returns every entity read, by ref.
func (c *Catalogue) Entities() []*Entity { return c.sorted }

// ID returns the archfolio id of a component or system, "" for other entities.
func (c *Catalogue) ID(e *Entity) string { return c.ids[e] }

// Notes returns what was reported about an entity, in the order of its file.
func (c *Catalogue) Notes(e *Entity) []Note {
	notes := slices.Clone(c.notes[e])
	slices.SortStableFunc(notes, func(a, b Note) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return slices.Compact(notes)
}

func (c *Catalogue) note(e *Entity, at At, format string, args ...any) {
	line, col := at.Line, at.Col
	if line == 0 {
		line, col = e.Line, e.Col
	}
	c.notes[e] = append(c.notes[e], Note{File: e.File, Line: line, Col: col, Text: fmt.Sprintf(format, args...)})
}

// assignIDs gives each component and system its id from its ref; entities whose ids
// collide (a component and a system of one name, or names across namespaces) all
// get their kind and namespace in the id, and the collision is reported.
func (c *Catalogue) assignIDs() {
	byID := map[string][]*Entity{}
	for _, e := range c.sorted {
		if isBlueprint(e.Ref.Kind) {
			byID[e.Ref.ID()] = append(byID[e.Ref.ID()], e)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		es := byID[id]
		for _, e := range es {
			if len(es) == 1 {
				c.ids[e] = id
				continue
			}
			c.ids[e] = e.Ref.qualified()
			var others []string
			for _, o := range es {
				if o != e {
					others = append(others, o.Ref.String())
				}
			}
			c.note(e, At{}, "id %q would be the id of %s too; written as %s", id, strings.Join(others, ", "), c.ids[e])
		}
	}
}

// lookup resolves a ref written in one of e's fields. wantKinds are the kinds the
// field may name; an unresolved or unfit ref is reported and nil returned.
func (c *Catalogue) lookup(e *Entity, field string, at At, defaultKind string, wantKinds ...string) *Entity {
	if at.Text == "" {
		return nil
	}
	r, err := ParseRef(at.Text, defaultKind, e.Ref.Namespace)
	if err != nil {
		c.note(e, at, "%s: %v; left out", field, err)
		return nil
	}
	t := c.byRef[r]
	switch {
	case t == nil:
		c.note(e, at, "%s: %s is not in the catalogue read; left out", field, r)
	case !slices.Contains(wantKinds, r.Kind):
		c.note(e, at, "%s: %s is a %s, not a %s; left out", field, r, r.Kind, strings.Join(wantKinds, " or "))
		t = nil
	}
	return t
}

// resolve works out every relation of the catalogue.
func (c *Catalogue) resolve() {
	for _, e := range c.sorted {
		if !isBlueprint(e.Ref.Kind) {
			continue
		}
		for _, at := range e.Spec.ProvidesAPIs {
			if api := c.lookup(e, "spec.providesApis", at, "api", "api"); api != nil {
				c.provides[e] = appendOnce(c.provides[e], api)
				c.providers[api] = appendOnce(c.providers[api], e)
			}
		}
		if e.Ref.Kind == "component" {
			if sys := c.lookup(e, "spec.system", e.Spec.System, "system", "system"); sys != nil {
				c.components[sys] = appendOnce(c.components[sys], e)
			}
		}
	}
	for _, e := range c.sorted {
		switch {
		case isBlueprint(e.Ref.Kind):
			c.resolveDependencies(e)
		case e.Ref.Kind == "resource":
			for _, at := range e.Spec.DependencyOf {
				if t := c.lookup(e, "spec.dependencyOf", at, "", "component", "system"); t != nil {
					c.resources[t] = appendOnce(c.resources[t], e)
				}
			}
		}
	}
}

// resolveDependencies turns a blueprint's dependsOn, dependencyOf and consumesApis
// into edges and resources.
func (c *Catalogue) resolveDependencies(e *Entity) {
	for _, at := range e.Spec.DependsOn {
		switch t := c.lookup(e, "spec.dependsOn", at, "", "component", "system", "resource"); {
		case t == nil:
		case t.Ref.Kind == "resource":
			c.resources[e] = appendOnce(c.resources[e], t)
		default:
			c.edge(e, t, nil)
		}
	}
	for _, at := range e.Spec.DependencyOf {
		if t := c.lookup(e, "spec.dependencyOf", at, "", "component", "system"); t != nil {
			c.edge(t, e, nil)
		}
	}
	for _, at := range e.Spec.ConsumesAPIs {
		api := c.lookup(e, "spec.consumesApis", at, "api", "api")
		if api == nil {
			continue
		}
		c.consumes[e] = appendOnce(c.consumes[e], api)
		providers := c.providers[api]
		if len(providers) == 0 {
			c.note(e, at, "spec.consumesApis: no component or system of the catalogue provides %s; no dependency written", api.Ref)
		}
		for _, p := range providers {
			if p != e {
				c.edge(e, p, api)
			}
		}
	}
}

// edge records that from depends on to, through api when it is not nil.
func (c *Catalogue) edge(from, to *Entity, api *Entity) {
	if from == to {
		return
	}
	if c.edges[from] == nil {
		c.edges[from] = map[*Entity][]string{}
	}
	vias := c.edges[from][to]
	if api != nil && !slices.Contains(vias, label(api)) {
		vias = append(vias, label(api))
	}
	c.edges[from][to] = vias
}

// label is how the page names an entity: its title, or its name.
func label(e *Entity) string { return cmp.Or(e.Title, e.Name) }

func appendOnce(list []*Entity, e *Entity) []*Entity {
	if slices.Contains(list, e) {
		return list
	}
	return append(list, e)
}

// byLabel sorts entities by label, then ref.
func byLabel(es []*Entity) []*Entity {
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b *Entity) int {
		return cmp.Or(cmp.Compare(label(a), label(b)), cmp.Compare(a.Ref.String(), b.Ref.String()))
	})
	return es
}
