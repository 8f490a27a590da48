package diagram

import (
	"fmt"
	"math/rand"

	"archfolio/generator/graph"
)

// syntheticPortfolio returns a portfolio-shaped graph of n blueprints in eight
// domains and about m dependencies: each blueprint sits in a tier (channels,
// services, data, platform) and depends mostly on lower tiers, as real portfolios
// do, with a few dependencies within its tier.
func syntheticPortfolio(n, m int, seed int64) *graph.Graph {
	r := rand.New(rand.NewSource(seed))
	domains := []string{"claims", "data", "digital-channels", "finance", "identity", "payments", "platform", "underwriting"}
	tier := make([]int, n)
	nodes := make([]graph.Node, n)
	for i := range n {
		tier[i] = r.Intn(4)
		nodes[i] = graph.Node{ID: fmt.Sprintf("bp-%03d", i), Label: fmt.Sprintf("Blueprint %d of the synthetic portfolio", i),
			Group: domains[r.Intn(len(domains))]}
	}
	seen := map[[2]int]bool{}
	var edges []graph.Edge
	for tries := 0; len(edges) < m && tries < 100*m; tries++ {
		a, b := r.Intn(n), r.Intn(n)
		if a == b || tier[b] < tier[a] || tier[b] == tier[a] && a > b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		edges = append(edges, graph.Edge{From: nodes[a].ID, To: nodes[b].ID, Attrs: map[string]string{"protocol": "REST over mTLS"}})
	}
	return graph.New(nodes, edges)
}
