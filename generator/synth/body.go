package synth

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// bodyWriter builds one markdown body and counts its prose words.
type bodyWriter struct {
	g     *gen
	d     *doc
	b     bytes.Buffer
	words int
	links []string // markdown for the cross-links still to place
}

// body writes a document body of 600–1,500 words: an introduction, five sections
// of prose with a list, a table and two fenced code blocks (yaml, go or hcl), a
// numbered list of risks, and 3–6 cross-links to related documents as relative .md
// links and wikilinks.
func (g *gen) body(d *doc) []byte {
	w := &bodyWriter{g: g, d: d, links: g.crossLinks(d)}
	target := g.between(600, 1500)
	prose := target - 220 // lists, table, headings and links carry about 220 words
	heads := headingsByKind[d.kind]
	langs := pickN(g, []string{"yaml", "go", "hcl"}, 2)
	if g.chance(.5) {
		langs[0], langs[1] = langs[1], langs[0]
	}
	w.paragraph(prose*8/100, true)
	w.heading(2, "Context")
	w.paragraph(prose*12/100, true)
	w.paragraph(prose*8/100, false)
	w.heading(2, heads[0])
	w.paragraph(prose*10/100, false)
	w.list(g.between(3, 6), false)
	w.heading(3, heads[0]+" in detail")
	w.paragraph(prose*10/100, false)
	w.table()
	w.heading(2, heads[1])
	w.paragraph(prose*10/100, false)
	w.code(langs[0], false)
	w.paragraph(prose*10/100, true)
	w.heading(2, heads[2])
	w.paragraph(prose*10/100, false)
	w.code(langs[1], g.chance(.3))
	w.heading(2, heads[3])
	w.paragraph(prose*12/100, true)
	w.heading(2, "Risks and open questions")
	w.list(g.between(3, 5), true)
	w.heading(2, heads[4])
	w.paragraph(prose-w.words, false)
	w.heading(2, "Related documents")
	if len(w.links) == 0 {
		w.b.WriteString("The relations panel lists every other document that refers to this one.\n")
	}
	for _, l := range w.links {
		fmt.Fprintf(&w.b, "- %s\n", l)
	}
	return w.b.Bytes()
}

func (w *bodyWriter) heading(level int, text string) {
	fmt.Fprintf(&w.b, "%s %s\n\n", strings.Repeat("#", level), text)
}

// paragraph writes prose of about n words, in one or more paragraphs of 3–6
// sentences; with link, the first paragraph carries a cross-link.
func (w *bodyWriter) paragraph(n int, link bool) {
	n = max(n, 25)
	used := 0
	for used < n {
		sentences := w.g.between(3, 6)
		for s := 0; s < sentences && used < n; s++ {
			text := w.sentence()
			if s > 0 {
				w.b.WriteByte(' ')
			}
			w.b.WriteString(text)
			used += strings.Count(text, " ") + 1
		}
		if link && len(w.links) > 0 {
			fmt.Fprintf(&w.b, " %s", linkSentence(w.g, w.links[0]))
			w.links, link = w.links[1:], false
		}
		w.b.WriteString("\n\n")
	}
	w.words += used
}

func (w *bodyWriter) sentence() string {
	g := w.g
	s := pick(g, subjects) + " " + pick(g, verbs) + " " + pick(g, objects) + " " + pick(g, qualifiers) + "."
	if g.chance(.3) {
		s = pick(g, connectives) + " " + strings.ToLower(s[:1]) + s[1:]
	}
	if g.chance(.1) {
		s += fmt.Sprintf(" The `%s` component keeps this **%s**.", pick(g, components),
			pick(g, []string{"idempotent", "auditable", "stateless", "observable"}))
	}
	return s
}

func linkSentence(g *gen, link string) string {
	return fmt.Sprintf(pick(g, []string{"See %s for the details.", "This builds on %s.",
		"The same approach is described in %s.", "For the wider picture, read %s."}), link)
}

func (w *bodyWriter) list(n int, numbered bool) {
	for i := range n {
		marker := "-"
		if numbered {
			marker = fmt.Sprintf("%d.", i+1)
		}
		g := w.g
		fmt.Fprintf(&w.b, "%s %s %s %s.\n", marker, capitalize(pick(g, verbs)), pick(g, objects), pick(g, qualifiers))
	}
	w.b.WriteByte('\n')
}

func (w *bodyWriter) table() {
	g := w.g
	w.b.WriteString("| Element | Owner | Status | Target | Notes |\n|---|---|---|---|---|\n")
	for range g.between(3, 6) {
		fmt.Fprintf(&w.b, "| `%s` | %s | %s | %s | %s |\n", pick(g, components), pick(g, teams),
			pick(g, []string{"live", "in build", "planned", "retiring"}), g.quarter(g.between(-2, 6)), capitalize(pick(g, objects)))
	}
	w.b.WriteByte('\n')
}

func (w *bodyWriter) code(lang string, shared bool) {
	fmt.Fprintf(&w.b, "```%s\n", lang)
	w.b.WriteString(codeBlock(w.g, w.d, lang, shared))
	w.b.WriteString("```\n\n")
}

// crossLinks chooses 3–6 documents to link to, related ones first, and writes each
// as a relative .md link (sometimes to its Context heading) or a wikilink.
func (g *gen) crossLinks(d *doc) []string {
	want := g.between(3, 6)
	seen := map[string]bool{d.id: true}
	var targets []*doc
	for _, id := range d.related {
		if t := g.byID[id]; t != nil && !seen[id] && len(targets) < want {
			seen[id] = true
			targets = append(targets, t)
		}
	}
	for len(targets) < want {
		t := pick(g, g.all)
		if !seen[t.id] {
			seen[t.id] = true
			targets = append(targets, t)
		}
	}
	out := make([]string, len(targets))
	for i, t := range targets {
		switch r := g.rng.IntN(20); {
		case r < 8:
			out[i] = fmt.Sprintf("[%s](%s)", t.title, relPath(d.path, t.path))
		case r < 10:
			out[i] = fmt.Sprintf("[%s](%s#context)", t.title, relPath(d.path, t.path))
		case r < 15:
			out[i] = "[[" + t.id + "]]"
		default:
			out[i] = fmt.Sprintf("[[%s|%s]]", t.id, strings.ToLower(t.title))
		}
	}
	return out
}

// relPath is the relative link from the file at from to the file at to.
func relPath(from, to string) string {
	if path.Dir(from) == path.Dir(to) {
		return path.Base(to)
	}
	return "../" + path.Base(path.Dir(to)) + "/" + path.Base(to)
}
