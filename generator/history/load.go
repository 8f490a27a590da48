package history

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"archfolio/generator"
	"archfolio/generator/frontmatter"
)

// WorkTree names the site as it is on disk, uncommitted changes included.
const WorkTree = ""

// Between compares the site in the folder dir at revision from with revision
// to (WorkTree: the files on disk, which opts.Site reads). Revisions are
// resolved as Repo.Resolve does; from "" is the merge base with the default
// branch. Each side's figures are worked out at its own date: a revision's
// commit day, or opts.Today (else today) for the work tree, so that what
// expired or fell overdue in between shows as a change. opts gives the theme,
// drafts and audience for both sides. Errors in either portfolio do not stop
// the comparison: the documents they drop are left out of it.
func Between(ctx context.Context, dir, from, to string, opts generator.Options) (*Diff, error) {
	repo, fromRev, err := openAt(ctx, dir, from)
	if err != nil {
		return nil, err
	}
	old, err := repo.load(ctx, fromRev, opts)
	if err != nil {
		return nil, err
	}
	toSide := Side{Name: "work tree"}
	newOpts := opts
	if to != WorkTree {
		toRev, err := repo.Resolve(ctx, to)
		if err != nil {
			return nil, err
		}
		files, err := repo.Files(ctx, toRev)
		if err != nil {
			return nil, err
		}
		newOpts.Site, newOpts.Today = files, dayOf(toRev.When)
		toSide = Side{Name: toRev.Name, Hash: toRev.Hash}
	}
	if newOpts.Today.IsZero() {
		newOpts.Today = dayOf(time.Now())
	}
	toSide.Date = day(newOpts.Today)
	newOpts.CheckOnly = true // bodies are compared as written, not rendered
	p, _, err := generator.Load(ctx, newOpts)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", toSide.Name, err)
	}
	return compare(old.Portfolio, p, Side{Name: fromRev.Name, Hash: fromRev.Hash, Date: day(dayOf(fromRev.When))}, toSide,
		bodiesDiffer(old.files, newOpts.Site)), nil
}

// body is the markdown after the front matter of the file at path in fsys.
func body(fsys fs.FS, path string) []byte {
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil
	}
	if _, start := frontmatter.Find(src); start > 0 {
		return src[start:]
	}
	return src
}

// loaded is a portfolio read at a revision, with the files it was read from.
type loaded struct {
	*generator.Portfolio
	files fs.FS
}

// Since compares the site in the folder dir at revision from ("" for the merge
// base with the default branch) with p, the portfolio as it is now (loaded
// by check, with opts). Both sides are read as check reads them: without
// rendering bodies, so a body's change is not noticed.
func Since(ctx context.Context, dir, from string, p *generator.Portfolio, opts generator.Options) (*Diff, error) {
	repo, rev, err := openAt(ctx, dir, from)
	if err != nil {
		return nil, err
	}
	old, err := repo.load(ctx, rev, opts)
	if err != nil {
		return nil, err
	}
	return Compare(old.Portfolio, p, Side{Name: rev.Name, Hash: rev.Hash, Date: day(dayOf(rev.When))}, Side{Name: "work tree", Date: day(p.Today)}), nil
}

// openAt opens the repository of the site in dir and resolves from ("": the
// merge base with the default branch).
func openAt(ctx context.Context, dir, from string) (*Repo, Revision, error) {
	repo, err := Open(ctx, dir)
	if err != nil {
		return nil, Revision{}, err
	}
	var rev Revision
	if from == "" {
		rev, err = repo.MergeBase(ctx)
	} else {
		rev, err = repo.Resolve(ctx, from)
	}
	return repo, rev, err
}

// load reads the portfolio at rev, worked out at its commit day, without
// rendering bodies.
func (r *Repo) load(ctx context.Context, rev Revision, opts generator.Options) (loaded, error) {
	files, err := r.Files(ctx, rev)
	if err != nil {
		return loaded{}, err
	}
	opts.Site, opts.Today, opts.CheckOnly = files, dayOf(rev.When), true
	p, _, err := generator.Load(ctx, opts)
	if err != nil {
		return loaded{}, fmt.Errorf("loading %s: %w", rev.Name, err)
	}
	return loaded{p, files}, nil
}

// dayOf is the calendar day of t, as a date at midnight UTC (how archfolio
// holds Today).
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
