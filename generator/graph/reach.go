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
	// paths of equal length, the one through the smallest ids comes first. It is
	// nil from DependentTree.
	Path []string
	// Via is the node before this one on that path (the start node for a direct
	// neighbour): following Via from any node gives its whole path.
	Via string
}

// Dependencies returns what id depends on, directly and transitively, up to
// maxDepth edges away (0: no limit), ordered by depth then id. The start node is
// left out even when a cycle leads back to it.
func Dependencies(g *Graph, id string, maxDepth int) []Reach {
	return g.reach(id, maxDepth, g.out, 1, true)
}

// Dependents returns what depends on id, directly and transitively — its impact
// set — up to maxDepth edges away (0: no limit), ordered by depth then id. Each
// Path runs from id back along the dependency edges to the dependent.
func Dependents(g *Graph, id string, maxDepth int) []Reach {
	return g.reach(id, maxDepth, g.in, 0, true)
}

// DependentTree is Dependents without the paths: each dependent names only the
// node it is reached through (Via), so the result is linear in the impact set
// however deep it is (a chain of n has paths of n²/2 nodes in all).
func DependentTree(g *Graph, id string) []Reach {
	return g.reach(id, 0, g.in, 0, false)
}

// reach walks breadth-first from id along adj, to each edge's end number end
// (0 from, 1 to); adjacency lists are sorted by the other end's id, so the first
// path found to each node is the smallest.
func (g *Graph) reach(id string, maxDepth int, adj [][]int, end int, paths bool) []Reach {
	start, ok := g.index[id]
	if !ok {
		return nil
	}
	// Slices by node, not maps: an impact page per blueprint walks the graph
	// once per blueprint, so this is the inner loop of a hub-heavy site.
	parent := make([]int32, len(g.nodes))
	depth := make([]int32, len(g.nodes))
	for i := range parent {
		parent[i] = -2 // not reached
	}
	parent[start] = -1
	var order []int
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if maxDepth > 0 && int(depth[v]) >= maxDepth {
			continue
		}
		for _, e := range adj[v] {
			w := g.ends[e][end]
			if parent[w] != -2 {
				continue
			}
			parent[w], depth[w] = int32(v), depth[v]+1
			order = append(order, w)
			queue = append(queue, w)
		}
	}
	out := make([]Reach, len(order))
	for i, w := range order {
		out[i] = Reach{ID: g.nodes[w].ID, Depth: int(depth[w]), Via: g.nodes[parent[w]].ID}
		if paths {
			path := make([]string, depth[w]+1)
			for k, u := int(depth[w]), w; u != -1; k, u = k-1, int(parent[u]) {
				path[k] = g.nodes[u].ID
			}
			out[i].Path = path
		}
	}
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
	start, ok := g.index[id]
	if !ok {
		return 0
	}
	seen := make([]bool, len(g.nodes))
	seen[start] = true
	stack := []int{start}
	n := 0
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range g.in[v] {
			if w := g.ends[e][0]; !seen[w] {
				seen[w] = true
				n++
				stack = append(stack, w)
			}
		}
	}
	return n
}
