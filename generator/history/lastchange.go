package history

// When each document of a site last changed: one `git log` over the site's
// content/ folder, read once, whatever the number of documents. Only commits
// count: a file's uncommitted changes, whose time (the file's mtime) differs
// between checkouts and would make two builds of the same commit differ,
// change nothing.

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path"
	"strconv"
	"time"
)

// LastChanged returns the date, in UTC, of the last commit that changed each
// file under dir/content, by its slash path relative to dir
// ("content/blueprints/payments.md"). It returns nil and no error when there is
// no git command or dir is in no git repository (or one git refuses to read);
// a shallow clone gives its oldest commit's date to every file not changed since.
func LastChanged(ctx context.Context, dir string) (map[string]time.Time, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, nil
	}
	// -z: names as they are, each ended by NUL; every commit starts with an
	// empty field (%x00) and its committer time. --no-renames spares git the
	// search for renamed files, which the dates do not need.
	cmd := exec.CommandContext(ctx, git, "-C", dir, "log", "--format=%x00%ct", "-z", "--name-only",
		"--no-renames", "--relative", "--", "content")
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && ctx.Err() == nil {
			return nil, nil // not a repository, or one git will not read
		}
		return nil, err
	}
	return parseLog(out), nil
}

// parseLog reads LastChanged's git log: for each commit an empty field, its
// time, then the names of the files it changed (the first after a newline).
func parseLog(out []byte) map[string]time.Time {
	changed := map[string]time.Time{}
	var when time.Time
	header := false
	for field := range bytes.SplitSeq(out, []byte{0}) {
		field = bytes.TrimPrefix(field, []byte("\n"))
		switch {
		case len(field) == 0:
			header = true
		case header:
			header = false
			secs, err := strconv.ParseInt(string(field), 10, 64)
			if err != nil {
				when = time.Time{}
				continue
			}
			t := time.Unix(secs, 0).UTC()
			when = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		case !when.IsZero():
			name := path.Clean(string(field))
			if when.After(changed[name]) {
				changed[name] = when
			}
		}
	}
	return changed
}
