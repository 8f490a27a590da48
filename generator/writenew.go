package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
)

// WriteNew writes data at rel, a slash path under root, unless a file is
// there, which it never overwrites: it reports whether it wrote and, when it
// did not, why ("" when the file there has the same bytes, so that an import
// run again changes nothing). The error is for a write that failed.
func WriteNew(root *os.Root, rel string, data []byte) (wrote bool, why string, err error) {
	if old, err := root.ReadFile(rel); err == nil {
		if bytes.Equal(old, data) {
			return false, "", nil
		}
		return false, "the file exists with other content; archfolio import never overwrites", nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, "cannot read the file there: " + err.Error(), nil
	}
	if err := root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return false, "", err
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err == nil, "", err
}
