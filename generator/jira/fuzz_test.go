package jira

import (
	"bytes"
	"context"
	"regexp"
	"testing"
	"testing/fstest"
	"time"

	"archfolio/generator"
	"archfolio/generator/diag"
)

// FuzzSyncFile edits arbitrary documents as jira sync does, with an issue of
// arbitrary status, category and due date. Whatever the input, syncFile
// returns (an edit, or an error saying why not), never panics, and an edit
//
//   - changes only the top-level status: and due: lines (inserting them when
//     absent): every other line is kept, byte for byte, in order;
//   - is idempotent: syncing the edited file again changes nothing;
//   - is what the site shows: when check finds no error in the edited
//     document, its status is the one the sync reported writing (issue 19,
//     point 8: with status: twice, the sync edited the first and the site
//     showed the last; that is now an error of check).
//
// Seeds: f.Add's and testdata/fuzz/FuzzSyncFile.
func FuzzSyncFile(f *testing.F) {
	for _, s := range []struct{ doc, status, category, due string }{
		{"---\nkind: remediation\njira: SEC-1\nstatus: open\n---\n", "Done", "done", "2027-01-31"},
		{"\ufeff---\r\nkind: remediation\r\njira: SEC-1\r\nstatus: 'open' # was\r\ndue:\r\n---\r\nBody\r\n", "Blocked", "indeterminate", "2027-02-01"},
		{"---\nkind: remediation\njira: SEC-1\nstatus: open\nseverity: low\nstatus: blocked\n---\n", "Done", "done", ""},
		{"---\nkind: remediation\njira: SEC-1\nstatus: |\n  open\n---\n", "Done", "done", ""},
		{"---\n{kind: remediation, jira: SEC-1, status: open}\n---\n", "Done", "done", ""},
		{"---\nkind: remediation\njira: SEC-1\nstatus: risk-accepted\n---\n", "In Progress", "indeterminate", "2027-01-31"},
	} {
		f.Add([]byte(s.doc), s.status, s.category, s.due)
	}
	f.Fuzz(func(t *testing.T, doc []byte, status, category, due string) {
		byKey := map[string]Issue{"SEC-1": {Key: "SEC-1", Status: status, Category: category, Due: due}}
		c, _, err := syncFile(doc, byKey)
		if err != nil || c == nil {
			return
		}
		if got, want := untouchedLines(c.data), untouchedLines(doc); !bytes.Equal(got, want) {
			t.Errorf("lines other than status: and due: changed:\n got %q\nwant %q", got, want)
		}
		again, _, err := syncFile(c.data, byKey)
		if err != nil || again != nil {
			t.Errorf("a second sync of %q: %v, %v", c.data, again, err)
		}
		wrote := ""
		for _, fc := range c.Fields {
			if fc.Field == "status" {
				wrote = fc.New
			}
		}
		if wrote == "" {
			return
		}
		site := fstest.MapFS{"content/rem.md": {Data: c.data}}
		p, diags, err := generator.Load(context.Background(), generator.Options{Site: site, CheckOnly: true,
			Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Severity == diag.Error {
				return
			}
		}
		for _, d := range p.Docs {
			if d.Path == "content/rem.md" && d.Status != wrote {
				t.Errorf("the sync wrote status %q, the site shows %q:\n%s", wrote, d.Status, c.data)
			}
		}
	})
}

// syncedLine matches a top-level status: or due: line, the only lines a sync
// may write.
var syncedLine = regexp.MustCompile(`^(status|due|"status"|"due"|'status'|'due')[ \t]*:`)

// untouchedLines is src without its top-level status: and due: lines.
func untouchedLines(src []byte) []byte {
	var out [][]byte
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if !syncedLine.Match(bytes.TrimPrefix(l, []byte(bom))) {
			out = append(out, l)
		}
	}
	return bytes.Join(out, nil)
}
