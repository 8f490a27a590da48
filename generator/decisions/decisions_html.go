package decisions

import (
	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// chainPanel is the "decision-chain" panel component: a decision's whole
// chain of supersession, oldest first.
var chainPanel = markup.New[render.PanelPage[ChainData]]("decision-chain", render.PanelWriter(writeChainPanel))

// writeChainPanel writes the chain as a table: when each decision was taken,
// the decision (this page's in bold), its status, what it supersedes, and
// whether it is in force.
func writeChainPanel(pg render.PanelPage[ChainData], w markup.Writer) error {
	c := pg.Data.Chain
	inForce := 0
	for _, e := range c.Entries {
		if e.InForce {
			inForce++
		}
	}
	w.Raw("\n<p>")
	w.Int(len(c.Entries))
	w.Raw(" decisions replace one another here, oldest first; ")
	switch inForce {
	case 0:
		w.Raw("none of them is in force.")
	case 1:
		w.Raw("one is in force.")
	default:
		w.Int(inForce)
		w.Raw(" are in force.")
	}
	w.Raw("</p>\n<table class=\"data\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Decision</th><th scope=\"col\">Status</th><th scope=\"col\">Supersedes</th></tr></thead>\n<tbody>")
	for _, e := range c.Entries {
		w.Raw("\n<tr")
		if e.Doc == pg.Data.Doc {
			w.Raw(" class=\"current\" aria-current=\"true\"")
		}
		w.Raw("><td class=\"nowrap\">")
		if t := generator.DateField(e.Doc.Fields, "date"); !t.IsZero() {
			w.Date(t)
		}
		w.Raw("</td>\n<td>")
		if e.Doc == pg.Data.Doc {
			w.Raw("<strong>")
			w.Text(e.Doc.Title)
			w.Raw("</strong> (this decision)")
		} else {
			w.Link(pg.Rel(e.Doc.URL), e.Doc.Title)
		}
		if e.InForce {
			w.Raw(" <span class=\"badge in-force\">in force</span>")
		}
		w.Raw("</td>\n<td>")
		render.PutStatus(w, e.Doc.Status)
		w.Raw("</td>\n<td>")
		for i, s := range e.Supersedes {
			if i > 0 {
				w.Raw(", ")
			}
			w.Link(pg.Rel(s.URL), s.ID)
		}
		w.Raw("</td></tr>")
	}
	w.Raw("\n</tbody>\n</table>\n")
	return nil
}
