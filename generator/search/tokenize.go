package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTermLen is the longest term indexed, in runes: longer words are hashes,
// keys or base64, which nobody types.
const maxTermLen = 40

// stopWords are English words too common to index. The manifest lists them so
// that the browser drops them from a query too.
var stopWords = []string{"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is",
	"it", "of", "on", "or", "that", "the", "this", "to", "with"}

// stopSet holds stopWords.
var stopSet = func() map[string]bool {
	set := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		set[w] = true
	}
	return set
}()

// isStop reports whether term is a stop word.
func isStop(term string) bool { return len(term) <= 4 && stopSet[term] }

// isCJK reports whether r is written without spaces between words (Han,
// Hiragana, Katakana, Hangul), so that its runs are indexed by bigram.
func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isWord reports whether r belongs to a word: a letter, a digit or a mark.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isJoiner reports whether r joins the parts of an identifier ("CRY-TLS-1",
// "ac-2.1", "snake_case") when it stands between two word runes.
func isJoiner(r rune) bool { return r == '-' || r == '.' || r == '_' }

// Terms calls emit with each term of s, in order, repeats included: s is
// lower-cased (Unicode), split on runes that are neither letters, digits nor
// marks, and each run of CJK runes gives its bigrams (or its one rune). A
// compound of parts joined by - . or _ ("CRY-TLS-1") gives the compound
// ("cry-tls-1") and then each part of two runes or more. Stop words and terms
// over maxTermLen runes are left out. search.js's terms function is the same
// rule in the browser; keep them equal.
func Terms(s string, emit func(term string)) { terms(s, true, emit) }

// Phrase returns the terms of s without the parts of compounds, joined by a
// space: a title's phrase is a term of its own, which a query whose phrase it
// is (or, as it is being typed, starts) finds first.
func Phrase(s string) string {
	var b strings.Builder
	terms(s, false, func(t string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	})
	return b.String()
}

func terms(s string, parts bool, emit func(term string)) {
	s = strings.ToLower(s)
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		switch {
		case isCJK(r):
			j := i + n
			for j < len(s) {
				r2, n2 := decodeRune(s[j:])
				if !isCJK(r2) {
					break
				}
				j += n2
			}
			cjkTerms(s[i:j], emit)
			i = j
		case isWord(r):
			j := compoundEnd(s, i)
			wordTerms(s[i:j], parts, emit)
			i = j
		default:
			i += n
		}
	}
}

// compoundEnd returns the end of the word or compound starting at i: word runes,
// and joiners each followed by a word rune. CJK runes end it.
func compoundEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := decodeRune(s[j:])
		if isWord(r) && !isCJK(r) {
			j += n
			continue
		}
		if isJoiner(r) && j+n < len(s) {
			if r2, _ := decodeRune(s[j+n:]); isWord(r2) && !isCJK(r2) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

// wordTerms emits a word, or a compound and its parts.
func wordTerms(w string, parts bool, emit func(string)) {
	keep(w, emit)
	if !parts || !strings.ContainsFunc(w, isJoiner) {
		return
	}
	for part := range strings.FieldsFuncSeq(w, isJoiner) {
		if utf8.RuneCountInString(part) >= 2 {
			keep(part, emit)
		}
	}
}

func keep(term string, emit func(string)) {
	if utf8.RuneCountInString(term) <= maxTermLen && !isStop(term) {
		emit(term)
	}
}

// cjkTerms emits the bigrams of a run of CJK runes, or the run itself when it
// is one rune.
func cjkTerms(run string, emit func(string)) {
	first, n := decodeRune(run)
	if n == len(run) {
		emit(string(first))
		return
	}
	start := 0
	for i := n; i < len(run); {
		_, size := decodeRune(run[i:])
		emit(run[start : i+size])
		start = i
		i += size
	}
}

// decodeRune is utf8.DecodeRuneInString with a fast path for ASCII, which
// most of a portfolio is.
func decodeRune(s string) (rune, int) {
	if c := s[0]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s)
}
