package roadmap

// Internals the external tests call (the package roadmap_test imports
// generator/sitetest, which imports this package through generator/views).
var (
	ExportBuildRoadmap     = buildRoadmap
	ExportDay              = day
	ExportDependencyCycles = dependencyCycles
	ExportIsSlipped        = isSlipped
	ExportItemSpan         = itemSpan
	ExportLaneMaturity     = laneMaturity
	ExportLaneTitle        = laneTitle
	ExportMaxQuarters      = maxQuarters
	ExportMilestoneState   = milestoneState
	ExportQuarterStart     = quarterStart
	ExportQuarterText      = quarterText
	ExportWrapText         = wrapText
)

// ExportCycleLen is the length of a dependency cycle step's cycle.
func ExportCycleLen(s cycleStep) int { return len(s.cycle) }

// ExportDescribe is a cycle step's description.
func ExportDescribe(s cycleStep) string { return s.describe() }
