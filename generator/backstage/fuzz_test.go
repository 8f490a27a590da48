package backstage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzCatalogue reads any bytes as a descriptor: nothing panics, and every
// blueprint's new document, read back by the editor, needs no change.
func FuzzCatalogue(f *testing.F) {
	for _, name := range []string{"catalogue", "malformed", "reimport"} {
		ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			f.Add(file.Data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entities, _, _ := ParseFile("c.yaml", data)
		cat, _ := NewCatalogue(entities)
		for _, b := range cat.Blueprints() {
			doc := newDocument(b)
			d, err := openDocument(doc)
			if err != nil {
				t.Fatalf("a new document does not open: %v\n%s", err, doc)
			}
			for _, fl := range b.Fields {
				if changed, err := d.setField(fl); changed || err != nil {
					t.Fatalf("field %s of a new document: changed %v, %v\n%s", fl.Key, changed, err, doc)
				}
			}
			if d.sectionEntity() != b.Entity.Ref.String() {
				t.Fatalf("section names %q, want %s\n%s", d.sectionEntity(), b.Entity.Ref, doc)
			}
			if d.setSection(b.Section) || !bytes.Equal(d.bytes(), doc) {
				t.Fatalf("the section of a new document changed\n%s", doc)
			}
		}
	})
}

// FuzzEdit applies a blueprint's owned fields and section to any document: nothing
// panics, and applying them again changes nothing.
func FuzzEdit(f *testing.F) {
	golden, err := os.ReadFile(filepath.Join("testdata", "reimport.golden"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range txtar.Parse(golden).Files {
		f.Add(file.Data)
	}
	f.Add([]byte("---\r\nkind: blueprint\r\ntags:\r\n  - a\r\n# note\r\nowner: x\r\n---\r\n\r\n## Backstage catalogue\r\n\r\n```\r\n## not a heading\r\n```\r\n# Next\r\n"))
	f.Add([]byte("---\n{kind: blueprint}\n---\n"))
	f.Add([]byte("---\nsummary: >\n  folded\n  text\n\n# c\ntitle: t\n---\n"))
	ar, _ := txtar.ParseFile(filepath.Join("testdata", "reimport.txtar"))
	entities, _, _ := ParseFile("c.yaml", ar.Files[0].Data)
	cat, _ := NewCatalogue(entities)
	b := cat.Blueprints()[0]
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := openDocument(src)
		if err != nil {
			return
		}
		for _, fl := range b.Fields {
			if _, err := d.setField(fl); err != nil {
				return
			}
		}
		if d.sectionEntity() != "" {
			d.setSection(b.Section)
		}
		once := d.bytes()
		d2, err := openDocument(once)
		if err != nil {
			t.Fatalf("the edited file does not open: %v\n%q", err, once)
		}
		for _, fl := range b.Fields {
			if changed, err := d2.setField(fl); changed || err != nil {
				t.Fatalf("field %s again: changed %v, %v\n%q", fl.Key, changed, err, once)
			}
		}
		if d2.sectionEntity() != "" && d2.setSection(b.Section) {
			t.Fatalf("the section changed again\n%q", once)
		}
	})
}
