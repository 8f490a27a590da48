package generator

import (
	"archfolio/generator/diag"
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// ContentDir is the folder of the site root that holds the documents.
const ContentDir = "content"

// IgnoredFile reports whether a file or folder name is one archfolio never reads:
// hidden files, and the temporary files editors write while saving (vim's 4913 and
// .swp, backups ending in ~, emacs #…# and .#…, JetBrains ___jb_tmp___ and
// ___jb_old___, GNOME's .goutputstream-…).
func IgnoredFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || name == "4913" ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}

// loadFiles lists every markdown file under content/, sorted by path, and reads them
// on all cores; it lists the other files of content/ too (listFiles).
func loadFiles(ctx context.Context, site fs.FS) ([]sourceFile, []string, diag.Diagnostics) {
	listed, others, diags := listFiles(site)
	files := make([]sourceFile, len(listed))
	errs := make([]error, len(listed))
	Parallel(ctx, len(listed), func(i int) {
		files[i].Path = listed[i].path
		files[i].Data, errs[i] = readDocument(site, listed[i].path)
	})
	out := files[:0]
	for i, f := range files {
		if errs[i] != nil {
			diags = append(diags, readError(f.Path, errs[i]))
			continue
		}
		out = append(out, f)
	}
	return out, others, diags
}

// listedFile is a markdown file found under content/.
type listedFile struct {
	path  string
	entry fs.DirEntry
}

// listFiles lists every markdown file under content/, sorted by path, and every
// other file there that a build publishes (beside the documents, at files/PATH),
// reporting those it skips as staticFiles does, and those over
// maxPublishedFileSize.
func listFiles(site fs.FS) ([]listedFile, []string, diag.Diagnostics) {
	var files []listedFile
	var others []string
	var diags diag.Diagnostics
	err := fs.WalkDir(site, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, readError(p, err))
			return nil
		}
		if p != ContentDir && IgnoredFile(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case strings.EqualFold(path.Ext(p), ".md"):
			files = append(files, listedFile{p, d})
		case publishable(site, p, MaxPublishedFileSize, &diags):
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		diags = append(diags, diag.NewDiagnostic(diag.CodeUnreadableFile, ContentDir, diag.Pos{}, "cannot read the content folder: "+err.Error()))
	}
	slices.SortFunc(files, func(a, b listedFile) int { return strings.Compare(a.path, b.path) })
	slices.Sort(others)
	return files, others, diags
}

// MaxPublishedFileSize is the largest file of content/ (not a document) that a
// build publishes: an image or a diagram, not a video or an archive.
const MaxPublishedFileSize = 32 << 20

// publishable reports whether the file p can be published as it is: a regular
// file inside the site (after links), of at most limit bytes when limit > 0; it
// reports why not.
func publishable(site fs.FS, p string, limit int64, diags *diag.Diagnostics) bool {
	fi, err := fs.Stat(site, p)
	switch {
	case err == nil && fi.IsDir():
		err = &fs.PathError{Op: "open", Path: p, Err: errLinkedFolder}
	case err == nil && !fi.Mode().IsRegular():
		err = &fs.PathError{Op: "open", Path: p, Err: errNotRegular}
	case err == nil && limit > 0 && fi.Size() > limit:
		err = &tooLargeError{size: fi.Size(), limit: limit}
	}
	if err != nil {
		*diags = append(*diags, readError(p, err))
		return false
	}
	return true
}

func readError(path string, err error) diag.Diagnostic {
	if big, ok := errors.AsType[*tooLargeError](err); ok {
		return diag.NewDiagnostic(diag.CodeFileTooLarge, path, diag.Pos{}, big.Error())
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Err == errNotRegular || pe.Err == errLinkOutside || pe.Err == errLinkedFolder) {
		return diag.NewDiagnostic(diag.CodeUnreadableFile, path, diag.Pos{}, "not read: "+pe.Err.Error())
	}
	return diag.NewDiagnostic(diag.CodeUnreadableFile, path, diag.Pos{}, "cannot read: "+err.Error())
}

// Parallel runs fn(0..n-1) on all cores and returns when all are done or ctx ends.
func Parallel(ctx context.Context, n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// StaticFiles lists, sorted, the files of the site's static/ folder that a build
// copies as they are, and reports those it skips: what cannot be read as a regular
// file inside the site (a link leading outside it, a device, a FIFO, a socket). A
// link to a folder is not followed.
func StaticFiles(site fs.FS) ([]string, diag.Diagnostics) {
	var files []string
	var diags diag.Diagnostics
	if _, err := fs.Stat(site, "static"); err != nil {
		return nil, nil
	}
	_ = fs.WalkDir(site, "static", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			diags = append(diags, readError(p, err))
			return nil
		case d.IsDir() || IgnoredFile(d.Name()):
			return nil
		}
		if publishable(site, p, 0, &diags) {
			files = append(files, p)
		}
		return nil
	})
	return files, diags
}
