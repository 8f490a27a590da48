package mdext

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FrontMatter must read exactly what goldmark-meta reads: the same items in the
// same order, the same errors, and the same body.
func TestFrontMatterMatchesGoldmarkMeta(t *testing.T) {
	t.Parallel()
	ours := goldmark.New(goldmark.WithExtensions(FrontMatter))
	theirs := goldmark.New(goldmark.WithExtensions(meta.Meta))
	for _, src := range []string{
		"---\nkind: blueprint\ntitle: A\ntags: [x, y]\ndepends_on:\n  - id: b\n    via: api\n---\n# Body\n",
		"---\nz: 1\na: 2\nm: {k: v}\n---\n",
		"---\ntitle: [unclosed\n---\nbody\n",
		"---\n? [a, b]\n: 1\n---\n",
		"---\n- 1\n- 2\n---\n",
		"---\njust text\n---\n",
		"---\na: *missing\n---\n",
		"---\n---\nempty\n",
		"no front matter\n",
		"---\non: yes\nn: 1.5\nd: 2026-11-27\n-----\nafter a longer fence\n",
	} {
		pcOurs, pcTheirs := parser.NewContext(), parser.NewContext()
		ours.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pcOurs))
		theirs.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pcTheirs))
		items, err := FrontMatterItems(pcOurs)
		wantItems, wantErr := meta.TryGetItems(pcTheirs)
		if !reflect.DeepEqual(items, wantItems) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("%q:\n got %v, %v\nwant %v, %v", src, items, err, wantItems, wantErr)
		}
		var a, b bytes.Buffer
		_ = ours.Convert([]byte(src), &a)
		_ = theirs.Convert([]byte(src), &b)
		if err == nil && a.String() != b.String() {
			t.Errorf("%q: body renders as %q, goldmark-meta %q", src, a.String(), b.String())
		}
	}
}
