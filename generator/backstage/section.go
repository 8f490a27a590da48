package backstage

import (
	"archfolio/generator"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// section writes the body section the import owns: where the blueprint came from,
// its system or components (as wikilinks, so they are checked and listed both
// ways), the APIs it provides and consumes, the resources it uses, its links
// (clickable) and its annotations (verbatim, in a YAML block: they are settings
// for tools, keyed by names no schema knows, so as fields each would be an
// unknown field).
func (c *Catalogue) section(e *Entity) string {
	var b strings.Builder
	b.WriteString(SectionHeading + "\n\n")
	fmt.Fprintf(&b, "From the Backstage entity `%s`", e.Ref)
	if e.Spec.Type != "" {
		fmt.Fprintf(&b, ", of type %s", escapeText(e.Spec.Type))
	}
	b.WriteString(".\n")
	var items []string
	if e.Ref.Kind == "component" {
		if sys := c.byRefText(e, e.Spec.System, "system"); sys != nil {
			items = append(items, "System: [["+c.ids[sys]+"]]")
		}
	}
	if comps := byLabel(c.components[e]); len(comps) > 0 {
		var links []string
		for _, comp := range comps {
			links = append(links, "[["+c.ids[comp]+"]]")
		}
		items = append(items, "Components: "+strings.Join(links, ", "))
	}
	items = appendEntities(items, "Provides APIs", c.provides[e])
	items = appendEntities(items, "Consumes APIs", c.consumes[e])
	items = appendEntities(items, "Resources it uses", c.resources[e])
	if len(items) > 0 {
		b.WriteString("\n- " + strings.Join(items, "\n- ") + "\n")
	}
	if links := linkItems(e.Links); len(links) > 0 {
		b.WriteString("\nLinks:\n\n- " + strings.Join(links, "\n- ") + "\n")
	}
	if len(e.Annotations) > 0 {
		var y strings.Builder
		enc := yaml.NewEncoder(&y)
		enc.SetIndent(2)
		_ = enc.Encode(e.Annotations) // a map of strings always encodes, keys sorted
		_ = enc.Close()
		fence := strings.Repeat("`", max(3, longestRun(y.String(), '`')+1))
		b.WriteString("\nAnnotations:\n\n" + fence + "yaml\n" + y.String() + fence + "\n")
	}
	return b.String()
}

// appendEntities adds "Label: a (type), b" when the list is not empty.
func appendEntities(items []string, lbl string, es []*Entity) []string {
	if len(es) == 0 {
		return items
	}
	var names []string
	for _, e := range byLabel(es) {
		n := escapeText(label(e))
		if e.Spec.Type != "" {
			n += " (" + escapeText(e.Spec.Type) + ")"
		}
		names = append(names, n)
	}
	return append(items, lbl+": "+strings.Join(names, ", "))
}

// linkItems writes metadata.links, sorted by title then URL: a markdown link for a
// web or mail address, the address as code otherwise (a relative one would name a
// file of the site, and be reported broken).
func linkItems(links []Link) []string {
	links = slices.Clone(links)
	slices.SortStableFunc(links, func(a, b Link) int {
		return strings.Compare(strings.ToLower(a.Title+"\x00"+a.URL), strings.ToLower(b.Title+"\x00"+b.URL))
	})
	var items []string
	for _, l := range links {
		u := strings.TrimSpace(l.URL)
		if u == "" {
			continue
		}
		text := escapeText(strings.Join(strings.Fields(l.Title), " "))
		if text == "" {
			text = escapeText(u)
		}
		if p, err := url.Parse(u); err == nil && (p.Scheme == "https" || p.Scheme == "http" || p.Scheme == "mailto") &&
			!strings.ContainsAny(u, "<>\n\r\t ") {
			items = append(items, "["+text+"](<"+u+">)")
		} else {
			items = append(items, text+": "+code(u))
		}
	}
	return items
}

// escapeText makes s literal markdown text on one line.
func escapeText(s string) string {
	return generator.MarkdownText(strings.Join(strings.Fields(s), " "))
}

// code writes s as inline code, with a fence longer than any backtick run in it.
func code(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
