package oscal

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/internal/fuzzing"
)

// FuzzStandards imports arbitrary bytes as an OSCAL catalogue. Whatever the
// input, Standards returns (standards, or an error), never panics, and every
// standard it makes
//
//   - is valid UTF-8 without a control character but tab and line feed (a NUL
//     made a document binary);
//   - is at most linear in the catalogue: 4 KiB, plus 16 bytes for every byte of
//     input, plus three times the expansion limit for every string of it (a
//     parameter whose choices insert it again never finished);
//   - loads, beside the others, with no error of check but those a catalogue
//     can cause in an imported document and the import reports (none, today),
//     its maps_to ids read back as strings.
//
// Seeds: f.Add's and testdata/fuzz/FuzzStandards, small catalogues (the
// fuzzer minimises every input that adds coverage, in time quadratic in its
// length: testdata's catalogues of several kilobytes kept it minimising).
func FuzzStandards(f *testing.F) {
	fuzzing.MinimizeBudget(f, "200x") // a run takes about a millisecond
	f.Add([]byte(`{"catalog": {"uuid": "u", "metadata": {"title": "NIST SP 800-53 Rev 5"},
	  "params": [{"id": "p1", "select": {"choice": ["x {{ insert: param, p1 }}", "y {{ insert: param, p1 }}"]}}],
	  "groups": [{"id": "ac", "title": "Access\u0000 Control", "controls": [
	    {"id": "null", "title": "A\u0007", "parts": [{"name": "statement", "prose": "Do {{ insert: param, p1 }}."}]},
	    {"id": "1e3", "title": "<script>alert(1)</script>", "props": [{"name": "label", "value": "AC-1 *"}]}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		stds, err := Standards("f.json", data, Options{})
		if err != nil {
			return
		}
		budget := 4096 + 16*len(data) + 3*maxExpansion*(bytes.Count(data, []byte(`"`))/2+1)
		site := fstest.MapFS{}
		for _, s := range stds {
			md := s.Markdown
			if len(md) > budget {
				t.Errorf("%s is %d bytes from a catalogue of %d", s.ID, len(md), len(data))
			}
			if !utf8.Valid(md) || bytes.ContainsFunc(md, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f }) {
				t.Errorf("%s holds invalid UTF-8 or a control character: %q", s.ID, md)
			}
			site["content/standards/"+s.ID+".md"] = &fstest.MapFile{Data: md}
		}
		p, diags, err := generator.Load(context.Background(), generator.Options{Site: site, CheckOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Severity == diag.Error {
				t.Errorf("check rejects an imported standard: %s", d)
			}
		}
		for _, s := range stds {
			if d := p.ByID[s.ID]; d != nil && d.Fields.Obj("maps_to") != nil {
				for _, fw := range d.Fields.Obj("maps_to").Keys {
					for _, v := range d.Fields.Obj("maps_to").List(fw) {
						if _, ok := v.(string); !ok {
							t.Errorf("%s: maps_to id %v (%T) is not a string", s.ID, v, v)
						}
					}
				}
			}
		}
	})
}
