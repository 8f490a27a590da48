package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffCommand runs archfolio diff on a repository of two commits: the
// markdown leads with what got worse, and the verb's mistakes are usage errors.
func TestDiffCommand(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git command")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=T",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null",
			"GIT_AUTHOR_DATE=2026-10-01T12:00:00Z", "GIT_COMMITTER_DATE=2026-10-01T12:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		full := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remediation := func(status string) string {
		return "---\nid: rem-patch\nkind: remediation\ntitle: Patch the <gateway>\nstatus: " + status +
			"\nowner: Ops\nseverity: high\ndue: 2026-09-01\n---\nBody.\n"
	}
	git("init", "-q", "-b", "main")
	write("remediation/rem-patch.md", remediation("done"))
	git("add", "-A")
	git("commit", "-q", "-m", "first")
	write("remediation/rem-patch.md", remediation("open"))

	code, out, errOut := runCLI(t, "diff", "HEAD", "-s", dir, "--format", "markdown", "--today", "2026-10-02")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"1 for the worse.**", "### Remediation newly overdue (1)\n\n- Patch the \\<gateway\\> (`rem-patch`)",
		"### Remediation opened (1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "newly overdue") > strings.Index(out, "opened") {
		t.Errorf("what got worse is not first:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"diff", "-s", dir, "--format", "html"}, exitUsage, `--format "html"`},
		{[]string{"diff", "a", "b", "c", "-s", dir}, exitUsage, "Usage"},
		{[]string{"diff", "no-such-rev", "-s", dir}, exitProblems, `revision "no-such-rev" does not exist`},
		{[]string{"diff", "HEAD", "-s", t.TempDir()}, exitProblems, "is not in a git repository"},
		{[]string{"check", "-s", dir, "--since", "v0"}, exitProblems, `--since: revision "v0" does not exist`},
	} {
		code, _, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.err)
		}
	}
}
