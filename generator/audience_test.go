package generator_test

import (
	"archfolio/generator"
	"archfolio/generator/render"
	"archfolio/generator/sitetest"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"archfolio/generator/search"
)

// An audience build of the sample holds no trace of a document above the
// audience: not its id, its title or a sentence of its body, in any output
// byte (pages, search index, JSON, CSV, sitemap), and a document that stays
// shows "restricted reference" where it named one.
func TestAudienceBuildsLeaveNoTrace(t *testing.T) {
	t.Parallel()
	all, _, err := generator.Load(context.Background(), siteOptions(t, ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range generator.Classifications {
		t.Run(level, func(t *testing.T) {
			t.Parallel()
			opts := siteOptions(t, "..")
			opts.Audience = level
			out, diags := renderSite(t, opts)
			if n := diags.Errors(); n > 0 {
				t.Fatalf("%d errors:\n%s", n, sitetest.DiagLines(diags))
			}
			var hidden, visible []*generator.Document
			for _, d := range all.Docs {
				if slices.Index(generator.Classifications, d.Classification) > slices.Index(generator.Classifications, level) {
					hidden = append(hidden, d)
				} else {
					visible = append(visible, d)
				}
			}
			if level != "restricted" && len(hidden) == 0 {
				t.Fatalf("the sample has no document above %s: the test proves nothing", level)
			}
			var files []string
			for _, name := range out.Names() {
				data, _ := out.File(name)
				files = append(files, name+"\n"+string(data))
			}
			site := strings.Join(files, "\n")
			for _, d := range hidden {
				id := regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(d.ID) + `($|[^a-z0-9-])`)
				if loc := id.FindStringIndex(site); loc != nil {
					t.Errorf("%s's id is in the %s build: …%s…", d.ID, level, context80(site, loc[0]))
				}
				if i := strings.Index(site, d.Title); i >= 0 {
					t.Errorf("%s's title %q is in the %s build: …%s…", d.ID, d.Title, level, context80(site, i))
				}
				if phrase := bodyPhrase(d, visible); phrase != "" {
					if i := strings.Index(site, phrase); i >= 0 {
						t.Errorf("%s's body (%q) is in the %s build", d.ID, phrase, level)
					}
				}
			}
			checkSearchIndexLeavesOut(t, out, hidden, visible)
			if level == "internal" && !strings.Contains(site, generator.RestrictedReference) {
				t.Errorf("no document of the %s build shows %q for a left-out one", level, generator.RestrictedReference)
			}
		})
	}
}

// checkSearchIndexLeavesOut checks that the build has a search index and that
// none of its terms comes from a left-out document alone: no term of a hidden
// document's file (its title's phrase included) that no visible document's
// file has.
func checkSearchIndexLeavesOut(t *testing.T, out *render.MemOutput, hidden, visible []*generator.Document) {
	t.Helper()
	if _, ok := out.File(search.Dir + "index.js"); !ok {
		t.Fatalf("the build has no %sindex.js", search.Dir)
	}
	indexed := map[string]bool{}
	shards := 0
	for _, name := range out.Names() {
		if !strings.HasPrefix(name, search.Dir+"t/") {
			continue
		}
		shards++
		data, _ := out.File(name)
		for _, m := range shardKey.FindAllStringSubmatch(string(data), -1) {
			var term string
			if err := json.Unmarshal([]byte(m[1]), &term); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			indexed[term] = true
		}
	}
	if shards == 0 || len(indexed) < 100 {
		t.Fatalf("the search index has %d shards and %d terms", shards, len(indexed))
	}
	seen := map[string]bool{}
	for _, v := range visible {
		search.Terms(sourceOf(v), func(term string) { seen[term] = true })
		seen[search.Phrase(v.Title)] = true
	}
	search.Terms(generator.RestrictedReference, func(term string) { seen[term] = true })
	for _, d := range hidden {
		own := []string{search.Phrase(d.Title)}
		search.Terms(sourceOf(d), func(term string) { own = append(own, term) })
		only := 0
		for _, term := range own {
			if seen[term] {
				continue
			}
			only++
			if indexed[term] {
				t.Errorf("the search index has %q, which only %s (left out) has", term, d.ID)
			}
		}
		if only == 0 {
			t.Errorf("%s (left out) has no term of its own: the search index check proves nothing", d.ID)
		}
	}
}

// shardKey matches a term of a search index shard, as JSON.
var shardKey = regexp.MustCompile(`[{,]("(?:[^"\\]|\\.)*"):"`)

// bodyPhrase is the first sentence-like line of d's body, 40 characters of it,
// when no visible document's source has it too ("" otherwise).
func bodyPhrase(d *generator.Document, visible []*generator.Document) string {
	src := sourceOf(d)
	_, body, _ := strings.Cut(strings.TrimPrefix(src, "---"), "\n---")
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if len(line) < 60 || !('A' <= line[0] && line[0] <= 'Z') || strings.ContainsAny(line[:40], "[]*`_<>&\"'") {
			continue
		}
		phrase := line[:40]
		for _, v := range visible {
			if strings.Contains(sourceOf(v), phrase) {
				return ""
			}
		}
		return phrase
	}
	return ""
}

func context80(s string, i int) string {
	return s[max(0, i-60):min(len(s), i+60)]
}

// sourceOf reads a sample document's file.
func sourceOf(d *generator.Document) string {
	data, _ := os.ReadFile(filepath.Join("..", filepath.FromSlash(d.Path)))
	return string(data)
}

// A reference to a left-out document, in front matter, as a link or as a
// wikilink, reads "restricted reference" without its title or address; a
// file beside a left-out document is not published, one a document that
// stays links to is.
func TestAudienceRestrictsReferencesAndFiles(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"archfolio.yaml": "title: Audience\n",
		"content/blueprints/open.md": "---\nkind: blueprint\ntitle: Open door\nclassification: public\nowner: Team\n" +
			"depends_on: [vault-of-secrets]\ncompliance:\n  - {standard: tls-baseline, status: implemented, evidence: [vault-of-secrets]}\n" +
			"---\nSee [the vault](vault-of-secrets.md), [[vault-of-secrets]] and ![map](open-map.png).\n",
		"content/standards/tls-baseline.md":      "---\nkind: standard\ntitle: TLS baseline\nfamily: crypto\nclassification: public\nowner: Team\n---\nBody.\n",
		"content/blueprints/vault-of-secrets.md": "---\nkind: blueprint\ntitle: Vault of secrets\nclassification: confidential\nowner: Team\n---\n![plan](vault-plan.png)\n",
		"content/blueprints/open-map.png":        "PNG",
		"content/blueprints/vault-plan.png":      "PNG",
	}
	opts := sitetest.Options(t, sitetest.Site(files), goldenToday)
	opts.Audience = "internal"
	out, diags := renderSite(t, opts)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	page, _ := out.File("blueprints/open/index.html")
	if n := strings.Count(string(page), generator.RestrictedReference); n < 3 {
		t.Errorf("the page shows %q %d times, want the field, the link and the wikilink:\n%s", generator.RestrictedReference, n, page)
	}
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if strings.Contains(string(data), "vault") || strings.Contains(strings.ToLower(string(data)), "secrets") {
			t.Errorf("%s names the left-out document", name)
		}
		if strings.Contains(name, "vault") {
			t.Errorf("%s is published", name)
		}
	}
	if _, ok := out.File("files/blueprints/open-map.png"); !ok {
		t.Errorf("the image the open blueprint shows is not published; files: %v", out.Names())
	}
}

// The dev server's Loader keeps what it parsed between loads; restricting a
// value for one load must not change what the next load starts from: once the
// left-out document may be read, the field names it again.
func TestLoaderRestrictsEachLoadAfresh(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"archfolio.yaml": &fstest.MapFile{Data: []byte("title: Audience\n")},
		"content/blueprints/open.md": &fstest.MapFile{Data: []byte("---\nkind: blueprint\ntitle: Open door\nclassification: public\nowner: Team\n" +
			"depends_on: [vault-of-secrets]\n---\nBody.\n")},
		"content/blueprints/vault-of-secrets.md": &fstest.MapFile{Data: []byte("---\nkind: blueprint\ntitle: Vault of secrets\nclassification: confidential\nowner: Team\n---\nBody.\n")},
	}
	opts := sitetest.Options(t, site, goldenToday)
	opts.Audience = "internal"
	l := generator.NewLoader(opts)
	dependsOn := func() string {
		p, diags, err := l.Load(context.Background())
		if err != nil || diags.Errors() > 0 {
			t.Fatalf("load: %v\n%s", err, sitetest.DiagLines(diags))
		}
		var ids []string
		for _, v := range p.ByID["open"].Fields.List("depends_on") {
			if o, ok := v.(*generator.Object); ok {
				v = o.Get("id")
			}
			ids = append(ids, fmt.Sprint(v))
		}
		return fmt.Sprint(ids)
	}
	if got := dependsOn(); got != "["+generator.RestrictedReference+"]" {
		t.Fatalf("depends_on = %s while the vault is confidential", got)
	}
	site["content/blueprints/vault-of-secrets.md"] = &fstest.MapFile{Data: []byte("---\nkind: blueprint\ntitle: Vault of secrets\nclassification: internal\nowner: Team\n---\nBody.\n")}
	if got := dependsOn(); got != "[vault-of-secrets]" {
		t.Errorf("depends_on = %s once the vault is internal, want [vault-of-secrets]", got)
	}
}
