package dependencies

import (
	"cmp"
	"strconv"
	"sync/atomic"

	"archfolio/generator"
	"archfolio/generator/graph"
	"archfolio/generator/internal/least"
)

// impactSummary is what an impact page says of a blueprint's impact set,
// worked out in one walk without building the set: how many dependents there
// are, by criticality, lifecycle, domain and path length, and the first
// ImpactRows of them in the set's order. On a portfolio with hubs most
// blueprints have thousands of dependents; building each page's set as
// ImpactEntry values, sorting it by id and counting it through the front
// matter was a fifth of a 10,000-document build.
type impactSummary struct {
	n, direct, deepest, missionCritical int
	crit, life, domain                  []int // counts by impactCodes' code
	depths                              [4]int
	top                                 []ImpactEntry
}

// impactCodes numbers what the impact pages count of each blueprint, by the
// blueprint's index in the graph, once per analysis.
type impactCodes struct {
	critNames, lifeNames, domainNames []string
	crit, life, domain                []int32
	// stake orders the blueprints by criticality, then open critical risks,
	// most at stake first (the lowest); the set's order then takes the
	// shortest path, then the id, which is the index order.
	stake []int64
	info  []*blueprintInfo
	// sizes are the impact sets' sizes once counted (-1 before): a blueprint's
	// page, its impact page and its row in the domain tables each show it.
	sizes []atomic.Int32
}

// codes returns the analysis's impactCodes, made on first use.
func (deps *Dependencies) codes() *impactCodes {
	deps.codesOnce.Do(func() { deps.impactCodes = newImpactCodes(deps) })
	return deps.impactCodes
}

func newImpactCodes(deps *Dependencies) *impactCodes {
	g := deps.Graph
	n := g.Len()
	c := &impactCodes{crit: make([]int32, n), life: make([]int32, n), domain: make([]int32, n),
		stake: make([]int64, n), info: make([]*blueprintInfo, n), sizes: make([]atomic.Int32, n)}
	for i := range c.sizes {
		c.sizes[i].Store(-1)
	}
	crit, life, domain := map[string]int32{}, map[string]int32{}, map[string]int32{}
	code := func(names *[]string, seen map[string]int32, s string) int32 {
		k, ok := seen[s]
		if !ok {
			k = int32(len(*names))
			seen[s] = k
			*names = append(*names, s)
		}
		return k
	}
	for i := range n {
		in := deps.info[g.NodeAt(i).ID]
		c.info[i] = in
		if in != nil {
			c.crit[i] = code(&c.critNames, crit, cmp.Or(in.criticality, "not stated"))
			c.life[i] = code(&c.lifeNames, life, cmp.Or(in.lifecycle, "not stated"))
			c.domain[i] = code(&c.domainNames, domain, in.doc.Fields.String("domain"))
			c.stake[i] = -(int64(in.rank)<<32 + int64(in.risks))
		} else {
			c.crit[i] = code(&c.critNames, crit, "not stated")
			c.life[i] = code(&c.lifeNames, life, "not stated")
			c.domain[i] = code(&c.domainNames, domain, "")
		}
	}
	return c
}

// impactSize counts the blueprints that depend on the one with the id,
// directly or through others (graph.CountDependents), once per analysis.
func (deps *Dependencies) impactSize(id string) int {
	c := deps.codes()
	i, ok := deps.Graph.Index(id)
	if !ok {
		return 0
	}
	if n := c.sizes[i].Load(); n >= 0 {
		return int(n)
	}
	n := graph.CountDependents(deps.Graph, id)
	c.sizes[i].Store(int32(n))
	return n
}

// summarise walks d's impact set once.
func summarise(deps *Dependencies, d *generator.Document) *impactSummary {
	c := deps.codes()
	s := &impactSummary{crit: make([]int, len(c.critNames)), life: make([]int, len(c.lifeNames)),
		domain: make([]int, len(c.domainNames))}
	type reached struct {
		stake            int64
		depth, node, via int32
	}
	// The stake, the depth and the index (the id's order) make the order total;
	// only the ImpactRows first in it are listed, so only those are kept.
	top := least.New(ImpactRows, func(a, b reached) int {
		return cmp.Or(cmp.Compare(a.stake, b.stake), cmp.Compare(a.depth, b.depth), cmp.Compare(a.node, b.node))
	})
	visits := 0 // as CountDependents counts
	deps.Graph.WalkDependents(d.ID, 0, func(v graph.Visit) {
		visits++
		if c.info[v.Node] == nil {
			return // the graph has blueprints only
		}
		s.n++
		if v.Depth == 1 {
			s.direct++
		}
		if c.info[v.Node].criticality == "mission-critical" {
			s.missionCritical++
		}
		s.deepest = max(s.deepest, v.Depth)
		s.depths[min(v.Depth, 4)-1]++
		s.crit[c.crit[v.Node]]++
		s.life[c.life[v.Node]]++
		s.domain[c.domain[v.Node]]++
		top.Add(reached{c.stake[v.Node], int32(v.Depth), int32(v.Node), int32(v.Via)})
	})
	if i, ok := deps.Graph.Index(d.ID); ok {
		c.sizes[i].Store(int32(visits))
	}
	for _, r := range top.Sorted() {
		in := c.info[r.node]
		e := ImpactEntry{Doc: in.doc, Depth: int(r.depth), Criticality: in.criticality, Lifecycle: in.lifecycle,
			OpenCriticalRisks: in.risks, InCycle: in.inCycle, rank: in.rank}
		if via := c.info[r.via]; via != nil {
			e.Via = via.doc
		}
		s.top = append(s.top, e)
	}
	return s
}

// counts names a summary's counts by code, for countList.
func namedCounts(names []string, counts []int) map[string]int {
	out := map[string]int{}
	for k, n := range counts {
		if n > 0 {
			out[names[k]] += n
		}
	}
	return out
}

// Counts summarises the whole impact set, listed or not: how many dependents
// have each criticality and lifecycle (most first), and the longest of the
// shortest paths.
func (ip *ImpactPage) Counts() (criticality, lifecycle []ImpactCount, deepest int) {
	c := ip.deps.codes()
	return countList(namedCounts(c.critNames, ip.sum.crit)), countList(namedCounts(c.lifeNames, ip.sum.life)), ip.sum.deepest
}

// Spread summarises where the whole impact set is: how many dependents are in
// each domain (most first, at most impactDomains, then the rest as "other
// domains") and at each path length (1, 2, 3, then "4 or more").
func (ip *ImpactPage) Spread() (domains, depths []ImpactCount) {
	c := ip.deps.codes()
	dom := map[string]int{}
	for d, n := range namedCounts(c.domainNames, ip.sum.domain) {
		name := "with no domain"
		if d != "" {
			name = "in " + domainLabel(d)
		}
		dom[name] += n
	}
	domains = countList(dom)
	if len(domains) > impactDomains {
		rest := 0
		for _, c := range domains[impactDomains:] {
			rest += c.N
		}
		domains = append(domains[:impactDomains], ImpactCount{Name: "in " + strconv.Itoa(len(domains)-impactDomains) + " other domains", N: rest})
	}
	for i, name := range []string{"directly", "at 2 steps", "at 3 steps", "at 4 or more"} {
		if ip.sum.depths[i] > 0 {
			depths = append(depths, ImpactCount{Name: name, N: ip.sum.depths[i]})
		}
	}
	return domains, depths
}
