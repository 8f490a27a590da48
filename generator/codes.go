package generator

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
	codeUnreadableFile Code = 101 + iota
	codeFileTooLarge
	codeBinaryFile
	codeUTF16File
	codeInvalidUTF8
	codeNoFrontMatter
	codeUnclosedFrontMatter
	codeInvalidYAML
	codeMissingKind
	codeUnknownKind
	codeInvalidID
	codeDuplicateID
	codeUnknownStatus
	codeUnknownField
	codeMissingField
	codeWrongType
	codePatternMismatch
	codeValueNotAllowed
	codeOutOfRange
	codeInvalidDate
	codeInvalidPeriod
	codeInvalidDuration
	codeInvalidURL
	codeEmptyListItem
	codeDuplicateKey
)

const (
	// AF2xx: references between documents and links in bodies.
	codeUnknownID Code = 201 + iota
	codeWrongKindRef
	codeSelfReference
	codeDraftReference
	codeUnknownWikilink
	codeBrokenLink
	codeUnknownAnchor
)

const (
	// AF3xx: the standards alignment matrix.
	codeUnknownAppliesField Code = 301 + iota
	codeUnknownAppliesValue
	codeDuplicateAlignment
	codeMissingJustification
	codeMissingPlannedDate
	codeStrayWaiver
	codeMissingWaiver
	codeWaiverExpired
	codeWaiverExpiring
	codeNoStatements
	codeUnknownStatement
	codeUnknownEvidence
)

const (
	// AF4xx: dependencies between blueprints.
	codeDependencyCycle Code = 401 + iota
)

const (
	// AF5xx: the roadmap and its capabilities.
	codeEndBeforeStart Code = 501 + iota
	codeEndFarAhead
	codeUndeclaredCapability
	codeTrackClash
	codeMilestoneOutside
	codeMaturityBelowCurrent
	codeRoadmapCycle
	codeCancelledDependency
	codeDependencyEndsLate
	codeInvalidCapability
	codeUnknownMaturity
)

const (
	// AF6xx: threat models and risk.
	codeDuplicateThreatID Code = 601 + iota
	codeUnknownThreatTarget
	codeMissingStride
)

const (
	// AF7xx: reviews and decisions.
	codeDuplicateFindingID Code = 701 + iota
	codeMissingConditions
)

const (
	// AF8xx: remediation items and the backlog.
	codeItemWaiverExpired Code = 801 + iota
	codeItemWaiverExpiring
	codeMissingItemWaiver
	codeNoDueDate
)

const (
	// AF9xx: archfolio.yaml, the theme and the output.
	codeInvalidConfig Code = 901 + iota
	codeUnknownSetting
	codeInvalidSLA
	codeInvalidJiraURL
	codeInvalidKinds
	codeInvalidBaseURL
	codeUnusedOverride
	codeUnusedBaseLayout
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
	{codeUnreadableFile, "unreadable-file", Error, "content/ is missing, or a file or folder of the site cannot be read."},
	{codeFileTooLarge, "file-too-large", Error, "A document is over 4 MiB; split it, or keep large material out of content/."},
	{codeBinaryFile, "binary-file", Error, "A .md file under content/ holds NUL bytes; only markdown belongs there."},
	{codeUTF16File, "utf16-file", Error, "A document is saved as UTF-16; save it as UTF-8."},
	{codeInvalidUTF8, "invalid-utf8", Error, "A document has bytes that are not UTF-8 (often Latin-1); save it as UTF-8."},
	{codeNoFrontMatter, "no-front-matter", Error, "A document does not start with a --- line opening its front matter."},
	{codeUnclosedFrontMatter, "unclosed-front-matter", Error, "The front matter has no closing --- line."},
	{codeInvalidYAML, "invalid-yaml", Error, "The front matter is not valid YAML."},
	{codeMissingKind, "missing-kind", Error, "The front matter has no kind: field."},
	{codeUnknownKind, "unknown-kind", Error, "kind: names no kind of the schema or of archfolio.yaml's kinds:."},
	{codeInvalidID, "invalid-id", Error, "The id (id: or the file name) is not lower-kebab; the document gets no page."},
	{codeDuplicateID, "duplicate-id", Error, "Two documents have the same id; give each its own."},
	{codeUnknownStatus, "unknown-status", Error, "status: is not one of the statuses of the document's kind."},
	{codeUnknownField, "unknown-field", Warning, "A field its kind does not declare; it is kept but not checked (a typo?)."},
	{codeMissingField, "missing-field", Error, "A field the kind requires is missing."},
	{codeWrongType, "wrong-type", Error, "A value has the wrong shape: text, number, true/false, list, mapping or id."},
	{codePatternMismatch, "pattern-mismatch", Error, "A text value does not match the pattern the schema gives its field."},
	{codeValueNotAllowed, "value-not-allowed", Error, "A value is not one of the values its field allows."},
	{codeOutOfRange, "out-of-range", Error, "A whole number is outside the range the schema gives its field."},
	{codeInvalidDate, "invalid-date", Error, "A date is not a real date written YYYY-MM-DD."},
	{codeInvalidPeriod, "invalid-period", Error, "A period is neither a quarter (2026-Q3) nor a date."},
	{codeInvalidDuration, "invalid-duration", Error, "A duration is not written like P6M, P1Y or P90D."},
	{codeInvalidURL, "invalid-url", Error, "A url value is not an http(s) or mailto URL."},
	{codeEmptyListItem, "empty-list-item", Error, "A list has an empty item (a - with nothing after it)."},
	{codeDuplicateKey, "duplicate-key", Error, "A mapping has the same key twice; only one of them can count."},

	{codeUnknownID, "unknown-id", Error, "A reference field names an id no document has."},
	{codeWrongKindRef, "wrong-kind-ref", Error, "A reference field names a document of a kind the field does not take."},
	{codeSelfReference, "self-reference", Error, "A document refers to itself."},
	{codeDraftReference, "draft-reference", Warning, "A reference or link names a draft, which the build leaves out (--drafts keeps it)."},
	{codeUnknownWikilink, "unknown-wikilink", Error, "A wikilink [[id]] names an id no document has."},
	{codeBrokenLink, "broken-link", Error, "A relative .md link points at no document."},
	{codeUnknownAnchor, "unknown-anchor", Error, "A link's #fragment names no heading of the document it points at."},

	{codeUnknownAppliesField, "unknown-applies-field", Warning, "A standard's applies_to names a field blueprints do not have, so it applies to none."},
	{codeUnknownAppliesValue, "unknown-applies-value", Warning, "A standard's applies_to lists a value the blueprint field does not allow."},
	{codeDuplicateAlignment, "duplicate-alignment", Warning, "A blueprint has two records for one standard or statement; the worse counts."},
	{codeMissingJustification, "missing-justification", Error, "Status not-applicable or alternative needs a justification."},
	{codeMissingPlannedDate, "missing-planned-date", Error, "Status planned or partial needs planned: with a quarter or a date."},
	{codeStrayWaiver, "stray-waiver", Warning, "A waiver on a record whose status is not exception counts for nothing."},
	{codeMissingWaiver, "missing-waiver", Error, "Status exception needs a waiver with approved_by, expires and justification."},
	{codeWaiverExpired, "waiver-expired", Error, "An exception's waiver has expired: renew it, close the gap or record non-compliance."},
	{codeWaiverExpiring, "waiver-expiring", Warning, "An exception's waiver expires soon: renew it or close the gap."},
	{codeNoStatements, "no-statements", Error, "A record names a statement of a standard that has no statements."},
	{codeUnknownStatement, "unknown-statement", Error, "A record names a statement its standard does not have."},
	{codeUnknownEvidence, "unknown-evidence", Warning, "Evidence is neither the id of a document nor an http(s) URL."},

	{codeDependencyCycle, "dependency-cycle", Warning, "Blueprints depend on each other in a loop."},

	{codeEndBeforeStart, "end-before-start", Error, "A roadmap item ends before it starts."},
	{codeEndFarAhead, "end-far-ahead", Warning, "A roadmap item ends so far ahead that its bar is cut off; check the year."},
	{codeUndeclaredCapability, "undeclared-capability", Warning, "A roadmap item's capability is not declared under capabilities in archfolio.yaml."},
	{codeTrackClash, "track-clash", Warning, "A track named items would clash with the item pages at roadmap/items/."},
	{codeMilestoneOutside, "milestone-outside", Warning, "A milestone lies outside its item's start and end."},
	{codeMaturityBelowCurrent, "maturity-below-current", Warning, "A maturity target is below the current level."},
	{codeRoadmapCycle, "roadmap-cycle", Error, "Roadmap items depend on each other in a loop."},
	{codeCancelledDependency, "cancelled-dependency", Warning, "A roadmap item depends on a cancelled one."},
	{codeDependencyEndsLate, "dependency-ends-late", Warning, "A roadmap item starts before an item it depends on ends."},
	{codeInvalidCapability, "invalid-capability", Error, "A capability in archfolio.yaml has an unknown field or a value of the wrong shape."},
	{codeUnknownMaturity, "unknown-maturity", Error, "A capability's maturity is not one of the maturity levels."},

	{codeDuplicateThreatID, "duplicate-threat-id", Error, "Two threats of one threat model have the same id."},
	{codeUnknownThreatTarget, "unknown-threat-target", Error, "A threat's target is not a component or dependency of its blueprint."},
	{codeMissingStride, "missing-stride", Warning, "A threat of a STRIDE model has no stride category."},

	{codeDuplicateFindingID, "duplicate-finding-id", Error, "Two findings of one review have the same id."},
	{codeMissingConditions, "missing-conditions", Warning, "A review approved with conditions lists no conditions."},

	{codeItemWaiverExpired, "item-waiver-expired", Error, "A remediation item's waiver has expired: renew it, or fix the item."},
	{codeItemWaiverExpiring, "item-waiver-expiring", Warning, "A remediation item's waiver expires soon: renew it or plan the fix."},
	{codeMissingItemWaiver, "missing-item-waiver", Warning, "A risk-accepted remediation item has no waiver, so the acceptance never expires."},
	{codeNoDueDate, "no-due-date", Warning, "An open remediation item has neither due nor discovered, so it has no due date."},

	{codeInvalidConfig, "invalid-config", Error, "archfolio.yaml is not valid YAML, or a setting has the wrong type."},
	{codeUnknownSetting, "unknown-setting", Error, "archfolio.yaml has a setting archfolio does not know (a typo?)."},
	{codeInvalidSLA, "invalid-sla", Error, "sla: takes critical, high, medium or low, each a positive number of days."},
	{codeInvalidJiraURL, "invalid-jira-url", Error, "jira.url must be an http(s) URL with a {key} placeholder for the issue key."},
	{codeInvalidKinds, "invalid-kinds", Error, "kinds: in archfolio.yaml does not make a valid schema."},
	{codeInvalidBaseURL, "invalid-base-url", Error, "base_url must be an http(s) URL or a path starting with /."},
	{codeUnusedOverride, "unused-override", Warning, "A theme template that no block, panel or template calls (a misspelt override)."},
	{codeUnusedBaseLayout, "unused-base-layout", Warning, "A theme's layouts/base.html is no longer used; define a \"base\" template instead."},
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
