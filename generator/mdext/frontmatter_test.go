package mdext

import (
	"bytes"
	"testing"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FrontMatter must delimit front matter exactly as goldmark-meta does (the same
// body), parse the same YAML text (yaml.v3 rejects what yaml.v2 rejects for its
// syntax) and leave the values to the caller: goldmark-meta's type errors (a list or
// a bare string as the whole front matter) are not FrontMatter's to report.
func TestFrontMatterMatchesGoldmarkMeta(t *testing.T) {
	t.Parallel()
	ours := goldmark.New(goldmark.WithExtensions(FrontMatter))
	theirs := goldmark.New(goldmark.WithExtensions(meta.Meta))
	for _, tc := range []struct {
		src        string
		typeErrors bool // goldmark-meta's decode fails where the YAML parses
	}{
		{src: "---\nkind: blueprint\ntitle: A\ntags: [x, y]\ndepends_on:\n  - id: b\n    via: api\n---\n# Body\n"},
		{src: "---\nz: 1\na: 2\nm: {k: v}\n---\n"},
		{src: "---\ntitle: [unclosed\n---\nbody\n"},
		{src: "---\n? [a, b]\n: 1\n---\n", typeErrors: true},
		{src: "---\n- 1\n- 2\n---\n", typeErrors: true},
		{src: "---\njust text\n---\n", typeErrors: true},
		{src: "---\na: *missing\n---\n"},
		{src: "---\n---\nempty\n"},
		{src: "no front matter\n"},
		{src: "---\non: yes\nn: 1.5\nd: 2026-11-27\n-----\nafter a longer fence\n"},
	} {
		pcOurs, pcTheirs := parser.NewContext(), parser.NewContext()
		ours.Parser().Parse(text.NewReader([]byte(tc.src)), parser.WithContext(pcOurs))
		theirs.Parser().Parse(text.NewReader([]byte(tc.src)), parser.WithContext(pcTheirs))
		root, err := FrontMatterNode(pcOurs)
		wantItems, wantErr := meta.TryGetItems(pcTheirs)
		switch {
		case tc.typeErrors && (err != nil || wantErr == nil):
			t.Errorf("%q: got error %v; want none, and goldmark-meta's type error (got %v)", tc.src, err, wantErr)
		case !tc.typeErrors && (err == nil) != (wantErr == nil):
			t.Errorf("%q: got error %v, goldmark-meta %v", tc.src, err, wantErr)
		case err == nil && (root == nil) != (wantItems == nil && wantErr == nil):
			t.Errorf("%q: got node %v, goldmark-meta items %v", tc.src, root, wantItems)
		}
		var a, b bytes.Buffer
		_ = ours.Convert([]byte(tc.src), &a)
		_ = theirs.Convert([]byte(tc.src), &b)
		if err == nil && wantErr == nil && a.String() != b.String() {
			t.Errorf("%q: body renders as %q, goldmark-meta %q", tc.src, a.String(), b.String())
		}
	}
}
