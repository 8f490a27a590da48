// Package radar is the technology radar: the documents that place a
// technology or a product in a ring (adopt, trial, assess, hold) and a
// quadrant, drawn as a radar at build time (radar/) with a table beside it.
//
// A document is a blip when its kind's schema has a ring field whose values
// are the radar's rings (the built-in vendor kind has; so may a kind that
// archfolio.yaml adds, a technology kind with ring and quadrant fields), it
// has a ring, and its quadrant is one of archfolio.yaml's radar: quadrants:.
// A quadrant that is not declared is an error (AF705, with the closest
// declared one), a ring without a quadrant a warning (AF706); without
// quadrants there is no radar, and a ring alone is no error.
//
// Blips are numbered in the order the table lists them: by quadrant (in the
// order archfolio.yaml declares them), by ring (adopt first: the schema's
// order, not the alphabet), then by title and id. The picture places them by
// that order alone (layout.go): no randomness, so two builds draw the same
// radar.
//
// Movement since a comparison revision (new, moved in, moved out) is Compare's:
// it takes the portfolio as it was at that revision, which the build does not
// load yet (see Compare).
package radar

import (
	"cmp"
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/render"
)

// View is the technology radar: its analysis, its page, the panel on each
// blip's page that places it (instead of the quadrant as written), and its
// part of portfolio.json.
var View = render.View{Name: "radar", Analyse: analyse, Menu: &render.MenuItem{Label: "Radar", URL: URL, Section: "radar"},
	Pages: pages, Panels: panels, JSON: radarJSON, Shows: []string{"vendor.quadrant"}}

// URL is the radar page's address.
const URL = "radar/"

// result is where the analysis keeps the radar on a Portfolio.
var result = generator.NewResult[*Radar]()

// Of returns the radar of p.
func Of(p *generator.Portfolio) *Radar { return result.Get(p) }

// Rings are the radar's rings, from the centre out: what the vendor kind's
// ring field allows, in the schema's order.
var Rings = []string{"adopt", "trial", "assess", "hold"}

// Radar is the portfolio's technology radar.
type Radar struct {
	// Quadrants are archfolio.yaml's, in the order declared.
	Quadrants []string
	// Blips are numbered from 1 in this order: quadrant, ring, title, id.
	Blips []*Blip
	// Off counts the documents with a ring that are not on the radar: no
	// quadrant, or one that is not declared.
	Off int
	// Since names the revision that movement is measured from; "" when it is
	// not known (Compare has not run), and every blip's Movement is Unknown.
	Since string
	// Gone are the blips of the comparison revision that are no longer on the
	// radar, by title.
	Gone []*Blip

	byDoc map[*generator.Document]*Blip
}

// Blip is one document on the radar.
type Blip struct {
	Number   int
	Doc      *generator.Document
	Quadrant int // index into Radar.Quadrants
	Ring     int // index into Rings
	Movement Movement
}

// RingName is the blip's ring as the front matter writes it (adopt).
func (b *Blip) RingName() string { return Rings[b.Ring] }

// Recommendation is the document's recommendation field, as written ("" when it has none).
func (b *Blip) Recommendation() string { return b.Doc.Fields.String("recommendation") }

// onRadar reports whether a kind's documents can be blips: its ring field is
// an enum of the radar's rings.
func onRadar(k *generator.Kind) bool {
	f := k.Fields.ByName["ring"]
	if f == nil || f.Type != "enum" || len(f.Values) == 0 {
		return false
	}
	for _, v := range f.Values {
		if !slices.Contains(Rings, v) {
			return false
		}
	}
	return true
}

// analyse finds the blips and checks their quadrants.
func analyse(p *generator.Portfolio) diag.Diagnostics {
	names, diags := quadrants(p.Config)
	r := &Radar{Quadrants: names}
	result.Set(p, r)
	for _, kind := range p.Schema.Order {
		if !onRadar(p.Schema.Kinds[kind]) {
			continue
		}
		for _, d := range p.ByKind[kind] {
			b, problem := place(d, names, p.Config.Path)
			if problem != nil {
				diags = append(diags, *problem)
			}
			switch {
			case b != nil:
				r.Blips = append(r.Blips, b)
			case d.Fields.String("ring") != "":
				r.Off++
			}
		}
	}
	sortBlips(r.Blips)
	r.byDoc = make(map[*generator.Document]*Blip, len(r.Blips))
	for i, b := range r.Blips {
		b.Number = i + 1
		r.byDoc[b.Doc] = b
	}
	return diags
}

// place returns the blip a document makes, or nil, and what is wrong with its
// quadrant.
func place(d *generator.Document, names []string, config string) (*Blip, *diag.Diagnostic) {
	ring := slices.Index(Rings, d.Fields.String("ring"))
	q := d.Fields.String("quadrant")
	switch {
	case q == "" && (ring < 0 || len(names) == 0):
		return nil, nil
	case q == "":
		msg := "ring: " + Rings[ring] + " but no quadrant, so the radar leaves it out; add quadrant: one of " + strings.Join(names, ", ")
		problem := diag.NewDiagnostic(diag.CodeMissingQuadrant, d.Path, d.Pos("ring"), msg)
		return nil, &problem
	case len(names) == 0:
		msg := "quadrant: " + generator.Quote(q) + ", but " + config + " declares no quadrants; list them under radar: quadrants:"
		problem := diag.NewDiagnostic(diag.CodeUnknownQuadrant, d.Path, d.Pos("quadrant"), msg)
		return nil, &problem
	}
	qi := slices.Index(names, q)
	if qi < 0 {
		msg := "quadrant: " + generator.Quote(q) + " is not one of the radar's quadrants in " + config + diag.DidYouMean(q, names) +
			"; want one of: " + strings.Join(names, ", ")
		problem := diag.NewDiagnostic(diag.CodeUnknownQuadrant, d.Path, d.Pos("quadrant"), msg)
		return nil, &problem
	}
	if ring < 0 {
		return nil, nil
	}
	return &Blip{Doc: d, Quadrant: qi, Ring: ring}, nil
}

// sortBlips puts blips in the radar's order: quadrant, ring, title, id.
func sortBlips(blips []*Blip) {
	slices.SortFunc(blips, func(a, b *Blip) int {
		return cmp.Or(cmp.Compare(a.Quadrant, b.Quadrant), cmp.Compare(a.Ring, b.Ring),
			cmp.Compare(a.Doc.Title, b.Doc.Title), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
}

// InQuadrant returns the blips of quadrant q, in order.
func (r *Radar) InQuadrant(q int) []*Blip {
	var out []*Blip
	for _, b := range r.Blips {
		if b.Quadrant == q {
			out = append(out, b)
		}
	}
	return out
}

// radarJSON is the radar's part of portfolio.json: each blip by id with its
// number, quadrant, ring and, once known, movement.
func radarJSON(p *generator.Portfolio) any {
	r := Of(p)
	type blipJSON struct {
		Number   int    `json:"number"`
		ID       string `json:"id"`
		Quadrant string `json:"quadrant"`
		Ring     string `json:"ring"`
		Movement string `json:"movement,omitempty"`
	}
	blips := []blipJSON{}
	for _, b := range r.Blips {
		blips = append(blips, blipJSON{b.Number, b.Doc.ID, r.Quadrants[b.Quadrant], b.RingName(), b.Movement.String()})
	}
	return map[string]any{"quadrants": append([]string{}, r.Quadrants...), "blips": blips}
}
