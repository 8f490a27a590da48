package graph

import (
	"cmp"
	"slices"
)

// Reach is a node reached from another by following edges, at its shortest
// distance.
type Reach struct {
	ID string
	// Depth is the length of the shortest path: 1 for a direct neighbour.
	Depth int
	// Path is that shortest path, from the start node to this one inclusive; among
	// paths of equal length, the one through the smallest ids comes first.
	Path []string
	// Via is the node before this one on that path (the start node for a direct
	// neighbour): following Via from any node gives its whole path.
	Via string
}

// Dependencies returns what id depends on, directly and transitively, up to
// maxDepth edges away (0: no limit), ordered by depth then id. The start node is
// left out even when a cycle leads back to it.
func Dependencies(g *Graph, id string, maxDepth int) []Reach {
	return g.reach(id, maxDepth, g.out, 1)
}

// Dependents returns what depends on id, directly and transitively — its impact
// set — up to maxDepth edges away (0: no limit), ordered by depth then id. Each
// Path runs from id back along the dependency edges to the dependent.
func Dependents(g *Graph, id string, maxDepth int) []Reach {
	return g.reach(id, maxDepth, g.in, 0)
}

// reach walks breadth-first from id along adj, to each edge's end number end
// (0 from, 1 to); adjacency lists are sorted by the other end's id, so the first
// path found to each node is the smallest.
func (g *Graph) reach(id string, maxDepth int, adj [][]int, end int) []Reach {
	var out []Reach
	pathOf := map[int][]string{} // by node index
	if start, ok := g.index[id]; ok {
		pathOf[start] = []string{id}
	}
	g.walk(id, maxDepth, adj, end, func(v Visit) {
		r := Reach{ID: g.nodes[v.Node].ID, Depth: v.Depth, Via: g.nodes[v.Via].ID}
		r.Path = append(slices.Clip(pathOf[v.Via]), r.ID)
		pathOf[v.Node] = r.Path
		out = append(out, r)
	})
	sortReach(out)
	return out
}

func sortReach(rs []Reach) {
	// Ids are unique, so the order is total and needs no stable sort.
	slices.SortFunc(rs, func(a, b Reach) int { return cmp.Or(cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.ID, b.ID)) })
}

// CountDependents counts what depends on id, directly or transitively (the size of
// its impact set), without building paths.
func CountDependents(g *Graph, id string) int {
	n := 0
	g.WalkDependents(id, 0, func(Visit) { n++ })
	return n
}
