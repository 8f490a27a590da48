package graph

import (
	"cmp"
	"slices"
)

// Collapse returns the graph with nodes merged into groups: key names the group of
// a node, or "" to keep it as it is. A group becomes one node whose id is the key,
// whose Count is the sum of its members' and whose Group is theirs when they all
// share one; label names it. Edges are mapped onto the merged nodes and parallel
// edges merged into one whose Count is their sum, so nothing is lost: an edge
// between two members of one group becomes a self-loop on the group. A nil key
// keeps every node and only merges parallel edges.
func Collapse(g *Graph, key func(Node) string, label func(key string, members []Node) string) *Graph {
	groupOf := make([]string, g.Len())
	members := map[string][]Node{}
	kept := map[string]bool{}
	var nodes []Node
	for i, n := range g.nodes {
		if key != nil {
			groupOf[i] = key(n)
		}
		if groupOf[i] == "" {
			nodes = append(nodes, n)
			kept[n.ID] = true
		} else {
			members[groupOf[i]] = append(members[groupOf[i]], n)
		}
	}
	ids := map[string]string{}
	for _, k := range sortedKeys(members) {
		id := k
		for kept[id] { // a group must not take the id of a node that stays
			id = "group:" + id
		}
		ids[k] = id
		n := groupNode(k, members[k], label)
		n.ID = id
		nodes = append(nodes, n)
	}
	rep := make([]string, g.Len())
	for i, n := range g.nodes {
		rep[i] = n.ID
		if groupOf[i] != "" {
			rep[i] = ids[groupOf[i]]
		}
	}
	return New(nodes, mergeEdges(g, rep))
}

// groupNode is the node standing for the members of one group.
func groupNode(k string, ms []Node, label func(string, []Node) string) Node {
	n := Node{ID: k, Label: k, Group: ms[0].Group}
	for _, m := range ms {
		n.Count += m.Count
		if m.Group != n.Group {
			n.Group = ""
		}
	}
	if label != nil {
		n.Label = label(k, ms)
	}
	return n
}

// mergeEdges maps every edge onto the representatives and merges parallel ones;
// the merged edge keeps the attributes and source of the first.
func mergeEdges(g *Graph, rep []string) []Edge {
	idx := map[[2]string]int{}
	var out []Edge
	for _, e := range g.edges {
		k := [2]string{rep[g.index[e.From]], rep[g.index[e.To]]}
		if i, ok := idx[k]; ok {
			out[i].Count += e.Count
			continue
		}
		idx[k] = len(out)
		e.From, e.To = k[0], k[1]
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Subgraph returns the graph induced by the ids: those nodes and every edge between
// two of them. Ids the graph lacks are ignored.
func Subgraph(g *Graph, ids []string) *Graph {
	keep := make(map[string]bool, len(ids))
	var nodes []Node
	for _, id := range ids {
		if i, ok := g.index[id]; ok && !keep[id] {
			keep[id] = true
			nodes = append(nodes, g.nodes[i])
		}
	}
	var edges []Edge
	for _, e := range g.edges {
		if keep[e.From] && keep[e.To] {
			edges = append(edges, e)
		}
	}
	return New(nodes, edges)
}
