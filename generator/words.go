package generator

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// plural returns a count with its noun: "1 blueprint", "3 dependencies".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// PluralWord returns the noun alone, in the form a count of n takes.
func PluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Elide joins items with sep, keeping a message bounded however many there
// are: past nine, the first five and the last two with "… N more" between.
func Elide(items []string, sep string) string {
	return ElideFunc(len(items), func(i int) string { return items[i] }, sep)
}

// ElideFunc is Elide over n items that item names, asking only for the ones it
// shows: a cycle through thousands of documents is described once per member.
func ElideFunc(n int, item func(i int) string, sep string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		if n > 9 && i == 5 {
			fmt.Fprintf(&b, "… %d more%s", n-7, sep)
			i = n - 2
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// Humanize turns a field name or an enum value into words, the one way every
// page writes them: "data_classification" → "Data classification",
// "mission-critical" → "Mission critical", "nfrs" → "NFRs" (acronyms).
func Humanize(s string) string {
	if h, ok := humanized.Load(s); ok {
		return h.(string)
	}
	h := humanize(s)
	if len(s) <= maxHumanizedLen && humanizedCount.Load() < maxHumanized {
		if _, had := humanized.LoadOrStore(strings.Clone(s), h); !had {
			humanizedCount.Add(1)
		}
	}
	return h
}

// humanized remembers what Humanize made of the values pages write by the
// hundred thousand (criticality, lifecycle, status: a few dozen words), each
// once: a large build otherwise spends half a second of CPU on the same few
// words. The first maxHumanized values of at most maxHumanizedLen bytes are
// kept, so that free text humanized by chance cannot grow it without end.
var (
	humanized      sync.Map // string → string
	humanizedCount atomic.Int32
)

const (
	maxHumanized    = 4096
	maxHumanizedLen = 64
)

func humanize(s string) string {
	s = withAcronyms(humanizer.Replace(s))
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// slugify makes a URL segment from a name: lower-case letters and digits joined by
// single hyphens; "x" when nothing is left.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// humanizer is Humanize's replacer; a Replacer is safe for concurrent use.
var humanizer = strings.NewReplacer("_", " ", "-", " ")

// MarkdownText escapes s for markdown that an importer or report writes, so
// that text from content is read as text: no emphasis, code, link, table cell
// or HTML.
func MarkdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
