package jira

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// copyTree copies the folder src into dst (which exists), keeping nothing but bytes.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func syncFixture(t *testing.T, dryRun bool) (string, *Report) {
	t.Helper()
	site := t.TempDir()
	copyTree(t, filepath.Join("testdata", "site"), site)
	if err := os.Chmod(filepath.Join(site, "content", "remediation", "rem-lf.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	export, err := os.ReadFile(filepath.Join("testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Sync(context.Background(), site, export, dryRun)
	if err != nil {
		t.Fatal(err)
	}
	return site, rep
}

// TestJiraSyncByteForByte syncs the fixture export into a copy of the fixture site
// and compares every file with testdata/want byte for byte: only the status and
// due lines of matching remediation documents change; CRLF, BOM, comments, quoting,
// bodies, other kinds and unmatched documents stay exactly as they were.
func TestJiraSyncByteForByte(t *testing.T) {
	t.Parallel()
	site, rep := syncFixture(t, false)
	got := readTree(t, site)
	want := readTree(t, filepath.Join("testdata", "want"))
	if !reflect.DeepEqual(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("files after sync = %v, want %v (a temporary file left behind?)", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s after sync:\n%q\nwant:\n%q", name, got[name], w)
		}
	}
	var changes []string
	for _, c := range rep.Changes {
		changes = append(changes, c.String())
	}
	wantChanges := []string{
		"content/remediation/rem-accepted-done.md: SEC-105: status risk-accepted → done",
		"content/remediation/rem-bom-no-status.md: SEC-109: status (none) → in-progress",
		"content/remediation/rem-crlf.md: SEC-102: status in-progress → done",
		"content/remediation/rem-insert-due.md: SEC-103: status in-progress → blocked, due (none) → 2027-01-31",
		"content/remediation/rem-lf.md: SEC-101: status open → in-progress, due 2026-11-30 → 2026-12-15",
	}
	if strings.Join(changes, "\n") != strings.Join(wantChanges, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(changes, "\n"), strings.Join(wantChanges, "\n"))
	}
	if got := strings.Join(rep.Unknown, " "); got != "SEC-107 SEC-999" {
		t.Errorf("unknown keys = %s, want SEC-107 (a roadmap epic, not remediation) SEC-999", got)
	}
	wantProblems := []string{
		`SEC-109: duedate "31/01/2027" is not YYYY-MM-DD; its due date is left as it is`,
		"content/remediation/rem-second-document.md: SEC-110: front matter: not editable: a --- line at line 6 starts a second YAML document; remove it; nothing changed",
		"content/remediation/rem-two-lines.md: SEC-108: status: not editable: write it as a one-line value (status: done); nothing changed",
		`issue "not-a-key": not a JIRA key (like SEC-101); skipped`,
	}
	if strings.Join(rep.Problems, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(rep.Problems, "\n"), strings.Join(wantProblems, "\n"))
	}
	if rep.Matched != 9 {
		t.Errorf("matched %d documents, want 9", rep.Matched)
	}
	st, err := os.Stat(filepath.Join(site, "content", "remediation", "rem-lf.md"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("rem-lf.md mode = %v (%v), want 0600 kept", st.Mode().Perm(), err)
	}
}

func TestJiraSyncDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	site, rep := syncFixture(t, true)
	if len(rep.Changes) != 5 {
		t.Errorf("dry run reports %d changes, want 5", len(rep.Changes))
	}
	got := readTree(t, site)
	for name, w := range readTree(t, filepath.Join("testdata", "site")) {
		if !bytes.Equal(got[name], w) {
			t.Errorf("dry run changed %s", name)
		}
	}
}

func TestJiraSyncIsIdempotentAndSiteStillLoads(t *testing.T) {
	t.Parallel()
	site, _ := syncFixture(t, false)
	export, _ := os.ReadFile(filepath.Join("testdata", "export.json"))
	rep, err := Sync(context.Background(), site, export, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 0 {
		t.Errorf("a second sync changed %v", rep.Changes)
	}
	p, diags, err := generator.Load(context.Background(), generator.Options{Site: os.DirFS(site)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Path == "content/remediation/rem-second-document.md" && d.Code == diag.CodeInvalidYAML {
			continue // as it was before the sync, which left it alone
		}
		if strings.Contains(d.Message, "invalid YAML") || strings.Contains(d.Message, "status") {
			t.Errorf("synced site: %s", d)
		}
	}
	d := p.ByID["rem-insert-due"]
	if d == nil {
		t.Fatal("rem-insert-due is gone after the sync")
	}
	if due, _ := d.Fields.Get("due").(generator.Date); d.Status != "blocked" || due.String() != "2027-01-31" {
		t.Errorf("rem-insert-due after sync: %+v", d)
	}
}

func TestParseJiraExportShapes(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		json string
		want []Issue
		err  string
	}{
		"nested category": {`{"issues":[{"key":"A-1","fields":{"status":{"name":"In Progress","statusCategory":{"key":"indeterminate"}},"duedate":"2026-01-02"}}]}`,
			[]Issue{{Key: "A-1", Status: "In Progress", Category: "indeterminate", Due: "2026-01-02"}}, ""},
		"top-level category": {`{"issues":[{"key":"A-1","fields":{"status":{"name":"Done"},"statusCategory":{"key":"done"}}}]}`,
			[]Issue{{Key: "A-1", Status: "Done", Category: "done"}}, ""},
		"category as a string": {`{"issues":[{"key":"A-1","fields":{"status":{"name":"Open"},"statusCategory":"new"}}]}`,
			[]Issue{{Key: "A-1", Status: "Open", Category: "new"}}, ""},
		"category by name only": {`{"issues":[{"key":"A-1","fields":{"status":{"name":"Doing","statusCategory":{"name":"In Progress"}}}}]}`,
			[]Issue{{Key: "A-1", Status: "Doing", Category: "indeterminate"}}, ""},
		"bare list":  {`[{"key":"A-1","fields":{"summary":"S"}}]`, []Issue{{Key: "A-1", Summary: "S"}}, ""},
		"no issues":  {`{"total":0}`, nil, `no "issues" list`},
		"not json":   {`<html>`, nil, "not a JIRA export"},
		"empty list": {`{"issues":[]}`, []Issue{}, ""},
	} {
		got, err := ParseExport([]byte(c.json))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", name, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, %v; want %+v", name, got, err, c.want)
		}
	}
}

func TestRemediationStatusMapping(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, category, current, want string
		known                         bool
	}{
		{"To Do", "new", "in-progress", "open", true},
		{"In Progress", "indeterminate", "open", "in-progress", true},
		{"Done", "done", "open", "done", true},
		{"Blocked", "indeterminate", "open", "blocked", true},
		{"Blocked by vendor", "new", "open", "blocked", true},
		{"To Do", "new", "risk-accepted", "risk-accepted", true},
		{"Blocked", "indeterminate", "risk-accepted", "risk-accepted", true},
		{"Won't fix", "done", "risk-accepted", "done", true},
		{"Weird", "", "open", "open", false},
	} {
		got, known := RemediationStatus(Issue{Status: c.name, Category: c.category}, c.current)
		if got != c.want || known != c.known {
			t.Errorf("%s/%s from %s = %s, %v; want %s, %v", c.name, c.category, c.current, got, known, c.want, c.known)
		}
	}
}

func TestFrontMatterSetRefusesWhatItCannotEditSafely(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"block scalar":  "---\nstatus: |\n  open\n---\n",
		"indented flow": "---\n{status: open}\n---\n",
		"tagged":        "---\nstatus: !!str open\n---\n",
		"anchored":      "---\nstatus: &s open\n---\n",
		"trailing text": "---\nstatus: \"open\" x\n---\n",
	} {
		f, err := openFrontMatter([]byte(src))
		if err != nil {
			continue // not even a mapping: refused earlier
		}
		if changed, err := f.set("status", "done", ""); err == nil || changed {
			t.Errorf("%s: set = %v, %v; want a refusal", name, changed, err)
		}
		if !bytes.Equal(f.bytes(), []byte(src)) {
			t.Errorf("%s: file changed after a refusal: %q", name, f.bytes())
		}
	}
	for name, c := range map[string]struct{ src, want string }{
		"null value":     {"---\nstatus:   # later\n---\n", "---\nstatus: done   # later\n---\n"},
		"single quoted":  {"---\nstatus: 'it''s'\n---\n", "---\nstatus: 'done'\n---\n"},
		"no newline":     {"---\nstatus: open\n---", "---\nstatus: done\n---"},
		"absent, at end": {"---\ntitle: x\n---\nbody", "---\ntitle: x\nstatus: done\n---\nbody"},
	} {
		f, err := openFrontMatter([]byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := f.set("status", "done", "jira"); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if got := string(f.bytes()); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
