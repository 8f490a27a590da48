// Package views registers the site's views with the generator, in menu
// order: a view is its own package under generator/ plus one line here. A
// program that builds sites (cmd/archfolio) imports it; so do the tests that
// need whole sites.
package views

import (
	"archfolio/generator/audit"
	"archfolio/generator/backlog"
	"archfolio/generator/changes"
	"archfolio/generator/decisions"
	"archfolio/generator/dependencies"
	"archfolio/generator/matrix"
	"archfolio/generator/quality"
	"archfolio/generator/radar"
	"archfolio/generator/render"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
	"archfolio/generator/roadmap"
)

func init() {
	render.RegisterView(matrix.View)
	render.RegisterView(dependencies.View)
	render.RegisterView(roadmap.View)
	render.RegisterView(risk.View)
	render.RegisterView(reviews.View)
	render.RegisterView(backlog.View)
	render.RegisterView(decisions.View)
	render.RegisterView(radar.View)
	render.RegisterView(audit.View)
	render.RegisterView(quality.View)
	render.RegisterView(changes.View)
}
