package radar

import (
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diag"

	"gopkg.in/yaml.v3"
)

// maxQuadrants is how many quadrants a radar may have: more sectors than this
// leave too little room for a blip near the centre.
const maxQuadrants = 8

// quadrants reads archfolio.yaml's radar: {quadrants: [...]}, in the order
// written, and reports what is wrong with it at its line: an unknown key, a
// quadrant that is not text or is named twice, too many quadrants. What is
// wrong is left out; the rest stays usable.
func quadrants(cfg *generator.Config) ([]string, diag.Diagnostics) {
	n := &cfg.Radar
	sink := &diag.DiagSink{Path: cfg.Path}
	if n.Kind == 0 {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		sink.Report(diag.CodeInvalidConfig, at(n), "radar: want a mapping with quadrants: [a list of names]")
		return nil, sink.Diags
	}
	var list *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "quadrants" {
			sink.Report(diag.CodeUnknownSetting, at(k), "unknown setting %q%s", "radar."+k.Value, diag.DidYouMean(k.Value, []string{"quadrants"}))
			continue
		}
		list = v
	}
	if list == nil {
		return nil, sink.Diags
	}
	if list.Kind != yaml.SequenceNode {
		sink.Report(diag.CodeInvalidConfig, at(list), "radar.quadrants: want a list of names, such as [platforms, tools, techniques, data]")
		return nil, sink.Diags
	}
	var names []string
	for i, q := range list.Content {
		name := strings.TrimSpace(q.Value)
		switch {
		case q.Kind != yaml.ScalarNode || name == "":
			sink.Report(diag.CodeInvalidConfig, at(q), "radar.quadrants[%d]: want a name", i)
		case slices.Contains(names, name):
			sink.Report(diag.CodeInvalidConfig, at(q), "radar.quadrants[%d]: %q is named twice", i, name)
		case len(names) == maxQuadrants:
			sink.Report(diag.CodeInvalidConfig, at(q), "radar.quadrants[%d]: a radar has at most %d quadrants; %q is left out", i, maxQuadrants, name)
		default:
			names = append(names, name)
		}
	}
	return names, sink.Diags
}

// at is a node's position in archfolio.yaml.
func at(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }
