package graph

import (
	"cmp"
	"slices"
)

// Cycle is one strongly connected set of nodes that depend on each other, reported
// once however many loops run through it.
type Cycle struct {
	// Members are the ids of every node in the set, sorted.
	Members []string
	// Path is one shortest loop through the set's smallest id: Path[0] depends on
	// Path[1], …, and the last depends on Path[0] again (one element for a node that
	// depends on itself).
	Path []string
	// Closing is the edge from the last node of Path back to Path[0]: the dependency
	// that closes the loop, where a diagnostic points.
	Closing Edge
}

// Cycles returns every cycle of g, found with Tarjan's strongly connected
// components, ordered by their smallest id.
func Cycles(g *Graph) []Cycle {
	var out []Cycle
	for _, comp := range components(g) {
		if len(comp) == 1 && !g.selfLoop(comp[0]) {
			continue
		}
		out = append(out, g.cycle(comp))
	}
	slices.SortFunc(out, func(a, b Cycle) int { return cmp.Compare(a.Members[0], b.Members[0]) })
	return out
}

func (g *Graph) selfLoop(n int) bool {
	for _, e := range g.out[n] {
		if g.edges[e].To == g.nodes[n].ID {
			return true
		}
	}
	return false
}

// tarjan holds the state of one run of Tarjan's algorithm.
type tarjan struct {
	g       *Graph
	index   []int // discovery order + 1; 0 when not yet visited
	low     []int
	onStack []bool
	stack   []int
	next    int
	comps   [][]int
}

// components returns the strongly connected components of g, each sorted by node
// index (so by id).
func components(g *Graph) [][]int {
	t := &tarjan{g: g, index: make([]int, g.Len()), low: make([]int, g.Len()), onStack: make([]bool, g.Len())}
	for v := range g.nodes {
		if t.index[v] == 0 {
			t.visit(v)
		}
	}
	return t.comps
}

func (t *tarjan) visit(v int) {
	t.next++
	t.index[v], t.low[v] = t.next, t.next
	t.stack = append(t.stack, v)
	t.onStack[v] = true
	for _, e := range t.g.out[v] {
		w := t.g.ends[e][1]
		switch {
		case t.index[w] == 0:
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		case t.onStack[w]:
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	var comp []int
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.onStack[w] = false
		comp = append(comp, w)
		if w == v {
			break
		}
	}
	slices.Sort(comp)
	t.comps = append(t.comps, comp)
}

// cycle describes a component: its members and the shortest loop through its first
// (smallest) node, found breadth-first within the component.
func (g *Graph) cycle(comp []int) Cycle {
	in := make(map[int]bool, len(comp))
	c := Cycle{}
	for _, v := range comp {
		in[v] = true
		c.Members = append(c.Members, g.nodes[v].ID)
	}
	start := comp[0]
	parent := map[int]int{start: -1}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.out[v] {
			w := g.ends[e][1]
			if w == start {
				c.Closing = g.edges[e]
				for u := v; u != -1; u = parent[u] {
					c.Path = append(c.Path, g.nodes[u].ID)
				}
				slices.Reverse(c.Path)
				return c
			}
			if _, seen := parent[w]; !seen && in[w] {
				parent[w] = v
				queue = append(queue, w)
			}
		}
	}
	return c // unreachable for a real component
}
