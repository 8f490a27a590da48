package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const jiraDoc = "---\nkind: remediation\ntitle: T\nstatus: open\njira: SEC-1\nseverity: low\n---\nBody.\n"

func jiraSite(t *testing.T, export string) (site, file string) {
	t.Helper()
	site = t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "t.md"), []byte(jiraDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(file, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	return site, file
}

func runArgs(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestJiraSyncCommand(t *testing.T) {
	t.Parallel()
	export := `{"issues":[{"key":"SEC-1","fields":{"status":{"name":"Done","statusCategory":{"key":"done"}},"duedate":"2026-12-01"}},
	{"key":"SEC-2","fields":{"status":{"name":"Open","statusCategory":{"key":"new"}}}}]}`
	site, file := jiraSite(t, export)
	doc := filepath.Join(site, "content", "t.md")

	code, out, errOut := runArgs("jira", "sync", file, "-s", site, "--dry-run")
	if code != 0 || !strings.Contains(out, "content/t.md: SEC-1: status open → done, due (none) → 2026-12-01") ||
		!strings.Contains(out, "unknown keys (no remediation document has them): SEC-2") || !strings.Contains(errOut, "dry run") {
		t.Errorf("dry run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if data, _ := os.ReadFile(doc); string(data) != jiraDoc {
		t.Errorf("dry run wrote the file:\n%s", data)
	}

	code, _, errOut = runArgs("jira", "sync", "-s", site, file)
	if code != 0 || !strings.Contains(errOut, "updated 1 of 1 matched") {
		t.Errorf("sync: exit %d, stderr:\n%s", code, errOut)
	}
	want := strings.Replace(jiraDoc, "status: open\n", "status: done\ndue: 2026-12-01\n", 1)
	if data, _ := os.ReadFile(doc); string(data) != want {
		t.Errorf("after sync:\n%s\nwant:\n%s", data, want)
	}
}

func TestJiraSyncCommandErrors(t *testing.T) {
	t.Parallel()
	site, file := jiraSite(t, `{"total": 0}`)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"jira"}, 2, "Usage: archfolio jira sync FILE"},
		{[]string{"jira", "pull"}, 2, "Usage: archfolio jira sync FILE"},
		{[]string{"jira", "sync"}, 2, "Usage: archfolio jira sync FILE"},
		{[]string{"jira", "sync", "a.json", "b.json"}, 2, "Usage"},
		{[]string{"jira", "sync", filepath.Join(site, "missing.json"), "-s", site}, 2, "no such file"},
		{[]string{"jira", "sync", file, "-s", filepath.Join(site, "nope")}, 2, "is not a folder"},
		{[]string{"jira", "sync", file, "-s", site}, 1, `no "issues" list`},
		{[]string{"jira", "--help"}, 0, "Usage"},
	} {
		code, _, errOut := runArgs(c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
	}
}
