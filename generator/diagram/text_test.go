package diagram

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// quadraticWrap is wrap as it was before it stopped at the first line past
// maxLines: the oracle for the lines wrap keeps.
func quadraticWrap(text string, width, maxLines int) []string {
	width = max(width, 4)
	words := strings.Fields(text)
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case cur == "" && utf8.RuneCountInString(w) > width:
			r := []rune(w)
			lines = append(lines, string(r[:width]))
			words[i] = string(r[width:])
			i--
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = ""
			i--
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := []rune(lines[maxLines-1])
	if len(last) >= width {
		last = last[:width-1]
	}
	lines[maxLines-1] = strings.TrimRight(string(last), " ") + "…"
	return lines
}

func TestWrapKeepsItsLines(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab cdé 名前  xyzÜ-")
	for range 20000 {
		r := make([]rune, rng.IntN(80))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text, width, maxLines := string(r), rng.IntN(20), 1+rng.IntN(3)
		if got, want := wrap(text, width, maxLines), quadraticWrap(text, width, maxLines); !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %d, %d) = %q, want %q", text, width, maxLines, got, want)
		}
	}
}

// A one-word label of a million characters (which took minutes to wrap when
// wrap cut the whole rest of the word for every line) keeps two lines.
func TestWrapLongWord(t *testing.T) {
	t.Parallel()
	lines := wrap(strings.Repeat("é", 1_000_000), 20, 2)
	if len(lines) != 2 || utf8.RuneCountInString(lines[1]) != 20 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("lines %q", lines)
	}
}

func BenchmarkWrapLongWord(b *testing.B) {
	word := strings.Repeat("é", 1_000_000)
	for b.Loop() {
		wrap(word, 20, 2)
	}
}
