// Package trends works out the home page's key figures at past month ends
// from the site's git history: for each of the last N months, the site as it
// was at the month's last commit, loaded as check loads it and worked out at
// the month's last day. A month's figures depend only on that commit and that
// day, so they are kept in a cache folder, one small JSON file each, and a
// later build reads them instead of loading the site again.
package trends

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"archfolio/generator"
	"archfolio/generator/history"
	"archfolio/generator/render"
)

// cacheVersion changes when the figures a point holds change meaning, so that
// a cache written by an older archfolio is not read.
const cacheVersion = 1

// MonthEnds returns the last day of each of the n months before today's
// month, oldest first.
func MonthEnds(today time.Time, n int) []time.Time {
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	out := make([]time.Time, 0, n)
	for i := n; i >= 1; i-- {
		out = append(out, first.AddDate(0, -i+1, -1))
	}
	return out
}

// Points returns the key figures at the end of each of the last months
// months before opts.Today's month, from the git repository the site in dir
// is kept in: a month with no commit yet is left out. Figures are read from
// cacheDir when it holds them and written there otherwise ("" keeps none).
// opts gives the theme, drafts and audience. An error says why there are no
// trends at all (no git, not a repository), or that a shallow clone lacks
// the months before its oldest commit (the points it has come with it); a
// month before the first commit is left out.
func Points(ctx context.Context, dir string, months int, opts generator.Options, cacheDir string) ([]generator.TrendPoint, error) {
	repo, err := history.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	if opts.Today.IsZero() {
		y, m, d := time.Now().Date()
		opts.Today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	var out []generator.TrendPoint
	var missing []time.Time
	for _, end := range MonthEnds(opts.Today, months) {
		rev, err := repo.Resolve(ctx, end.Format(time.DateOnly))
		if err != nil {
			missing = append(missing, end) // no commit yet at that date, or a shallow clone
			continue
		}
		pt, err := point(ctx, repo, rev, end, opts, cacheDir)
		if err != nil {
			return out, err
		}
		out = append(out, pt)
	}
	if len(missing) > 0 && repo.Shallow(ctx) {
		return out, fmt.Errorf("this is a shallow clone, without the history of %d of the %d months (from %s): fetch it (git fetch --unshallow, or in CI checkout with fetch-depth: 0)",
			len(missing), months, missing[0].Format(time.DateOnly))
	}
	return out, nil
}

// point is the figures at day end of the site at rev, from the cache or
// worked out and cached.
func point(ctx context.Context, repo *history.Repo, rev history.Revision, end time.Time, opts generator.Options, cacheDir string) (generator.TrendPoint, error) {
	pt := generator.TrendPoint{Date: end, Commit: rev.Hash}
	file := ""
	if cacheDir != "" {
		file = filepath.Join(cacheDir, fmt.Sprintf("trend-v%d-%s-%s-%s.json", cacheVersion, rev.Hash, end.Format(time.DateOnly), audienceKey(opts)))
		if b, err := os.ReadFile(file); err == nil && json.Unmarshal(b, &pt.Values) == nil {
			return pt, nil
		}
	}
	files, err := repo.Files(ctx, rev)
	if err != nil {
		return pt, err
	}
	opts.Site, opts.Today, opts.CheckOnly = files, end, true
	opts.LastChanged, opts.Trends = nil, nil
	p, _, err := generator.Load(ctx, opts)
	if err != nil {
		return pt, fmt.Errorf("the site at %s (%s): %w", end.Format(time.DateOnly), rev.Hash[:min(12, len(rev.Hash))], err)
	}
	pt.Values = render.CardNumbers(render.HomeCards(p))
	if file != "" {
		b, _ := json.Marshal(pt.Values) // a map of numbers always marshals
		if err := os.MkdirAll(cacheDir, 0o755); err == nil {
			err = writeFile(file, b)
			if err != nil {
				return pt, err
			}
		}
	}
	return pt, nil
}

// audienceKey tells apart the figures of builds for different readers.
func audienceKey(opts generator.Options) string {
	key := "all"
	if opts.Audience != "" {
		key = opts.Audience
	}
	if opts.Drafts {
		key += "+drafts"
	}
	return key
}

// writeFile writes b to path whole or not at all: into a temporary file
// beside it, then renamed over it.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".trend-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// DefaultCacheDir is where build and serve keep trend figures when --cache
// does not say: the user's cache folder, or "" (no cache) when it has none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "archfolio", "trends")
}
