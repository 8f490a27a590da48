package diagram

import (
	"cmp"
	"slices"

	"archfolio/generator/graph"
)

// vertex is a node or a dummy (a point an edge passes through in a layer).
type vertex struct {
	node  int // index in the graph's nodes, or -1 for a dummy
	layer int
	band  int
	h     float64
	y     float64 // centre
	pos   int     // index in its layer
}

// chain is one edge as the vertices it passes, in layer order (left to right).
type chain struct {
	edge  graph.Edge
	verts []int
	back  bool // the edge runs right to left
}

// layered is the working state of one Layered layout.
type layered struct {
	opt      Options
	nodes    []graph.Node
	vs       []vertex
	layers   [][]int
	up, down [][]int // neighbours of each vertex in the layer before / after
	chains   []chain
	loops    []graph.Edge
	bands    []string
	bandTop  []float64 // inner top of each band
	bandRoom []float64 // inner height of each band
	height   float64
	frames   *frameLayout // nil without Options.Frames
}

// Layered lays g out in layers, left to right, grouped into bands when opt.Bands.
func Layered(g *graph.Graph, opt Options) *Drawing {
	opt = withDefaults(opt)
	l := &layered{opt: opt, nodes: g.Nodes()}
	if len(opt.Frames) > 0 {
		l.frames = &frameLayout{}
		l.frames.order, l.frames.depth = frameOrder(opt.Frames)
		l.opt.Bands, l.opt.BandOrder = true, l.frames.bandOrder()
	}
	l.assignBands()
	if l.frames != nil {
		l.frames.place(l.bands)
	}
	back := breakCycles(g)
	l.assignLayers(g, back)
	l.makeChains(g, back)
	crossings := l.order()
	l.placeY()
	d := l.drawing()
	d.Crossings = crossings
	return d
}

func withDefaults(opt Options) Options {
	def := DefaultOptions()
	if opt.NodeWidth <= 0 {
		opt.NodeWidth = def.NodeWidth
	}
	if opt.NodeHeight <= 0 {
		opt.NodeHeight = def.NodeHeight
	}
	if opt.LayerGap <= 0 {
		opt.LayerGap = def.LayerGap
	}
	if opt.NodeGap <= 0 {
		opt.NodeGap = def.NodeGap
	}
	if opt.Sweeps <= 0 {
		opt.Sweeps = def.Sweeps
	}
	return opt
}

// assignBands orders the groups (BandOrder, then by name, "" last) and creates a
// vertex per node in its band.
func (l *layered) assignBands() {
	rank := map[string]int{}
	if l.opt.Bands {
		seen := map[string]bool{}
		for _, n := range l.nodes {
			seen[n.Group] = true
		}
		for _, grp := range l.opt.BandOrder {
			if seen[grp] && !slices.Contains(l.bands, grp) {
				l.bands = append(l.bands, grp)
			}
		}
		var rest []string
		for grp := range seen {
			if !slices.Contains(l.bands, grp) {
				rest = append(rest, grp)
			}
		}
		slices.SortFunc(rest, func(a, b string) int { return cmp.Or(cmp.Compare(isEmpty(a), isEmpty(b)), cmp.Compare(a, b)) })
		l.bands = append(l.bands, rest...)
		for i, grp := range l.bands {
			rank[grp] = i
		}
	} else {
		l.bands = []string{""}
	}
	l.vs = make([]vertex, len(l.nodes))
	for i, n := range l.nodes {
		l.vs[i] = vertex{node: i, band: rank[n.Group], h: l.opt.NodeHeight}
	}
}

// breakCycles marks the edges that a depth-first walk in id order finds pointing
// back at a node on its path; reversing them leaves the graph acyclic.
func breakCycles(g *graph.Graph) []bool {
	nodes, edges := g.Nodes(), g.Edges()
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.ID] = i
	}
	out := make([][]int, len(nodes))
	for i, e := range edges {
		out[index[e.From]] = append(out[index[e.From]], i)
	}
	back := make([]bool, len(edges))
	state := make([]byte, len(nodes)) // 0 new, 1 on the path, 2 done
	var visit func(v int)
	visit = func(v int) {
		state[v] = 1
		for _, e := range out[v] {
			w := index[edges[e].To]
			switch state[w] {
			case 0:
				visit(w)
			case 1:
				back[e] = true
			}
		}
		state[v] = 2
	}
	for v := range nodes {
		if state[v] == 0 {
			visit(v)
		}
	}
	return back
}

// assignLayers gives each node its longest distance from a node nothing points at,
// then moves the nodes that only receive edges to the last layer, so that what is
// depended on lines up on the right.
func (l *layered) assignLayers(g *graph.Graph, back []bool) {
	n := len(l.nodes)
	index := make(map[string]int, n)
	for i, nd := range l.nodes {
		index[nd.ID] = i
	}
	succ := make([][]int, n)
	indeg := make([]int, n)
	outdeg := make([]int, n)
	for i, e := range g.Edges() {
		u, v := index[e.From], index[e.To]
		if u == v {
			continue
		}
		if back[i] {
			u, v = v, u
		}
		succ[u] = append(succ[u], v)
		indeg[v]++
		outdeg[u]++
	}
	hasIn := make([]bool, n)
	for v := range n {
		hasIn[v] = indeg[v] > 0
	}
	queue := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	maxLayer := 0
	for k := 0; k < len(queue); k++ {
		u := queue[k]
		for _, v := range succ[u] {
			l.vs[v].layer = max(l.vs[v].layer, l.vs[u].layer+1)
			maxLayer = max(maxLayer, l.vs[v].layer)
			if indeg[v]--; indeg[v] == 0 {
				queue = append(queue, v)
			}
		}
	}
	for v := range n {
		if outdeg[v] == 0 && hasIn[v] {
			l.vs[v].layer = maxLayer
		}
	}
	l.layers = make([][]int, maxLayer+1)
}

// makeChains turns every edge into a chain of vertices, one per layer it spans,
// adding dummies between its ends; self-loops are kept aside.
func (l *layered) makeChains(g *graph.Graph, back []bool) {
	index := make(map[string]int, len(l.nodes))
	for i, nd := range l.nodes {
		index[nd.ID] = i
	}
	for i, e := range g.Edges() {
		u, v := index[e.From], index[e.To]
		if u == v {
			l.loops = append(l.loops, e)
			continue
		}
		c := chain{edge: e, back: back[i]}
		if c.back {
			u, v = v, u
		}
		if l.vs[u].layer > l.vs[v].layer { // only when a layer was moved; keep left to right
			u, v = v, u
			c.back = !c.back
		}
		c.verts = append(c.verts, u)
		for layer := l.vs[u].layer + 1; layer < l.vs[v].layer; layer++ {
			c.verts = append(c.verts, len(l.vs))
			l.vs = append(l.vs, vertex{node: -1, layer: layer, band: l.vs[u].band, h: dummyHeight})
		}
		c.verts = append(c.verts, v)
		l.chains = append(l.chains, c)
	}
	l.up = make([][]int, len(l.vs))
	l.down = make([][]int, len(l.vs))
	for _, c := range l.chains {
		for k := 1; k < len(c.verts); k++ {
			a, b := c.verts[k-1], c.verts[k]
			l.down[a] = append(l.down[a], b)
			l.up[b] = append(l.up[b], a)
		}
	}
	for v := range l.vs {
		l.layers[l.vs[v].layer] = append(l.layers[l.vs[v].layer], v)
	}
	for _, layer := range l.layers {
		slices.SortStableFunc(layer, func(a, b int) int { return cmp.Compare(l.vs[a].band, l.vs[b].band) })
		for i, v := range layer {
			l.vs[v].pos = i
		}
	}
}

// order reduces crossings with barycentric sweeps, keeping each layer sorted by
// band first, and keeps the best order seen. It returns the crossings left.
func (l *layered) order() int {
	best := l.crossings()
	bestPos := l.positions()
	key := make([]float64, len(l.vs))
	for s := 0; s < l.opt.Sweeps && best > 0; s++ {
		for i := 1; i < len(l.layers); i++ {
			l.sortLayer(i, l.up, key)
		}
		for i := len(l.layers) - 2; i >= 0; i-- {
			l.sortLayer(i, l.down, key)
		}
		if c := l.crossings(); c < best {
			best, bestPos = c, l.positions()
		}
	}
	for v, p := range bestPos {
		l.vs[v].pos = p
	}
	for _, layer := range l.layers {
		slices.SortFunc(layer, func(a, b int) int { return cmp.Compare(l.vs[a].pos, l.vs[b].pos) })
	}
	return best
}

func (l *layered) positions() []int {
	out := make([]int, len(l.vs))
	for v := range l.vs {
		out[v] = l.vs[v].pos
	}
	return out
}

// sortLayer orders a layer by band, then by the mean position of each vertex's
// neighbours in adj (a vertex without any keeps its place).
func (l *layered) sortLayer(i int, adj [][]int, key []float64) {
	layer := l.layers[i]
	for _, v := range layer {
		key[v] = float64(l.vs[v].pos)
		if len(adj[v]) > 0 {
			sum := 0.0
			for _, w := range adj[v] {
				sum += float64(l.vs[w].pos)
			}
			key[v] = sum / float64(len(adj[v]))
		}
	}
	slices.SortStableFunc(layer, func(a, b int) int {
		return cmp.Or(cmp.Compare(l.vs[a].band, l.vs[b].band), cmp.Compare(key[a], key[b]))
	})
	for p, v := range layer {
		l.vs[v].pos = p
	}
}

// crossings counts the crossing segments between every pair of adjacent layers,
// by counting inversions with a Fenwick tree.
func (l *layered) crossings() int {
	total := 0
	var segs [][2]int
	for i := 0; i+1 < len(l.layers); i++ {
		segs = segs[:0]
		for _, v := range l.layers[i] {
			for _, w := range l.down[v] {
				segs = append(segs, [2]int{l.vs[v].pos, l.vs[w].pos})
			}
		}
		slices.SortFunc(segs, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		tree := make([]int, len(l.layers[i+1])+1)
		for k, s := range segs {
			// segments seen so far that end after this one cross it
			total += k - prefix(tree, s[1]+1)
			for j := s[1] + 1; j < len(tree); j += j & -j {
				tree[j]++
			}
		}
	}
	return total
}

// prefix sums the Fenwick tree's counts of positions below n.
func prefix(tree []int, n int) int {
	sum := 0
	for j := n; j > 0; j -= j & -j {
		sum += tree[j]
	}
	return sum
}

func isEmpty(s string) int {
	if s == "" {
		return 1
	}
	return 0
}
