package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"archfolio/generator"

	"github.com/fsnotify/fsnotify"
)

// watchedTrees are the folders of the site root a build reads, watched with every
// folder below them. The site root itself is watched too, for archfolio.yaml and
// for these folders appearing or being replaced.
var watchedTrees = []string{generator.ContentDir, "static", "themes"}

// watchedName reports whether a change at rel (a slash path relative to the site
// root) can change the site: archfolio.yaml, or anything under content/, static/
// or themes/ that no part of the path marks as ignored (.git, editor temporary
// files). The output folder and anything else at the site root are not.
func watchedName(rel string) bool {
	parts := strings.Split(rel, "/")
	if generator.IsConfigFile(rel) {
		return true
	}
	top := false
	for _, t := range watchedTrees {
		top = top || parts[0] == t
	}
	if !top {
		return false
	}
	for _, p := range parts[1:] {
		if p == "" || generator.IgnoredFile(p) {
			return false
		}
	}
	return true
}

// watching is a started watcher: either fsnotify or a poller.
type watching struct {
	notify *notifyWatcher
	poll   *poller
}

func (w watching) close() {
	if w.notify != nil {
		w.notify.w.Close()
	}
}

// startWatching starts watching the site before the first build, so a change made
// while it runs is not missed.
func (s *Server) startWatching(changes chan<- struct{}) (watching, error) {
	changed := func() {
		select {
		case changes <- struct{}{}:
		default: // a change is already pending
		}
	}
	if s.Poll {
		return watching{poll: newPoller(s.root, s.PollInterval, changed)}, nil
	}
	nw, err := newNotifyWatcher(s.root, s.watchAdd, changed, s.logf)
	if err != nil {
		return watching{}, err
	}
	return watching{notify: nw}, nil
}

// watchLoop runs the watcher until ctx ends; when notifications fail (the inotify
// limit reached by a new folder) it says so and polls instead.
func (s *Server) watchLoop(ctx context.Context, w watching, changes chan<- struct{}) {
	if w.notify != nil {
		err := w.notify.run(ctx)
		if err == nil {
			return
		}
		s.logf("%v", err)
		s.logf("polling for changes every %s instead", s.PollInterval)
		w.poll = newPoller(s.root, s.PollInterval, w.notify.changed)
		w.notify.changed() // whatever changed while switching
	}
	w.poll.run(ctx)
}

// notifyWatcher watches the site with fsnotify.
type notifyWatcher struct {
	root    string
	w       *fsnotify.Watcher
	add     func(w *fsnotify.Watcher, name string) error
	changed func()
	logf    func(format string, args ...any)
}

func newNotifyWatcher(root string, add func(*fsnotify.Watcher, string) error, changed func(), logf func(string, ...any)) (*notifyWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(root, err)
	}
	nw := &notifyWatcher{root: root, w: w, add: add, changed: changed, logf: logf}
	if nw.add == nil {
		nw.add = (*fsnotify.Watcher).Add
	}
	if err := nw.addAll(); err != nil {
		w.Close()
		return nil, err
	}
	return nw, nil
}

// watchError explains a failure to watch: the inotify limits get ErrWatchLimit.
func watchError(name string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("cannot watch %s (%v): %w", name, err, ErrWatchLimit)
	}
	return fmt.Errorf("cannot watch %s: %w", name, err)
}

// addAll watches the site root and every tree in it.
func (nw *notifyWatcher) addAll() error {
	if err := nw.addDir(nw.root); err != nil {
		return err
	}
	for _, t := range watchedTrees {
		if err := nw.addTree(filepath.Join(nw.root, t)); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches dir and every folder below it that is not ignored. Folders that
// vanish meanwhile are skipped.
func (nw *notifyWatcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && generator.IgnoredFile(d.Name()) {
			return filepath.SkipDir
		}
		return nw.addDir(p)
	})
}

// addDir watches one folder. Only the inotify limit is an error: a folder that
// vanished needs no watch, and one that cannot be read is reported by the build.
func (nw *notifyWatcher) addDir(dir string) error {
	err := nw.add(nw.w, dir)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	err = watchError(dir, err)
	if errors.Is(err, ErrWatchLimit) || dir == nw.root {
		return err
	}
	nw.logf("%v", err)
	return nil
}

// run handles events until ctx ends (nil) or watching fails (the error).
func (nw *notifyWatcher) run(ctx context.Context) error {
	defer nw.w.Close()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-nw.w.Events:
			if !ok {
				return nil
			}
			if err := nw.handle(ev); err != nil {
				return err
			}
		case err, ok := <-nw.w.Errors:
			if !ok {
				return nil
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				nw.logf("watching: %v", err)
				continue
			}
			// Events were lost: watch every folder again and rebuild.
			nw.logf("watching: too many changes at once; rebuilding everything")
			if err := nw.addAll(); err != nil {
				return err
			}
			nw.changed()
		}
	}
}

// handle reacts to one event: a change to a watched name triggers a rebuild, and a
// new folder is watched with everything already in it.
func (nw *notifyWatcher) handle(ev fsnotify.Event) error {
	rel, err := filepath.Rel(nw.root, ev.Name)
	if err != nil || !watchedName(filepath.ToSlash(rel)) || ev.Op == fsnotify.Chmod {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			if err := nw.addTree(ev.Name); err != nil {
				return err
			}
		}
	}
	nw.changed()
	return nil
}
