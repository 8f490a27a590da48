package server

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"archfolio/generator"
	"archfolio/generator/render"
)

// baseSite is a small portfolio (testdata/site.txtar): alpha depends on beta, so
// beta's page lists alpha among its backlinks.
func baseSite() map[string]string { return siteArchive("site.txtar") }

func newSite(t testing.TB) string {
	dir := t.TempDir()
	writeSite(t, dir, baseSite())
	return dir
}

// TestServeEditsReachEveryDependentPage edits, saves atomically, creates in new
// folders, renames and deletes real files and checks, after each reload event,
// the changed page and the pages that depend on it; at the end, the served site
// equals a fresh build.
func TestServeEditsReachEveryDependentPage(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	if pg := get(t, s.URL()+"blueprints/beta/"); !has("Depended on by", "Alpha gateway")(pg) {
		t.Fatalf("beta's first page lacks its backlink:\n%s", pg.body)
	}

	// An atomic save (temporary file renamed over the original) of a new title.
	saveAtomically(t, dir, "content/blueprints/alpha.md", strings.Replace(baseSite()["content/blueprints/alpha.md"], "Alpha gateway", "Alpha edge router", 1))
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/":  has("<h1>Alpha edge router"),
		"blueprints/beta/":   has("Alpha edge router"),
		"owners/team-alpha/": has("Alpha edge router"),
	})

	// A document in folders created just now: its file is written before the new
	// folders can be watched, so only the scan of new folders finds it.
	writeSiteFile(t, dir, "content/new/deep/gamma.md", `
---
kind: blueprint
title: Gamma portal
owner: Team Gamma
tags: [fresh]
depends_on: [beta]
---
Gamma.
`)
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/gamma/": has("Gamma portal"),
		"blueprints/beta/":  has("Gamma portal", "Alpha edge router"),
		"tags/fresh/":       has("Gamma portal"),
	})

	// A save inside the new folder after the fact (it is watched now), as vim
	// saves: the file is moved away and written anew.
	saveLikeVim(t, dir, "content/new/deep/gamma.md", `
---
kind: blueprint
title: Gamma portal v2
tags: [fresh]
depends_on: [beta]
---
Gamma.
`)
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/gamma/": has("Gamma portal v2"),
		"blueprints/beta/":  has("Gamma portal v2"),
	})

	// A rename changes the id (it defaults to the file name).
	if err := os.Rename(filepath.Join(dir, "content/new/deep/gamma.md"), filepath.Join(dir, "content/new/deep/delta.md")); err != nil {
		t.Fatal(err)
	}
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/gamma/": missing,
		"blueprints/delta/": has("Gamma portal v2"),
		"blueprints/beta/":  has(`href="../../blueprints/delta/"`),
	})

	// A delete removes the page and the backlink.
	if err := os.Remove(filepath.Join(dir, "content/blueprints/alpha.md")); err != nil {
		t.Fatal(err)
	}
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": missing,
		"blueprints/beta/":  lacks("Alpha edge router"),
		"owners/":           lacks("Team Alpha"),
	})

	// The site configuration and the static folder are watched too.
	saveAtomically(t, dir, "archfolio.yaml", "title: Renamed portfolio\n")
	writeSiteFile(t, dir, "static/docs/extra.txt", "extra\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"":                    has("Renamed portfolio"),
		"docs/extra.txt":      has("extra"),
		"blueprints/beta/":    has("Renamed portfolio"),
		"blueprints/missing/": missing,
	})

	assertEqualsFreshBuild(t, s)
}

// assertEqualsFreshBuild compares the files being served with a build from
// scratch of the site as it is on disk.
func assertEqualsFreshBuild(t *testing.T, s *Server) {
	t.Helper()
	st := s.state.Load()
	p, _, err := generator.Load(context.Background(), s.Options)
	if err != nil {
		t.Fatal(err)
	}
	fresh := &render.MemOutput{}
	if err := render.Render(context.Background(), p, s.Options, fresh); err != nil {
		t.Fatal(err)
	}
	got, err := st.files.Names()
	if err != nil {
		t.Fatal(err)
	}
	want := fresh.Names()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("served files differ from a fresh build:\nserved %v\nfresh  %v", got, want)
	}
	for _, name := range want {
		a, found, err := st.files.File(name)
		b, _ := fresh.File(name)
		if !found || err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs from a fresh build (found %v, error %v)", name, found, err)
		}
	}
}

func TestServeBurstIsOneRebuild(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	// A long quiet period, so the burst below is certainly within it.
	s, _ := startServer(t, dir, func(s *Server) { s.Debounce = settleLimit / 2 })
	es := subscribe(t, s)
	first := buildNumber(t, es.last)
	for i, title := range []string{"One", "Two", "Three", "Four", "Five"} {
		name := []string{"content/blueprints/alpha.md", "content/blueprints/beta.md"}[i%2]
		saveAtomically(t, dir, name, "---\nkind: blueprint\ntitle: "+title+"\n---\n")
	}
	id := es.next(t)
	if n := buildNumber(t, id); n != first+1 {
		t.Errorf("build %d after the burst, want %d (one rebuild)", n, first+1)
	}
	if pg := get(t, s.URL()+"blueprints/alpha/"); !has("Five")(pg) {
		t.Errorf("alpha after the burst:\n%s", pg.body)
	}
	if pg := get(t, s.URL()+"blueprints/beta/"); !has("Four")(pg) {
		t.Errorf("beta after the burst:\n%s", pg.body)
	}
}

func TestServeNewerChangeCancelsRebuild(t *testing.T) {
	t.Parallel()
	// A site whose build takes long enough that the change waiting below is
	// certainly seen before the build ends.
	dir := t.TempDir()
	writeSyntheticSite(t, dir, 300)
	s, _ := startServer(t, dir, nil)
	before := s.state.Load()
	changes := make(chan struct{}, 1)
	changes <- struct{}{} // a change is already waiting when the build starts
	res, superseded := s.buildUnlessChanged(context.Background(), changes)
	if !superseded || res != nil {
		t.Fatalf("build with a newer change waiting: superseded=%v result=%v", superseded, res)
	}
	if s.state.Load() != before {
		t.Error("a cancelled build was published")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := s.build(ctx); res != nil {
		t.Errorf("a build with its context ended returned %+v", res)
	}
}

func TestServeIgnoresOutputGitAndEditorFiles(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	for _, d := range []string{"public/blueprints", ".git/objects", "content/.git/x", "content/sub/deeper", "node_modules", "themes/custom/layouts"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	nw, err := newNotifyWatcher(dir, nil, func() {}, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer nw.w.Close()
	var got []string
	for _, p := range nw.w.WatchList() {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{".", "content", "content/blueprints", "content/sub", "content/sub/deeper", "themes", "themes/custom", "themes/custom/layouts"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("watched folders:\n got %v\nwant %v", got, want)
	}
}

func TestWatchedName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"archfolio.yaml", true},
		{"content/blueprints/a.md", true},
		{"content", true},
		{"static/logo.svg", true},
		{"themes/corporate/layouts/page.html", true},
		{"public/index.html", false},
		{"public", false},
		{".git/index", false},
		{"README.md", false},
		{"archfolio.yaml~", false},
		{".archfolio.yaml.swp", false},
		{"content/.git/HEAD", false},
		{"content/a.md~", false},
		{"content/.a.md.swp", false},
		{"content/.a.md.swx", false},
		{"content/4913", false},
		{"content/#a.md#", false},
		{"content/.#a.md", false},
		{"content/a.md___jb_tmp___", false},
		{"content/a.md___jb_old___", false},
		{"content/.goutputstream-QX81Z2", false},
		{"content/.hidden/a.md", false},
	} {
		if got := watchedName(tc.rel); got != tc.want {
			t.Errorf("watchedName(%q) = %v, want %v", tc.rel, got, tc.want)
		}
	}
}

func TestServePortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := &Server{Dir: newSite(t), Addr: ln.Addr().String()}
	err = s.Open(context.Background())
	if err == nil {
		s.Close()
		t.Fatal("Open on a port in use succeeded")
	}
	if !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), ln.Addr().String()) {
		t.Errorf("error %q does not say the address is in use", err)
	}
}

func TestServeCloseEndsStreamsAndFreesThePort(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{Dir: newSite(t), Addr: "127.0.0.1:0"}
	if err := s.Open(ctx); err != nil {
		t.Fatal(err)
	}
	addr := s.ln.Addr().String()
	es := subscribe(t, s)
	cancel() // as Ctrl-C does through the command's context
	<-s.Done()
	if _, ok := <-es.builds; ok {
		t.Error("the event stream got another build instead of ending")
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("port still taken after shutdown: %v", err)
	}
	ln.Close()
}

func TestServeNeverWritesTheOutputFolder(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, nil)
	es := subscribe(t, s)
	writeSiteFile(t, dir, "content/blueprints/beta.md", "---\nkind: blueprint\ntitle: Beta two\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/beta/": has("Beta two")})
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); name != "archfolio.yaml" && name != "content" {
			t.Errorf("serve wrote %s into the site root", name)
		}
	}
	page, _, _ := s.state.Load().files.File("blueprints/beta/index.html")
	if bytes.Contains(page, []byte(reservedPrefix)) {
		t.Error("the live-reload script is in the built file, not only in the response")
	}
	if pg := get(t, s.URL()+"blueprints/beta/"); !strings.Contains(pg.body, `src="/__archfolio/live.js"`) {
		t.Errorf("served page lacks the live-reload script:\n%s", pg.body)
	}
}

func TestServeHTTPMethods(t *testing.T) {
	t.Parallel()
	s, _ := startServer(t, newSite(t), nil)
	resp, err := http.Post(s.URL(), "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	resp, err = http.Head(s.URL() + "blueprints/alpha/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("HEAD: %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}
