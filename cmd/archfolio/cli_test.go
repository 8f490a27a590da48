package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the archfolio command for the end-to-end tests: this test binary,
// which runs main instead of the tests when runMainEnv is set (as Go's own
// command tests do), so no separate build and link is needed.
var binary string

// runMainEnv makes the test binary run the archfolio command.
const runMainEnv = "ARCHFOLIO_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		return
	}
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	binary = exe
	// check keeps a cache in the user's cache folder: the tests' caches go to
	// a folder of their own, removed when they end.
	cache, err := os.MkdirTemp("", "archfolio-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func archfolio(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String()}
}

func expectCode(t *testing.T, r result, want int) {
	t.Helper()
	if r.code != want {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
}

// copySite copies a site root into a temp folder so tests can change it.
func copySite(t *testing.T, from string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			if d.Name() == "public" {
				return filepath.SkipDir
			}
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
	return dst
}

func TestUsageAndVersion(t *testing.T) {
	t.Parallel()
	expectCode(t, archfolio(t), exitUsage)
	r := archfolio(t, "frobnicate")
	expectCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("stderr: %s", r.stderr)
	}
	r = archfolio(t, "version")
	expectCode(t, r, exitOK)
	if !strings.HasPrefix(r.stdout, "archfolio ") {
		t.Errorf("version printed %q", r.stdout)
	}
	for _, verb := range []string{"build", "check", "new", "version"} {
		r := archfolio(t, verb, "-h")
		expectCode(t, r, exitOK)
		if !strings.Contains(r.stderr, "Usage: archfolio "+verb) {
			t.Errorf("%s -h printed %q", verb, r.stderr)
		}
	}
	expectCode(t, archfolio(t, "build", "--no-such-flag"), exitUsage)
	expectCode(t, archfolio(t, "check", "-s", "../../examples/minimal", "--today", "27/11/2026"), exitUsage)
	expectCode(t, archfolio(t, "check", "-s", "/no/such/site"), exitUsage)
}

func TestCheck(t *testing.T) {
	t.Parallel()
	r := archfolio(t, "check", "-s", "../../examples/minimal", "--today", "2026-11-27")
	expectCode(t, r, exitOK)
	if r.stdout != "" {
		t.Errorf("a clean portfolio printed diagnostics:\n%s", r.stdout)
	}

	r = archfolio(t, "check", "-s", "../../examples/broken", "--today", "2026-11-27")
	expectCode(t, r, exitProblems)
	want, err := os.ReadFile("../../generator/testdata/broken.diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("check printed:\n%s\nwant (generator/testdata/broken.diagnostics):\n%s", r.stdout, want)
	}

	r = archfolio(t, "check", "-s", "../../examples/broken", "--format", "json", "--today", "2026-11-27")
	expectCode(t, r, exitProblems)
	var diags []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &diags); err != nil || len(diags) != strings.Count(string(want), "\n") {
		t.Errorf("json: %v, %d entries", err, len(diags))
	}
	r = archfolio(t, "check", "-s", "../../examples/broken", "--format", "sarif")
	expectCode(t, r, exitProblems)
	if !strings.Contains(r.stdout, `"version": "2.1.0"`) {
		t.Errorf("sarif output lacks its version")
	}
	r = archfolio(t, "check", "-s", "../../examples/broken", "--format", "github")
	expectCode(t, r, exitProblems)
	if !strings.HasPrefix(r.stdout, "::error file=archfolio.yaml") {
		t.Errorf("github output starts %q", r.stdout[:min(80, len(r.stdout))])
	}
	expectCode(t, archfolio(t, "check", "-s", "../../examples/minimal", "--format", "xml"), exitUsage)
}

func TestCheckStrictFailsOnWarnings(t *testing.T) {
	t.Parallel()
	site := copySite(t, "../../examples/minimal")
	doc := filepath.Join(site, "content", "extra.md")
	if err := os.WriteFile(doc, []byte("---\nkind: guide\ntitle: Extra\ncolour: blue\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := archfolio(t, "check", "-s", site)
	expectCode(t, r, exitOK)
	if !strings.Contains(r.stdout, `content/extra.md:4:1: warning: unknown field "colour"`) {
		t.Errorf("warning not printed: %s", r.stdout)
	}
	expectCode(t, archfolio(t, "check", "-s", site, "--strict"), exitProblems)
}

func TestBuildPublishesAndReplacesItsOwnOutput(t *testing.T) {
	t.Parallel()
	site := copySite(t, "../../examples/minimal")
	r := archfolio(t, "build", "-s", site, "--today", "2026-11-27")
	expectCode(t, r, exitOK)
	out := filepath.Join(site, "public")
	for _, f := range []string{"index.html", "404.html", "portfolio.json", ".archfolio-output", "assets/style.css"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("output lacks %s", f)
		}
	}
	// A second build replaces its own output.
	r = archfolio(t, "build", "-s", site, "--today", "2026-11-27", "--base-url", "https://intranet.example/arch/")
	expectCode(t, r, exitOK)
	sm, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if !strings.Contains(string(sm), "<loc>https://intranet.example/arch/</loc>") {
		t.Errorf("sitemap does not use the base URL:\n%s", sm)
	}
	leftovers, _ := filepath.Glob(filepath.Join(site, ".archfolio-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
	expectCode(t, archfolio(t, "build", "-s", site, "--base-url", "intranet/arch"), exitUsage)
}

func TestBuildRefusesDangerousDestinations(t *testing.T) {
	t.Parallel()
	site := copySite(t, "../../examples/minimal")
	foreign := t.TempDir()
	precious := filepath.Join(foreign, "thesis.txt")
	if err := os.WriteFile(precious, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	for _, dest := range []string{site, filepath.Join(site, "content"), filepath.Join(site, "content", "sub"), filepath.Dir(site), foreign, "/", home} {
		r := archfolio(t, "build", "-s", site, "-d", dest)
		if r.code != exitUsage || !strings.Contains(r.stderr, "refusing") {
			t.Errorf("build -d %s: exit %d, stderr %q; want a refusal", dest, r.code, r.stderr)
		}
	}
	if data, err := os.ReadFile(precious); err != nil || string(data) != "years of work" {
		t.Errorf("a refused build touched a foreign folder's file: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(site, "content")); err != nil {
		t.Errorf("content folder gone: %v", err)
	}
}

// publishedMinimal builds a copy of examples/minimal into a new folder and returns
// the site, the output folder and its home page.
func publishedMinimal(t *testing.T) (site, out string, home []byte) {
	t.Helper()
	site = copySite(t, "../../examples/minimal")
	out = filepath.Join(t.TempDir(), "site")
	expectCode(t, archfolio(t, "build", "-s", site, "-d", out, "--today", "2026-11-27"), exitOK)
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return site, out, home
}

func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	t.Parallel()
	site, out, before := publishedMinimal(t)
	// A theme whose page layout fails at execution makes the render fail.
	if err := os.MkdirAll(filepath.Join(site, "themes", "bad", "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "themes", "bad", "layouts", "home.html"), []byte(`{{define "content"}}{{.NoSuchField}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(site, "archfolio.yaml")
	old, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(old, []byte("\ntheme: bad\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := archfolio(t, "build", "-s", site, "-d", out, "--today", "2026-11-28")
	expectCode(t, r, exitProblems)
	after, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("a failed build changed the previous output (err %v)", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".archfolio-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func TestNewScaffoldsADocumentThatPassesCheck(t *testing.T) {
	t.Parallel()
	site := copySite(t, "../../examples/minimal")
	for _, kind := range []string{"blueprint", "standard", "threat-model", "roadmap", "review", "remediation", "decision", "vendor", "nfr", "poc", "guide"} {
		id := "new-" + kind
		r := archfolio(t, "new", kind, id, "-s", site)
		expectCode(t, r, exitOK)
		if _, err := os.Stat(filepath.Join(site, strings.TrimSpace(r.stdout))); err != nil {
			t.Errorf("new %s: %v", kind, err)
		}
	}
	r := archfolio(t, "check", "-s", site, "--strict")
	expectCode(t, r, exitOK)

	path := filepath.Join(site, "content", "blueprints", "new-blueprint.md")
	before, _ := os.ReadFile(path)
	r = archfolio(t, "new", "blueprint", "new-blueprint", "-s", site)
	expectCode(t, r, exitUsage)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("new overwrote an existing document")
	}
	r = archfolio(t, "new", "bluprint", "x", "-s", site)
	if r.code != exitUsage || !strings.Contains(r.stderr, `did you mean "blueprint"`) {
		t.Errorf("unknown kind: exit %d, %s", r.code, r.stderr)
	}
	expectCode(t, archfolio(t, "new", "guide", "Not_Kebab", "-s", site), exitUsage)
	expectCode(t, archfolio(t, "new", "guide"), exitUsage)
}

// A kind's section from archfolio.yaml cannot send pages, or a new document,
// outside the output folder or content/.
func TestSectionCannotLeaveTheSite(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "a", "b")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(site, os.DirFS("../../generator/testdata/codes/section")); err != nil {
		t.Fatal(err)
	}
	r := archfolio(t, "build", "-s", site, "--today", "2026-11-27")
	expectCode(t, r, exitProblems)
	if !strings.Contains(r.stderr, `archfolio.yaml:5:5: error: kinds: kind "evil": section "../../victim-webroot"`) {
		t.Errorf("no diagnostic at the section's line:\n%s", r.stderr)
	}
	r = archfolio(t, "new", "evil", "my-doc", "-s", site)
	expectCode(t, r, exitUsage)
	err := filepath.WalkDir(parent, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "victim-webroot") || strings.Contains(p, "my-doc") {
			t.Errorf("written outside the site's folders: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// --audience takes a classification; a build for the public leaves out the
// sample's internal documents.
func TestAudienceFlag(t *testing.T) {
	t.Parallel()
	code, _, errOut := runCLI(t, "check", "-s", filepath.Join("..", ".."), "--today", "2026-11-27", "--audience", "secret")
	if code != exitUsage || !strings.Contains(errOut, `--audience "secret": want one of public, internal, confidential, restricted`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, _, errOut = runCLI(t, "build", "-s", filepath.Join("..", ".."), "-d", out, "--today", "2026-11-27", "--audience", "public")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "blueprints", "public-website", "index.html")); err != nil {
		t.Errorf("the public blueprint is missing: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "blueprints", "payments-gateway")); !os.IsNotExist(err) {
		t.Errorf("an internal blueprint is published for the public: %v", err)
	}
}
