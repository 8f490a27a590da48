package radar

import (
	"html/template"

	"archfolio/generator"
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
