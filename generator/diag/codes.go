package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Code is the stable number of a kind of diagnostic; its Rule in the table below
// gives its id (AF101), name, severity and help text. The hundreds say what a
// code is about; a code never changes meaning and is never reused.
type Code uint16

// The codes. Add one here and in rules; TestDiagnosticCodes holds the two, the
// README and help/codes.md to each other.
const (
	// AF1xx: files, front matter, fields and the schema.
	CodeUnreadableFile Code = 101 + iota
	CodeFileTooLarge
	CodeBinaryFile
	CodeUTF16File
	CodeInvalidUTF8
	CodeNoFrontMatter
	CodeUnclosedFrontMatter
	CodeInvalidYAML
	CodeMissingKind
	CodeUnknownKind
	CodeInvalidID
	CodeDuplicateID
	CodeUnknownStatus
	CodeUnknownField
	CodeMissingField
	CodeWrongType
	CodePatternMismatch
	CodeValueNotAllowed
	CodeOutOfRange
	CodeInvalidDate
	CodeInvalidPeriod
	CodeInvalidDuration
	CodeInvalidURL
	CodeEmptyListItem
	CodeDuplicateKey
)

const (
	// AF2xx: references between documents and links in bodies.
	CodeUnknownID Code = 201 + iota
	CodeWrongKindRef
	CodeSelfReference
	CodeDraftReference
	CodeUnknownWikilink
	CodeBrokenLink
	CodeUnknownAnchor
	CodeRootLink
)

const (
	// AF3xx: the standards alignment matrix.
	CodeUnknownAppliesField Code = 301 + iota
	CodeUnknownAppliesValue
	CodeDuplicateAlignment
	CodeMissingJustification
	CodeMissingPlannedDate
	CodeStrayWaiver
	CodeMissingWaiver
	CodeWaiverExpired
	CodeWaiverExpiring
	CodeNoStatements
	CodeUnknownStatement
	CodeUnknownEvidence
	CodeWithdrawnStatement
	CodeAlignmentRegressed
	CodeWaiverExtended
)

const (
	// AF4xx: dependencies between blueprints.
	CodeDependencyCycle Code = 401 + iota
)

const (
	// AF5xx: the roadmap and its capabilities.
	CodeEndBeforeStart Code = 501 + iota
	CodeEndFarAhead
	CodeUndeclaredCapability
	CodeTrackClash
	CodeMilestoneOutside
	CodeMaturityBelowCurrent
	CodeRoadmapCycle
	CodeCancelledDependency
	CodeDependencyEndsLate
	CodeInvalidCapability
	CodeUnknownMaturity
)

const (
	// AF6xx: threat models and risk.
	CodeDuplicateThreatID Code = 601 + iota
	CodeUnknownThreatTarget
	CodeMissingStride
	CodeUnknownModelElement
	CodeDuplicateModelElement
	CodeBoundariesOverlap
	CodeBoundaryCycle
	CodeUnknownMitigationStatement
)

const (
	// AF7xx: reviews, decisions and vendor recommendations (the radar).
	CodeDuplicateFindingID Code = 701 + iota
	CodeMissingConditions
	CodeSupersessionCycle
	CodeSupersededNotMarked
	CodeUnknownQuadrant
	CodeMissingQuadrant
)

const (
	// AF8xx: remediation items and the backlog.
	CodeItemWaiverExpired Code = 801 + iota
	CodeItemWaiverExpiring
	CodeMissingItemWaiver
	CodeNoDueDate
)

const (
	// AF9xx: archfolio.yaml, the theme and the output.
	CodeInvalidConfig Code = 901 + iota
	CodeUnknownSetting
	CodeInvalidSLA
	CodeInvalidJiraURL
	CodeInvalidKinds
	CodeInvalidBaseURL
	CodeUnusedOverride
	CodeUnusedBaseLayout
	CodeInvalidEditURL
	CodeNoTrends
	CodeChangesUnavailable
)

// Rule describes one diagnostic code: the data of `archfolio help codes`, the
// README's table and SARIF's rules.
type Rule struct {
	Code     Code
	Name     string   // short, lower-kebab, as stable as the code
	Severity Severity // of every diagnostic with this code
	Help     string   // one sentence: what is wrong, and the fix
}

// rules is the table of every code, in code order. Never modified.
var rules = []Rule{
	{CodeUnreadableFile, "unreadable-file", Error, "content/ is missing, or a file or folder of the site cannot be read."},
	{CodeFileTooLarge, "file-too-large", Error, "A document is over 4 MiB; split it, or keep large material out of content/."},
	{CodeBinaryFile, "binary-file", Error, "A .md file under content/ holds NUL bytes; only markdown belongs there."},
	{CodeUTF16File, "utf16-file", Error, "A document is saved as UTF-16; save it as UTF-8."},
	{CodeInvalidUTF8, "invalid-utf8", Error, "A document has bytes that are not UTF-8 (often Latin-1); save it as UTF-8."},
	{CodeNoFrontMatter, "no-front-matter", Error, "A document does not start with a --- line opening its front matter."},
	{CodeUnclosedFrontMatter, "unclosed-front-matter", Error, "The front matter has no closing --- line."},
	{CodeInvalidYAML, "invalid-yaml", Error, "The front matter is not valid YAML."},
	{CodeMissingKind, "missing-kind", Error, "The front matter has no kind: field."},
	{CodeUnknownKind, "unknown-kind", Error, "kind: names no kind of the schema or of archfolio.yaml's kinds:."},
	{CodeInvalidID, "invalid-id", Error, "The id (id: or the file name) is not lower-kebab; the document gets no page."},
	{CodeDuplicateID, "duplicate-id", Error, "Two documents have the same id; give each its own."},
	{CodeUnknownStatus, "unknown-status", Error, "status: is not one of the statuses of the document's kind."},
	{CodeUnknownField, "unknown-field", Warning, "A field its kind does not declare; it is kept but not checked (a typo?)."},
	{CodeMissingField, "missing-field", Error, "A field the kind requires is missing."},
	{CodeWrongType, "wrong-type", Error, "A value has the wrong shape: text, number, true/false, list, mapping or id."},
	{CodePatternMismatch, "pattern-mismatch", Error, "A text value does not match the pattern the schema gives its field."},
	{CodeValueNotAllowed, "value-not-allowed", Error, "A value is not one of the values its field allows."},
	{CodeOutOfRange, "out-of-range", Error, "A whole number is outside the range the schema gives its field."},
	{CodeInvalidDate, "invalid-date", Error, "A date is not a real date written YYYY-MM-DD."},
	{CodeInvalidPeriod, "invalid-period", Error, "A period is neither a quarter (2026-Q3) nor a date."},
	{CodeInvalidDuration, "invalid-duration", Error, "A duration is not written like P6M, P1Y or P90D."},
	{CodeInvalidURL, "invalid-url", Error, "A url value is not an http(s) or mailto URL."},
	{CodeEmptyListItem, "empty-list-item", Error, "A list has an empty item (a - with nothing after it)."},
	{CodeDuplicateKey, "duplicate-key", Error, "A mapping has the same key twice; only one of them can count."},

	{CodeUnknownID, "unknown-id", Error, "A reference field names an id no document has."},
	{CodeWrongKindRef, "wrong-kind-ref", Error, "A reference field names a document of a kind the field does not take."},
	{CodeSelfReference, "self-reference", Error, "A document refers to itself."},
	{CodeDraftReference, "draft-reference", Warning, "A reference or link names a draft, which the build leaves out (--drafts keeps it)."},
	{CodeUnknownWikilink, "unknown-wikilink", Error, "A wikilink [[id]] names an id no document has."},
	{CodeBrokenLink, "broken-link", Error, "A relative link or image points at no document and no file the build publishes."},
	{CodeUnknownAnchor, "unknown-anchor", Error, "A link's #fragment names no heading of the document it points at."},
	{CodeRootLink, "root-link", Warning, "A link or image starts with /, which breaks when the site is served under a sub-path."},

	{CodeUnknownAppliesField, "unknown-applies-field", Warning, "A standard's applies_to names a field blueprints do not have, so it applies to none."},
	{CodeUnknownAppliesValue, "unknown-applies-value", Warning, "A standard's applies_to lists a value the blueprint field does not allow."},
	{CodeDuplicateAlignment, "duplicate-alignment", Warning, "A blueprint has two records for one standard or statement; the worse counts."},
	{CodeMissingJustification, "missing-justification", Error, "Status not-applicable or alternative needs a justification."},
	{CodeMissingPlannedDate, "missing-planned-date", Error, "Status planned or partial needs planned: with a quarter or a date."},
	{CodeStrayWaiver, "stray-waiver", Warning, "A waiver on a record whose status is not exception counts for nothing."},
	{CodeMissingWaiver, "missing-waiver", Error, "Status exception needs a waiver with approved_by, expires and justification."},
	{CodeWaiverExpired, "waiver-expired", Error, "An exception's waiver has expired: renew it, close the gap or record non-compliance."},
	{CodeWaiverExpiring, "waiver-expiring", Warning, "An exception's waiver expires soon: renew it or close the gap."},
	{CodeNoStatements, "no-statements", Error, "A record names a statement of a standard that has no statements."},
	{CodeUnknownStatement, "unknown-statement", Error, "A record, review finding or remediation item names a statement its standard lacks."},
	{CodeUnknownEvidence, "unknown-evidence", Warning, "Evidence is neither the id of a document nor an http(s) URL."},
	{CodeWithdrawnStatement, "withdrawn-statement", Warning, "A record names a statement its standard has withdrawn; align with what replaced it."},
	{CodeAlignmentRegressed, "alignment-regressed", Warning, "A cell is worse than at the revision check --since names: restore it or record why."},
	{CodeWaiverExtended, "waiver-extended", Warning, "A waiver expires later than at the revision check --since names, beyond the waivers: policy."},

	{CodeDependencyCycle, "dependency-cycle", Warning, "Blueprints depend on each other in a loop."},

	{CodeEndBeforeStart, "end-before-start", Error, "A roadmap item ends before it starts."},
	{CodeEndFarAhead, "end-far-ahead", Warning, "A roadmap item ends so far ahead that its bar is cut off; check the year."},
	{CodeUndeclaredCapability, "undeclared-capability", Warning, "A roadmap item's capability is not declared under capabilities in archfolio.yaml."},
	{CodeTrackClash, "track-clash", Warning, "A track named items would clash with the item pages at roadmap/items/."},
	{CodeMilestoneOutside, "milestone-outside", Warning, "A milestone lies outside its item's start and end."},
	{CodeMaturityBelowCurrent, "maturity-below-current", Warning, "A maturity target is below the current level."},
	{CodeRoadmapCycle, "roadmap-cycle", Error, "Roadmap items depend on each other in a loop."},
	{CodeCancelledDependency, "cancelled-dependency", Warning, "A roadmap item depends on a cancelled one."},
	{CodeDependencyEndsLate, "dependency-ends-late", Warning, "A roadmap item starts before an item it depends on ends."},
	{CodeInvalidCapability, "invalid-capability", Error, "A capability in archfolio.yaml has an unknown field or a value of the wrong shape."},
	{CodeUnknownMaturity, "unknown-maturity", Error, "A capability's maturity is not one of the maturity levels."},

	{CodeDuplicateThreatID, "duplicate-threat-id", Error, "Two threats of one threat model have the same id."},
	{CodeUnknownThreatTarget, "unknown-threat-target", Error, "A threat's target is none of its model's assets and flows, or of its blueprint's parts."},
	{CodeMissingStride, "missing-stride", Warning, "A threat of a STRIDE model has no stride category."},
	{CodeUnknownModelElement, "unknown-model-element", Error, "A threat model names an asset, data asset or trust boundary it does not declare."},
	{CodeDuplicateModelElement, "duplicate-model-element", Error, "Two data assets, assets, trust boundaries or data flows of one threat model have the same id."},
	{CodeBoundariesOverlap, "boundaries-overlap", Error, "An asset is inside two trust boundaries neither of which is nested in the other."},
	{CodeBoundaryCycle, "boundary-cycle", Error, "Trust boundaries are nested in each other in a loop, or one is nested in two."},
	{CodeUnknownMitigationStatement, "unknown-mitigation-statement", Error, "A threat's mitigation names a statement its standard does not have."},

	{CodeDuplicateFindingID, "duplicate-finding-id", Error, "Two findings of one review have the same id."},
	{CodeMissingConditions, "missing-conditions", Warning, "A review approved with conditions lists no conditions."},
	{CodeSupersessionCycle, "supersession-cycle", Error, "Decisions supersede each other in a loop; remove one supersedes."},
	{CodeSupersededNotMarked, "superseded-not-marked", Warning, "An accepted decision supersedes this one; set its status to superseded."},
	{CodeUnknownQuadrant, "unknown-quadrant", Error, "quadrant: is not one of the quadrants archfolio.yaml's radar: declares."},
	{CodeMissingQuadrant, "missing-quadrant", Warning, "A document has a ring but no quadrant, so the radar leaves it out."},

	{CodeItemWaiverExpired, "item-waiver-expired", Error, "A remediation item's waiver has expired: renew it, or fix the item."},
	{CodeItemWaiverExpiring, "item-waiver-expiring", Warning, "A remediation item's waiver expires soon: renew it or plan the fix."},
	{CodeMissingItemWaiver, "missing-item-waiver", Warning, "A risk-accepted remediation item has no waiver, so the acceptance never expires."},
	{CodeNoDueDate, "no-due-date", Warning, "An open remediation item has neither due nor discovered, so it has no due date."},

	{CodeInvalidConfig, "invalid-config", Error, "archfolio.yaml is not valid YAML, or a setting has the wrong type."},
	{CodeUnknownSetting, "unknown-setting", Error, "archfolio.yaml has a setting archfolio does not know (a typo?)."},
	{CodeInvalidSLA, "invalid-sla", Error, "sla: takes critical, high, medium or low, each a positive number of days."},
	{CodeInvalidJiraURL, "invalid-jira-url", Error, "jira.url must be an http(s) URL with a {key} placeholder for the issue key."},
	{CodeInvalidKinds, "invalid-kinds", Error, "kinds: in archfolio.yaml does not make a valid schema."},
	{CodeInvalidBaseURL, "invalid-base-url", Error, "base_url must be an http(s) URL or a path starting with /."},
	{CodeUnusedOverride, "unused-override", Warning, "A theme template that no block, panel or template calls (a misspelt override)."},
	{CodeUnusedBaseLayout, "unused-base-layout", Warning, "A theme's layouts/base.html is no longer used; define a \"base\" template instead."},
	{CodeInvalidEditURL, "invalid-edit-url", Error, "edit_url must be an http(s) URL with a {path} placeholder for the document's path."},
	{CodeNoTrends, "no-trends", Warning, "Trends are asked for but git history is missing (no git, no repository, a shallow clone)."},
	{CodeChangesUnavailable, "changes-unavailable", Warning, "The Changes page cannot compare: no git, no repository, or the revision is not in this clone."},
}

// Rules returns the table of every diagnostic code, in code order.
func Rules() []Rule { return slices.Clone(rules) }

// String returns the code's id, AF and its number ("AF101"), or "" for the zero Code.
func (c Code) String() string {
	if c == 0 {
		return ""
	}
	return fmt.Sprintf("AF%03d", uint16(c))
}

// Rule returns the code's entry of the table; ok is false for a code not in it.
func (c Code) Rule() (r Rule, ok bool) {
	i, ok := slices.BinarySearchFunc(rules, c, func(r Rule, c Code) int { return cmp.Compare(r.Code, c) })
	if !ok {
		return Rule{}, false
	}
	return rules[i], true
}

// Name returns the code's kebab name ("unknown-kind"), or "" for a code not in the table.
func (c Code) Name() string {
	r, _ := c.Rule()
	return r.Name
}

// severity is the code's default severity; Error for a code not in the table.
func (c Code) severity() Severity {
	r, ok := c.Rule()
	if !ok {
		return Error
	}
	return r.Severity
}
