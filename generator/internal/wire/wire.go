// Package wire is the byte format of archfolio's check cache: varints,
// length-prefixed strings and times, written by a Writer and read back by a
// Reader that never panics on bad input. A Reader stops at its first error
// (truncated input, a length past the end, a count too large) and from then
// on returns zero values; its caller checks Err once, at the end, and throws
// the whole cache away when it is set.
package wire

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
	"unsafe"
)

// Writer appends values to a byte slice.
type Writer struct{ Buf []byte }

// Uint writes an unsigned varint.
func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Int writes a signed varint.
func (w *Writer) Int(v int64) { w.Buf = binary.AppendVarint(w.Buf, v) }

// Bool writes one byte, 0 or 1.
func (w *Writer) Bool(v bool) {
	if v {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// Float writes a float64's bits.
func (w *Writer) Float(v float64) {
	w.Buf = binary.LittleEndian.AppendUint64(w.Buf, math.Float64bits(v))
}

// String writes a length and the bytes.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.Buf = append(w.Buf, s...)
}

// Strings writes a count and each string; a nil slice and an empty one differ.
func (w *Writer) Strings(list []string) {
	if list == nil {
		w.Uint(0)
		return
	}
	w.Uint(uint64(len(list)) + 1)
	for _, s := range list {
		w.String(s)
	}
}

// Time writes an instant in UTC or in the local zone (dates, file times), or
// returns an error for a time in any other zone.
func (w *Writer) Time(t time.Time) error {
	switch t.Location() {
	case time.UTC:
		w.Uint(0)
	case time.Local:
		w.Uint(1)
	default:
		return errors.New("a time in the zone " + t.Location().String())
	}
	w.Int(t.Unix())
	w.Uint(uint64(t.Nanosecond()))
	return nil
}

// ErrCorrupt is the error of a Reader whose input is not what a Writer wrote.
var ErrCorrupt = errors.New("corrupt cache")

// Reader reads what a Writer wrote.
type Reader struct {
	buf []byte
	err error
}

// NewReader reads buf, which must not change afterwards: the strings read share
// its memory.
func NewReader(buf []byte) *Reader { return &Reader{buf: buf} }

// Err is the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Done reports whether every byte was read without an error.
func (r *Reader) Done() bool { return r.err == nil && len(r.buf) == 0 }

// Rest returns what is left to read, and reads it.
func (r *Reader) Rest() []byte {
	rest := r.buf
	r.buf = nil
	return rest
}

// Fail records err (the first one only) and empties the input.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.buf = nil
}

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Len reads a count of items of at least one byte each: a count larger than
// what is left to read is an error, so that no bad count allocates.
func (r *Reader) Len() int {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.Fail(ErrCorrupt)
		return 0
	}
	return int(n)
}

// Bool reads a byte written by Bool.
func (r *Reader) Bool() bool {
	if len(r.buf) == 0 || r.buf[0] > 1 {
		r.Fail(ErrCorrupt)
		return false
	}
	v := r.buf[0] == 1
	r.buf = r.buf[1:]
	return v
}

// Float reads a float64.
func (r *Reader) Float() float64 {
	if len(r.buf) < 8 {
		r.Fail(ErrCorrupt)
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.buf))
	r.buf = r.buf[8:]
	return v
}

// String reads a string. It is not a copy: it shares the input's memory, which
// the Reader's owner must therefore never change (NewReader). A cache holds
// hundreds of thousands of strings; copying each made its decoding and the
// collector's work after it half as fast again.
func (r *Reader) String() string {
	n := r.Uint()
	switch {
	case n > uint64(len(r.buf)):
		r.Fail(ErrCorrupt)
		return ""
	case n == 0:
		return ""
	}
	s := unsafe.String(&r.buf[0], n)
	r.buf = r.buf[n:]
	return s
}

// Strings reads what Strings wrote.
func (r *Reader) Strings() []string {
	n := r.Uint()
	if n == 0 {
		return nil
	}
	if n-1 > uint64(len(r.buf)) {
		r.Fail(ErrCorrupt)
		return nil
	}
	list := make([]string, n-1)
	for i := range list {
		list[i] = r.String()
	}
	return list
}

// Time reads what Time wrote.
func (r *Reader) Time() time.Time {
	zone, sec, nsec := r.Uint(), r.Int(), r.Uint()
	switch {
	case nsec >= 1e9 || r.err != nil:
		r.Fail(ErrCorrupt)
	case zone == 0:
		return time.Unix(sec, int64(nsec)).UTC()
	case zone == 1:
		return time.Unix(sec, int64(nsec))
	default:
		r.Fail(ErrCorrupt)
	}
	return time.Time{}
}
