package mdext

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
)

// recorder is a HighlightCache that records what the highlighter asks for.
type recorder struct {
	mu     sync.Mutex
	blocks []string
}

func (r *recorder) Get(lang string, code []byte) ([]byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.blocks = append(r.blocks, lang+"|"+string(code))
	return nil, false
}

func (r *recorder) Put(string, []byte, []byte) {}

// Fences must see top-level blocks exactly as the highlighter does.
func TestFencesSeeWhatTheHighlighterSees(t *testing.T) {
	t.Parallel()
	src := "# Doc\n\nText\n```go\nfunc a() {}\n```\n\n~~~ YAML title=x\nk: v\n\n  indented: yes\n~~~\n\n" +
		"<!-- hidden\n```go\nfunc commented() {}\n```\n-->\n\n<!-- one line --> text\n```go\nfunc after() {}\n```\n\n" +
		"Text\n<!--\n```yaml\nhidden: too\n```\n  -->\n\n" +
		"  ```hcl\n  a = 1\n    b = 2\n c = 3\n  ```\n\n````md\n```go\ninner\n```\n````\n\n```\nno language\n```\n\n" +
		"``` go `not a fence`\ntext\n```\n\n```go\n\ttabbed\n```\n\n  ```go\n  \tafter\n  ```\n\n```go\nunclosed\n"
	h := NewHighlighter()
	rec := &recorder{}
	h.Cache = rec
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(h)).Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	var seen []string
	Fences([]byte(src), func(lang string, code []byte) { seen = append(seen, lang+"|"+string(code)) })
	if len(seen) < 6 || !slices.Equal(seen, rec.blocks) {
		t.Errorf("Fences saw\n%q\nthe highlighter\n%q", seen, rec.blocks)
	}
}

// An indented fence whose code has a tab where the indentation comes off is not
// reported: goldmark expands the tab, and a key that differs from the
// highlighter's would only cost a second highlighting.
func TestFencesSkipTabsInIndentation(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"  ```go\n\t  x\n  ```\n", "  ```go\n y\n\tx\n"} {
		Fences([]byte(src), func(lang string, code []byte) { t.Errorf("%q: saw %q %q", src, lang, code) })
	}
	seen := 0
	Fences([]byte("```go\n\tx\n```\n  ```go\n  \tx\n  ```\n"), func(string, []byte) { seen++ })
	if seen != 2 {
		t.Errorf("saw %d blocks, want 2: tabs after the indentation are code", seen)
	}
}

func TestFencesSkipNestedBlocks(t *testing.T) {
	t.Parallel()
	src := "- item\n\n  ```go\n  x\n  ```\n\n> ```go\n> y\n> ```\n"
	Fences([]byte(src), func(lang string, code []byte) {
		if lang == "go" && (string(code) == "x\n" || string(code) == "y\n") {
			return // seeing them would be fine too
		}
		t.Errorf("unexpected block %q %q", lang, code)
	})
}

func FuzzFences(f *testing.F) {
	for _, s := range []string{"```", "```\n", "~~~~\n~~~\n", "   ```go x\n\tcode\n   ```", "```\n\n", "`` `\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		Fences([]byte(src), func(string, []byte) {})
	})
}
