package generator

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"html/template"
	"io"
	"maps"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"archfolio/generator/internal/wire"
)

// A Loader's cache on disk (Save, Restore) lets one `archfolio check` reuse what
// the last one parsed: it is the Loader's memory of each file (its stamp and
// digest, its parse stage's document and diagnostics, its body stage's
// headings and links) written to one file. It can only ever save work, never
// change a result:
//
//   - Restore takes the file only if this very program wrote it (the SHA-256
//     of the executable is in its header) and its content still has the
//     CRC-32C written beside it; otherwise it is ignored and everything is
//     parsed.
//   - A restored file is read again and its digest compared (a document is
//     reused only for the same bytes at the same path), unless its stamp vouches
//     for it as in the dev server (Loader.load says what happens should the file
//     change during the load). The configuration is part of the Loader's key, as
//     in the dev server, so a changed archfolio.yaml throws every document away.
//   - What reads the portfolio as a whole (index, links, analyses, site checks)
//     runs on every load, as it does in the dev server.
//   - The file is the user's own (archfolio/check in the user's cache folder,
//     mode 0600): what passes both checks is trusted as this program's output.
//     Restore itself never panics, whatever the bytes (TestRestoreNeverPanics).
//
// Values are written field by field (encodeDoc); TestCacheRoundTrip compares every
// document decoded with the one parsed, so a field added to Document and
// forgotten here fails a test rather than a check.

// cacheMagic starts every cache file. Its digit is the format's version, for
// whoever reads the file; any change to the program already makes the caches of
// the old one stale (executableDigest).
const cacheMagic = "archfolio load cache 1\n"

// executableDigest identifies the program: a cache written by any other build of
// archfolio is ignored.
var executableDigest = sync.OnceValues(func() ([32]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
})

// castagnoli is the CRC-32C table: the cache's checksum, against a file damaged
// or cut short, costs milliseconds with the processor's CRC instruction.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errStaleCache is Restore's error for a cache another program wrote.
var errStaleCache = errors.New("the cache was written by another build of archfolio")

// Save writes what the Loader keeps to w, for Restore in a later run of the same
// program. Call it after a Load that ended (not cancelled). The entries are
// encoded on all cores, each on its own, and listed with their lengths first,
// so that Restore decodes them on all cores too.
func (l *Loader) Save(w io.Writer) error {
	exe, err := executableDigest()
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	paths := slices.Sorted(maps.Keys(l.files))
	entries := make([]wire.Writer, len(paths))
	errs := make([]error, len(paths))
	Parallel(context.Background(), len(paths), func(i int) {
		e := l.files[paths[i]]
		if e.doc != nil {
			entries[i].Buf = make([]byte, 0, 256+len(e.doc.source)) // the front matter and more, in one allocation
		}
		if errs[i] = encodeEntry(&entries[i], e); errs[i] != nil {
			errs[i] = fmt.Errorf("%s: %w", paths[i], errs[i])
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var toc wire.Writer
	toc.String(l.config)
	toc.Uint(uint64(len(paths)))
	for i, path := range paths {
		toc.String(path)
		toc.Uint(uint64(len(entries[i].Buf)))
	}
	sum := crc32.Update(0, castagnoli, toc.Buf)
	for _, e := range entries {
		sum = crc32.Update(sum, castagnoli, e.Buf)
	}
	header := binary.LittleEndian.AppendUint32(append([]byte(cacheMagic), exe[:]...), sum)
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.Write(header)
	bw.Write(toc.Buf)
	for _, e := range entries {
		bw.Write(e.Buf)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	l.unsaved = false
	return nil
}

// Restore loads what Save wrote, to be reused by the next Load. It keeps nothing
// and returns an error when the data is not a whole cache written by this
// program; the next Load then reads every file as the first load would. The
// strings of the restored documents share data's memory (wire.Reader): data
// must not change afterwards.
func (l *Loader) Restore(data []byte) error {
	exe, err := executableDigest()
	if err != nil {
		return err
	}
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(rest) < 36 {
		return wire.ErrCorrupt
	}
	if [32]byte(rest[:32]) != exe {
		return errStaleCache
	}
	if crc32.Checksum(rest[36:], castagnoli) != binary.LittleEndian.Uint32(rest[32:36]) {
		return wire.ErrCorrupt
	}
	toc := wire.NewReader(rest[36:])
	config := toc.String()
	n := toc.Len()
	paths, sizes := make([]string, n), make([]uint64, n)
	for i := range n {
		paths[i], sizes[i] = toc.String(), toc.Uint()
	}
	body := toc.Rest()
	chunks := make([][]byte, n)
	for i, size := range sizes {
		if size > uint64(len(body)) {
			return wire.ErrCorrupt
		}
		chunks[i], body = body[:size], body[size:]
	}
	if toc.Err() != nil || len(body) != 0 {
		return wire.ErrCorrupt
	}
	entries := make([]*cachedFile, n)
	var bad atomic.Bool
	Parallel(context.Background(), n, func(i int) {
		r := wire.NewReader(chunks[i])
		if entries[i] = decodeEntry(r, paths[i]); !r.Done() {
			bad.Store(true)
		}
	})
	if bad.Load() {
		return wire.ErrCorrupt
	}
	files := make(map[string]*cachedFile, n)
	for i, path := range paths {
		files[path] = entries[i]
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.config, l.files, l.unsaved, l.last = config, files, false, nil
	return nil
}

func encodeEntry(w *wire.Writer, e *cachedFile) error {
	w.String(string(e.sum[:]))
	w.Bool(e.stamped)
	w.Int(e.stamp.size)
	w.Uint(e.stamp.ino)
	w.Int(e.stamp.changeNsec)
	if err := errors.Join(w.Time(e.stamp.mod), w.Time(e.readAt)); err != nil {
		return err
	}
	w.Bool(e.doc != nil)
	if e.doc != nil {
		if err := encodeDoc(w, e.doc); err != nil {
			return err
		}
	}
	encodeDiags(w, e.diags)
	w.Bool(e.body != nil)
	if e.body != nil {
		encodeBody(w, e.body)
	}
	return nil
}

// decodeEntry reads an entry; the document has no source, so the Loader reads
// the file again before it reuses it (cachedFile.restored).
func decodeEntry(r *wire.Reader, path string) *cachedFile {
	e := &cachedFile{restored: true}
	if sum := r.String(); len(sum) == len(e.sum) {
		e.sum = [32]byte([]byte(sum))
	} else {
		r.Fail(wire.ErrCorrupt)
	}
	e.stamped = r.Bool()
	e.stamp.size = r.Int()
	e.stamp.ino = r.Uint()
	e.stamp.changeNsec = r.Int()
	e.stamp.mod, e.readAt = r.Time(), r.Time()
	if r.Bool() {
		e.doc = decodeDoc(r, path)
	}
	e.diags = decodeDiags(r)
	if r.Bool() {
		e.body = decodeBody(r)
	}
	return e
}

// encodeDoc writes a document as the parse stage leaves it: what the later stages
// set (URL, backlinks, the body's fields) is not there yet.
func encodeDoc(w *wire.Writer, d *Document) error {
	for _, s := range []string{d.ID, d.Kind, d.Title, d.Status, d.Owner, d.Summary, d.Classification} {
		w.String(s)
	}
	w.Strings(d.Tags)
	w.Bool(d.Draft)
	if err := encodeObject(w, d.Fields); err != nil {
		return err
	}
	w.Uint(uint64(len(d.Refs)))
	for _, ref := range d.Refs {
		if ref.From != d || ref.To != nil {
			return errors.New("a reference is already linked")
		}
		for _, s := range []string{ref.Target, ref.Field, ref.Relation, ref.Inverse, ref.Anchor} {
			w.String(s)
		}
		w.Bool(ref.Restricted)
		w.Strings(ref.to)
		w.Int(int64(ref.offset))
		if err := encodeObject(w, ref.Attrs); err != nil {
			return err
		}
	}
	w.Int(int64(d.bodyStart))
	w.Int(int64(d.fmEnd))
	d.positions.Encode(w)
	return nil
}

func decodeDoc(r *wire.Reader, path string) *Document {
	d := &Document{Path: path}
	for _, s := range []*string{&d.ID, &d.Kind, &d.Title, &d.Status, &d.Owner, &d.Summary, &d.Classification} {
		*s = r.String()
	}
	d.Tags = r.Strings()
	d.Draft = r.Bool()
	d.Fields = decodeObject(r)
	if n := r.Len(); n > 0 {
		d.Refs = make([]*Ref, n)
		for i := range d.Refs {
			ref := &Ref{From: d}
			for _, s := range []*string{&ref.Target, &ref.Field, &ref.Relation, &ref.Inverse, &ref.Anchor} {
				*s = r.String()
			}
			ref.Restricted = r.Bool()
			ref.to = r.Strings()
			ref.offset = int(r.Int())
			ref.Attrs = decodeObject(r)
			d.Refs[i] = ref
		}
	}
	d.bodyStart = int(r.Int())
	d.fmEnd = int(r.Int())
	d.positions = frontmatter.DecodeIndex(r)
	return d
}

// The kinds of front-matter value (Document.Fields).
const (
	valueNil = iota
	valueString
	valueInt
	valueFloat
	valueBool
	valueDate
	valuePeriod
	valueList
	valueObject
	valueDuration
	valueInt64
	valueUint64
)

func encodeValue(w *wire.Writer, v any) error {
	var err error
	switch v := v.(type) {
	case nil:
		w.Uint(valueNil)
	case string:
		w.Uint(valueString)
		w.String(v)
	case int:
		w.Uint(valueInt)
		w.Int(int64(v))
	case float64:
		w.Uint(valueFloat)
		w.Float(v)
	case bool:
		w.Uint(valueBool)
		w.Bool(v)
	case Date:
		w.Uint(valueDate)
		err = w.Time(v.Time)
	case Period:
		w.Uint(valuePeriod)
		w.String(v.Text)
		err = errors.Join(w.Time(v.Start), w.Time(v.End))
	case []any:
		w.Uint(valueList)
		w.Bool(v == nil)
		w.Uint(uint64(len(v)))
		for _, item := range v {
			if err := encodeValue(w, item); err != nil {
				return err
			}
		}
	case *Object:
		w.Uint(valueObject)
		err = encodeObject(w, v)
	case Duration:
		w.Uint(valueDuration)
		w.String(v.Text)
		w.Int(int64(v.Years))
		w.Int(int64(v.Months))
		w.Int(int64(v.Days))
	case int64:
		w.Uint(valueInt64)
		w.Int(v)
	case uint64:
		w.Uint(valueUint64)
		w.Uint(v)
	default:
		err = fmt.Errorf("a front-matter value of type %T", v)
	}
	return err
}

func decodeValue(r *wire.Reader) any {
	switch r.Uint() {
	case valueNil:
		return nil
	case valueString:
		return r.String()
	case valueInt:
		return int(r.Int())
	case valueFloat:
		return r.Float()
	case valueBool:
		return r.Bool()
	case valueDate:
		return Date{r.Time()}
	case valuePeriod:
		return Period{Text: r.String(), Start: r.Time(), End: r.Time()}
	case valueList:
		isNil, n := r.Bool(), r.Len()
		if isNil {
			return []any(nil)
		}
		list := make([]any, n)
		for i := range list {
			list[i] = decodeValue(r)
		}
		return list
	case valueObject:
		return decodeObject(r)
	case valueDuration:
		return Duration{Text: r.String(), Years: int(r.Int()), Months: int(r.Int()), Days: int(r.Int())}
	case valueInt64:
		return r.Int()
	case valueUint64:
		return r.Uint()
	}
	r.Fail(wire.ErrCorrupt)
	return nil
}

// encodeObject writes a mapping, or nil, with its keys in order.
func encodeObject(w *wire.Writer, o *Object) error {
	w.Bool(o != nil)
	if o == nil {
		return nil
	}
	if len(o.Keys) != len(o.vals) {
		return errors.New("an object whose keys are not its values' (made without Object.Set)")
	}
	w.Strings(o.Keys)
	w.Bool(o.vals != nil)
	for _, v := range o.vals {
		if err := encodeValue(w, v); err != nil {
			return err
		}
	}
	return nil
}

func decodeObject(r *wire.Reader) *Object {
	if !r.Bool() {
		return nil
	}
	o := &Object{Keys: r.Strings()}
	if !r.Bool() {
		if len(o.Keys) > 0 {
			r.Fail(wire.ErrCorrupt)
		}
		return o
	}
	o.vals = make([]any, len(o.Keys))
	for i := range o.Keys {
		o.vals[i] = decodeValue(r)
	}
	o.reindex()
	if o.index != nil && len(o.index) != len(o.Keys) || o.index == nil && repeatsKey(o.Keys) {
		r.Fail(wire.ErrCorrupt) // a key written twice
	}
	return o
}

func encodeDiags(w *wire.Writer, diags diag.Diagnostics) {
	w.Uint(uint64(len(diags)))
	for _, d := range diags {
		w.String(d.Path)
		w.Int(int64(d.Line))
		w.Int(int64(d.Col))
		w.Int(int64(d.Severity))
		w.String(d.Message)
		w.Uint(uint64(d.Code))
	}
}

func decodeDiags(r *wire.Reader) diag.Diagnostics {
	n := r.Len()
	if n == 0 {
		return nil
	}
	diags := make(diag.Diagnostics, n)
	for i := range diags {
		d := &diags[i]
		d.Path = r.String()
		d.Line, d.Col = int(r.Int()), int(r.Int())
		d.Severity = diag.Severity(r.Int())
		d.Message = r.String()
		d.Code = diag.Code(r.Uint())
	}
	return diags
}

func encodeBody(w *wire.Writer, b *cachedBody) {
	w.String(b.url)
	w.Uint(uint64(len(b.targets)))
	for _, t := range b.targets {
		w.Bool(t.found)
		w.String(t.url)
		w.String(t.title)
	}
	w.Bool(b.html)
	w.Bool(b.anchors != nil)
	anchors := make([]string, 0, len(b.anchors))
	for a, ok := range b.anchors {
		if ok {
			anchors = append(anchors, a)
		}
	}
	slices.Sort(anchors)
	w.Strings(anchors)
	w.Bool(b.toc != nil)
	w.Uint(uint64(len(b.toc)))
	for _, h := range b.toc {
		w.Int(int64(h.Level))
		w.String(h.ID)
		w.String(h.Text)
	}
	w.Uint(uint64(len(b.links)))
	for _, l := range b.links {
		for _, s := range []string{l.dest, l.pos.File, l.key, l.anchor, l.published} {
			w.String(s)
		}
		w.Int(int64(l.offset))
		w.Int(int64(l.pos.Line))
		w.Int(int64(l.pos.Col))
		w.Bool(l.wiki)
		w.Bool(l.file)
		w.Bool(l.image)
	}
	w.String(string(b.out))
	w.String(b.text)
	w.Bool(b.diagrams)
}

func decodeBody(r *wire.Reader) *cachedBody {
	b := &cachedBody{url: r.String()}
	b.targets = make([]bodyTarget, r.Len())
	for i := range b.targets {
		b.targets[i] = bodyTarget{found: r.Bool(), url: r.String(), title: r.String()}
	}
	b.html = r.Bool()
	hasAnchors := r.Bool()
	anchors := r.Strings()
	if hasAnchors {
		b.anchors = make(map[string]bool, len(anchors))
		for _, a := range anchors {
			b.anchors[a] = true
		}
	}
	hasTOC := r.Bool()
	if n := r.Len(); hasTOC {
		b.toc = make([]Heading, n)
		for i := range b.toc {
			b.toc[i] = Heading{Level: int(r.Int()), ID: r.String(), Text: r.String()}
		}
	}
	b.links = make([]bodyLink, r.Len())
	for i := range b.links {
		l := &b.links[i]
		for _, s := range []*string{&l.dest, &l.pos.File, &l.key, &l.anchor, &l.published} {
			*s = r.String()
		}
		l.offset = int(r.Int())
		l.pos.Line, l.pos.Col = int(r.Int()), int(r.Int())
		l.wiki, l.file, l.image = r.Bool(), r.Bool(), r.Bool()
	}
	b.out = template.HTML(r.String()) // what renderBody made, as Save found it
	b.text = r.String()
	b.diagrams = r.Bool()
	return b
}

// repeatsKey reports whether a few keys hold one twice.
func repeatsKey(keys []string) bool {
	for i, k := range keys {
		if slices.Contains(keys[:i], k) {
			return true
		}
	}
	return false
}
