package generator

// The views that are still files of this package register here, before the
// view packages that generator/views registers.

func init() {
	for _, v := range []View{
		{Name: "matrix", Analyse: analyseMatrix, Menu: &MenuItem{Label: "Matrix", URL: "matrix/", Section: "matrix"},
			Pages: matrixPages, Panels: matrixPanels, Cards: matrixCards, Files: matrixFiles, JSON: matrixSummaryJSON,
			Shows: []string{"blueprint.compliance"}},
	} {
		RegisterView(v)
	}
}
