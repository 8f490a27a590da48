package threagile

import (
	"archfolio/generator/internal/fixture"
	"bytes"
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/generator/risk"
	"archfolio/generator/sitetest"
	"archfolio/themes"

	"golang.org/x/tools/txtar"
)

// unpack writes a fixture's files under a temporary folder and returns it.
func unpack(t *testing.T, fixture string) string {
	t.Helper()
	ar, err := txtar.ParseFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range ar.Files {
		name := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func runImport(t *testing.T, root string, opt Options) []byte {
	t.Helper()
	res, err := Import(context.Background(), filepath.Join(root, "site"), filepath.Join(root, "threagile.yaml"), filepath.Join(root, "risks.json"), opt)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	res.Print(&out, &errs)
	return []byte(strings.ReplaceAll(out.String()+"-- stderr:\n"+errs.String(), filepath.ToSlash(root)+"/", ""))
}

// TestImportGolden imports the fixture's model and risks into its site twice
// and compares both reports and the site's files with the golden file: the
// second run changes nothing and says so, and the site passes check.
func TestImportGolden(t *testing.T) {
	t.Parallel()
	root := unpack(t, "testdata/policy-self-service.txtar")
	opt := Options{Subject: "policy-portal"}
	report1 := runImport(t, root, opt)
	first := fixture.Snapshot(t, filepath.Join(root, "site"))
	report2 := runImport(t, root, opt)
	if second := fixture.Snapshot(t, filepath.Join(root, "site")); !fixture.SameFiles(first, second) {
		t.Error("the second run changed the site")
	}
	if !bytes.HasPrefix(report2, []byte("unchanged content/threat-models/tm-policy-self-service.md")) {
		t.Errorf("the second run does not say it changed nothing:\n%s", report2)
	}
	golden := &txtar.Archive{Files: append([]txtar.File{{Name: "first run", Data: report1}, {Name: "second run", Data: report2}}, first...)}
	sitetest.Golden(t, "testdata/policy-self-service.golden", txtar.Format(golden))
	p := checkSite(t, filepath.Join(root, "site"))
	m := risk.Of(p).Models[p.ByID["tm-policy-self-service"]]
	if m == nil || len(m.System.Boundaries) != 4 || m.System.Boundaries[3].Depth != 3 {
		t.Fatalf("the imported model's boundaries are not nested three deep: %+v", m)
	}
}

// TestSeverityAgreesWithThreagile reads the fixture's risks.json, which has a
// risk of every severity, and checks that the severity archfolio computes for
// each imported threat is the one Threagile wrote.
func TestSeverityAgreesWithThreagile(t *testing.T) {
	t.Parallel()
	root := unpack(t, "testdata/policy-self-service.txtar")
	data, err := os.ReadFile(filepath.Join(root, "risks.json"))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := readRisks("risks.json", data)
	if err != nil {
		t.Fatal(err)
	}
	runImport(t, root, Options{Subject: "policy-portal"})
	p := checkSite(t, filepath.Join(root, "site"))
	computed := map[string]string{}
	for _, th := range risk.Of(p).Models[p.ByID["tm-policy-self-service"]].Threats {
		computed[th.ID] = th.Severity
	}
	seen := map[string]bool{}
	for _, f := range findings {
		want := cmp.Or(f.Severity, "low") // risks.json leaves the first of each scale out
		seen[want] = true
		if computed[f.SyntheticID] != want {
			t.Errorf("%s: archfolio computes %q, Threagile says %q", f.SyntheticID, computed[f.SyntheticID], want)
		}
	}
	for _, s := range []string{"low", "medium", "elevated", "high", "critical"} {
		if !seen[s] {
			t.Errorf("the fixture has no risk of severity %s", s)
		}
	}
}

// TestMalformedInput: a model or risks file that cannot be read is one error
// at its file, line and column, and nothing is written.
func TestMalformedInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, model, risks, want string
	}{
		{"yaml syntax", "title: X\ntechnical_assets:\n  A:\n    id: a\n   type: process\n", "",
			"threagile.yaml:3:1: did not find expected key"},
		{"yaml type", "title: X\ntechnical_assets:\n  A:\n    id: a\n    internet: maybe\n", "",
			"threagile.yaml:5:1: cannot unmarshal !!str `maybe` into bool"},
		{"no title", "technical_assets: {}\n", "", "threagile.yaml:1:1: no title: is this a Threagile model (threagile.yaml)?"},
		{"json syntax", "title: X\n", "[\n  {\"category\": \"a\",\n   \"severity\": low}\n]\n",
			"risks.json:3:16: invalid character 'l' looking for beginning of value"},
		{"json type", "title: X\n", "[\n  {\"category\": \"a\",\n   \"severity\": 3}\n]\n",
			"risks.json:3:16: severity is a JSON number, want a string"},
		{"json not a list", "title: X\n", "{\"risks\": []}\n", "risks.json:1:1: the file is a JSON object, want a []threagile.finding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			site := filepath.Join(dir, "site")
			if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			model, risks := filepath.Join(dir, "threagile.yaml"), ""
			if err := os.WriteFile(model, []byte(tc.model), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.risks != "" {
				risks = filepath.Join(dir, "risks.json")
				if err := os.WriteFile(risks, []byte(tc.risks), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Import(context.Background(), site, model, risks, Options{})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want a ParseError", err)
			}
			if got := strings.TrimPrefix(err.Error(), filepath.ToSlash(dir)+"/"); got != tc.want {
				t.Errorf("error\n%s\nwant\n%s", got, tc.want)
			}
			if files := fixture.Snapshot(t, site); len(files) != 0 {
				t.Errorf("wrote %d files", len(files))
			}
		})
	}
}

// checkSite loads the site as check does, fails on any diagnostic and
// returns the portfolio.
func checkSite(t *testing.T, dir string) *generator.Portfolio {
	t.Helper()
	site, err := generator.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, diags, err := generator.Load(context.Background(), generator.Options{Site: site, Theme: themes.Default(),
		Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("check of the imported site: %s", d)
	}
	return p
}

// TestWrittenProblems: what the model gets wrong that only the written threat
// model shows (a link to an asset the model lacks) is reported as check
// reports it, at the line of the document written, and the import fails.
func TestWrittenProblems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "content", "blueprints"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "blueprints", "shop.md"), []byte("---\nkind: blueprint\ntitle: Shop\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "threagile.yaml")
	yaml := "title: Shop\ntechnical_assets:\n  Web:\n    id: web\n    type: process\n    communication_links:\n      Orders:\n        target: order-db\n        protocol: jdbc\n"
	if err := os.WriteFile(model, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Import(context.Background(), site, model, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if n := res.Print(&out, &errs); n != 1 {
		t.Errorf("%d problems, want 1", n)
	}
	want := `content/threat-models/tm-shop.md:16:5: error: data_flows[0].to: "order-db" is not an asset of this threat model [AF604]` + "\n"
	if errs.String() != want {
		t.Errorf("stderr\n%s\nwant\n%s", errs.String(), want)
	}
}
