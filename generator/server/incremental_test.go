package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySample copies the repository's sample portfolio (content/ and its
// configuration) into a new site folder.
func copySample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeSiteFile(t, dir, filepath.ToSlash(rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, ".archfolio.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeSiteFile(t, dir, ".archfolio.yaml", string(cfg))
	return dir
}

// editFile replaces old with new in a file of the site, atomically; the test fails
// when old is not there.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	saveAtomically(t, dir, name, strings.Replace(string(data), old, new, 1))
}

// TestServeIncrementalEqualsFullBuild edits the sample portfolio on disk through a
// sequence of changes that reach across documents and, after each rebuild, checks
// a dependent page over HTTP and compares every file the server serves (rendered
// on request) with a full Load and Render of the site as it is on disk.
func TestServeIncrementalEqualsFullBuild(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("long equivalence test (every served file compared after each edit); runs without -short, as in .ci/run")
	}
	dir := copySample(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	assertEqualsFreshBuild(t, s)
	cip := "content/blueprints/customer-identity-platform.md"

	steps := []struct {
		name   string
		change func()
		checks map[string]func(page) bool
	}{
		{"a title others show", func() {
			editFile(t, dir, cip, "title: Customer identity platform (CIAM)", "title: Customer sign-in platform")
		}, map[string]func(page) bool{
			"vendors/vendor-ciam-platform/":      has("Customer sign-in platform"),
			"blueprints/key-management-service/": has("Customer sign-in platform"),
		}},
		{"a front-matter ref moves a backlink", func() {
			editFile(t, dir, cip, "  - id: key-management-service\n", "  - id: claims-core-platform\n")
		}, map[string]func(page) bool{
			"blueprints/claims-core-platform/": has("Customer sign-in platform"),
		}},
		{"a body", func() {
			editFile(t, dir, cip, "\n## ", "\nA new paragraph naming [[premium-billing]].\n\n## ")
		}, map[string]func(page) bool{
			"blueprints/customer-identity-platform/": has("A new paragraph naming"),
			"blueprints/premium-billing/":            has("Mentioned by"),
		}},
		{"a document in a new folder", func() {
			writeSiteFile(t, dir, "content/blueprints/new-area/quote-engine.md", `
---
kind: blueprint
title: Quote engine
status: proposed
owner: Pricing Team
domain: identity
depends_on: [customer-identity-platform]
compliance:
  - standard: crypto-tls
    status: implemented
---
## Overview
Quotes over [TLS](../../standards/crypto-tls.md#statements).
`)
		}, map[string]func(page) bool{
			"blueprints/quote-engine/":               has("Quote engine"),
			"blueprints/customer-identity-platform/": has("Quote engine"),
			"matrix/":                                has("Quote engine"),
			"owners/":                                has("Pricing Team"),
			// Worked out as these pages are rendered: a standard's audit pack
			// rows, a kind's index, the matrix's filters.
			"print/standards/crypto-tls/": has("Quote engine"),
			"blueprints/":                 has("Quote engine"),
		}},
		{"a standard changes the matrix", func() {
			editFile(t, dir, "content/standards/iam-authentication.md", "statements:\n",
				"statements:\n  - id: IAM-AUTH-99\n    text: Every sign-in is logged.\n    level: must\n")
		}, map[string]func(page) bool{
			"standards/iam-authentication/": has("IAM-AUTH-99"),
		}},
		// The matrix reuses a row's cells only while every column is the same
		// for them: this one now applies to blueprints of medium criticality.
		{"a standard applies to more blueprints", func() {
			editFile(t, dir, "content/standards/iam-authentication.md", "  criticality: [high, mission-critical]\n", "  criticality: [medium, high, mission-critical]\n")
		}, map[string]func(page) bool{
			"standards/iam-authentication/": has("medium"),
		}},
		{"a rename", func() {
			if err := os.Rename(filepath.Join(dir, "content/blueprints/new-area/quote-engine.md"),
				filepath.Join(dir, "content/blueprints/new-area/pricing-engine.md")); err != nil {
				t.Fatal(err)
			}
		}, map[string]func(page) bool{
			"blueprints/quote-engine/":   missing,
			"blueprints/pricing-engine/": has("Quote engine"),
		}},
		{"a delete", func() {
			if err := os.Remove(filepath.Join(dir, "content/blueprints/new-area/pricing-engine.md")); err != nil {
				t.Fatal(err)
			}
		}, map[string]func(page) bool{
			"blueprints/pricing-engine/":             missing,
			"blueprints/customer-identity-platform/": lacks("Quote engine"),
		}},
	}
	for _, step := range steps {
		step.change()
		awaitRebuild(t, s, es, step.checks)
		if st := s.state.Load(); st.hasErrors() {
			t.Fatalf("%s: the portfolio has errors: %v", step.name, st.diags)
		}
		assertEqualsFreshBuild(t, s)
	}

	// An error keeps the last good site with the overlay; fixing it serves the
	// new build again.
	editFile(t, dir, cip, "  - id: claims-core-platform\n", "  - id: claims-core-platfrom\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/customer-identity-platform/": has("archfolio-overlay", "claims-core-platfrom", cip+":"),
	})
	editFile(t, dir, cip, "  - id: claims-core-platfrom\n", "  - id: claims-core-platform\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/customer-identity-platform/": lacks("archfolio-overlay"),
	})
	assertEqualsFreshBuild(t, s)
}
