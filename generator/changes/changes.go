// Package changes is the site's Changes page (changes/): what changed in the
// portfolio since a revision of its git history, for the quarterly review.
// The comparison is package history's (the one `archfolio diff` prints, in
// the same sections, what got worse first); this package reads the setting,
// finds the earlier side in git and shows the comparison as a page.
//
// The revision is archfolio.yaml's changes.since, which build --since and
// serve --since override: anything git names (a tag, a branch, a commit) or
// a date, YYYY-MM-DD, for the last commit on or before that day. The earlier
// side is read from git (Source, the generator.Options.Changes of build and
// serve) once per commit, and the comparison is worked out when the page, or
// the home page's card, is first rendered. When there is no comparison (no
// git, no repository, a revision the clone does not have) the load warns
// (AF911) and the page says why; the rest of the site is built as ever.
package changes

import (
	"fmt"
	"io/fs"
	"strconv"
	"sync"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/history"
	"archfolio/generator/render"

	"gopkg.in/yaml.v3"
)

// View is the Changes page, its home card and its menu entry, when a
// revision is set.
var View = render.View{Name: "changes", Analyse: readSetting, Pages: pages, Cards: cards}

// URL is the Changes page's address.
const URL = "changes/"

var result = generator.NewResult[*Comparison]()

// Of returns the comparison of the portfolio, or nil when no revision is set.
func Of(p *generator.Portfolio) *Comparison { return result.Get(p) }

// Comparison is the Changes page's comparison of a portfolio with a revision.
type Comparison struct {
	// Since is the revision as given; FromFlag says --since gave it (else
	// archfolio.yaml's changes.since, at At).
	Since    string
	FromFlag bool
	At       diag.Pos
	// Problem says why there is no comparison; "" when there is one.
	Problem string
	// Rev is the commit Since named, once found.
	Rev  history.Revision
	diff func() *history.Diff
}

// Diff is the comparison, worked out when first asked for; nil when there is
// none (Problem says why).
func (c *Comparison) Diff() *history.Diff {
	if c == nil || c.diff == nil {
		return nil
	}
	return c.diff()
}

// compared keeps the comparison of p with base, worked out once when first
// asked for.
func (c *Comparison) compared(base *history.Baseline, p *generator.Portfolio, site fs.FS) {
	c.Rev = base.Rev
	c.diff = sync.OnceValue(func() *history.Diff { return base.Compare(p, site) })
}

// readSetting reads archfolio.yaml's changes: a mapping whose one key is
// since, a revision.
func readSetting(p *generator.Portfolio) diag.Diagnostics {
	n := &p.Config.Changes
	if n.Kind == 0 {
		return nil
	}
	sink := &diag.DiagSink{Path: p.Config.Path}
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }
	if n.Kind != yaml.MappingNode {
		sink.Report(diag.CodeInvalidConfig, at(n), "changes: want a mapping, like changes: {since: 2026-09-30}")
		return sink.Diags
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Value != "since":
			sink.Report(diag.CodeUnknownSetting, at(k), "unknown setting %q%s", "changes."+k.Value, diag.DidYouMean(k.Value, []string{"since"}))
		case v.Kind != yaml.ScalarNode || v.Value == "":
			sink.Report(diag.CodeInvalidConfig, at(v), "changes.since: want a revision (a tag, a branch, a commit) or a date YYYY-MM-DD")
		default:
			result.Set(p, &Comparison{Since: v.Value, At: at(v)})
		}
	}
	return sink.Diags
}

// unavailable is the warning of a comparison that cannot be made.
func (c *Comparison) unavailable(configPath string, err error) diag.Diagnostic {
	c.Problem = err.Error()
	if c.FromFlag {
		return diag.NewDiagnostic(diag.CodeChangesUnavailable, "", diag.Pos{},
			fmt.Sprintf("--since %s: %v; the Changes page says so and the rest of the site is built", c.Since, err))
	}
	return diag.NewDiagnostic(diag.CodeChangesUnavailable, configPath, c.At,
		fmt.Sprintf("changes.since %s: %v; the Changes page says so and the rest of the site is built", c.Since, err))
}

func pages(p *generator.Portfolio) []render.PageJob {
	c := Of(p)
	if c == nil {
		return nil
	}
	return []render.PageJob{render.LazyData(render.PageJob{URL: URL, Layout: "changes.html",
		Page: &render.Page{Title: "Changes since " + c.Since, Section: "changes"}}, func() *Page { return newPage(p, c) })}
}

// cards is the home page's figure: the changes for the worse since the
// revision, or why there is no comparison.
func cards(p *generator.Portfolio) []render.Card {
	c := Of(p)
	if c == nil {
		return nil
	}
	card := render.Card{Title: "Changes since " + c.Since, URL: URL}
	d := c.Diff()
	if d == nil {
		card.Value, card.Detail, card.Alert = "–", "no comparison: "+c.Problem, render.AlertWarning
		return []render.Card{card}
	}
	worse := d.Worse()
	card.Value = strconv.Itoa(worse)
	card.Detail = generator.PluralWord(worse, "change", "changes") + " for the worse since " + d.From.Date
	card.Alert = render.AlertIf(worse > 0, render.AlertWarning)
	return []render.Card{card}
}
