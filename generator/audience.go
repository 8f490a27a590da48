package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Classifications are the levels of a document's classification, from the
// widest audience to the narrowest; a document without one is internal.
var Classifications = []string{"public", "internal", "confidential", "restricted"}

// RestrictedReference is what a document shows, in place of the id, title and
// link, for a reference to a document its audience may not read.
const RestrictedReference = "restricted reference"

// CheckAudience reports an Options.Audience that is no classification.
func CheckAudience(audience string) error {
	if audience == "" || slices.Contains(Classifications, audience) {
		return nil
	}
	return fmt.Errorf("audience %q: want one of %s", audience, strings.Join(Classifications, ", "))
}

// hiddenFrom reports whether the audience may not read d: its classification
// is above the audience's level. Every document is visible without an
// audience; an audience that is no level (CheckAudience) reads only public
// documents, and a classification that is no level counts as restricted, so
// that a mistake never publishes more.
func hiddenFrom(audience string, d *Document) bool {
	if audience == "" {
		return false
	}
	level, class := slices.Index(Classifications, audience), slices.Index(Classifications, d.Classification)
	if level < 0 {
		level = 0
	}
	if class < 0 {
		class = len(Classifications) - 1
	}
	return class > level
}

// restrict marks the reference r of a document that stays as one to a
// left-out document; restrictValues replaces the value it came from.
func restrict(r *Ref) {
	r.Restricted, r.Target = true, RestrictedReference
}

// restrictLink puts RestrictedReference in the place of a body link to a
// document the audience may not read: its text may be the document's title.
func restrictLink(node ast.Node) {
	parent := node.Parent()
	if parent == nil {
		return
	}
	em := ast.NewEmphasis(1)
	em.AppendChild(em, ast.NewString([]byte(RestrictedReference)))
	parent.ReplaceChild(parent, node, em)
}

// audienceFiles keeps, of the files of content/ a build publishes, those a
// document that stays links to: a file beside a left-out document may be
// about it.
func audienceFiles(p *Portfolio) []string {
	linked := map[string]bool{}
	for _, d := range p.Docs {
		for _, l := range d.links {
			if l.file && l.published != "" {
				linked[l.key] = true
			}
		}
	}
	var out []string
	for _, f := range p.Files {
		if linked[f] {
			out = append(out, f)
		}
	}
	return out
}

// Restricted reports whether id names a document this build's audience may
// not read (Options.Audience): a view that finds ids in free text (evidence)
// shows RestrictedReference in its place.
func (p *Portfolio) Restricted(id string) bool { return p.hidden[id] }

// restrictValues returns v with every front-matter string that is the id of a
// left-out document replaced by RestrictedReference: the values of its
// references, and ids written where the schema expects free text (evidence).
// It copies what it changes and never writes into v: the dev server's Loader
// keeps a document's parsed values from load to load, and the next load may
// leave out other documents, or none.
func restrictValues(v any, hidden map[string]*Document) any {
	r, _ := restricted(v, hidden)
	return r
}

// restricted is restrictValues, and whether it changed anything.
func restricted(v any, hidden map[string]*Document) (any, bool) {
	switch v := v.(type) {
	case string:
		if hidden[v] != nil {
			return RestrictedReference, true
		}
	case []any:
		var out []any
		for i, it := range v {
			r, changed := restricted(it, hidden)
			if changed && out == nil {
				out = slices.Clone(v[:i])
			}
			if out != nil {
				out = append(out, r)
			}
		}
		if out != nil {
			return out, true
		}
	case *Object:
		if v == nil {
			return v, false
		}
		var out *Object
		for i, x := range v.vals {
			if r, changed := restricted(x, hidden); changed {
				if out == nil {
					out = v.Clone()
				}
				out.vals[i] = r
			}
		}
		if out != nil {
			return out, true
		}
	}
	return v, false
}
