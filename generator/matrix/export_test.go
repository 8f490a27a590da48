package matrix

// Internals the external tests and benchmarks call (the package matrix_test
// imports generator/sitetest, which imports this package through
// generator/views).
var (
	ExportAlignments        = alignments
	ExportWorse             = worse
	ExportCompareControlIDs = compareControlIDs
	ExportControlGroup      = controlGroup
	ExportComputeMatrix     = computeMatrix
	ExportCSVHeader         = matrixCSVHeader
	ExportMatrixJSON        = matrixJSON
	ExportWriteMatrixJSON   = writeMatrixJSON
)

// ExportRank is an alignment's rank in the order of alignments.
func ExportRank(a Alignment) int { return a.rank() }
