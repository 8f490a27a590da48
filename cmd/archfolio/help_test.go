package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/help"
)

func TestHelpListsAndPrintsTopics(t *testing.T) {
	r := archfolio(t, "help")
	expectCode(t, r, exitOK)
	for _, topic := range help.Topics() {
		if !strings.Contains(r.stdout, "  "+topic.Name+" ") || !strings.Contains(r.stdout, topic.Summary+"\n") {
			t.Errorf("archfolio help does not list topic %s (%q)", topic.Name, topic.Summary)
		}
	}
	for _, topic := range help.Topics() {
		r := archfolio(t, "help", topic.Name)
		expectCode(t, r, exitOK)
		if want, _ := help.Text(topic.Name); r.stdout != want {
			t.Errorf("archfolio help %s printed %.60q…, want the topic's text", topic.Name, r.stdout)
		}
	}
}

func TestHelpOnAVerbPrintsItsFlags(t *testing.T) {
	r := archfolio(t, "help", "build")
	expectCode(t, r, exitOK)
	if !strings.Contains(r.stdout, "Usage: archfolio build") || !strings.Contains(r.stdout, "-cache") {
		t.Errorf("help build printed:\n%s", r.stdout)
	}
	// A verb with a topic of its own gets the topic.
	r = archfolio(t, "help", "serve")
	expectCode(t, r, exitOK)
	if want, _ := help.Text("serve"); r.stdout != want {
		t.Errorf("help serve printed %.60q…, want the serve topic", r.stdout)
	}
}

func TestHelpUnknownTopic(t *testing.T) {
	r := archfolio(t, "help", "matrx")
	expectCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, `unknown topic "matrx" (did you mean "matrix"?)`) || !strings.Contains(r.stderr, "  fields ") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout: %q", r.stdout)
	}
	r = archfolio(t, "help", "zzzzzzzz")
	expectCode(t, r, exitUsage)
	if strings.Contains(r.stderr, "did you mean") {
		t.Errorf("suggested a topic for a name close to none:\n%s", r.stderr)
	}
	expectCode(t, archfolio(t, "help", "matrix", "csv"), exitUsage)
}

// TestCSVColumnsAreDocumented builds a site and checks that every column of every CSV
// export is named in its section of the csv help topic.
func TestCSVColumnsAreDocumented(t *testing.T) {
	site := copySite(t, "../../examples/minimal")
	out := filepath.Join(t.TempDir(), "site")
	expectCode(t, archfolio(t, "build", "-s", site, "-d", out, "--today", "2026-11-27"), exitOK)
	topic, _ := help.Text("csv")
	for _, file := range []string{"matrix.csv", "roadmap.csv", "backlog.csv"} {
		_, section, ok := strings.Cut(topic, "## "+file+"\n")
		if !ok {
			t.Errorf("csv topic has no section %q", file)
			continue
		}
		section, _, _ = strings.Cut(section, "\n## ")
		f, err := os.Open(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		header, err := csv.NewReader(f).Read()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range header {
			// A column is named in code spans: `col`, or `a, col, b` in a list of them.
			named := regexp.MustCompile("[\\s`]" + regexp.QuoteMeta(col) + "[`,]")
			if !named.MatchString(section) {
				t.Errorf("%s: column %q is not documented in generator/help/csv.md", file, col)
			}
		}
	}
}

// A build of a portfolio with errors fails and leaves the previous output as it
// was; --publish-with-errors publishes it anyway.
func TestBuildWithErrorsKeepsThePreviousOutput(t *testing.T) {
	t.Parallel()
	site, out, before := publishedMinimal(t)
	// A one-character typo in kind: makes a document, and its page, disappear.
	doc := filepath.Join(site, "content", "blueprints", "web-app.md")
	src, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	typo := strings.Replace(string(src), "kind: blueprint", "kind: blueprnt", 1)
	if typo == string(src) {
		t.Fatal("the fixture has no kind: blueprint line")
	}
	if err := os.WriteFile(doc, []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	r := archfolio(t, "build", "-s", site, "-d", out, "--today", "2026-11-27")
	expectCode(t, r, exitProblems)
	if !strings.Contains(r.stderr, ": error: ") || !strings.Contains(r.stderr, "left as it was") {
		t.Errorf("stderr does not say what happened:\n%s", r.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "index.html")); string(after) != string(before) {
		t.Error("a build with errors changed the published site")
	}
	if _, err := os.Stat(filepath.Join(out, "blueprints", "web-app", "index.html")); err != nil {
		t.Errorf("a build with errors removed a page: %v", err)
	}
	r = archfolio(t, "build", "-s", site, "-d", out, "--today", "2026-11-27", "--publish-with-errors")
	expectCode(t, r, exitProblems)
	if _, err := os.Stat(filepath.Join(out, "blueprints", "web-app", "index.html")); err == nil {
		t.Error("--publish-with-errors did not publish the portfolio as it is")
	}
}

func TestBuildRefusesStaticAndThemes(t *testing.T) {
	site := copySite(t, "../../examples/minimal")
	for _, dest := range []string{filepath.Join(site, "static"), filepath.Join(site, "themes")} {
		r := archfolio(t, "build", "-s", site, "-d", dest)
		if r.code != exitUsage || !strings.Contains(r.stderr, "refusing") {
			t.Errorf("build -d %s: exit %d, stderr %q; want a refusal", dest, r.code, r.stderr)
		}
	}
}

// TestSamplePortfolioHasEveryKind backs the README's word that the repository's own
// sample portfolio represents every kind.
func TestSamplePortfolioHasEveryKind(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	expectCode(t, archfolio(t, "build", "-s", "../..", "-d", out, "--today", "2026-11-27"), exitOK)
	data, err := os.ReadFile(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Kinds []struct {
			Name  string `json:"name"`
			Count int    `json:"count"`
		} `json:"kinds"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Kinds) < 11 {
		t.Errorf("portfolio.json lists %d kinds", len(p.Kinds))
	}
	for _, k := range p.Kinds {
		if k.Count == 0 {
			t.Errorf("the sample portfolio has no %s", k.Name)
		}
	}
}
