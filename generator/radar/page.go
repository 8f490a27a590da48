package radar

import (
	"html/template"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/render"
)

// PageData is what radar.html shows: the radar, its picture, and its blips
// by quadrant for the key beside the picture.
type PageData struct {
	*Radar
	Picture template.HTML // "" when there is no blip
	Groups  []Group
}

// Group is one quadrant's blips.
type Group struct {
	Index int
	Name  string
	Blips []*Blip
}

// Quadrant is the name of the blip's quadrant.
func (r *Radar) Quadrant(b *Blip) string { return r.Quadrants[b.Quadrant] }

// pages is the radar page. Its data is made when it is rendered, so that
// Compare, which runs between Load and Render, is seen.
func pages(p *generator.Portfolio) []render.PageJob {
	job := render.PageJob{URL: URL, Layout: "radar.html", Page: &render.Page{Title: "Technology radar", Section: "radar"}}
	return []render.PageJob{render.LazyData(job, func() *PageData { return pageData(Of(p)) })}
}

func pageData(r *Radar) *PageData {
	d := &PageData{Radar: r}
	if len(r.Blips) == 0 {
		return d
	}
	d.Picture = r.SVG(URL)
	for q, name := range r.Quadrants {
		d.Groups = append(d.Groups, Group{Index: q, Name: name, Blips: r.InQuadrant(q)})
	}
	return d
}

// blipLink is the "radar-blip" panel component: on a blip's own page, where
// it is on the radar, linked to the radar.
var blipLink = markup.New[render.PanelPage[BlipPanel]]("radar-blip", render.PanelWriter(writeBlipLink))

// BlipPanel is what the radar-blip panel shows: the blip and its radar.
type BlipPanel struct {
	Radar *Radar
	Blip  *Blip
}

// panels is the radar-blip panel of a document on the radar.
func panels(p *generator.Portfolio, d *generator.Document) []render.Panel {
	r := Of(p)
	if b := r.byDoc[d]; b != nil {
		return []render.Panel{render.NewPanel(blipLink, "radar-blip", "Technology radar", BlipPanel{r, b})}
	}
	return nil
}

func writeBlipLink(pg render.PanelPage[BlipPanel], w markup.Writer) error {
	r, b := pg.Data.Radar, pg.Data.Blip
	w.Raw("\n<p>Number ")
	w.Int(b.Number)
	w.Raw(" on the <a href=\"")
	w.URL(pg.Rel(URL))
	w.Raw("\">technology radar</a>: ")
	w.Text(generator.Humanize(r.Quadrant(b)))
	w.Raw(", ")
	w.Text(generator.Humanize(b.RingName()))
	if m := b.Movement.String(); m != "" {
		w.Raw(", ")
		w.Text(m)
		w.Raw(" since ")
		w.Text(r.Since)
	}
	w.Raw(".</p>\n")
	return nil
}
