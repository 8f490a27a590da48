package generator

import (
	"bytes"
	"testing"
)

func TestBufferPool(t *testing.T) {
	p := new(bufferPool)
	b := p.get()
	b.WriteString("<p>kept</p>")
	if got := p.html(b); got != "<p>kept</p>" {
		t.Fatalf("html = %q", got)
	}
	if again := p.get(); again != b || again.Len() != 0 {
		t.Fatalf("get after html: want the same buffer, emptied; got %p (len %d), want %p", again, again.Len(), b)
	}
	big := bytes.NewBuffer(make([]byte, 0, poolBufferCap+1))
	p.put(big)
	if got := p.get(); got == big {
		t.Fatal("a buffer over poolBufferCap was kept")
	}
	for range poolBuffers + 5 {
		p.put(new(bytes.Buffer))
	}
	if len(p.free) != poolBuffers {
		t.Fatalf("pool keeps %d buffers, want at most %d", len(p.free), poolBuffers)
	}
	var none *bufferPool // outside a render
	nb := none.get()
	nb.WriteString("x")
	if got := none.html(nb); got != "x" {
		t.Fatalf("nil pool html = %q", got)
	}
}
