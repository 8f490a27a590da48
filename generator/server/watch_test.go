package server

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestServePolling(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, func(s *Server) { s.Poll, s.PollInterval = true, DefaultDebounce })
	es := subscribe(t, s)
	saveAtomically(t, dir, "content/blueprints/alpha.md", "---\nkind: blueprint\ntitle: Alpha polled\ndepends_on: [beta]\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{
		"blueprints/alpha/": has("Alpha polled"),
		"blueprints/beta/":  has("Alpha polled"),
	})
	writeSiteFile(t, dir, "content/x/y/zeta.md", "---\nkind: blueprint\ntitle: Zeta polled\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/zeta/": has("Zeta polled")})
	if err := os.Remove(filepath.Join(dir, "content/x/y/zeta.md")); err != nil {
		t.Fatal(err)
	}
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/zeta/": missing})
}

func TestPollerIgnoresOutputAndEditorFiles(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	p := newPoller(dir, DefaultPollInterval, func() {})
	for _, name := range []string{"public/index.html", ".git/index", "content/.a.md.swp", "content/a.md~", "content/4913", "README.md"} {
		writeSiteFile(t, dir, name, "x")
	}
	if before, now := p.last, p.scan(); len(before) != len(now) {
		t.Errorf("ignored files changed the scan: %d stamps, then %d", len(before), len(now))
	}
	writeSiteFile(t, dir, "content/new.md", "x")
	if before, now := p.last, p.scan(); len(before)+1 != len(now) {
		t.Errorf("a new document: %d stamps, then %d", len(before), len(now))
	}
}

// limitAt fails fsnotify's Add with ENOSPC, as inotify does at
// fs.inotify.max_user_watches, for folders whose path contains marker.
func limitAt(marker string) func(*Server) {
	return func(s *Server) {
		s.watchAdd = func(w *fsnotify.Watcher, name string) error {
			if strings.Contains(name, marker) {
				return syscall.ENOSPC
			}
			return w.Add(name)
		}
	}
}

func TestServeWatchLimitAtStart(t *testing.T) {
	t.Parallel()
	s := &Server{Dir: newSite(t), Addr: "127.0.0.1:0"}
	limitAt("blueprints")(s)
	err := s.Open(context.Background())
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded at the inotify limit")
	}
	if !errors.Is(err, ErrWatchLimit) || !strings.Contains(err.Error(), "fs.inotify.max_user_watches") ||
		!strings.Contains(err.Error(), "content/blueprints") {
		t.Errorf("error at the inotify limit: %v", err)
	}
}

func TestServeWatchLimitLaterFallsBackToPolling(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, logs := startServer(t, dir, func(s *Server) {
		s.PollInterval = DefaultDebounce
		limitAt("over-the-limit")(s)
	})
	es := subscribe(t, s)
	writeSiteFile(t, dir, "content/over-the-limit/omega.md", "---\nkind: blueprint\ntitle: Omega\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/omega/": has("Omega")})
	if log := logs.String(); !strings.Contains(log, "fs.inotify.max_user_watches") || !strings.Contains(log, "polling for changes") {
		t.Errorf("log at the inotify limit:\n%s", log)
	}
	// Only polling can see this edit: the new folder has no watch.
	writeSiteFile(t, dir, "content/over-the-limit/omega.md", "---\nkind: blueprint\ntitle: Omega two\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/omega/": has("Omega two")})
}
