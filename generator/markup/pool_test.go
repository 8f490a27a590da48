package markup

import (
	"bytes"
	"testing"
)

func TestBufferPool(t *testing.T) {
	t.Parallel()
	p := new(Pool)
	b := p.Get()
	b.WriteString("<p>kept</p>")
	if got := p.HTML(b); got != "<p>kept</p>" {
		t.Fatalf("html = %q", got)
	}
	if again := p.Get(); again != b || again.Len() != 0 {
		t.Fatalf("get after html: want the same buffer, emptied; got %p (len %d), want %p", again, again.Len(), b)
	}
	big := bytes.NewBuffer(make([]byte, 0, poolBufferCap+1))
	p.Put(big)
	if got := p.Get(); got == big {
		t.Fatal("a buffer over poolBufferCap was kept")
	}
	for range poolBuffers + 5 {
		p.Put(new(bytes.Buffer))
	}
	if len(p.free) != poolBuffers {
		t.Fatalf("pool keeps %d buffers, want at most %d", len(p.free), poolBuffers)
	}
	var none *Pool // outside a render
	nb := none.Get()
	nb.WriteString("x")
	if got := none.HTML(nb); got != "x" {
		t.Fatalf("nil pool html = %q", got)
	}
}
