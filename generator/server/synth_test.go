package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// synthWords are the vocabulary of synthetic prose.
var synthWords = strings.Fields(`gateway token identity platform service ledger audit policy
key rotation segment network tenant claim premium broker portal session federation
control evidence waiver backlog review threat mitigation latency availability replica
cluster queue event schema contract consumer provider boundary trust zone`)

// synthRand is a small deterministic generator (an LCG), so every run writes the
// same site.
type synthRand uint64

func (r *synthRand) intn(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r)>>33) % n
}

func (r *synthRand) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = synthWords[r.intn(len(synthWords))]
	}
	return strings.Join(w, " ")
}

// synthID names the i-th document of a kind.
func synthID(kind string, i int) string { return fmt.Sprintf("%s-%05d", kind, i) }

// writeSyntheticSite writes a deterministic portfolio of n documents under dir: a
// tenth standards, a tenth decisions, the rest blueprints that depend on each
// other, align with standards and are governed by decisions, with owners, tags,
// headings, wikilinks and a highlighted code block. It has no errors. It returns
// the ids of the blueprints, in order.
func writeSyntheticSite(tb testing.TB, dir string, n int) []string {
	tb.Helper()
	nStd, nDec := max(1, n/10), max(1, n/10)
	nBP := max(1, n-nStd-nDec)
	r := synthRand(42)
	write := func(rel, text string) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("archfolio.yaml", "title: Synthetic portfolio\n")
	for i := range nStd {
		write(fmt.Sprintf("content/standards/%s.md", synthID("std", i)), synthStandard(&r, i))
	}
	for i := range nDec {
		write(fmt.Sprintf("content/decisions/%s.md", synthID("adr", i)), synthDecision(&r, i, nBP))
	}
	ids := make([]string, nBP)
	for i := range nBP {
		ids[i] = synthID("bp", i)
		write(fmt.Sprintf("content/blueprints/d%02d/%s.md", i%50, ids[i]), synthBlueprint(&r, i, nBP, nStd, nDec))
	}
	return ids
}

func synthStandard(r *synthRand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nkind: standard\ntitle: Standard %d on %s\nstatus: effective\nowner: Team %d\n", i, r.words(2), r.intn(20))
	fmt.Fprintf(&b, "family: fam%d\nversion: \"1.%d\"\ntags: [t%d, t%d]\nstatements:\n", r.intn(8), r.intn(9), r.intn(30), r.intn(30))
	for s := range 3 {
		fmt.Fprintf(&b, "  - {id: S%d-%d, text: %s, level: must}\n", i, s, r.words(8))
	}
	fmt.Fprintf(&b, "maps_to: {nist-800-53r5: [ac-%d]}\n---\n\n## Purpose\n\n%s.\n\n## Statements\n\n%s.\n", r.intn(20), r.words(60), r.words(40))
	return b.String()
}

func synthDecision(r *synthRand, i, nBP int) string {
	return fmt.Sprintf("---\nkind: decision\ntitle: Decision %d on %s\nstatus: accepted\ndate: 2026-0%d-1%d\nowner: Team %d\nscope: [%s]\n---\n\n## Context\n\n%s.\n\n## Decision\n\n%s.\n",
		i, r.words(3), 1+r.intn(9), r.intn(9), r.intn(20), synthID("bp", r.intn(nBP)), r.words(50), r.words(50))
}

func synthBlueprint(r *synthRand, i, nBP, nStd, nDec int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nkind: blueprint\ntitle: Blueprint %d %s\nstatus: approved\nowner: Team %d\n", i, r.words(2), r.intn(20))
	fmt.Fprintf(&b, "summary: %s.\ntags: [t%d, t%d, t%d]\ndomain: domain-%d\nlifecycle: active\ncriticality: high\n", r.words(12), r.intn(30), r.intn(30), r.intn(30), r.intn(12))
	fmt.Fprintf(&b, "review: {last: 2026-0%d-01, every: P1Y}\nlayers:\n  channel: %s\n  services: %s\n", 1+r.intn(9), r.words(10), r.words(10))
	if i > 0 {
		b.WriteString("depends_on:\n")
		for range 1 + r.intn(3) {
			fmt.Fprintf(&b, "  - {id: %s, protocol: HTTPS, data: %s}\n", synthID("bp", r.intn(i)), r.words(2))
		}
	}
	b.WriteString("compliance:\n")
	for range 2 {
		fmt.Fprintf(&b, "  - {standard: %s, status: implemented, evidence: [%s]}\n", synthID("std", r.intn(nStd)), synthID("adr", r.intn(nDec)))
	}
	fmt.Fprintf(&b, "decisions: [%s]\n---\n\n", synthID("adr", r.intn(nDec)))
	for _, h := range []string{"Channel front end", "Services", "Backend and store"} {
		fmt.Fprintf(&b, "## %s\n\n%s, see [[%s]].\n\n%s.\n\n", h, r.words(45), synthID("bp", r.intn(nBP)), r.words(35))
	}
	fmt.Fprintf(&b, "- %s\n- %s\n- %s\n\n```yaml\nservice: %s\nreplicas: %d\n```\n", r.words(6), r.words(6), r.words(6), r.words(1), r.intn(9))
	return b.String()
}
