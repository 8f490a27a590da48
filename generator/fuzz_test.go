package generator

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzDocument feeds arbitrary bytes to the whole pipeline as one document beside a
// valid one: whatever the input, Load and Render must return (with diagnostics),
// never panic. The seeds are the broken example's files.
func FuzzDocument(f *testing.F) {
	seeds, _ := filepath.Glob("../examples/broken/content/*/*.md")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("---\nkind: blueprint\ntitle: T\ndepends_on: [{id: [x]}]\ncompliance: [{standard: s, status: exception, waiver: 3}]\n---\n[[x|]] [a](b.md#)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		site := testSite(map[string]string{
			"content/base.md": "---\nkind: standard\ntitle: S\nfamily: iam\nstatements: [{id: S-1, text: t, level: must}]\n---\n## Statements\n",
		})
		site["content/fuzz.md"] = &fstest.MapFile{Data: data}
		opts := testOptions(t, site, "2026-11-27")
		p, _, err := Load(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := Render(context.Background(), p, opts, &MemOutput{}); err != nil {
			t.Fatalf("render failed: %v", err)
		}
	})
}
