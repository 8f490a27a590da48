// Package history reads the portfolio's git history: when each document last
// changed (LastChanged, for pages and the sitemap), and the portfolio at two
// points of it compared (Between, Since): what a pull request or a quarter
// changed in its documents, its alignment, its dependencies, its roadmap, its
// threats and its remediation.
//
// A revision is read with the git command (git archive), never by checking
// it out: the work tree is not touched. The site may sit in a folder of the
// repository; the same folder is read at each revision.
package history

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strings"
	"testing/fstest"
	"time"
)

// Repo is the git repository that holds a site.
type Repo struct {
	dir    string // the site root
	prefix string // the site root's path within the repository, "" or ending in /
}

// ErrNoGit is returned when the git command is not installed.
var ErrNoGit = errors.New("the git command is not installed: history needs it to read earlier revisions")

// Open finds the repository that holds the site root dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	r := &Repo{dir: dir}
	prefix, err := r.git(ctx, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git repository: history compares revisions of a site kept in git", dir)
	}
	r.prefix = strings.TrimSpace(string(prefix))
	return r, nil
}

// git runs a git command in the site root and returns its standard output, or
// an error that carries what git printed.
func (r *Repo) git(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", r.dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return stdout.Bytes(), nil
}

// Revision is one commit of the repository.
type Revision struct {
	Name string // as the user gave it ("main", "v2026.3", a date's commit)
	Hash string
	When time.Time // the commit's date
}

// Resolve names the commit that rev stands for: a commit, branch, tag or any
// git revision, or a date (YYYY-MM-DD), which stands for the last commit of
// the current branch made on or before that day. A revision the clone does
// not have (a shallow clone, a branch not fetched) is an error that says so.
func (r *Repo) Resolve(ctx context.Context, rev string) (Revision, error) {
	spec := rev
	if strings.HasPrefix(rev, "-") { // git would read it as an option
		return Revision{}, fmt.Errorf("revision %q does not exist in this repository", rev)
	}
	if day, err := time.Parse(time.DateOnly, rev); err == nil {
		out, err := r.git(ctx, "rev-list", "-1", "--before="+day.AddDate(0, 0, 1).Format(time.DateOnly)+"T00:00:00Z", "HEAD")
		if err != nil {
			return Revision{}, fmt.Errorf("revision %s: %v", rev, err)
		}
		if spec = strings.TrimSpace(string(out)); spec == "" {
			return Revision{}, fmt.Errorf("revision %s: no commit on or before that day%s", rev, r.shallowHint(ctx))
		}
	}
	out, err := r.git(ctx, "rev-parse", "--verify", "--quiet", spec+"^{commit}")
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return Revision{}, fmt.Errorf("revision %q does not exist in this repository%s", rev, r.shallowHint(ctx))
	}
	hash := strings.TrimSpace(string(out))
	when, err := r.git(ctx, "show", "-s", "--format=%cI", hash)
	if err != nil {
		return Revision{}, fmt.Errorf("revision %s: %v", rev, err)
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(string(when)))
	if err != nil {
		return Revision{}, fmt.Errorf("revision %s: commit date %q: %v", rev, strings.TrimSpace(string(when)), err)
	}
	return Revision{Name: rev, Hash: hash, When: t}, nil
}

// Shallow reports whether the repository is a shallow clone, which lacks the
// history before its oldest commit.
func (r *Repo) Shallow(ctx context.Context) bool {
	out, err := r.git(ctx, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// shallowHint explains a missing revision in a shallow clone.
func (r *Repo) shallowHint(ctx context.Context) string {
	if r.Shallow(ctx) {
		return " (this is a shallow clone: fetch more history, e.g. git fetch --unshallow, or in CI checkout with fetch-depth: 0)"
	}
	return ""
}

// MergeBase returns the revision a branch left the default branch at: the
// merge base of HEAD with origin's default branch, else with main or master.
func (r *Repo) MergeBase(ctx context.Context) (Revision, error) {
	candidates := []string{}
	if out, err := r.git(ctx, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	candidates = append(candidates, "origin/main", "origin/master", "main", "master")
	for _, c := range candidates {
		if _, err := r.git(ctx, "rev-parse", "--verify", "--quiet", c+"^{commit}"); err != nil {
			continue
		}
		out, err := r.git(ctx, "merge-base", "HEAD", c)
		if err != nil {
			return Revision{}, fmt.Errorf("merge base of HEAD and %s: %v%s", c, err, r.shallowHint(ctx))
		}
		rev, err := r.Resolve(ctx, strings.TrimSpace(string(out)))
		rev.Name = "merge base with " + strings.TrimPrefix(strings.TrimPrefix(c, "refs/remotes/"), "refs/heads/")
		return rev, err
	}
	return Revision{}, errors.New("no default branch (origin/HEAD, main or master) to compare with: name a revision")
}

// Files returns the site as it was at rev: every file under the site root,
// read from git without touching the work tree.
func (r *Repo) Files(ctx context.Context, rev Revision) (fstest.MapFS, error) {
	tree := rev.Hash
	if r.prefix != "" {
		tree += ":" + strings.TrimSuffix(r.prefix, "/")
	}
	out, err := r.git(ctx, "archive", "--format=tar", tree)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", r.dir, rev.Name, err)
	}
	files := fstest.MapFS{}
	tr := tar.NewReader(bytes.NewReader(out))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %v", r.dir, rev.Name, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue // folders are implied; links are not followed (as in the work tree)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %v", h.Name, rev.Name, err)
		}
		files[path.Clean(h.Name)] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: rev.When}
	}
}
