// Package views registers the site's views with the generator, in menu
// order: a view is its own package under generator/ plus one line here. A
// program that builds sites (cmd/archfolio) imports it; so do the tests that
// need whole sites.
package views

import (
	"archfolio/generator"
	"archfolio/generator/backlog"
	"archfolio/generator/dependencies"
	"archfolio/generator/matrix"
	"archfolio/generator/reviews"
	"archfolio/generator/risk"
	"archfolio/generator/roadmap"
)

func init() {
	generator.RegisterView(matrix.View)
	generator.RegisterView(dependencies.View)
	generator.RegisterView(roadmap.View)
	generator.RegisterView(risk.View)
	generator.RegisterView(reviews.View)
	generator.RegisterView(backlog.View)
}
