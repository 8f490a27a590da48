package synth

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func generate(t *testing.T, n int, seed uint64) *Site {
	t.Helper()
	s, err := Generate(Options{N: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b, c := generate(t, 300, 1), generate(t, 300, 1), generate(t, 300, 2)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("same seed: %d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Fatalf("same seed, different %s", a.Files[i].Path)
		}
	}
	same := 0
	for i := range a.Files {
		if i < len(c.Files) && bytes.Equal(a.Files[i].Data, c.Files[i].Data) {
			same++
		}
	}
	if same > 1 { // archfolio.yaml is the same for every seed
		t.Errorf("seeds 1 and 2 share %d identical files", same)
	}
}

func TestTooSmall(t *testing.T) {
	t.Parallel()
	if _, err := Generate(Options{N: MinN - 1}); err == nil {
		t.Errorf("N=%d: want an error", MinN-1)
	}
}

// frontMatter parses a generated document's front matter.
func frontMatter(t *testing.T, f File) map[string]any {
	t.Helper()
	rest, ok := bytes.CutPrefix(f.Data, []byte("---\n"))
	fm, _, ok2 := bytes.Cut(rest, []byte("\n---\n"))
	var m map[string]any
	if !ok || !ok2 {
		t.Fatalf("%s: no front matter", f.Path)
	}
	if err := yaml.Unmarshal(fm, &m); err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	return m
}

func docs(t *testing.T, s *Site) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, f := range s.Files {
		if strings.HasPrefix(f.Path, "content/") {
			m := frontMatter(t, f)
			out[m["id"].(string)] = m
		}
	}
	return out
}

func TestProportions(t *testing.T) {
	t.Parallel()
	const n = 1000
	s := generate(t, n, 1)
	counts := map[string]int{}
	for _, m := range docs(t, s) {
		counts[m["kind"].(string)]++
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	if total != n {
		t.Errorf("%d documents, want %d", total, n)
	}
	for kind, want := range map[string]int{"blueprint": 300, "standard": 50, "remediation": 150, "threat-model": 80,
		"roadmap": 80, "review": 100, "decision": 100, "vendor": 30, "nfr": 30, "poc": 30, "guide": 50} {
		if counts[kind] != want {
			t.Errorf("%d %s documents, want %d", counts[kind], kind, want)
		}
	}
}

func depIDs(m map[string]any) []string {
	var out []string
	deps, _ := m["depends_on"].([]any)
	for _, d := range deps {
		switch d := d.(type) {
		case string:
			out = append(out, d)
		case map[string]any:
			out = append(out, d["id"].(string))
		}
	}
	return out
}

func TestDependenciesAreADAG(t *testing.T) {
	t.Parallel()
	all := docs(t, generate(t, 600, 3))
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(id string, path []string)
	visit = func(id string, path []string) {
		switch state[id] {
		case 1:
			t.Fatalf("cycle: %s → %s", strings.Join(path, " → "), id)
		case 2:
			return
		}
		state[id] = 1
		for _, dep := range depIDs(all[id]) {
			if all[dep] == nil || all[dep]["kind"] != all[id]["kind"] {
				t.Fatalf("%s depends on %q, which is not a %s", id, dep, all[id]["kind"])
			}
			visit(dep, append(path, id))
		}
		state[id] = 2
	}
	edges := 0
	for id, m := range all {
		edges += len(depIDs(m))
		visit(id, nil)
	}
	if edges < 250 {
		t.Errorf("only %d depends_on edges in 600 documents", edges)
	}
}

func TestAlignmentRecordRules(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	all := docs(t, generate(t, 600, 4))
	seen := map[string]int{}
	for id, m := range all {
		recs, _ := m["compliance"].([]any)
		for _, r := range recs {
			rec := r.(map[string]any)
			status := rec["status"].(string)
			seen[status]++
			if std := all[rec["standard"].(string)]; std == nil || std["kind"] != "standard" {
				t.Errorf("%s: record against %v, not a standard", id, rec["standard"])
			}
			_, justified := rec["justification"]
			_, planned := rec["planned"]
			switch status {
			case "not-applicable", "alternative":
				if !justified {
					t.Errorf("%s: %s record without a justification", id, status)
				}
			case "planned", "partial":
				if !planned {
					t.Errorf("%s: %s record without a planned date", id, status)
				}
			case "exception":
				w, _ := rec["waiver"].(map[string]any)
				exp, _ := w["expires"].(time.Time)
				if w["approved_by"] == nil || !exp.After(today) {
					t.Errorf("%s: exception without a current waiver: %v", id, w)
				}
			}
		}
	}
	for _, s := range []string{"implemented", "partial", "planned", "alternative", "not-applicable", "exception", "non-compliant"} {
		if seen[s] == 0 {
			t.Errorf("no %s record in 600 documents", s)
		}
	}
}

func TestThreatTargetsAreComponents(t *testing.T) {
	t.Parallel()
	all := docs(t, generate(t, 500, 5))
	for id, m := range all {
		if m["kind"] != "threat-model" {
			continue
		}
		comps := all[m["subject"].(string)]["components"].([]any)
		for _, th := range m["threats"].([]any) {
			target := th.(map[string]any)["target"]
			found := false
			for _, c := range comps {
				found = found || c == target
			}
			if !found {
				t.Errorf("%s: threat target %v is not a component of %v (%v)", id, target, m["subject"], comps)
			}
		}
	}
}

var (
	fenceRE = regexp.MustCompile("(?m)^```(yaml|go|hcl)$")
	linkRE  = regexp.MustCompile(`\]\([^)]+\.md(#[a-z-]+)?\)|\[\[[a-z0-9-]+(\|[^\]]+)?\]\]`)
)

func TestBodies(t *testing.T) {
	t.Parallel()
	s := generate(t, 300, 6)
	for _, f := range s.Files {
		if !strings.HasPrefix(f.Path, "content/") {
			continue
		}
		_, body, _ := bytes.Cut(f.Data[4:], []byte("\n---\n"))
		text := string(body)
		prose := fenceBlockRE.ReplaceAllString(text, "")
		words := len(strings.Fields(prose))
		if words < 600 || words > 1600 {
			t.Errorf("%s: %d words outside code, want 600–1,500", f.Path, words)
		}
		if n := len(fenceRE.FindAllString(text, -1)); n != 2 {
			t.Errorf("%s: %d fenced yaml/go/hcl blocks, want 2", f.Path, n)
		}
		if n := len(linkRE.FindAllString(text, -1)); n < 3 || n > 6 {
			t.Errorf("%s: %d cross-links, want 3–6", f.Path, n)
		}
		if !strings.Contains(text, "\n|---|") || !strings.Contains(text, "\n## ") || !strings.Contains(text, "\n- ") {
			t.Errorf("%s: want a table, headings and a list", f.Path)
		}
	}
}

var fenceBlockRE = regexp.MustCompile("(?s)```[a-z]*\n.*?```\n")

func TestHugo(t *testing.T) {
	t.Parallel()
	s := generate(t, 100, 7)
	files := s.Hugo()
	names := map[string][]byte{}
	for _, f := range files {
		names[f.Path] = f.Data
	}
	for _, want := range []string{"config.toml", "layouts/_default/single.html", "layouts/_default/list.html"} {
		if names[want] == nil {
			t.Errorf("Hugo site has no %s", want)
		}
	}
	if len(files) != len(s.Files)-1+3 {
		t.Errorf("Hugo site has %d files, want every document and 3 more", len(files))
	}
	for _, f := range s.Files {
		if !strings.HasPrefix(f.Path, "content/") {
			continue
		}
		h := names[f.Path]
		if bytes.Contains(h, []byte("[[")) {
			t.Errorf("%s: wikilink left in the Hugo copy", f.Path)
		}
		if n, m := len(linkRE.FindAll(f.Data, -1)), len(linkRE.FindAll(h, -1)); n != m {
			t.Errorf("%s: %d links, %d in the Hugo copy", f.Path, n, m)
		}
	}
}

// The HubHeavy shape: about 90% blueprints and 5% standards, 0–5 dependencies
// each, among blueprints written before (so a DAG), 3–8 alignment records each,
// and the same bytes from the same seed.
func TestHubHeavyShape(t *testing.T) {
	t.Parallel()
	const n = 1000
	gen := func(seed uint64) *Site {
		s, err := Generate(Options{N: n, Seed: seed, Shape: HubHeavy})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s, again := gen(5), gen(5)
	for i := range s.Files {
		if !bytes.Equal(s.Files[i].Data, again.Files[i].Data) {
			t.Fatalf("same seed, different %s", s.Files[i].Path)
		}
	}
	all := docs(t, s)
	counts := map[string]int{}
	var order []string // blueprints in the order written: their ids end in it
	for id, m := range all {
		counts[m["kind"].(string)]++
		if m["kind"] == "blueprint" {
			order = append(order, id)
		}
	}
	if counts["blueprint"] < 880 || counts["standard"] != 50 {
		t.Errorf("%d blueprints and %d standards, want about 900 and 50", counts["blueprint"], counts["standard"])
	}
	num := func(id string) int {
		v := 0
		for _, c := range id[strings.LastIndexByte(id, '-')+1:] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	edges, dependedOn := 0, map[string]int{}
	for _, id := range order {
		deps := depIDs(all[id])
		if len(deps) > 5 {
			t.Errorf("%s has %d dependencies, want at most 5", id, len(deps))
		}
		for _, dep := range deps {
			if num(dep) >= num(id) {
				t.Errorf("%s depends on %s, written after it", id, dep)
			}
			dependedOn[dep]++
		}
		edges += len(deps)
		recs, _ := all[id]["compliance"].([]any)
		if len(recs) < 3 || len(recs) > 8 {
			t.Errorf("%s has %d alignment records, want 3–8", id, len(recs))
		}
	}
	if per := float64(edges) / float64(len(order)); per < 2.2 || per > 2.8 {
		t.Errorf("%.2f dependencies per blueprint, want about 2.5", per)
	}
	if _, err := ParseShape("spiky"); err == nil {
		t.Error("ParseShape accepted an unknown shape")
	}
}
