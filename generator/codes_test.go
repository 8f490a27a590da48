package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDiagnosticCodeTable(t *testing.T) {
	t.Parallel()
	idRE := regexp.MustCompile(`^AF[1-9][0-9][0-9]$`)
	nameRE := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	names := map[string]diag.Code{}
	for i, r := range diag.Rules() {
		if i > 0 && r.Code <= diag.Rules()[i-1].Code {
			t.Errorf("%s comes after %s: the table must be in code order, each code once", r.Code, diag.Rules()[i-1].Code)
		}
		if !idRE.MatchString(r.Code.String()) || r.Code%100 == 0 {
			t.Errorf("code %d (%s) is not AF101 to AF999 outside a round hundred", uint16(r.Code), r.Code)
		}
		if _, ok := codeGroups[int(r.Code)/100]; !ok {
			t.Errorf("%s is in no group of codeGroups", r.Code)
		}
		if !nameRE.MatchString(r.Name) {
			t.Errorf("%s: name %q is not lower-kebab", r.Code, r.Name)
		}
		if first, dup := names[r.Name]; dup {
			t.Errorf("%s and %s share the name %q", first, r.Code, r.Name)
		}
		names[r.Name] = r.Code
		if r.Severity != diag.Error && r.Severity != diag.Warning {
			t.Errorf("%s: severity %d", r.Code, r.Severity)
		}
		if r.Help == "" || strings.ContainsAny(r.Help, "\n|") || !strings.HasSuffix(r.Help, ".") || len(r.Help) > 100 {
			t.Errorf("%s: help %q is not one sentence of at most 100 characters without | or a line break", r.Code, r.Help)
		}
		if got, ok := r.Code.Rule(); !ok || got != r {
			t.Errorf("%s.Rule() = %v, %v", r.Code, got, ok)
		}
	}
	if r, ok := diag.Code(0).Rule(); ok || diag.Code(0).String() != "" || diag.Code(0).Name() != "" || diag.NewDiagnostic(0, "", diag.Pos{}, "").Severity != diag.Error {
		t.Errorf("the zero Code has a rule %v", r)
	}
	if _, ok := diag.Code(999).Rule(); ok {
		t.Error("AF999 has a rule")
	}
}

// TestDiagnosticCodesReachable loads the broken portfolio, the portfolios under
// testdata/codes (each against its golden FOLDER.diagnostics) and two sites made
// here, and checks that together they report every code of the table, each with
// its rule's severity.
func TestDiagnosticCodesReachable(t *testing.T) {
	t.Parallel()
	sites := map[string]generator.Options{"examples/broken": siteOptions(t, "../examples/broken")}
	dirs, err := filepath.Glob(filepath.Join("testdata", "codes", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			sites[filepath.ToSlash(dir)] = siteOptions(t, dir)
		}
	}
	// Made here: a document over the size limit, and a site without content/.
	big := siteOptions(t, ".")
	big.Site = fstest.MapFS{"content/big.md": {Data: bytes.Repeat([]byte("-"), generator.MaxFileSize+1)}}
	sites["a document over the limit"] = big
	empty := siteOptions(t, ".")
	empty.Site = fstest.MapFS{"archfolio.yaml": {Data: []byte("title: No content\n")}}
	sites["a site without content/"] = empty

	seen := map[diag.Code]string{}
	for name, opts := range sites {
		_, diags, err := generator.Load(context.Background(), opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if dir, ok := strings.CutPrefix(name, "testdata/"); ok {
			checkGolden(t, dir+".diagnostics", []byte(codedDiagLines(diags)))
		}
		for _, d := range diags {
			r, ok := d.Code.Rule()
			if !ok {
				t.Errorf("%s: a diagnostic without a code of the table: %s", name, d)
				continue
			}
			if d.Severity != r.Severity {
				t.Errorf("%s: %s has severity %s, its rule %s", name, d, d.Severity, r.Severity)
			}
			seen[d.Code] = name
		}
	}
	// Reported by check --since, over git history, not by Load: package
	// history's TestCheckSinceRegressions checks each line by line.
	seen[diag.CodeAlignmentRegressed] = "generator/history"
	seen[diag.CodeWaiverExtended] = "generator/history"
	// Reported when trends are asked for outside a git repository: package
	// trends' TestTrendsOnTheHomePage checks the line.
	seen[diag.CodeNoTrends] = "generator/trends"
	// Reported by build and serve when the Changes page cannot compare (no
	// git, a revision the clone lacks): package changes' TestNoComparison and
	// TestNoGit check each line by line.
	seen[diag.CodeChangesUnavailable] = "generator/changes"
	for _, r := range diag.Rules() {
		if _, ok := seen[r.Code]; !ok {
			t.Errorf("%s %s: no test portfolio reports it; add a document to testdata/codes", r.Code, r.Name)
		}
	}
}

// TestEveryDiagnosticHasACode reads the module's source: a Diagnostic is made
// only by NewDiagnostic, which takes a code of the table.
func TestEveryDiagnosticHasACode(t *testing.T) {
	t.Parallel()
	var files []string
	for _, root := range []string{".", "../cmd"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if err == nil && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 50 {
		t.Fatalf("found only %d source files", len(files))
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Name.Name == "NewDiagnostic" && name == filepath.Join("diag", "diag.go") {
				return false
			}
			if lit, ok := n.(*ast.CompositeLit); ok {
				typ := lit.Type
				if sel, ok := typ.(*ast.SelectorExpr); ok {
					typ = sel.Sel
				}
				if id, ok := typ.(*ast.Ident); ok && id.Name == "Diagnostic" {
					t.Errorf("%s: a Diagnostic literal; make it with NewDiagnostic or DiagSink.report and a code", fset.Position(lit.Pos()))
				}
			}
			return true
		})
	}
}

func TestSARIFRulesAndResults(t *testing.T) {
	t.Parallel()
	_, ds, err := generator.Load(context.Background(), siteOptions(t, "../examples/broken"))
	if err != nil {
		t.Fatal(err)
	}
	ds = append(ds, diag.Diagnostic{Path: "content/x.md", Severity: diag.Warning, Message: "made without a code"})
	var buf bytes.Buffer
	if err := diag.WriteDiagnostics(&buf, ds, "sarif"); err != nil {
		t.Fatal(err)
	}
	type text struct {
		Text string `json:"text"`
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID                   string `json:"id"`
						Name                 string `json:"name"`
						ShortDescription     text   `json:"shortDescription"`
						Help                 text   `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    *string `json:"ruleId"`
				RuleIndex *int    `json:"ruleIndex"`
				Level     string  `json:"level"`
				Message   text    `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields() // every field written is one this test checks
	if err := dec.Decode(&log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("not one run of SARIF 2.1.0: version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	levels := map[string]bool{"error": true, "warning": true}
	ruleIDs := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		if _, dup := ruleIDs[r.ID]; dup {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ruleIDs[r.ID] = i
		want := diag.Rules()[i]
		if r.ID != want.Code.String() || r.Name != want.Name || r.ShortDescription.Text != want.Help ||
			!strings.Contains(r.Help.Text, want.Help) || r.DefaultConfiguration.Level != want.Severity.String() {
			t.Errorf("rule %d is %+v, want the table's %+v", i, r, want)
		}
		if !levels[r.DefaultConfiguration.Level] {
			t.Errorf("rule %s: level %q", r.ID, r.DefaultConfiguration.Level)
		}
	}
	if len(run.Tool.Driver.Rules) != len(diag.Rules()) {
		t.Errorf("%d diag.Rules(), want the table's %d", len(run.Tool.Driver.Rules), len(diag.Rules()))
	}
	if len(run.Results) != len(ds) {
		t.Fatalf("%d results for %d diagnostics", len(run.Results), len(ds))
	}
	for i, res := range run.Results {
		d := ds[i]
		if res.Level != d.Severity.String() || res.Message.Text != d.Message || len(res.Locations) != 1 ||
			res.Locations[0].PhysicalLocation.ArtifactLocation.URI != d.Path {
			t.Errorf("result %d = %+v for %s", i, res, d)
			continue
		}
		if reg := res.Locations[0].PhysicalLocation.Region; (reg == nil) != (d.Line == 0) ||
			reg != nil && (reg.StartLine != d.Line || reg.StartColumn != max(d.Col, 1)) {
			t.Errorf("result %d: region %+v for %s", i, reg, d)
		}
		if d.Code == 0 {
			if res.RuleID != nil || res.RuleIndex != nil {
				t.Errorf("a diagnostic without a code has rule %v at %v", res.RuleID, res.RuleIndex)
			}
			continue
		}
		if res.RuleID == nil || res.RuleIndex == nil {
			t.Errorf("result %d (%s) has no ruleId or ruleIndex", i, d)
			continue
		}
		if idx := *res.RuleIndex; idx < 0 || idx >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[idx].ID != *res.RuleID || *res.RuleID != d.Code.String() {
			t.Errorf("result %d: ruleId %s, ruleIndex %d does not point at its rule", i, *res.RuleID, idx)
		}
	}
}

// codeGroups names what each hundred of codes is about.
var codeGroups = map[int]string{
	1: "files, front matter, fields and the schema",
	2: "references between documents and links in bodies",
	3: "the standards alignment matrix",
	4: "dependencies between blueprints",
	5: "the roadmap and its capabilities",
	6: "threat models and risk",
	7: "reviews, decisions and vendor recommendations (the radar)",
	8: "remediation items and the backlog",
	9: "archfolio.yaml, the theme and the output",
}

// codesReference is help/codes.md: the table as `archfolio help codes` shows it.
func codesReference() string {
	var b strings.Builder
	b.WriteString(`# Diagnostic codes

Every problem archfolio reports has a stable code and a short name. Text output
ends each line with the code:

    content/blueprints/shop.md:12:5: error: depends_on[0].id: unknown id "pay" [AF201]

JSON output gives each diagnostic's "code" and "rule" (the name), SARIF uses the
code as the rule id, and GitHub annotations are titled with code and name. A code
never changes its meaning and is never reused. Errors fail build and check;
warnings fail only check --strict.

The hundreds say what a code is about:

`)
	for g := 1; g <= 9; g++ {
		fmt.Fprintf(&b, "- AF%dxx: %s\n", g, codeGroups[g])
	}
	b.WriteString("\n| Code | Name | Severity | Help |\n|------|------|----------|------|\n")
	for _, r := range diag.Rules() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Code, r.Name, r.Severity, r.Help)
	}
	b.WriteString("\nThis file is written from the table in generator/diag/codes.go by\n`go test ./generator -run TestCodesReference -update`.\n")
	return b.String()
}

// readmeCodesTable is the table of README.md's section "Diagnostic codes".
func readmeCodesTable() string {
	var b strings.Builder
	b.WriteString("| Code | Name | Meaning |\n|------|------|---------|\n")
	for _, r := range diag.Rules() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.Code, r.Name, r.Help)
	}
	return b.String()
}

// TestCodesReference holds help/codes.md and the README's table of codes to the
// table of diag/codes.go; -update rewrites both.
func TestCodesReference(t *testing.T) {
	t.Parallel()
	const refPath = "help/codes.md"
	ref := codesReference()
	if *update {
		if err := os.MkdirAll(filepath.Dir(refPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(refPath, []byte(ref), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(refPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != ref {
		t.Errorf("%s differs from the table of diag/codes.go; diff:\n%s\n(go test ./generator -run TestCodesReference -update rewrites it)",
			refPath, lineDiff(ref, string(got)))
	}

	const readmePath = "../README.md"
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	section, table, ok := readmeCodesSection(string(readme))
	if !ok {
		t.Fatalf("%s has no section \"## Diagnostic codes\" with a table", readmePath)
	}
	want := readmeCodesTable()
	if *update && table != want {
		fixed := strings.Replace(string(readme), section, strings.Replace(section, table, want, 1), 1)
		if err := os.WriteFile(readmePath, []byte(fixed), 0o644); err != nil {
			t.Fatal(err)
		}
		table = want
	}
	if table != want {
		t.Errorf("README.md's table of codes differs from diag/codes.go; diff:\n%s\n(go test ./generator -run TestCodesReference -update rewrites it)",
			lineDiff(want, table))
	}
}

// readmeCodesSection returns the README's section "## Diagnostic codes" (up to
// the next level-2 heading) and its first table, lines starting with |.
func readmeCodesSection(readme string) (section, table string, ok bool) {
	_, after, found := strings.Cut(readme, "\n## Diagnostic codes\n")
	if !found {
		return "", "", false
	}
	section, _, _ = strings.Cut(after, "\n## ")
	start := strings.Index(section, "\n|")
	if start < 0 {
		return section, "", false
	}
	rest := section[start+1:]
	end := len(rest)
	for off := 0; off < len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		if !strings.HasPrefix(line, "|") {
			end = off
			break
		}
		off += len(line) + 1
		end = min(off, len(rest))
	}
	return section, rest[:end], true
}
