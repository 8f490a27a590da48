package dependencies

// Internals the external tests and benchmarks call (the package
// dependencies_test imports generator/sitetest, which imports this package
// through generator/views).
var (
	ExportPortfolioMap  = portfolioMap
	ExportDomainMap     = domainMap
	ExportNeighbourhood = neighbourhood
	ExportImpactSet     = impactSet
	ExportPathIDs       = pathIDs
	ExportMaxColumn     = maxColumn
)
