// Package graph analyses directed dependency graphs: which node depends on which,
// what depends on a node transitively (its impact set), cycles, orphans, edges onto
// nodes that are going away, and collapsing nodes into groups with counted edges.
//
// Everything here is a pure function of a Graph value. An edge From → To reads
// "From depends on To". The same functions serve the blueprint dependency map and
// the roadmap's depends_on; the graph knows nothing of either.
//
// Output is deterministic: nodes are ordered by id, edges by (From, To) and then
// the order they were given in, and every traversal follows that order.
package graph

import (
	"cmp"
	"iter"
	"slices"
	"sync"
)

// Node is one vertex of a Graph.
type Node struct {
	ID    string
	Label string
	// Group is the cluster the node belongs to (a blueprint's domain), "" for none.
	Group string
	// Attrs holds free attributes the caller reads back (criticality, lifecycle, URL).
	Attrs map[string]string
	// Count is how many original nodes this node stands for: 1, or more after Collapse.
	Count int
}

// Edge is one directed edge: From depends on To.
type Edge struct {
	From, To string
	// Attrs holds the edge's attributes (via, protocol, data).
	Attrs map[string]string
	// Source says where the edge was written (a front-matter path), for diagnostics.
	Source string
	// Count is how many original edges this edge stands for: 1, or more after merging.
	Count int
}

// Graph is an immutable directed graph. Build it with New.
type Graph struct {
	nodes []Node
	index map[string]int
	edges []Edge
	ends  [][2]int // each edge's from and to node indexes
	out   [][]int  // edge indexes leaving each node, in edge order
	in    [][]int  // edge indexes entering each node, in edge order
	// walks lends a walk its scratch (walk.go), so that a walk costs what it
	// reaches, not the size of the graph.
	walks sync.Pool
}

// New returns the graph of nodes and edges. A node id given twice keeps its first
// Node; an edge whose end is not among nodes adds that node, labelled by its id, so
// that no edge is ever lost. Counts below 1 are read as 1.
func New(nodes []Node, edges []Edge) *Graph {
	g := &Graph{index: make(map[string]int, len(nodes)), nodes: make([]Node, 0, len(nodes))}
	add := func(n Node) {
		if _, ok := g.index[n.ID]; ok {
			return
		}
		if n.Count < 1 {
			n.Count = 1
		}
		g.index[n.ID] = len(g.nodes)
		g.nodes = append(g.nodes, n)
	}
	for _, n := range nodes {
		add(n)
	}
	for _, e := range edges {
		add(Node{ID: e.From, Label: e.From})
		add(Node{ID: e.To, Label: e.To})
	}
	slices.SortStableFunc(g.nodes, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	for i, n := range g.nodes {
		g.index[n.ID] = i
	}
	g.edges = make([]Edge, len(edges))
	copy(g.edges, edges)
	for i := range g.edges {
		if g.edges[i].Count < 1 {
			g.edges[i].Count = 1
		}
	}
	slices.SortStableFunc(g.edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	g.out = make([][]int, len(g.nodes))
	g.in = make([][]int, len(g.nodes))
	g.ends = make([][2]int, len(g.edges))
	for i, e := range g.edges {
		f, t := g.index[e.From], g.index[e.To]
		g.ends[i] = [2]int{f, t}
		g.out[f] = append(g.out[f], i)
		g.in[t] = append(g.in[t], i)
	}
	return g
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// Nodes returns the nodes, sorted by id. The slice must not be modified.
func (g *Graph) Nodes() []Node { return g.nodes }

// Edges returns the edges, sorted by From then To. The slice must not be modified.
func (g *Graph) Edges() []Edge { return g.edges }

// Node returns the node with the id, and whether there is one.
func (g *Graph) Node(id string) (Node, bool) {
	i, ok := g.index[id]
	if !ok {
		return Node{}, false
	}
	return g.nodes[i], true
}

// Has reports whether the graph has a node with the id.
func (g *Graph) Has(id string) bool {
	_, ok := g.index[id]
	return ok
}

// OutDegree counts the edges leaving id.
func (g *Graph) OutDegree(id string) int {
	if i, ok := g.index[id]; ok {
		return len(g.out[i])
	}
	return 0
}

// InDegree counts the edges entering id.
func (g *Graph) InDegree(id string) int {
	if i, ok := g.index[id]; ok {
		return len(g.in[i])
	}
	return 0
}

// Out returns the edges leaving id (what id depends on), sorted by target.
func (g *Graph) Out(id string) []Edge { return g.pick(g.out, id) }

// OutEdges yields the edges Out returns, in its order, without making a slice
// of them: a neighbourhood map reads the edges of every blueprint it draws, a
// page each. The caller must not change them.
func (g *Graph) OutEdges(id string) iter.Seq[*Edge] {
	return func(yield func(*Edge) bool) {
		i, ok := g.index[id]
		if !ok {
			return
		}
		for _, e := range g.out[i] {
			if !yield(&g.edges[e]) {
				return
			}
		}
	}
}

// In returns the edges entering id (what depends on id), sorted by source.
func (g *Graph) In(id string) []Edge { return g.pick(g.in, id) }

func (g *Graph) pick(adj [][]int, id string) []Edge {
	i, ok := g.index[id]
	if !ok {
		return nil
	}
	out := make([]Edge, len(adj[i]))
	for k, e := range adj[i] {
		out[k] = g.edges[e]
	}
	return out
}

// Orphans returns the ids of the nodes with no edge in either direction, sorted.
// A self-loop does not count as a connection.
func Orphans(g *Graph) []string {
	var out []string
	for i, n := range g.nodes {
		if !g.connected(g.out[i]) && !g.connected(g.in[i]) {
			out = append(out, n.ID)
		}
	}
	return out
}

// connected reports whether any of the edges joins two different nodes.
func (g *Graph) connected(edges []int) bool {
	for _, e := range edges {
		if g.edges[e].From != g.edges[e].To {
			return true
		}
	}
	return false
}

// FlaggedEdge is an edge onto a node that reason flagged, with the reason.
type FlaggedEdge struct {
	Edge   Edge
	Reason string
}

// Flag returns the edges whose target reason describes with a non-empty reason
// ("retired", "end-of-life"), in edge order.
func Flag(g *Graph, reason func(to Node) string) []FlaggedEdge {
	var out []FlaggedEdge
	for _, e := range g.edges {
		if r := reason(g.nodes[g.index[e.To]]); r != "" {
			out = append(out, FlaggedEdge{Edge: e, Reason: r})
		}
	}
	return out
}
