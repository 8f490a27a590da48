package changes

import (
	"context"
	"sync"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/history"
	"archfolio/generator/radar"
)

// Source finds the earlier side of the Changes page's comparison in the git
// repository that holds the site. Its Attach is generator.Options.Changes
// for build and serve. It keeps the last side it read: a revision's side
// depends only on its commit, so the dev server reads it once, not on every
// save, and again only when the revision names another commit (a branch
// that moved, a setting that changed).
type Source struct {
	dir   string // the site root
	since string // --since; "" leaves it to archfolio.yaml

	mu    sync.Mutex
	kept  *history.Baseline
	reads int // sides read from git, for tests
}

// NewSource returns the source of the site in the folder dir; since, when
// set (--since), overrides archfolio.yaml's changes.since.
func NewSource(dir, since string) *Source { return &Source{dir: dir, since: since} }

// Attach compares p with the revision set (--since, else changes.since) and
// keeps the comparison on p for the Changes page; without a revision it does
// nothing. A comparison that cannot be made is a warning, and the page says
// why.
func (s *Source) Attach(ctx context.Context, opts generator.Options, p *generator.Portfolio) diag.Diagnostics {
	c := Of(p)
	if s.since != "" {
		c = &Comparison{Since: s.since, FromFlag: true}
	}
	if c == nil {
		return nil
	}
	result.Set(p, c)
	base, err := s.baseline(ctx, c.Since, opts)
	if err != nil {
		if ctx.Err() != nil {
			return nil // cancelled: the load's caller sees ctx's error
		}
		return diag.Diagnostics{c.unavailable(p.Config.Path, err)}
	}
	c.compared(base, p, opts.Site)
	radar.Compare(p, base.Portfolio(), c.Since) // the radar's blips move since the same revision
	return nil
}

// baseline returns the site at rev, read from git unless it was kept.
func (s *Source) baseline(ctx context.Context, since string, opts generator.Options) (*history.Baseline, error) {
	repo, err := history.Open(ctx, s.dir)
	if err != nil {
		return nil, err
	}
	rev, err := repo.Resolve(ctx, since)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kept == nil || s.kept.Rev.Hash != rev.Hash {
		base, err := repo.Baseline(ctx, rev, opts)
		if err != nil {
			return nil, err
		}
		s.kept, s.reads = base, s.reads+1
	}
	named := *s.kept
	named.Rev = rev
	return &named, nil
}
