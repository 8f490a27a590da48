package help

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestEveryTopicRenders(t *testing.T) {
	topics := Topics()
	if len(topics) < 10 {
		t.Fatalf("only %d topics: %v", len(topics), topics)
	}
	files, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(topics) {
		t.Errorf("%d markdown files in the folder, %d topics embedded", len(files), len(topics))
	}
	for _, topic := range topics {
		text, ok := Text(topic.Name)
		if !ok {
			t.Errorf("topic %s is listed but has no text", topic.Name)
			continue
		}
		if !strings.HasSuffix(text, "\n") {
			t.Errorf("topic %s: want a text that ends with a newline", topic.Name)
		}
		if topic.Summary == "" || strings.Contains(topic.Summary, "#") {
			t.Errorf("topic %s: summary %q", topic.Name, topic.Summary)
		}
		if strings.Count(text, "```")%2 != 0 {
			t.Errorf("topic %s: a code fence is not closed", topic.Name)
		}
	}
}

func TestTextRefusesWhatIsNotATopic(t *testing.T) {
	for _, name := range []string{"", "nosuchtopic", "matrix.md", "../help", "./cli", "MATRIX"} {
		if _, ok := Text(name); ok {
			t.Errorf("Text(%q) found a topic", name)
		}
	}
	if text, ok := Text("matrix"); !ok || !strings.Contains(text, "applies_to") {
		t.Errorf("Text(matrix) = %.40q, %v", text, ok)
	}
}

// codePath finds the repository paths (files, folders, globs) in a topic's "The
// code:" paragraph.
var codePath = regexp.MustCompile(`(?:generator|cmd|themes)/[A-Za-z0-9_*./-]*[A-Za-z0-9_*]`)

// TestTopicsNameCodeThatExists keeps each topic's pointer to its code true: every
// path in its "The code:" paragraph must match a file or folder of the repository.
func TestTopicsNameCodeThatExists(t *testing.T) {
	for _, topic := range Topics() {
		text, _ := Text(topic.Name)
		_, code, ok := strings.Cut(text, "\nThe code: ")
		if !ok {
			if topic.Name != "fields" && topic.Name != "codes" {
				t.Errorf("topic %s has no \"The code:\" paragraph", topic.Name)
			}
			continue
		}
		code, _, _ = strings.Cut(code, "\n\n")
		paths := codePath.FindAllString(code, -1)
		if len(paths) == 0 {
			t.Errorf("topic %s: \"The code:\" names no path", topic.Name)
		}
		for _, p := range paths {
			if m, _ := filepath.Glob(filepath.Join("..", "..", p)); len(m) == 0 {
				t.Errorf("topic %s names %s, which matches nothing in the repository", topic.Name, p)
			}
		}
	}
}

// helpRef finds the help topics a text sends its reader to: "archfolio help TOPIC"
// and links to generator/help/TOPIC.md (or TOPIC.md from inside this folder).
var helpRef = regexp.MustCompile("archfolio help `?([a-z][a-z-]*)|\\(((?:generator/help/)?)([a-z][a-z-]*)\\.md\\)")

func referencedTopics(text string, fromHelp bool) []string {
	var names []string
	for _, m := range helpRef.FindAllStringSubmatch(text, -1) {
		switch {
		case m[1] != "":
			names = append(names, m[1])
		case m[2] != "" || fromHelp:
			names = append(names, m[3])
		}
	}
	return names
}

// TestTopicsReferToTopics checks that the topics' mentions of each other name
// topics that exist.
func TestTopicsReferToTopics(t *testing.T) {
	for _, topic := range Topics() {
		text, _ := Text(topic.Name)
		for _, name := range referencedTopics(text, true) {
			if _, ok := Text(name); !ok {
				t.Errorf("topic %s refers to help topic %q, which does not exist", topic.Name, name)
			}
		}
	}
}

func TestReferencedTopicsFindsMentionsAndLinks(t *testing.T) {
	got := referencedTopics("see `archfolio help matrix` and [CSV](generator/help/csv.md), not [x](docs/other.md); archfolio help TOPIC", false)
	if strings.Join(got, ",") != "matrix,csv" {
		t.Errorf("got %v, want [matrix csv]", got)
	}
}

// TestReadmeRefersToTopics checks that the README's links to help topics and its
// mentions of "archfolio help TOPIC" name topics that exist.
func TestReadmeRefersToTopics(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := referencedTopics(string(readme), false)
	if len(names) < 8 {
		t.Errorf("README.md sends its reader to only %d help topics: %v", len(names), names)
	}
	for _, name := range names {
		if _, ok := Text(name); !ok {
			t.Errorf("README.md refers to help topic %q, which does not exist", name)
		}
	}
}
