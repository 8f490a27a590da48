package generator

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

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
