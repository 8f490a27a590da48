package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// scalar writes a string as a YAML scalar: plain when that reads back as the same
// string under YAML 1.1 (goldmark-meta's yaml.v2), double-quoted otherwise.
func scalar(s string) string {
	if plainSafe(s) {
		return s
	}
	return strconv.Quote(s)
}

func plainSafe(s string) bool {
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for _, r := range s {
		ok := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' ||
			strings.ContainsRune(" .()/'-", r)
		if !ok {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	return !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, ".")
}

// flow writes a flow sequence: [a, b, c].
func flow(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = scalar(it)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// kv writes "key: value" at an indent.
func (d *doc) kv(indent int, key, value string) {
	fmt.Fprintf(&d.fm, "%s%s: %s\n", strings.Repeat(" ", indent), key, value)
}

// item writes the first line of a block sequence item: "- key: value".
func (d *doc) item(indent int, key, value string) {
	fmt.Fprintf(&d.fm, "%s- %s: %s\n", strings.Repeat(" ", indent), key, value)
}

// line writes a raw line at an indent.
func (d *doc) line(indent int, s string) {
	fmt.Fprintf(&d.fm, "%s%s\n", strings.Repeat(" ", indent), s)
}

// common writes the fields every document has.
func (g *gen) common(d *doc, status, summary string) {
	d.kv(0, "id", d.id)
	d.kv(0, "kind", d.kind)
	d.kv(0, "title", scalar(d.title))
	d.kv(0, "status", status)
	d.kv(0, "owner", scalar(pick(g, teams)))
	d.kv(0, "summary", scalar(summary))
	d.kv(0, "tags", flow(pickN(g, tagWords, g.between(2, 5))))
	if g.chance(.3) {
		d.kv(0, "classification", pick(g, []string{"public", "confidential", "restricted"}))
	}
	if g.chance(.7) {
		every := pick(g, []string{"P6M", "P1Y", "P3M"})
		d.kv(0, "review", fmt.Sprintf("{last: %s, every: %s}", g.daysFromToday(-g.between(10, 400)), every))
	}
}

// weighted picks a value by weight: weighted("a", 3, "b", 1) is "a" three times in four.
func (g *gen) weighted(pairs ...any) string {
	total := 0
	for i := 1; i < len(pairs); i += 2 {
		total += pairs[i].(int)
	}
	r := g.rng.IntN(total)
	for i := 0; i < len(pairs); i += 2 {
		r -= pairs[i+1].(int)
		if r < 0 {
			return pairs[i].(string)
		}
	}
	return pairs[0].(string)
}

// sentence makes one line of prose for summaries and free-text fields.
func (g *gen) sentence() string {
	return pick(g, subjects) + " " + pick(g, verbs) + " " + pick(g, objects) + " " + pick(g, qualifiers)
}
