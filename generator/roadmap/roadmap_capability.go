package roadmap

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// maturityLevels are the capability maturity levels, lowest first (the CISA zero
// trust maturity model's stages).
var maturityLevels = [...]string{"traditional", "initial", "advanced", "optimal"}

// maturityRank returns a level's place in maturityLevels, or -1.
func maturityRank(level string) int { return slices.Index(maturityLevels[:], level) }

// Capability is a roadmap lane the site describes in archfolio.yaml under
// `capabilities:` (id → title, description, maturity); its declared maturity takes
// precedence over the one the items imply.
type Capability struct {
	Title       string
	Description string
	Maturity    CapabilityMaturity

	at       diag.Pos            // where the capability is declared
	pos      map[string]diag.Pos // where each of its fields is written ("maturity.current")
	problems []configProblem
}

// CapabilityMaturity is a declared capability's maturity now and targeted.
type CapabilityMaturity struct {
	Current, Target string
}

type configProblem struct {
	at  diag.Pos
	msg string
}

// UnmarshalYAML reads a capability, keeping positions for diagnostics. It never
// fails: what is wrong is recorded and reported by validateCapabilities, so that one
// bad capability does not hide the rest of archfolio.yaml.
func (c *Capability) UnmarshalYAML(n *yaml.Node) error {
	c.at, c.pos = yamlPos(n), map[string]diag.Pos{}
	if n.Kind != yaml.MappingNode {
		c.problem(n, "want a mapping with title, description and maturity: {current, target}")
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		c.pos[k.Value] = yamlPos(k)
		switch k.Value {
		case "title":
			c.Title = c.scalar(k.Value, v)
		case "description":
			c.Description = c.scalar(k.Value, v)
		case "maturity":
			c.readMaturity(v)
		default:
			c.problem(k, "unknown field %q%s (want title, description or maturity)", k.Value,
				diag.DidYouMean(k.Value, []string{"title", "description", "maturity"}))
		}
	}
	return nil
}

func (c *Capability) readMaturity(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		c.problem(n, "maturity: want a mapping {current, target}")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		c.pos["maturity."+k.Value] = yamlPos(k)
		switch k.Value {
		case "current":
			c.Maturity.Current = c.scalar("maturity.current", v)
		case "target":
			c.Maturity.Target = c.scalar("maturity.target", v)
		default:
			c.problem(k, "maturity: unknown field %q%s (want current or target)", k.Value,
				diag.DidYouMean(k.Value, []string{"current", "target"}))
		}
	}
}

func (c *Capability) scalar(name string, n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		c.problem(n, "%s: want text", name)
		return ""
	}
	return n.Value
}

func (c *Capability) problem(n *yaml.Node, format string, args ...any) {
	c.problems = append(c.problems, configProblem{at: yamlPos(n), msg: fmt.Sprintf(format, args...)})
}

// capabilitiesOf reads archfolio.yaml's capabilities, which the generator keeps
// as YAML for this view. Capability.UnmarshalYAML records rather than fails,
// so only a capabilities: that is no mapping fails, reported by
// validateCapabilities.
func capabilitiesOf(cfg *generator.Config) map[string]Capability {
	var caps map[string]Capability
	if cfg.Capabilities.Kind == yaml.MappingNode {
		_ = cfg.Capabilities.Decode(&caps)
	}
	return caps
}

// yamlPos is a node's position in archfolio.yaml, whose YAML starts on line 1.
func yamlPos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// validateCapabilities checks archfolio.yaml's capabilities: known fields, maturity
// levels, and a target no lower than the current level.
func validateCapabilities(cfg *generator.Config) diag.Diagnostics {
	caps, path := capabilitiesOf(cfg), cfg.Path
	sink := &diag.DiagSink{Path: path}
	if n := &cfg.Capabilities; n.Kind != 0 && n.Kind != yaml.MappingNode {
		sink.Report(diag.CodeInvalidCapability, yamlPos(n), "capabilities: want a mapping of capability ids to {title, description, maturity}")
	}
	levels := maturityLevels[:]
	for _, id := range generator.SortedKeys(caps) {
		c := caps[id]
		for _, p := range c.problems {
			sink.Report(diag.CodeInvalidCapability, p.at, "capabilities: %q: %s", id, p.msg)
		}
		for _, f := range []struct{ name, level string }{
			{"maturity.current", c.Maturity.Current}, {"maturity.target", c.Maturity.Target},
		} {
			if f.level != "" && maturityRank(f.level) < 0 {
				sink.Report(diag.CodeUnknownMaturity, c.fieldPos(f.name), "capabilities: %q: %s %q is not a maturity level%s (want one of: %s)",
					id, f.name, f.level, diag.DidYouMean(f.level, levels), strings.Join(levels, ", "))
			}
		}
		cur, tgt := maturityRank(c.Maturity.Current), maturityRank(c.Maturity.Target)
		if cur >= 0 && tgt >= 0 && tgt < cur {
			sink.Report(diag.CodeMaturityBelowCurrent, c.fieldPos("maturity.target"), "capabilities: %q: target %q is below current %q; raise the target or lower the current level",
				id, c.Maturity.Target, c.Maturity.Current)
		}
	}
	return sink.Diags
}

func (c *Capability) fieldPos(name string) diag.Pos {
	if p, ok := c.pos[name]; ok {
		return p
	}
	return c.at
}

// laneMaturity is a lane's maturity: what archfolio.yaml declares for the
// capability, field by field, else what its items imply. From the items, the
// current level is the lowest current level written, raised to the highest target
// already reached by a done item; the target is the highest target of any item not
// cancelled.
func laneMaturity(items []*RoadmapItem, declared *Capability) Maturity {
	lowCur, doneTgt, highTgt := -1, -1, -1
	for _, it := range items {
		if it.Status == "cancelled" {
			continue
		}
		if r := maturityRank(it.Maturity.Current); r >= 0 && (lowCur < 0 || r < lowCur) {
			lowCur = r
		}
		r := maturityRank(it.Maturity.Target)
		highTgt = max(highTgt, r)
		if it.Status == "done" {
			doneTgt = max(doneTgt, r)
		}
	}
	var m Maturity
	if cur := max(lowCur, doneTgt); cur >= 0 {
		m.Current = maturityLevels[cur]
	}
	if highTgt >= 0 {
		m.Target = maturityLevels[highTgt]
	}
	if m.Current != "" || m.Target != "" {
		m.Source = "items"
	}
	if declared != nil && (declared.Maturity.Current != "" || declared.Maturity.Target != "") {
		m.Source = generator.ConfigFile
		if maturityRank(declared.Maturity.Current) >= 0 {
			m.Current = declared.Maturity.Current
		}
		if maturityRank(declared.Maturity.Target) >= 0 {
			m.Target = declared.Maturity.Target
		}
	}
	return m
}
