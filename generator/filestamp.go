package generator

import (
	"io/fs"
	"time"
)

// racyWindow is how long after a file's modification time a Loader still reads it
// on every load. A file modified again within the resolution of its file system's
// timestamps could keep the same stamp; once a file is older than its stamp's
// resolution (seconds on the coarsest file systems) by the time it is read, any
// later write gives it a new stamp. Git treats "racily clean" files the same way.
const racyWindow = 3 * time.Second

// fileStamp is what a file's metadata says about its content: size and
// modification time, and where the system gives them, its inode and change time
// (which no tool can set back).
type fileStamp struct {
	size       int64
	mod        time.Time
	ino        uint64
	changeNsec int64
}

// stampOf returns a file's stamp, or false when its metadata cannot vouch for its
// content (no modification time, as in an fstest.MapFS, or unreadable).
func stampOf(e fs.DirEntry) (fileStamp, bool) {
	if e.Type()&fs.ModeSymlink != 0 {
		return fileStamp{}, false // the link's stamp says nothing of its target
	}
	info, err := e.Info()
	if err != nil || info.ModTime().IsZero() {
		return fileStamp{}, false
	}
	st := fileStamp{size: info.Size(), mod: info.ModTime()}
	st.ino, st.changeNsec = sysStamp(info)
	return st, true
}

// vouches reports whether a file whose stamp is now st still has the content it had
// when its stamp was was, given that it was read after settled: a stamp vouches
// only for files modified before then.
func (was fileStamp) vouches(st fileStamp, settled time.Time) bool {
	return st.size == was.size && st.mod.Equal(was.mod) && st.ino == was.ino && st.changeNsec == was.changeNsec &&
		was.mod.Before(settled) && (was.changeNsec == 0 || time.Unix(0, was.changeNsec).Before(settled))
}
