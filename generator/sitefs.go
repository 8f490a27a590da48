package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// OpenSite returns the site root dir as the file system Options.Site reads. Every
// file is opened through an os.Root, so a symbolic link that leads outside the
// site (static/passwd.txt -> /etc/passwd) cannot be followed, and only regular
// files and folders are opened: a FIFO, a device or a socket is refused before it
// is opened, so it can neither block a run nor be read without end. Links that
// stay inside the site are followed. The root stays open for the life of the
// program.
func OpenSite(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return siteFS{root.FS()}, nil
}

// siteFS is an os.Root's file system that opens regular files and folders only.
type siteFS struct{ fsys fs.FS }

var (
	errNotRegular   = errors.New("not a regular file (a device, FIFO or socket); archfolio reads only files and folders")
	errLinkedFolder = errors.New("a symbolic link to a folder; static/ copies the files and folders it holds, not links to folders")
	errLinkOutside  = errors.New("a symbolic link that leads outside the site or to nothing; archfolio reads nothing outside the site root")
)

// check refuses what siteFS does not open, saying why.
func (s siteFS) check(name string) error {
	fi, err := s.Stat(name)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
	}
	return nil
}

func (s siteFS) Open(name string) (fs.File, error) {
	if err := s.check(name); err != nil {
		return nil, err
	}
	return s.fsys.Open(name)
}

func (s siteFS) ReadFile(name string) ([]byte, error) {
	if err := s.check(name); err != nil {
		return nil, err
	}
	return fs.ReadFile(s.fsys, name)
}

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fsys, name) }

// Stat follows links inside the site; a link that leads outside it (or nowhere) is
// errLinkOutside.
func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(s.fsys, name)
	if err != nil {
		if li, lerr := fs.Lstat(s.fsys, name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: errLinkOutside}
		}
	}
	return fi, err
}

// tooLargeError is a file over its limit (a document's maxFileSize, a published
// file's maxPublishedFileSize), refused before it is read.
type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	what := "a document"
	if e.limit != maxFileSize {
		what = "a file published from content/ (keep large material in static/)"
	}
	return fmt.Sprintf("file is %d bytes, over the %d byte limit for %s", e.size, e.limit, what)
}

// readDocument reads a document of the site: a regular file (after links) of at
// most maxFileSize bytes, refused before it is read when it is larger or not a
// regular file, and never read past the limit should it grow meanwhile.
func readDocument(site fs.FS, name string) ([]byte, error) {
	return ReadLimited(site, name, maxFileSize)
}

// ReadLimited is readDocument with a limit of its own.
func ReadLimited(site fs.FS, name string, limit int64) ([]byte, error) {
	fi, err := fs.Stat(site, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
	}
	if fi.Size() > limit {
		return nil, &tooLargeError{fi.Size(), limit}
	}
	// Stat'ed above: a site opened by OpenSite need not check the file again.
	open := site.Open
	if s, ok := site.(siteFS); ok {
		open = s.fsys.Open
	}
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from the stat, so the file is read in one go into one allocation.
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	if err == nil && int64(buf.Len()) > limit {
		err = &tooLargeError{int64(buf.Len()), limit}
	}
	return buf.Bytes(), err
}
