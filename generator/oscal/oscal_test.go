package oscal

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/matrix"
	"archfolio/generator/render"
	"archfolio/themes"

	"gopkg.in/yaml.v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./generator/oscal -update if the change is intended):\n%s", name, got)
	}
}

// options are the options of an in-memory site of files, pinned to 2026-11-27.
func options(files map[string]string) generator.Options {
	site := fstest.MapFS{}
	for name, body := range files {
		site[name] = &fstest.MapFile{Data: []byte(strings.TrimPrefix(body, "\n"))}
	}
	return generator.Options{Site: site, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
}

func loadSite(t *testing.T, files map[string]string) (*generator.Portfolio, diag.Diagnostics) {
	t.Helper()
	p, diags, err := generator.Load(context.Background(), options(files))
	if err != nil {
		t.Fatal(err)
	}
	return p, diags
}

func renderSite(t *testing.T, files map[string]string) *render.MemOutput {
	t.Helper()
	p, _ := loadSite(t, files)
	out := &render.MemOutput{}
	if err := render.Render(context.Background(), p, options(files), out); err != nil {
		t.Fatal(err)
	}
	return out
}

func diagLines(ds diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// importedSite turns imported standards into site files, one per path.
func importedSite(stds []ImportedStandard) map[string]string {
	files := map[string]string{}
	for _, s := range stds {
		files["content/standards/"+s.ID+".md"] = string(s.Markdown)
	}
	return files
}

func TestOSCALGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fixture string
		opts    Options
		ids     string
	}{
		{"catalog.json", Options{}, "nist-800-53r5-ac nist-800-53r5-ia"},
		{"resolved-profile.json", Options{}, "nist-800-53r5-ac nist-800-53r5-au"},
		{"catalog.json", Options{Families: []string{"IA"}, Framework: "sp800-53"}, "sp800-53-ia"},
	} {
		name := strings.TrimSuffix(tc.fixture, ".json")
		if tc.opts.Framework != "" {
			name += "-" + tc.opts.Framework
		}
		t.Run(name, func(t *testing.T) {
			stds, err := Standards(tc.fixture, readFixture(t, tc.fixture), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var all bytes.Buffer
			var ids []string
			for _, s := range stds {
				ids = append(ids, s.ID)
				all.WriteString("-- content/standards/" + s.ID + ".md --\n")
				all.Write(s.Markdown)
			}
			if strings.Join(ids, " ") != tc.ids {
				t.Errorf("ids %v, want %s", ids, tc.ids)
			}
			checkGolden(t, name+".golden", all.Bytes())
			// The documents load without a single diagnostic.
			_, diags := loadSite(t, importedSite(stds))
			if len(diags) > 0 {
				t.Errorf("imported standards do not load cleanly:\n%s", diagLines(diags))
			}
		})
	}
}

func TestOSCALStandardsInTheMatrix(t *testing.T) {
	t.Parallel()
	stds, err := Standards("catalog.json", readFixture(t, "catalog.json"), Options{Families: []string{"ac"}})
	if err != nil {
		t.Fatal(err)
	}
	files := importedSite(stds)
	files["content/b.md"] = `
---
kind: blueprint
title: B
compliance:
  - {standard: nist-800-53r5-ac, statement: AC-2(1), status: implemented}
  - {standard: nist-800-53r5-ac, statement: AC-2(10), status: implemented}
---
`
	p, diags := loadSite(t, files)
	m := matrix.Of(p)
	want := `content/b.md:6:34: error: compliance[1].statement: "AC-2(10)" is not a statement of "nist-800-53r5-ac" (did you mean "AC-2(1)"?) (its statements: AC-1, AC-2, AC-2(1)) [AF311]` + "\n"
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	var c *matrix.MatrixCell
	for _, row := range m.Rows {
		for _, col := range m.Columns {
			if row.Doc.ID == "b" && col.Doc.ID == "nist-800-53r5-ac" {
				c = row.Cell(col.Index)
			}
		}
	}
	if c == nil {
		t.Fatal("no cell b × nist-800-53r5-ac")
	}
	if c.Status != matrix.AlignImplemented || c.Statements[2] != matrix.AlignImplemented || c.Statements[0] != matrix.AlignNone {
		t.Errorf("cell %v statements %v", c.Status, c.Statements)
	}
	if f := m.Frameworks[0]; f.Framework != "nist-800-53r5" || len(f.Controls) != 3 || f.Controls[2].Label != "AC-2(1)" {
		t.Errorf("framework %+v", f)
	}
}

func TestOSCALEscapesCatalogueText(t *testing.T) {
	t.Parallel()
	cat := `{"catalog": {"uuid": "u", "metadata": {"title": "NIST SP 800-53 Rev 5 <i>x</i>", "version": "1.0"},
	  "groups": [{"id": "zz", "title": "Odd: family # *one*", "controls": [
	    {"id": "zz-1", "title": "<b>bold</b> | [link](javascript:alert(1)) ---",
	     "props": [{"name": "label", "value": "ZZ-1 *"}],
	     "parts": [{"name": "statement", "prose": "key: value\n---\n\"quoted\" 'single' {{ insert: param, missing }}"}]}]}]}}`
	stds, err := Standards("odd.json", []byte(cat), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := importedSite(stds)
	p, diags := loadSite(t, files)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diagLines(diags))
	}
	d := p.ByID["nist-800-53r5-zz"]
	st := d.Fields.List("statements")[0].(*generator.Object)
	if st.String("id") != "ZZ-1 *" || st.String("text") != "<b>bold</b> | [link](javascript:alert(1)) ---: key: value --- \"quoted\" 'single' [missing]" {
		t.Errorf("statement round trip: %q %q", st.String("id"), st.String("text"))
	}
	data, ok := renderSite(t, files).File("standards/nist-800-53r5-zz/index.html")
	if !ok {
		t.Fatal("no page for the imported standard")
	}
	page := string(data)
	if strings.Contains(page, "<b>bold") || strings.Contains(page, "<i>x") || strings.Contains(page, `href="javascript:`) {
		t.Errorf("catalogue markup reaches the page unescaped")
	}
}

func TestOSCALErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       string
	}{
		{"empty", "  \n", Options{}, "in.json: the file is empty; want an OSCAL catalog in JSON or YAML"},
		{"syntax", "{\"catalog\": {\n  \"uuid\": \"x\",,\n}}", Options{}, "in.json:2:15: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"truncated", `{"catalog": {"groups": [`, Options{}, "in.json:1:24: invalid JSON: unexpected end of JSON input"},
		{"wrong type", "{\"catalog\": {\"groups\": [{\"id\": \"ac\", \"controls\": [{\"id\": 7}]}]}}", Options{},
			"in.json:1:58: catalog.groups.controls.id: want a string, not a JSON number"},
		{"groups not a list", `{"catalog": {"groups": {"id": "ac"}}}`, Options{}, "in.json:1:24: catalog.groups: want a list, not a JSON object"},
		{"array", `[1, 2]`, Options{}, `in.json:1:1: the file holds a JSON array; want an object with a "catalog"`},
		{"profile", `{"profile": {"uuid": "x", "imports": [{"href": "cat.json"}]}}`, Options{},
			"in.json: this is an OSCAL profile, not a catalog: import its resolved catalogue instead. NIST publishes each baseline resolved beside its profile (NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json"},
		{"xml", "<?xml version=\"1.0\"?>\n<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"/>", Options{},
			"in.json: this is XML; archfolio reads OSCAL in JSON or YAML: take the catalogue's JSON edition"},
		{"yaml syntax", "catalog:\n  uuid: x\n  metadata: [a\n", Options{}, "in.json:3: invalid YAML: did not find expected ',' or ']'"},
		{"yaml wrong type", "catalog:\n  groups: {id: ac}\n", Options{}, "in.json: catalog.groups: want a list, not a JSON object"},
		{"yaml scalar", "just text\n", Options{}, "in.json: neither JSON nor a YAML mapping"},
		{"ssp", `{"system-security-plan": {"uuid": "x"}}`, Options{}, "in.json: this is an OSCAL system-security-plan, not a catalog"},
		{"no catalog", `{"foo": 1}`, Options{}, `in.json: no "catalog" object at the top`},
		{"no controls", `{"catalog": {"metadata": {"title": "NIST SP 800-53 Rev 5"}}}`, Options{}, "in.json: the catalogue has neither groups nor controls"},
		{"control without id", `{"catalog": {"metadata": {"title": "NIST SP 800-53 Rev 5"}, "groups": [{"id": "ac", "controls": [{"title": "x"}]}]}}`,
			Options{}, "in.json: catalog.groups[0].controls[0]: a control needs an id"},
		{"control without title", `{"catalog": {"metadata": {"title": "NIST SP 800-53 Rev 5"}, "groups": [{"id": "ac", "controls": [{"id": "ac-1"}]}]}}`,
			Options{}, `in.json: catalog.groups[0].controls[0]: control "ac-1" needs a title`},
		{"duplicate control", `{"catalog": {"metadata": {"title": "NIST SP 800-53 Rev 5"}, "groups": [{"id": "ac", "controls": [{"id": "ac-1", "title": "x"}, {"id": "ac-1", "title": "y"}]}]}}`,
			Options{}, `in.json: catalog.groups[0].controls[1]: control id "ac-1" is used twice (also at catalog.groups[0].controls[0])`},
		{"only withdrawn", `{"catalog": {"metadata": {"title": "NIST SP 800-53 Rev 5"}, "groups": [{"id": "ac", "controls": [{"id": "ac-1", "title": "x", "props": [{"name": "status", "value": "withdrawn"}]}]}]}}`,
			Options{}, "in.json: the catalogue has no controls to import (withdrawn controls are left out)"},
		{"unknown framework", `{"catalog": {"metadata": {"title": "My controls"}, "controls": [{"id": "x-1", "title": "x"}]}}`, Options{},
			`in.json: cannot tell the framework from the catalogue title "My controls": name it with --framework (like nist-800-53r5)`},
		{"bad framework", `{"catalog": {"metadata": {"title": "My controls"}, "controls": [{"id": "x-1", "title": "x"}]}}`, Options{Framework: "My FW"},
			`framework "My FW" must be lower-kebab, like nist-800-53r5`},
		{"unknown family", string(readFixture(t, "catalog.json")), Options{Families: []string{"ai"}},
			`in.json: no control family "ai" (did you mean "ac"?) (the catalogue has: ac, ia)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Standards("in.json", []byte(tc.data), tc.opts)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v\nwant one starting %q", err, tc.want)
			}
		})
	}
}

// OSCAL's YAML edition is its JSON's structure: a catalogue in YAML imports
// exactly as the same catalogue in JSON.
func TestOSCALYAML(t *testing.T) {
	t.Parallel()
	var v any
	if err := json.Unmarshal(readFixture(t, "catalog.json"), &v); err != nil {
		t.Fatal(err)
	}
	y, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := Standards("catalog.json", readFixture(t, "catalog.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Standards("catalog.yaml", y, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fromYAML) != len(fromJSON) {
		t.Fatalf("%d standards from YAML, %d from JSON", len(fromYAML), len(fromJSON))
	}
	for i := range fromJSON {
		if !bytes.Equal(fromYAML[i].Markdown, fromJSON[i].Markdown) {
			t.Errorf("%s differs:\n%s\nwant:\n%s", fromJSON[i].ID, fromYAML[i].Markdown, fromJSON[i].Markdown)
		}
	}
}

func TestImportOSCALNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	kept := "---\nkind: standard\ntitle: Mine\nfamily: ac\n---\nHand-written.\n"
	other := "---\nid: nist-800-53r5-ia\nkind: standard\ntitle: Elsewhere\nfamily: ia\n---\n"
	for name, body := range map[string]string{
		"content/standards/nist-800-53r5-ac.md": kept,
		"content/misc/identity.md":              other,
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Import(context.Background(), dir, "resolved-profile.json", readFixture(t, "resolved-profile.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		got = append(got, r.Path+" written="+map[bool]string{true: "yes", false: "no: " + r.Reason}[r.Written])
	}
	want := []string{
		"content/standards/nist-800-53r5-ac.md written=no: the file already exists; archfolio import never overwrites (delete it to import again); or run with --update to merge this catalogue into it",
		"content/standards/nist-800-53r5-au.md written=yes",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content", "standards", "nist-800-53r5-ac.md")); string(data) != kept {
		t.Errorf("an existing file was changed:\n%s", data)
	}
	res, err = Import(context.Background(), dir, "catalog.json", readFixture(t, "catalog.json"), Options{Families: []string{"ia"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Written || res[0].Reason != `id "nist-800-53r5-ia" is already used by content/misc/identity.md` {
		t.Errorf("an id in use elsewhere: %+v", res)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "standards", "nist-800-53r5-ia.md")); err == nil {
		t.Error("a standard was written under an id already in use")
	}
}
