package server

import (
	"context"
	"io/fs"
	"maps"
	"path/filepath"
	"time"

	"archfolio/generator"
)

// poller watches the site by scanning it every interval: for network drives,
// containers without inotify, and systems at their inotify limit.
type poller struct {
	root     string
	interval time.Duration
	changed  func()
	last     map[string]fileStamp
}

// fileStamp is what a scan compares: a file whose size, modification time or type
// changed, appeared or vanished is a change.
type fileStamp struct {
	size    int64
	modTime int64
	mode    fs.FileMode
}

// newPoller takes the first scan at once, so a change made from now on is seen.
func newPoller(root string, interval time.Duration, changed func()) *poller {
	p := &poller{root: root, interval: interval, changed: changed}
	p.last = p.scan()
	return p
}

// scan stamps archfolio.yaml and every file and folder of the watched trees that
// is not ignored.
func (p *poller) scan() map[string]fileStamp {
	stamps := map[string]fileStamp{}
	for _, top := range append([]string{generator.ConfigFile, "." + generator.ConfigFile}, watchedTrees...) {
		start := filepath.Join(p.root, top)
		_ = filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != start && generator.IgnoredFile(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil {
				stamps[path] = fileStamp{info.Size(), info.ModTime().UnixNano(), info.Mode()}
			}
			return nil
		})
	}
	return stamps
}

// run scans every interval until ctx ends.
func (p *poller) run(ctx context.Context) {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if now := p.scan(); !maps.Equal(now, p.last) {
				p.last = now
				p.changed()
			}
		}
	}
}
