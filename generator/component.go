package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// Components are the named blocks of default markup written in Go: each is a
// function over a typed data value, and its name is the html/template a theme
// defines to replace it (component.go, doc.go "Markup").

// componentSlot numbers the components; a theme's overrides are an array with
// one entry per slot, so that the check on the hot path is an index, not a
// lookup by name.
type componentSlot int

const (
	slotStatus componentSlot = iota
	slotValue
	slotDocLink
	slotDocItem
	slotMenu
	slotAlignment
	slotAlignmentRecord
	slotWaiverDays
	slotRiskSeverity
	slotRiskCounts
	slotBacklogDue
	slotBacklogJira
	slotBacklogWaiver
	slotReviewOutcome
	slotReviewLate
	slotReviewLateCount
	slotDepsCriticality
	slotDepsLifecycle
	slotDepsEdge
	slotDepsFrame
	slotRiskDocs
	slotRiskHeatmap
	slotRiskStride
	slotRiskResidual
	slotReviewConditions
	slotBacklogTable
	slotBacklogItem
	slotBacklogBlueprint
	slotDepsNeighbourhood
	slotReviewHistory
	slotReviewFindings
	slotRiskModelThreats
	slotRiskModelSummary
	slotRiskBlueprint
	slotRiskAddressed
	slotRoadmapBlueprint
	slotMatrixRow
	slotMatrixColumn
	slotFilters
	slotTags
	slotDocList
	slotBacklogGroups
	slotDepsLegend
	slotMatrixLegend
	slotMatrixRollups
	slotMatrixControls
	slotMatrixFamily
	slotPageContent
	slotKindContent
	slotGroupContent
	slotImpactContent
	slotRisksContent
	slotDependenciesContent
	slotMatrixContent
	slotBacklogContent
	slotBase
	numComponents
)

// Component is a named block of markup: write is its Go source, and a theme
// that defines a template called Name replaces it, the template receiving the
// same data.
type Component[T any] struct {
	Name  string
	slot  componentSlot
	write func(w htmlWriter, data T)
}

// put writes the block for data: the theme's template when it overrides the
// block, else the Go writer.
func (c *Component[T]) put(w htmlWriter, data T) {
	if w.env != nil {
		if t := w.env.ov[c.slot]; t != nil {
			w.env.execute(w.Buffer, t, data)
			return
		}
	}
	c.write(w, data)
}

// overridden reports whether the theme of w replaces the block.
func (c *Component[T]) overridden(w htmlWriter) bool {
	return w.env != nil && w.env.ov[c.slot] != nil
}

func (c *Component[T]) componentName() string        { return c.Name }
func (c *Component[T]) componentSlot() componentSlot { return c.slot }
func (c *Component[T]) dataType() reflect.Type       { return reflect.TypeFor[T]() }

// templateFunc returns the function by which the theme's templates call the Go
// writer (the define registry writes for each block a theme does not override).
func (c *Component[T]) templateFunc(ov *overrides) any {
	return func(data T) (template.HTML, error) {
		var buf bytes.Buffer
		env := &writeEnv{ov: ov}
		c.write(htmlWriter{&buf, env}, data)
		return template.HTML(buf.String()), env.err
	}
}

// registered is a Component of any data type, as the registry lists it.
type registered interface {
	componentName() string
	componentSlot() componentSlot
	templateFunc(ov *overrides) any
	dataType() reflect.Type
}

// registry lists every component, in slot order (TestRegistry holds it to that).
var registry = [numComponents]registered{
	&statusBlock, &valueBlock, &docLinkBlock, &docItemBlock, &menuBlock,
	&alignmentBlock, &alignmentRecordBlock, &waiverDaysBlock,
	&riskSeverityBlock, &riskCountsBlock,
	&backlogDueBlock, &backlogJiraBlock, &backlogWaiverBlock,
	&reviewOutcomeBlock, &reviewLateBlock, &reviewLateCountBlock,
	&depsCriticalityBlock, &depsLifecycleBlock, &depsEdgeBlock,
	&depsFrameBlock, &riskDocsBlock, &riskHeatmapBlock, &riskStrideBlock, &riskResidualBlock,
	&reviewConditionsBlock, &backlogTableBlock,
	&backlogItemPanel, &backlogBlueprintPanel, &depsNeighbourhoodPanel,
	&reviewHistoryPanel, &reviewFindingsPanel,
	&riskModelThreatsPanel, &riskModelSummaryPanel, &riskBlueprintPanel, &riskAddressedPanel,
	&roadmapBlueprintPanel, &matrixRowPanel, &matrixColumnPanel,
	&filtersBlock, &tagsBlock, &docListBlock, &backlogGroupsBlock, &depsLegendBlock, &matrixLegendBlock,
	&matrixRollupsBlock, &matrixControlsBlock, &matrixFamilyBlock,
	&documentContent, &kindContent, &groupContent, &impactContent, &risksContent,
	&dependenciesContent, &matrixContent, &backlogContent, &baseBlock,
}

// overrides holds a theme's template for each component it replaces, by slot.
type overrides [numComponents]*template.Template

// writeEnv is what a page's writers share: the theme's overrides and the first
// error an override's template returned (sticky, as bufio.Writer's).
type writeEnv struct {
	ov  *overrides
	err error
}

func (e *writeEnv) execute(buf *bytes.Buffer, t *template.Template, data any) {
	if err := t.Execute(buf, data); err != nil && e.err == nil {
		e.err = err
	}
}

// fail records err as w's error, unless one came first.
func (w htmlWriter) fail(err error) {
	if w.env != nil && w.env.err == nil {
		w.env.err = err
	}
}

// generatedDefines is the name of the template that defines, for every
// component, a template of its name calling its Go writer; parsed before the
// theme's files, so that a theme's own define replaces it.
const generatedDefines = "archfolio-components"

// componentFuncName is the template function that calls a component's Go
// writer: "go_risk_severity" for "risk-severity".
func componentFuncName(name string) string {
	return "go_" + strings.ReplaceAll(name, "-", "_")
}

// componentFuncs adds to funcs a function per component calling its Go writer
// with the overrides ov (filled once the theme is parsed).
func componentFuncs(funcs template.FuncMap, ov *overrides) template.FuncMap {
	out := template.FuncMap{}
	for k, v := range funcs {
		out[k] = v
	}
	for _, c := range registry {
		out[componentFuncName(c.componentName())] = c.templateFunc(ov)
	}
	return out
}

// componentDefines is the source of generatedDefines.
func componentDefines() string {
	var b strings.Builder
	for _, c := range registry {
		fmt.Fprintf(&b, "{{define %q}}{{%s .}}{{end}}", c.componentName(), componentFuncName(c.componentName()))
	}
	return b.String()
}

// bindOverrides finds, for each component, the template a theme defines in
// its place: the first of the layouts' sets (page.html's first) whose
// definition of the name is not the generated one.
func bindOverrides(pages map[string]*template.Template) *overrides {
	ov := new(overrides)
	order := append([]string{"page.html"}, sortedKeys(pages)...)
	for _, c := range registry {
		for _, layout := range order {
			set := pages[layout]
			if set == nil {
				continue
			}
			if t := set.Lookup(c.componentName()); t != nil && t.Tree != nil && t.Tree.ParseName != generatedDefines {
				ov[c.componentSlot()] = t
				break
			}
		}
	}
	return ov
}

// isComponent reports whether name is a component's: a theme's layouts file of
// that name (status.html) holds its override and is no page layout.
func isComponent(name string) bool {
	for _, c := range registry {
		if c.componentName() == name {
			return true
		}
	}
	return false
}
