package generator

// The views that are still files of this package register here, before the
// view packages that generator/views registers.

import "html/template"

func init() {
	for _, v := range []View{
		{Name: "matrix", Analyse: analyseMatrix, Menu: &MenuItem{Label: "Matrix", URL: "matrix/", Section: "matrix"},
			Pages: matrixPages, Panels: matrixPanels, Cards: matrixCards, Files: matrixFiles, JSON: matrixSummaryJSON,
			Shows: []string{"blueprint.compliance"}},
		{Name: "dependencies", Analyse: analyseDependencies, Menu: &MenuItem{"Dependencies", "dependencies/", "dependencies"},
			Pages: dependencyPages, Panels: dependencyPanels, Cards: dependencyCards, JSON: dependenciesJSON,
			Shows: []string{"blueprint.depends_on"},
			Funcs: template.FuncMap{"depsFrame": func(svg template.HTML, label, caption string) DepsFrameData {
				return DepsFrameData{SVG: svg, Label: label, Caption: caption}
			}}},
	} {
		RegisterView(v)
	}
}
