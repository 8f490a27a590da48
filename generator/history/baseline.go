package history

import (
	"bytes"
	"context"
	"io/fs"

	"archfolio/generator"
)

// Baseline is the site as it was at a revision, loaded once to be compared
// with every later load of the site: the dev server's Changes page compares
// each save with it, and it depends on nothing but the commit.
type Baseline struct {
	Rev Revision
	old loaded
}

// Baseline loads the site at rev, worked out at its commit day, as Since
// does (without rendering bodies; opts gives the theme, drafts and audience).
func (r *Repo) Baseline(ctx context.Context, rev Revision, opts generator.Options) (*Baseline, error) {
	opts.LastChanged = nil // the old side shows no page
	old, err := r.load(ctx, rev, opts)
	if err != nil {
		return nil, err
	}
	return &Baseline{Rev: rev, old: old}, nil
}

// Portfolio is the site as it was at the baseline's revision, loaded and
// analysed as check loads it. It is shared by every comparison with the
// baseline: read it, never change it.
func (b *Baseline) Portfolio() *generator.Portfolio { return b.old.Portfolio }

// Compare works out what changed from the baseline to p, the portfolio loaded
// from the files of site (the work tree), worked out at p's Today. A body
// counts as changed when its markdown as written did.
func (b *Baseline) Compare(p *generator.Portfolio, site fs.FS) *Diff {
	return compare(b.old.Portfolio, p, Side{Name: b.Rev.Name, Hash: b.Rev.Hash, Date: day(dayOf(b.Rev.When))},
		Side{Name: "work tree", Date: day(p.Today)}, bodiesDiffer(b.old.files, site))
}

// bodiesDiffer tells whether a document's body, as written, differs between
// the files of two sides.
func bodiesDiffer(oldFiles, newFiles fs.FS) func(o, n *generator.Document) bool {
	return func(o, n *generator.Document) bool {
		return !bytes.Equal(body(oldFiles, o.Path), body(newFiles, n.Path))
	}
}
