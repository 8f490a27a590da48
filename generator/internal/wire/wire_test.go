package wire

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

// TestRoundTrip writes one value of each kind and reads them back.
func TestRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 27, 8, 30, 0, 5, time.UTC)
	local := time.Date(2026, 11, 27, 8, 30, 0, 5, time.Local)
	var w Writer
	w.Uint(math.MaxUint64)
	w.Int(math.MinInt64)
	w.Bool(true)
	w.Float(-2.5)
	w.String("héllo")
	w.String("")
	w.Strings(nil)
	w.Strings([]string{})
	w.Strings([]string{"a", "", "c"})
	if err := w.Time(at); err != nil {
		t.Fatal(err)
	}
	if err := w.Time(time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := w.Time(local); err != nil {
		t.Fatal(err)
	}
	if err := (&Writer{}).Time(time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600))); err == nil {
		t.Error("a time in another zone is written: it would come back in UTC or the local zone")
	}
	r := NewReader(w.Buf)
	got := []any{r.Uint(), r.Int(), r.Bool(), r.Float(), r.String(), r.String(), r.Strings(), r.Strings(), r.Strings(), r.Time(), r.Time(), r.Time()}
	want := []any{uint64(math.MaxUint64), int64(math.MinInt64), true, -2.5, "héllo", "", []string(nil), []string{}, []string{"a", "", "c"}, at, time.Time{}, local}
	if !r.Done() {
		t.Fatalf("not read whole: %v", r.Err())
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("value %d: %#v, want %#v", i, got[i], want[i])
		}
	}
}

// TestBadInput: a read past the end, or a count or length larger than what is
// left, fails the reader without allocating or panicking, and every read after
// it returns a zero value.
func TestBadInput(t *testing.T) {
	count := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x0F} // 4 billion, with nothing after it
	cases := []struct {
		name  string
		input []byte
		read  func(r *Reader)
	}{
		{"uint of nothing", nil, func(r *Reader) { r.Uint() }},
		{"uint cut short", []byte{0x80}, func(r *Reader) { r.Uint() }},
		{"int cut short", []byte{0x80}, func(r *Reader) { r.Int() }},
		{"bool of 2", []byte{2}, func(r *Reader) { r.Bool() }},
		{"float of 7 bytes", make([]byte, 7), func(r *Reader) { r.Float() }},
		{"string past the end", []byte{2, 'a'}, func(r *Reader) { _ = r.String() }},
		{"huge string", count, func(r *Reader) { _ = r.String() }},
		{"huge list", count, func(r *Reader) { r.Strings() }},
		{"huge count", count, func(r *Reader) { r.Len() }},
		{"time in no zone", []byte{2, 0, 0}, func(r *Reader) { r.Time() }},
		{"time with 1e9 ns", []byte{0, 0, 0x80, 0x94, 0xEB, 0xDC, 0x03}, func(r *Reader) { r.Time() }},
	}
	for _, c := range cases {
		r := NewReader(c.input)
		c.read(r)
		if !errors.Is(r.Err(), ErrCorrupt) {
			t.Errorf("%s: no error", c.name)
		}
		if r.Uint() != 0 || r.String() != "" || r.Bool() || r.Done() {
			t.Errorf("%s: the failed reader goes on reading", c.name)
		}
	}
}
