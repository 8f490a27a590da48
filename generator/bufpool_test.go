package generator

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func TestBufferPool(t *testing.T) {
	t.Parallel()
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

// goldmark renders into the buffer itself: bufferWriter is a util.BufWriter,
// so goldmark does not wrap it in a bufio.Writer of its own.
func TestBodiesRenderStraightIntoTheBuffer(t *testing.T) {
	t.Parallel()
	var _ util.BufWriter = bufferWriter{}
	var buf bytes.Buffer
	md := goldmark.New()
	src := []byte("# Title\n\nSome *text*.\n")
	if err := md.Renderer().Render(bufferWriter{&buf}, src, md.Parser().Parse(text.NewReader(src))); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n"; got != want {
		t.Errorf("rendered %q, want %q", got, want)
	}
}
