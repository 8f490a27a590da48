package search

import (
	"slices"
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

// stopKeys holds stopWords packed (stopKey), sorted: a term's test is a few
// integer comparisons, not a map lookup, as it is made for every word indexed.
var stopKeys = func() []uint32 {
	keys := make([]uint32, len(stopWords))
	for i, w := range stopWords {
		keys[i] = stopKey(w)
	}
	slices.Sort(keys)
	return keys
}()

// stopKey packs a term of at most four bytes into an integer, its bytes in
// order; no byte of a term is 0, so no two terms pack alike.
func stopKey(term string) uint32 {
	var k uint32
	for i := range 4 {
		k <<= 8
		if i < len(term) {
			k |= uint32(term[i])
		}
	}
	return k
}

// isStop reports whether term is a stop word.
func isStop(term string) bool {
	if len(term) > 4 {
		return false
	}
	_, found := slices.BinarySearch(stopKeys, stopKey(term))
	return found
}

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
// ("cry-tls-1") and then each part of two runes or more; a term with accented
// Latin letters is followed by its fold ("zürich", "zurich"). Stop words and
// terms over maxTermLen runes are left out.
func Terms(s string, emit func(term string)) { terms(s, true, emit) }

// Phrase returns the terms of s without the parts of compounds and without
// folds, joined by a space: a title's phrase is a term of its own, which a
// query whose phrase it is (or, as it is being typed, starts) finds first.
// search.js's terms function splits a query as Phrase does (a query needs
// neither parts nor folds: the index has both); keep them equal.
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

// terms is Terms (index) or Phrase's terms: without compounds' parts and folds.
// Words are found in s as written and lower-cased one by one (a word's runes
// are word runes in either case, so the words are the same), which copies only
// the words that have capitals instead of the whole text.
func terms(s string, index bool, emit func(term string)) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && asciiClasses[c] != asciiWord { // most of a portfolio
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		switch {
		case isCJK(r):
			j := cjkEnd(s, i+n)
			cjkTerms(s[i:j], emit)
			i = j
		case isWord(r):
			j, joined := compoundEnd(s, i)
			wordTerms(strings.ToLower(s[i:j]), joined, index, emit)
			i = j
		default:
			i += n
		}
	}
}

// The classes of ASCII bytes: asciiWord for a letter or a digit (isWord),
// asciiJoiner for a joiner (isJoiner, which only ASCII runes are).
const (
	asciiOther = iota
	asciiWord
	asciiJoiner
)

var asciiClasses = func() (classes [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case isWord(c):
			classes[c] = asciiWord
		case isJoiner(c):
			classes[c] = asciiJoiner
		}
	}
	return classes
}()

// compoundEnd returns the end of the word or compound starting at i: word runes,
// and joiners each followed by a word rune. CJK runes end it. joined reports
// whether it has a joiner (is a compound).
func compoundEnd(s string, i int) (end int, joined bool) {
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			switch asciiClasses[c] {
			case asciiWord:
				j++
				continue
			case asciiJoiner:
				if j+1 < len(s) && wordStarts(s[j+1:]) {
					j, joined = j+1, true
					continue
				}
			}
			return j, joined
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWord(r) || isCJK(r) {
			return j, joined
		}
		j += n
	}
	return j, joined
}

// cjkEnd returns the end of the run of CJK runes that goes on at i.
func cjkEnd(s string, i int) int {
	for i < len(s) {
		r, n := decodeRune(s[i:])
		if !isCJK(r) {
			break
		}
		i += n
	}
	return i
}

// wordStarts reports whether s starts with a word rune that is not CJK.
func wordStarts(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return asciiClasses[c] == asciiWord
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWord(r) && !isCJK(r)
}

// wordTerms emits a word, or a compound (joined) and its parts.
func wordTerms(w string, joined, index bool, emit func(string)) {
	keep(w, index, emit)
	if !index || !joined {
		return
	}
	for part := range strings.FieldsFuncSeq(w, isJoiner) {
		if utf8.RuneCountInString(part) >= 2 {
			keep(part, index, emit)
		}
	}
}

// keep emits term unless it is a stop word or too long; for the index, also
// its fold when that differs.
func keep(term string, index bool, emit func(string)) {
	if (len(term) <= maxTermLen || utf8.RuneCountInString(term) <= maxTermLen) && !isStop(term) {
		emit(term)
		if !index {
			return
		}
		if folded := fold(term); folded != term {
			emit(folded)
		}
	}
}

// latinFolds maps the lower-case letters of Latin-1 and Latin Extended-A,
// from U+00DF, to their letters without accents ("" for a letter that has none).
var latinFolds = [...]string{
	"ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // ß à-ï
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", // ð-ÿ
}

// latinExtA folds U+0100 to U+017F, a letter each (upper and lower case
// alternate; ĳ and œ, two letters each, are the fold function's own cases).
const latinExtA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"

// fold returns term with the accents of Latin letters taken off ("zürich" →
// "zurich"), so that a query typed without them finds the word: the index
// holds a word with accents twice, as written and folded. Other scripts stay
// as they are.
func fold(term string) string {
	var b []byte
	for i, r := range term {
		var f string
		switch {
		case r < 0xDF || r > 0x17F || r == 0xF7:
			if b != nil {
				b = utf8.AppendRune(b, r)
			}
			continue
		case r < 0x100:
			f = latinFolds[r-0xDF]
		case r == 0x132 || r == 0x133:
			f = "ij"
		case r == 0x152 || r == 0x153:
			f = "oe"
		default:
			f = latinExtA[r-0x100 : r-0x100+1]
		}
		if b == nil {
			b = append(make([]byte, 0, len(term)), term[:i]...)
		}
		b = append(b, f...)
	}
	if b == nil {
		return term
	}
	return string(b)
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
