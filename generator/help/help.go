// Package help is archfolio's reference, embedded in the binary and printed by
// `archfolio help TOPIC`, as `go help` does.
//
// A topic is one markdown file in this folder: its name is the file name without
// ".md", its summary the text of its first line (a "# " heading), and its text the
// whole file, printed as it is. A topic ends with a paragraph "The code: …" naming
// the files it describes (TestTopicsNameCodeThatExists checks they exist), so that
// whoever changes that code finds the text to keep true.
// fields.md is generated from generator/schema.yaml, and TestFieldsTopic fails when
// they differ (-args -update rewrites it), so the field reference cannot drift from
// the schema.
package help

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.md
var files embed.FS

// Topic names a help topic and says in one line what it covers.
type Topic struct {
	Name    string
	Summary string
}

// Topics returns every topic, sorted by name.
func Topics() []Topic {
	entries, _ := fs.ReadDir(files, ".") // sorted by name; the embedded folder always reads
	var topics []Topic
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok {
			continue
		}
		text, _ := Text(name)
		topics = append(topics, Topic{Name: name, Summary: summary(text)})
	}
	return topics
}

// Names returns the name of every topic, sorted.
func Names() []string {
	var names []string
	for _, t := range Topics() {
		names = append(names, t.Name)
	}
	return names
}

// Text returns the markdown of the topic called name, and whether there is one.
func Text(name string) (string, bool) {
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return "", false
	}
	data, err := files.ReadFile(name + ".md")
	if err != nil {
		return "", false
	}
	return string(data), true
}

// summary is the first line of a topic's text without its heading marks.
func summary(text string) string {
	line, _, _ := strings.Cut(strings.TrimLeft(text, "\n"), "\n")
	return strings.TrimSpace(strings.TrimLeft(line, "#"))
}
