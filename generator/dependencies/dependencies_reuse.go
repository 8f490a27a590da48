package dependencies

import (
	"strings"

	"archfolio/generator"
	"archfolio/generator/graph"
)

// graphPart is what a dependency graph takes from one document: its node and
// the edges of its depends_on, in the order written.
type graphPart struct {
	path  string
	node  graph.Node
	edges []graph.Edge
}

// graphParts are the parts of the documents of a load, by their Fields: the dev
// server's next load (result.Earlier) reuses those of unchanged documents
// instead of reading every document's fields again.
type graphParts map[*generator.Object]*graphPart

// reuse returns d's part from the last load when it is still d's: d's file is
// unchanged (the same parsed Fields, so the same domain, criticality, lifecycle
// and edge attributes), at the same path, with the same id, title and status, and
// each of its depends_on resolves to a document of the same id as before. The
// part is shared, never modified: graph.New copies what it keeps.
func (parts graphParts) reuse(d *generator.Document, kind string) *graphPart {
	if d.Fields == nil {
		return nil
	}
	e := parts[d.Fields]
	if e == nil || e.path != d.Path || e.node.ID != d.ID || e.node.Label != d.Title || e.node.Attrs["status"] != d.Status {
		return nil
	}
	k := 0
	for _, r := range d.Refs {
		if !dependsOn(r, kind) {
			continue
		}
		if k == len(e.edges) || e.edges[k].To != r.To.ID || e.edges[k].Source != strings.TrimSuffix(r.Field, ".id") {
			return nil
		}
		k++
	}
	if k != len(e.edges) {
		return nil
	}
	return e
}
