package graph

// walkScratch is what one breadth-first walk marks, kept for the next walk of
// the same graph: a page per blueprint walks the graph once per blueprint, and
// marks made fresh per walk cost the size of the graph each time (at 9,000
// blueprints, 1.3 GB of allocation for the neighbourhood maps alone). A node is
// marked when its stamp equals the walk's epoch, so nothing is cleared between
// walks.
type walkScratch struct {
	stamp  []uint32
	epoch  uint32
	parent []int32
	depth  []int32
	queue  []int32
}

// scratch lends a walk its marks; give them back with g.walks.Put.
func (g *Graph) scratch() *walkScratch {
	s, _ := g.walks.Get().(*walkScratch)
	if s == nil {
		n := len(g.nodes)
		s = &walkScratch{stamp: make([]uint32, n), parent: make([]int32, n), depth: make([]int32, n)}
	}
	s.epoch++
	if s.epoch == 0 { // wrapped: every stamp could look current
		clear(s.stamp)
		s.epoch = 1
	}
	s.queue = s.queue[:0]
	return s
}

// Visit is one node a walk reached: its index (NodeAt), the length of its
// shortest path from the start, and the index of the node before it on that
// path (the start for a direct neighbour).
type Visit struct {
	Node, Depth, Via int
}

// NodeAt returns the node with the index a walk gives (Visit.Node, Visit.Via).
func (g *Graph) NodeAt(i int) Node { return g.nodes[i] }

// Index returns the index of the node with the id, and whether there is one.
func (g *Graph) Index(id string) (int, bool) {
	i, ok := g.index[id]
	return i, ok
}

// WalkDependents walks breadth-first from id along what depends on it (its
// impact set), up to maxDepth edges away (0: no limit), and calls f for each
// node reached, depth by depth, each once; the start is left out even when a
// cycle leads back to it. Adjacency lists are sorted by the other end's id, so
// Via is the same as Dependents gives. It costs what it reaches, not the size
// of the graph.
func (g *Graph) WalkDependents(id string, maxDepth int, f func(Visit)) {
	g.walk(id, maxDepth, g.in, 0, f)
}

// walk is WalkDependents along adj, to each edge's end number end (0 from, 1 to).
func (g *Graph) walk(id string, maxDepth int, adj [][]int, end int, f func(Visit)) {
	start, ok := g.index[id]
	if !ok {
		return
	}
	s := g.scratch()
	defer g.walks.Put(s)
	s.stamp[start], s.depth[start], s.parent[start] = s.epoch, 0, -1
	s.queue = append(s.queue, int32(start))
	for head := 0; head < len(s.queue); head++ {
		v := s.queue[head]
		if maxDepth > 0 && int(s.depth[v]) >= maxDepth {
			continue
		}
		for _, e := range adj[v] {
			w := g.ends[e][end]
			if s.stamp[w] == s.epoch {
				continue
			}
			s.stamp[w], s.parent[w], s.depth[w] = s.epoch, v, s.depth[v]+1
			s.queue = append(s.queue, int32(w))
			f(Visit{Node: w, Depth: int(s.depth[w]), Via: int(v)})
		}
	}
}
