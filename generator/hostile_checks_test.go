package generator_test

import (
	"archfolio/generator/internal/fuzzing"
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkHostileFile checks what holds of every file a build writes, whatever
// the site: valid UTF-8, only the theme's scripts, no javascript: attribute, no
// formula in a CSV cell.
func checkHostileFile(t *testing.T, name string, data []byte) {
	t.Helper()
	ext := filepath.Ext(name)
	switch ext {
	case ".html", ".svg", ".xml", ".json", ".csv", ".js", ".txt":
		if !utf8.Valid(data) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
	switch ext {
	case ".html", ".svg":
		for _, tag := range fuzzing.ScriptTags(data) {
			if !fuzzing.ThemeScript.MatchString(tag) {
				t.Errorf("%s: a script the theme does not write: %q", name, tag)
			}
		}
		if at := fuzzing.JSAttribute(data); at >= 0 {
			t.Errorf("%s: an attribute starts with javascript: %q", name, data[max(at-20, 0):min(at+40, len(data))])
		}
	case ".csv":
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if formulaIn(cell) {
					t.Errorf("%s: the cell %q starts a formula", name, cell)
				}
			}
		}
	}
}

// formulaIn reports whether a line of cell, or an item of a "; " join, starts
// (after blanks) with a character a spreadsheet reads as a formula.
func formulaIn(cell string) bool {
	for line := range strings.SplitSeq(cell, "\n") {
		for item := range strings.SplitSeq(line, "; ") {
			if s := strings.TrimLeft(item, " "); s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
				return true
			}
		}
	}
	return false
}

func controlRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

func instrLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func writeCaseFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
