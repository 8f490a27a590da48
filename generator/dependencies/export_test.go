package dependencies

import (
	"html/template"

	"archfolio/generator"
)

// Internals the external tests and benchmarks call (the package
// dependencies_test imports generator/sitetest, which imports this package
// through generator/views).
var (
	ExportPortfolioMap = portfolioMap
	ExportDomainMap    = func(p *generator.Portfolio, url string) template.HTML {
		svg, _ := domainMap(p, url, lists(p).Blueprints)
		return svg
	}
	ExportNeighbourhood = neighbourhood
	// ExportWriteNeighbourhoodMap draws a neighbourhood's map at the end of b,
	// as its panel does.
	ExportWriteNeighbourhoodMap = (*Neighbourhood).writeSVG
	ExportImpactSet             = impactSet
	ExportImpactSummary         = func(p *generator.Portfolio, d *generator.Document) (n, direct, deepest, missionCritical int, top []ImpactEntry) {
		s := summarise(Of(p), d)
		return s.n, s.direct, s.deepest, s.missionCritical, s.top
	}
	ExportPathIDs          = pathIDs
	ExportMaxColumn        = maxColumn
	ExportIsDependsOnField = isDependsOnField
)
