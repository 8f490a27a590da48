package dependencies

import (
	"encoding/json"
	"io"
	"slices"

	"archfolio/generator"
	"archfolio/generator/render"
)

// EdgesFile is the dependency graph as one script, for an impact page's
// complete list of dependents, computed in the browser on request: a script
// rather than JSON because a page opened from disk (file://) may load a
// script beside it but not fetch a file.
const EdgesFile = "dependencies/edges.js"

// EdgesGlobal is the global variable EdgesFile assigns.
const EdgesGlobal = "archfolioEdges"

// EdgeList is what EdgesFile assigns to EdgesGlobal: a table of every
// blueprint, by id, and the dependencies as pairs of indexes into it, so its
// size is linear in the blueprints and their dependencies.
type EdgeList struct {
	// Nodes are the blueprints in id order, each [id, title, URL (site-relative),
	// criticality, lifecycle, owner, open critical risks, criticality's rank
	// (higher is more critical), in a cycle (0 or 1)].
	Nodes [][]any `json:"nodes"`
	// Edges are pairs [dependent, dependency, dependent, dependency, …], by
	// dependency then dependent, the order an impact set's walk takes them in.
	Edges []int `json:"edges"`
}

// dependencyFiles writes EdgesFile and the filters' rows files of the domain
// tables, the list of every dependency and that of the dependencies going away
// (tableRows, edgeRows, sunsetRows).
func dependencyFiles(p *generator.Portfolio) []render.ExportFile {
	files := []render.ExportFile{{Name: EdgesFile, Write: func(w io.Writer) error { return writeEdges(w, p) }}}
	for _, rows := range []render.FilterRows{tableRows(p), edgeRows(p), sunsetRows(p)} {
		if f, ok := rows.File(); ok {
			files = append(files, f)
		}
	}
	return files
}

// edgeList is the portfolio's EdgeList.
func edgeList(p *generator.Portfolio) EdgeList {
	deps := Of(p)
	ids := make([]string, 0, len(deps.info))
	for id := range deps.info {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := make(map[string]int, len(ids))
	out := EdgeList{Nodes: make([][]any, len(ids)), Edges: []int{}}
	for i, id := range ids {
		in := deps.info[id]
		cycle := 0
		if in.inCycle {
			cycle = 1
		}
		index[id] = i
		out.Nodes[i] = []any{id, in.doc.Title, in.doc.URL, in.criticality, in.lifecycle, in.doc.Owner, in.risks, in.rank, cycle}
	}
	type pair struct{ from, to int }
	var pairs []pair
	for _, e := range deps.Graph.Edges() {
		from, okFrom := index[e.From]
		to, okTo := index[e.To]
		if okFrom && okTo {
			pairs = append(pairs, pair{from, to})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.to != b.to {
			return a.to - b.to
		}
		return a.from - b.from
	})
	for _, e := range pairs {
		out.Edges = append(out.Edges, e.from, e.to)
	}
	return out
}

// writeEdges writes EdgesFile: one statement assigning the EdgeList, as JSON
// (which escapes <, > and &, and the line separators JavaScript forbids in strings).
func writeEdges(w io.Writer, p *generator.Portfolio) error {
	data, err := json.Marshal(edgeList(p))
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "var "+EdgesGlobal+" = "); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err = io.WriteString(w, ";\n")
	return err
}
