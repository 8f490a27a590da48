package graph

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// edges builds a graph from "a>b" pairs; every id becomes a node in group "g"+its
// first letter.
func edges(pairs ...string) *Graph {
	var es []Edge
	var ns []Node
	for _, p := range pairs {
		from, to, ok := strings.Cut(p, ">")
		if !ok {
			ns = append(ns, Node{ID: p, Group: "g" + p[:1]})
			continue
		}
		ns = append(ns, Node{ID: from, Group: "g" + from[:1]}, Node{ID: to, Group: "g" + to[:1]})
		es = append(es, Edge{From: from, To: to, Source: p})
	}
	return New(ns, es)
}

func TestCycles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		graph *Graph
		want  []string // "members | path | closing"
	}{
		{"acyclic", edges("a>b", "b>c", "a>c"), nil},
		{"self loop", edges("a>a", "a>b"), []string{"a | a | a>a"}},
		{"two nodes", edges("b>a", "a>b"), []string{"a b | a b | b>a"}},
		{"three nodes, closed by c", edges("a>b", "b>c", "c>a", "c>d"), []string{"a b c | a b c | c>a"}},
		{"two loops through one set are one cycle", edges("a>b", "b>a", "b>c", "c>b"),
			[]string{"a b c | a b | b>a"}},
		{"shortest loop through the smallest id", edges("a>b", "b>c", "c>d", "d>a", "b>d"),
			[]string{"a b c d | a b d | d>a"}},
		{"separate cycles in id order", edges("x>y", "y>x", "m>n", "n>m", "n>x"),
			[]string{"m n | m n | n>m", "x y | x y | y>x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range Cycles(tc.graph) {
				got = append(got, fmt.Sprintf("%s | %s | %s", strings.Join(c.Members, " "), strings.Join(c.Path, " "), c.Closing.Source))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func reachLines(rs []Reach) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s@%d:%s", r.ID, r.Depth, strings.Join(r.Path, ">")))
	}
	return out
}

func TestImpactAtDepth(t *testing.T) {
	t.Parallel()
	// a → b → c → d → e is a chain four deep; x depends on c and on e directly.
	g := edges("a>b", "b>c", "c>d", "d>e", "x>c", "x>e")
	for _, tc := range []struct {
		name string
		got  []Reach
		want []string
	}{
		{"dependents of e, all depths", Dependents(g, "e", 0),
			[]string{"d@1:e>d", "x@1:e>x", "c@2:e>d>c", "b@3:e>d>c>b", "a@4:e>d>c>b>a"}},
		{"dependents of e, depth 2", Dependents(g, "e", 2), []string{"d@1:e>d", "x@1:e>x", "c@2:e>d>c"}},
		{"dependents of e, depth 1", Dependents(g, "e", 1), []string{"d@1:e>d", "x@1:e>x"}},
		{"dependencies of a", Dependencies(g, "a", 0), []string{"b@1:a>b", "c@2:a>b>c", "d@3:a>b>c>d", "e@4:a>b>c>d>e"}},
		{"dependencies of x take the shortest path", Dependencies(g, "x", 0), []string{"c@1:x>c", "e@1:x>e", "d@2:x>c>d"}},
		{"nothing depends on a", Dependents(g, "a", 0), nil},
		{"unknown id", Dependents(g, "nope", 0), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := reachLines(tc.got); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// WalkDependents reaches what Dependents lists, each once at its depth, and
// its Via, followed back to the start, spells the same path; a second walk of
// the same graph (its marks reused) reaches the same again.
func TestWalkDependentsSpellsThePaths(t *testing.T) {
	t.Parallel()
	g := edges("a>b", "b>c", "c>d", "d>e", "x>c", "x>e", "e>a")
	for round := range 3 {
		full := Dependents(g, "e", 0)
		var tree []Reach
		g.WalkDependents("e", 0, func(v Visit) {
			tree = append(tree, Reach{ID: g.NodeAt(v.Node).ID, Depth: v.Depth, Via: g.NodeAt(v.Via).ID})
		})
		sortReach(tree)
		if len(full) != len(tree) {
			t.Fatalf("round %d: %d dependents walked, %d listed", round, len(tree), len(full))
		}
		via := map[string]string{}
		for _, r := range tree {
			via[r.ID] = r.Via
		}
		for i, r := range full {
			if tree[i].ID != r.ID || tree[i].Depth != r.Depth || tree[i].Via != r.Via {
				t.Errorf("round %d: walk[%d] = %+v, want %s at %d via %s", round, i, tree[i], r.ID, r.Depth, r.Via)
			}
			var back []string
			for id := r.ID; id != "e"; id = via[id] {
				back = append([]string{id}, back...)
			}
			if got, want := "e>"+strings.Join(back, ">"), strings.Join(r.Path, ">"); got != want {
				t.Errorf("%s: following Via gives %s, want %s", r.ID, got, want)
			}
		}
		if n := CountDependents(g, "e"); n != len(full) {
			t.Errorf("round %d: CountDependents = %d, want %d", round, n, len(full))
		}
	}
}

func TestImpactThroughCycleLeavesStartOut(t *testing.T) {
	t.Parallel()
	g := edges("a>b", "b>c", "c>a")
	if got, want := reachLines(Dependents(g, "a", 0)), []string{"c@1:a>c", "b@2:a>c>b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOrphansAndFlags(t *testing.T) {
	t.Parallel()
	g := edges("a>b", "c>c", "lonely", "b>eol", "a>eol")
	if got, want := Orphans(g), []string{"c", "lonely"}; !reflect.DeepEqual(got, want) {
		t.Errorf("orphans %q, want %q", got, want)
	}
	flags := Flag(g, func(n Node) string {
		if n.ID == "eol" {
			return "end-of-life"
		}
		return ""
	})
	var got []string
	for _, f := range flags {
		got = append(got, f.Edge.From+">"+f.Edge.To+" "+f.Reason)
	}
	if want := []string{"a>eol end-of-life", "b>eol end-of-life"}; !reflect.DeepEqual(got, want) {
		t.Errorf("flags %q, want %q", got, want)
	}
}

func TestNewKeepsEdgesOntoUnknownNodes(t *testing.T) {
	t.Parallel()
	g := New([]Node{{ID: "a", Label: "A"}, {ID: "a", Label: "second"}}, []Edge{{From: "a", To: "ghost"}})
	if n, _ := g.Node("a"); n.Label != "A" || n.Count != 1 {
		t.Errorf("node a = %+v, want the first one with count 1", n)
	}
	if n, ok := g.Node("ghost"); !ok || n.Label != "ghost" {
		t.Errorf("ghost = %+v, %v; want a node labelled by its id", n, ok)
	}
	if got := g.Out("a"); len(got) != 1 || got[0].Count != 1 {
		t.Errorf("out(a) = %+v", got)
	}
}

func edgeLines(g *Graph) []string {
	var out []string
	for _, e := range g.Edges() {
		out = append(out, fmt.Sprintf("%s>%s×%d", e.From, e.To, e.Count))
	}
	return out
}

func TestCollapseAggregatesWithCounts(t *testing.T) {
	t.Parallel()
	g := New(
		[]Node{{ID: "p1", Group: "pay"}, {ID: "p2", Group: "pay"}, {ID: "c1", Group: "claims"}, {ID: "k", Group: "platform"}},
		[]Edge{{From: "p1", To: "k"}, {From: "p2", To: "k"}, {From: "p1", To: "p2"}, {From: "c1", To: "p1"},
			{From: "c1", To: "p2"}, {From: "c1", To: "k", Count: 3}})
	byGroup := Collapse(g, func(n Node) string { return n.Group }, func(k string, ms []Node) string {
		return fmt.Sprintf("%s (%d)", k, len(ms))
	})
	if got, want := edgeLines(byGroup), []string{"claims>pay×2", "claims>platform×3", "pay>pay×1", "pay>platform×2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("edges %q, want %q", got, want)
	}
	total := 0
	for _, e := range byGroup.Edges() {
		total += e.Count
	}
	if total != 8 {
		t.Errorf("collapsed edges count %d originals, want all 8", total)
	}
	if n, _ := byGroup.Node("pay"); n.Count != 2 || n.Label != "pay (2)" || n.Group != "pay" {
		t.Errorf("pay node = %+v", n)
	}
	merged := Collapse(New(nil, []Edge{{From: "a", To: "b"}, {From: "a", To: "b"}, {From: "b", To: "c"}}), nil, nil)
	if got, want := edgeLines(merged), []string{"a>b×2", "b>c×1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parallel edges %q, want %q", got, want)
	}
}

func TestCollapseGroupNeverTakesAKeptID(t *testing.T) {
	t.Parallel()
	g := edges("more>x", "x>y", "z>y")
	out := Collapse(g, func(n Node) string {
		if n.ID == "x" || n.ID == "z" {
			return "more"
		}
		return ""
	}, nil)
	if got, want := edgeLines(out), []string{"group:more>y×2", "more>group:more×1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("edges %q, want %q", got, want)
	}
}

func TestSubgraph(t *testing.T) {
	t.Parallel()
	g := Subgraph(edges("a>b", "b>c", "c>d"), []string{"b", "c", "d", "zz", "c"})
	if got, want := edgeLines(g), []string{"b>c×1", "c>d×1"}; !reflect.DeepEqual(got, want) || g.Len() != 3 {
		t.Errorf("subgraph edges %q (len %d), want %q", got, g.Len(), want)
	}
}

// OutEdges yields what Out returns, in its order, for every node and for an
// unknown one, and stops when asked to.
func TestOutEdgesIsOut(t *testing.T) {
	g := edges("a>c", "a>b", "b>c", "c>a", "d", "a>ghost")
	for _, id := range []string{"a", "b", "c", "d", "ghost", "nobody"} {
		var got []Edge
		for e := range g.OutEdges(id) {
			got = append(got, *e)
		}
		if want := g.Out(id); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: OutEdges %v, Out %v", id, got, want)
		}
	}
	n := 0
	for range g.OutEdges("a") {
		n++
		break
	}
	if n != 1 {
		t.Errorf("break after the first edge: %d yielded", n)
	}
}
