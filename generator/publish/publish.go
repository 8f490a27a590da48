// Package publish is the last stage of a build: the Output a rendered site is
// written to (a folder, or memory), the checks that refuse an output folder whose
// replacement would destroy a user's work, and the atomic swap of a finished site
// into place.
package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Marker is the file archfolio writes at the top of every output folder; a
// non-empty folder without it is never replaced.
const Marker = ".archfolio-output"

// tempPrefix starts the name of the folder a build renders into, beside the
// destination.
const tempPrefix = ".archfolio-build-"

// leftoverAge is how old a temporary folder must be before a build takes it for
// the leftover of a build that was killed, rather than one still running.
const leftoverAge = time.Hour

// removeLeftovers removes the temporary folders that killed builds left in parent
// (a build renders into a fresh one, then renames it; kill -9 skips the clean-up).
func removeLeftovers(parent string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > leftoverAge {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// inputs are the folders of a site that a build reads.
var inputs = []struct{ dir, what string }{
	{"content", "the content folder"},
	{"static", "the static folder"},
	{"themes", "the themes folder"},
}

// Output receives the files of a rendered site. Implementations are safe for
// concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Streamer is an Output that can take a large file as it is written (portfolio.json,
// matrix.json), so that the file's text is never held whole.
type Streamer interface {
	Stream(name string, write func(io.Writer) error) error
}

// WriteStream writes the file that write produces to out, streamed when out can
// take it.
func WriteStream(out Output, name string, write func(io.Writer) error) error {
	if s, ok := out.(Streamer); ok {
		return s.Stream(name, write)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return out.WriteFile(name, buf.Bytes())
}

// DirOutput writes files under a folder, each at once (so a caller may reuse the
// bytes it gave as soon as WriteFile returns). Every page has a folder of its own, so
// it makes each folder once, with one mkdir when its parent is already there.
type DirOutput struct {
	dir  string
	made sync.Map // folders that exist
}

// Dir returns the Output that writes under the folder dir.
func Dir(dir string) *DirOutput { return &DirOutput{dir: dir} }

func (o *DirOutput) WriteFile(name string, data []byte) error {
	full, err := o.path(name)
	if err != nil {
		return err
	}
	return writeFile(full, data)
}

// Stream implements Streamer.
func (o *DirOutput) Stream(name string, write func(io.Writer) error) error {
	full, err := o.path(name)
	if err != nil {
		return err
	}
	f, err := os.Create(full)
	if err != nil {
		return err
	}
	err = write(f) // the writers buffer (csv.Writer, streamJSON)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// path returns the file name of an output file, making its folder.
func (o *DirOutput) path(name string) (string, error) {
	full := filepath.Join(o.dir, filepath.FromSlash(name))
	parent := filepath.Dir(full)
	if _, ok := o.made.Load(parent); !ok {
		if _, up := o.made.Load(filepath.Dir(parent)); !up || os.Mkdir(parent, 0o755) != nil {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return "", err
			}
		}
		for p := parent; len(p) >= len(o.dir); p = filepath.Dir(p) {
			o.made.Store(p, true)
		}
	}
	return full, nil
}

// MemOutput keeps a rendered site in memory, for the dev server and tests.
type MemOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile implements Output.
func (o *MemOutput) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.files == nil {
		o.files = map[string][]byte{}
	}
	o.files[name] = data
	return nil
}

// File returns a file's content and whether it exists.
func (o *MemOutput) File(name string) ([]byte, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	b, ok := o.files[name]
	return b, ok
}

// Names lists the files, sorted.
func (o *MemOutput) Names() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	names := make([]string, 0, len(o.files))
	for n := range o.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// CheckDestination refuses output folders whose replacement would destroy a user's
// work: the site root or its content, a folder that contains them, the home folder,
// the file-system root, and any non-empty folder archfolio did not create.
func CheckDestination(siteDir, dest string) error {
	site, err := filepath.Abs(siteDir)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	if out == site || isWithin(site, out) {
		return fmt.Errorf("refusing to write the site into %s: it is the site root or contains it", dest)
	}
	for _, in := range inputs {
		dir := filepath.Join(site, in.dir)
		if out == dir || isWithin(dir, out) {
			return fmt.Errorf("refusing to write the site into %s: it is %s or contains it", dest, in.what)
		}
		if isWithin(out, dir) {
			return fmt.Errorf("refusing to write the site into %s: it is inside %s, which every build reads", dest, in.what)
		}
	}
	if out == filepath.Dir(out) || (home != "" && out == filepath.Clean(home)) {
		return fmt.Errorf("refusing to write the site into %s", dest)
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
			return fmt.Errorf("refusing to replace %s: it is not empty and was not written by archfolio (no %s file)", dest, Marker)
		}
	}
	return nil
}

// isWithin reports whether child lies strictly inside parent.
func isWithin(child, parent string) bool {
	rel, err := filepath.Rel(parent, child)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..")
}

// Publish renders into a fresh folder next to dest and swaps it in only when fill
// succeeds, so a failed build leaves the previous output exactly as it was.
func Publish(ctx context.Context, dest string, fill func(Output) error) error {
	out, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeLeftovers(parent, time.Now())
	tmp, err := os.MkdirTemp(parent, tempPrefix)
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	err = fill(Dir(tmp))
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte("written by archfolio; this folder is replaced on every build\n"), 0o644)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	var old string
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
