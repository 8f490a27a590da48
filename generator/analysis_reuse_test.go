package generator_test

import (
	"testing"
	"testing/fstest"
)

// reuseEdits change, one at a time, each thing a blueprint's alignment records
// and dependency edges are read from, other than the blueprint's own file: the
// matrix and the dependency graph reuse what they read of a blueprint whose file
// did not change from the last load (matrix.recordReuse, dependencies.graphParts),
// and must read it again after each of these.
func reuseEdits(site fstest.MapFS) (edits []siteEdit, days map[string]string) {
	const (
		iam   = "content/standards/iam-authentication.md"
		poc   = "content/pocs/poc-pam-just-in-time.md"
		pam   = "content/blueprints/privileged-access-management.md"
		claim = "content/blueprints/claims-intake-portal.md"
	)
	pocData := string(site[poc].Data)
	edits = []siteEdit{
		// customer-identity-platform has a record on IAM-AUTH-2, mobile-app one
		// on IAM-AUTH-1.
		{"rename a statement a record names", replaceIn(iam, "  - id: IAM-AUTH-2\n", "  - id: IAM-AUTH-20\n")},
		{"name it again", replaceIn(iam, "  - id: IAM-AUTH-20\n", "  - id: IAM-AUTH-2\n")},
		{"withdraw a statement", replaceIn(iam, "  - id: IAM-AUTH-1\n", "  - id: IAM-AUTH-1\n    withdrawn: true\n")},
		{"remove the withdrawn statement", replaceIn(iam, "  - id: IAM-AUTH-1\n    withdrawn: true\n", "  - id: IAM-AUTH-1X\n    withdrawn: true\n")},
		{"leave a statement outside the baseline", replaceIn(iam, "\nstatements:\n", "\noutside_baseline: [IAM-AUTH-1]\nstatements:\n")},
		// privileged-access-management names poc-pam-just-in-time as evidence.
		{"delete an evidence document", deleteIn(poc)},
		{"add a document whose id an unknown evidence id suggests", writeIn("content/pocs/poc-pam-just-in-tim.md",
			"---\nkind: poc\ntitle: Just-in-time access, first try\nstatus: completed\nowner: Security Architecture\n---\n\n## Outcome\n\nSuperseded.\n")},
		{"add the evidence document back", writeIn(poc, pocData)},
		{"change an evidence document's title", replaceIn(poc, "\ntitle: ", "\ntitle: Trial of ")},
		{"change a blueprint's record", replaceIn(claim, "{standard: iam-authentication, status: implemented,", "{standard: iam-authentication, status: partial,")},
		{"add a statement", replaceIn(iam, "\nstatements:\n", "\nstatements:\n  - id: IAM-AUTH-0\n    text: Every sign-in is logged.\n    level: must\n")},
		{"a standard applies to more blueprints", replaceIn(iam, "  criticality: [high, mission-critical]\n", "  criticality: [medium, high, mission-critical]\n")},
		{"retitle a standard in place", replaceIn(iam, "title: Authentication and session management\n", "title: Authentication and sessions\n")},
		// Families sort the columns, then titles: this one moves before
		// Privileged access.
		{"retitle a standard, which moves its column", replaceIn("content/standards/iam-workload-identity.md",
			"title: Workload identity\n", "title: Identity of workloads\n")},
		// claims-core-platform's waiver expires on 2026-12-15.
		{"today passes a waiver's expiry", func(*testing.T, fstest.MapFS) {}},
		// directory-services and workforce-sso depend on it.
		{"change a blueprint's id", replaceIn(pam, "\nkind: blueprint\n", "\nkind: blueprint\nid: pam-platform\n")},
		{"rename a blueprint's file", renameIn(pam, "content/blueprints/pam.md")},
	}
	return edits, map[string]string{"today passes a waiver's expiry": "2026-12-16"}
}

// TestLoaderReusesAnalysesOnlyWhenUnchanged checks a Loader's site against a
// full build after each of reuseEdits.
func TestLoaderReusesAnalysesOnlyWhenUnchanged(t *testing.T) {
	t.Parallel()
	site := sampleSite(t)
	edits, days := reuseEdits(site)
	checkLoaderDays(t, site, edits, "", days)
}
