package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportThreagile imports the Threagile fixture through the command line:
// the site passes check --strict, a second run says unchanged and exits 0, and
// bad arguments and inputs exit as they should.
func TestImportThreagile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeArchive(t, filepath.Join("..", "..", "generator", "threagile", "testdata", "policy-self-service.txtar"), root)
	site, model, risks := filepath.Join(root, "site"), filepath.Join(root, "threagile.yaml"), filepath.Join(root, "risks.json")
	code, out, errOut := runCLI(t, "import", "threagile", model, risks, "--subject", "policy-portal", "-s", site)
	if code != exitOK || !strings.HasPrefix(out, "wrote content/threat-models/tm-policy-self-service.md") {
		t.Fatalf("import threagile: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "import", "threagile", "-s", site, "--subject", "policy-portal", model, risks)
	if code != exitOK || !strings.HasPrefix(out, "unchanged content/threat-models/tm-policy-self-service.md") {
		t.Errorf("second import threagile: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "check", "--strict", "-s", site); code != exitOK {
		t.Errorf("check of the imported threat model: exit %d\n%s%s", code, out, errOut)
	}
	empty := filepath.Join(root, "empty")
	if err := os.MkdirAll(filepath.Join(empty, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "threagile"}, exitUsage, "Usage: archfolio import threagile MODEL.yaml [RISKS.json]"},
		{[]string{"import", "threagile", model, risks, "x", "-s", site}, exitUsage, "Usage: archfolio import threagile"},
		{[]string{"import", "threagile", risks, "-s", site}, exitProblems, "risks.json:1:1: cannot unmarshal !!seq into threagile.model"},
		{[]string{"import", "threagile", model, "--into", "elsewhere", "-s", site}, exitProblems, "want a folder of the site's content/"},
		{[]string{"import", "threagile", model, "--subject", "policy-portal", "--into", "content/other", "-s", site}, exitProblems,
			`skipped content/other/tm-policy-self-service.md: id "tm-policy-self-service" is already used by content/threat-models/tm-policy-self-service.md`},
		// without --subject the subject is the blueprint named like the model, which an empty site lacks
		{[]string{"import", "threagile", model, "-s", empty}, exitProblems, `no blueprint has the id or title of the model, "Policy Self-Service": name the blueprint it models with --subject`},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
