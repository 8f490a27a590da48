package mdext

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// lexSamples add, to formatSamples, text that takes lexers down their less
// common paths: a newline inside an unclosed string (the stack emptied back to
// the root state), lexers calling lexers (Go's function calls, templates,
// HTML's script and style, Markdown's fences), runes outside ASCII where a
// token starts, and text no rule expects.
var lexSamples = append(slices.Clone(formatSamples),
	"x := \"unclosed\ny := 'also\n",
	"f (a)\ng\t(b)\nh(c)\n",
	"<html><head><style>p { color: red }</style><script>let x = `a${b}`;</script></head><body onload=\"f()\">é</body></html>\n",
	"# Title\n\n```go\nfunc main() {}\n```\n\n* item <b>\n",
	"{{ if .Ok }}<p>{{ .Name | html }}</p>{{ end }}\n",
	"ñame := «quoted» — ½ 𝛑 名前\n€100\n",
	"\x00\x01\x7f ~~~ @@@ ))) ]]] }}} \\\\\\\n",
	"SELECT * FROM \"T\" WHERE x = $$body$$ AND y ~* 'z';\n",
	"resource \"x\" \"y\" {\n  v = <<EOT\nhere ${doc}\nEOT\n}\n",
	"key: >-\n  folded\n  text\nanchors: &a {b: *a}\n? complex\n: value\n",
)

// The tests hold archfolio's lexing to chroma's, so chroma's side must not
// depend on the clock either: chroma gives each rule a 250 ms match timeout,
// which a starved CI machine under the race detector could reach. reference
// gives, for a lexer, chroma's own lexer made again from its rules, registered
// with the copies of all the others (so that the lexers it calls by name are
// copies too) and with the timeouts lifted before anything runs them. Lexers
// that are not bare regular-expression lexers (Markdown, the template
// wrappers) are their own reference: chroma runs them, timed.
var (
	referencesOnce sync.Once
	references     map[chroma.Lexer]chroma.Lexer
)

func reference(l chroma.Lexer) chroma.Lexer {
	referencesOnce.Do(func() {
		references = map[chroma.Lexer]chroma.Lexer{}
		reg := chroma.NewLexerRegistry()
		for _, g := range append(slices.Clone(lexers.GlobalLexerRegistry.Lexers), lexers.Fallback) {
			rl, ok := g.(*chroma.RegexLexer)
			if !ok {
				continue
			}
			if c, compiled := untimedCopy(rl, func(c *chroma.RegexLexer) { reg.Register(c) }); compiled != nil {
				references[g] = c
			}
		}
	})
	if c, ok := references[l]; ok {
		return c
	}
	return l
}

// TestRuleLexerIsChromas holds archfolio's run of a lexer's rules to chroma's
// own: the same tokens, one by one (not coalesced), for every lexer chroma has
// on every sample, through the guard that ends a stalled lexer's tokens, which
// both get; and the filter skips rules (else it would hold nothing).
func TestRuleLexerIsChromas(t *testing.T) {
	t.Parallel()
	compared, run := 0, 0
	for _, l := range append(slices.Clone(lexers.GlobalLexerRegistry.Lexers), lexers.Fallback) {
		name := l.Config().Name
		table := rulesOf(l)
		if table == nil || table.states == nil {
			continue // chroma runs it
		}
		run++
		for _, code := range lexSamples {
			want := tokensOf(t, &guardedLexer{Lexer: reference(l)}, code)
			rl := table.ruleLexer(false)
			got := tokensOf(t, &guardedLexer{Lexer: rl}, code)
			if !slices.Equal(got, want) {
				t.Fatalf("%s on %q:\n got %v\nwant %v", name, code, got, want)
			}
			if rl.stalled {
				t.Errorf("%s on %q: stalled where chroma's run ended", name, code)
			}
			compared++
		}
	}
	if run < 200 || compared < run*len(lexSamples) {
		t.Fatalf("ran %d lexers on %d samples: fewer than expected", run, compared)
	}
	filtered := 0
	for _, rules := range rulesOf(lexers.Get("go")).states {
		for _, r := range rules {
			if r.first != nil {
				filtered++
			}
		}
	}
	if filtered < 20 {
		t.Errorf("go: %d rules have a first-rune filter, want most of its 30", filtered)
	}
	// The lexers whose rules hold functions are run by chroma; the others,
	// Go's function-call and raw-string rules included, by archfolio.
	for lang, chromas := range map[string]bool{"go": false, "yaml": false, "hcl": false, "bash": false, "luau": false, "raku": true, "haxe": true, "rst": true} {
		if table := rulesOf(lexers.Get(lang)); (table.states == nil) != chromas || (table.serial != nil) != chromas {
			t.Errorf("%s: run by chroma %v, one block at a time %v; want %v", lang, table.states == nil, table.serial != nil, chromas)
		}
	}
}

func tokensOf(t *testing.T, l chroma.Lexer, code string) []chroma.Token {
	t.Helper()
	var tokens []chroma.Token
	func() {
		defer func() {
			if r := recover(); r != nil {
				tokens = append(tokens, chroma.Token{Type: chroma.Error, Value: "panic"})
			}
		}()
		it, err := l.Tokenise(nil, code)
		if err != nil {
			tokens = append(tokens, chroma.Token{Type: chroma.Error, Value: err.Error()})
			return
		}
		for tok := it(); tok != chroma.EOF; tok = it() {
			tokens = append(tokens, tok)
		}
	}()
	return tokens
}

// archfolio reads a match where regexp2 keeps it, so the paths chroma's own
// lexers take seldom are held to chroma's here: a rule giving Ignore tokens
// (dropped, by chroma and by archfolio's plain rules alike), groups by name and
// by sparse explicit numbers (regexp2 orders its capture slots, and chroma its
// groups, by number first and names after), a group that takes no part, and
// an empty match that changes state.
func TestRuleLexerReadsMatchesAsChromaDoes(t *testing.T) {
	t.Parallel()
	l := chroma.MustNewLexer(&chroma.Config{Name: "groups"}, func() chroma.Rules {
		return chroma.Rules{
			"root": {
				{Pattern: `\s+`, Type: chroma.Ignore},
				{Pattern: `(?<key>[a-z]+)(=)(?<7>\d+)?(;)?`, Type: chroma.ByGroups(chroma.Operator, chroma.Punctuation, chroma.LiteralNumber, chroma.NameAttribute)},
				{Pattern: `(#)(\w*)`, Type: chroma.ByGroups(chroma.Comment, chroma.Ignore)},
				{Pattern: `(?=")`, Mutator: chroma.Push("string")},
				{Pattern: `[^"\sa-z#]+`, Type: chroma.Text},
			},
			"string": {
				{Pattern: `"[^"\n]*"?`, Type: chroma.LiteralString, Mutator: chroma.Pop(1)},
			},
		}
	})
	table := rulesOf(l)
	if table == nil || table.states == nil {
		t.Fatal("archfolio does not run the test lexer's rules")
	}
	for _, code := range []string{"a=1; b= c=22 #x\n", "\"s\" q=; #\n", "  x=7;  ", "é=1 \"open\n"} {
		want := tokensOf(t, l, code)
		got := tokensOf(t, table.ruleLexer(false), code)
		if !slices.Equal(got, want) {
			t.Errorf("on %q:\n got %v\nwant %v", code, got, want)
		}
		if slices.ContainsFunc(got, func(tok chroma.Token) bool { return tok.Type == chroma.Ignore }) {
			t.Errorf("on %q: Ignore tokens given: %v", code, got)
		}
	}
}

// leftPlain checks that tokenise gives up on code with lexer, and leaves its
// buffer as it was, within 30 seconds: a lexer's loop left unguarded would
// never return.
func leftPlain(t *testing.T, lexer chroma.Lexer, code string) {
	t.Helper()
	done := make(chan string)
	go func() {
		b := bytes.NewBufferString("before ")
		if tokenise(b, lexer, code) {
			done <- "highlighted: " + b.String()
			return
		}
		done <- b.String()
	}()
	select {
	case got := <-done:
		if got != "before " {
			t.Errorf("got %q, want tokenise to fail and leave the buffer as it was", got)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("tokenise did not return: the lexer's loop is not guarded")
	}
}

// A lexer whose rules go round without moving and without a token (a rule
// matching the empty string pushes a state whose rule matches it and pops)
// never returns from chroma's loop; archfolio's ends it, and the block is
// shown as written.
func TestALexerGoingRoundWithoutTokensLeavesTheBlockPlain(t *testing.T) {
	t.Parallel()
	roundabout := chroma.MustNewLexer(&chroma.Config{Name: "roundabout"}, func() chroma.Rules {
		return chroma.Rules{
			"root":  {{Pattern: `a`, Type: chroma.Name}, {Pattern: ``, Mutator: chroma.Push("there")}},
			"there": {{Pattern: ``, Mutator: chroma.Pop(1)}},
		}
	})
	leftPlain(t, roundabout, "ab")
	var b bytes.Buffer
	NewHighlighter().highlight(&b, "go", "a <b>\n")
	if !strings.Contains(b.String(), `<span class="nx">a</span>`) {
		t.Errorf("go after the roundabout: got %q, want it highlighted", b.String())
	}
}

// A lexer that another lexer's rule calls through its registry (chroma's Using)
// runs in archfolio's loop too: when it goes round without moving, the block
// that called it is shown as written, where chroma's loop would never return.
func TestANestedLexerGoingRoundLeavesTheBlockPlain(t *testing.T) {
	t.Parallel()
	reg := chroma.NewLexerRegistry()
	reg.Register(chroma.MustNewLexer(&chroma.Config{Name: "nested-roundabout"}, func() chroma.Rules {
		return chroma.Rules{
			"root":  {{Pattern: `[<>]`, Type: chroma.Punctuation}, {Pattern: `a`, Type: chroma.Name}, {Pattern: ``, Mutator: chroma.Push("there")}},
			"there": {{Pattern: ``, Mutator: chroma.Pop(1)}},
		}
	}))
	outer := reg.Register(chroma.MustNewLexer(&chroma.Config{Name: "outer"}, func() chroma.Rules {
		return chroma.Rules{"root": {
			{Pattern: `<[^>]*>`, Type: chroma.Using("nested-roundabout")},
			{Pattern: `[^<]+`, Type: chroma.Text},
		}}
	}))
	if table := rulesOf(outer); table == nil || table.states == nil {
		t.Fatal("archfolio does not run the outer lexer's rules")
	}
	leftPlain(t, outer, "x <b> y\n")
	var b bytes.Buffer
	if !tokenise(&b, outer, "x <a> y\n") || !strings.Contains(b.String(), `<span class="n">a</span>`) {
		t.Errorf("a block whose nested text moves on: got %q, want it highlighted", b.String())
	}
}

// A lexing asked to start in another state (a nested lexing, as chroma's
// Using emitters may ask) goes back to that state, not to root, at a newline no
// rule matches, as chroma's loop does.
func TestRuleLexerStartsAgainInItsOwnState(t *testing.T) {
	t.Parallel()
	l := chroma.MustNewLexer(&chroma.Config{Name: "states"}, func() chroma.Rules {
		return chroma.Rules{
			"root":   {{Pattern: `[a-z]+`, Type: chroma.Keyword}, {Pattern: `\s+`, Type: chroma.Text}},
			"inner":  {{Pattern: `[a-z]+`, Type: chroma.Name}, {Pattern: `"`, Type: chroma.Punctuation, Mutator: chroma.Push("string")}, {Pattern: ` `, Type: chroma.Text}},
			"string": {{Pattern: `[^"\n]+`, Type: chroma.LiteralString}, {Pattern: `"`, Type: chroma.Punctuation, Mutator: chroma.Pop(1)}},
		}
	})
	table := rulesOf(l)
	if table == nil || table.states == nil {
		t.Fatal("archfolio does not run the test lexer's rules")
	}
	opts := func() *chroma.TokeniseOptions { return &chroma.TokeniseOptions{State: "inner", Nested: true} }
	for _, code := range []string{"a \"open\nb c", "x\ny \"s\" z\n"} {
		var want, got []chroma.Token
		for _, run := range []struct {
			lexer chroma.Lexer
			out   *[]chroma.Token
		}{{l, &want}, {table.ruleLexer(true), &got}} {
			it, err := run.lexer.Tokenise(opts(), code)
			if err != nil {
				t.Fatal(err)
			}
			for tok := it(); tok != chroma.EOF; tok = it() {
				*run.out = append(*run.out, tok)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("on %q:\n got %v\nwant %v", code, got, want)
		}
	}
}

// archfolio never writes chroma's compiled rules: it takes a lexer up (its
// own untimed copy) while chroma runs the same lexer elsewhere (a lexer another
// calls, a test), and the race detector finds nothing; when rulesOf wrote
// chroma's match timeouts, it found the write.
func TestTakingALexerUpLeavesChromasRulesAlone(t *testing.T) {
	t.Parallel()
	l := chroma.MustNewLexer(&chroma.Config{Name: "fresh"}, func() chroma.Rules {
		return chroma.Rules{"root": {{Pattern: `[a-z]+`, Type: chroma.Name}, {Pattern: `\s+`, Type: chroma.Text}}}
	})
	const code = "alpha beta gamma\n"
	want := tokensOf(t, l, code) // chroma compiles its rules
	stop, running := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				tokensOf(t, l, code)
			}
			if i == 0 {
				close(running)
			}
		}
	})
	<-running
	table := rulesOf(l)
	close(stop)
	wg.Wait()
	if table == nil || table.states == nil {
		t.Fatal("archfolio does not run the fresh lexer's rules")
	}
	if got := tokensOf(t, table.ruleLexer(false), code); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for _, r := range compiledRules(l)["root"] {
		if r.Regexp.MatchTimeout != 250*time.Millisecond {
			t.Errorf("chroma's rule %q times out after %v: archfolio wrote it", r.Pattern, r.Regexp.MatchTimeout)
		}
	}
}

// Raku's lexer rewrites chroma's shared compiled rules while it lexes, so two
// Raku blocks lexed at once raced (the race detector says so, and a block could
// come out lexed by the other's rules); archfolio lexes them one at a time.
func TestBlocksOfALexerThatRewritesItsRulesAreLexedOneAtATime(t *testing.T) {
	t.Parallel()
	const code = "my $s = q{braces {nested}};\nmy @a = <a b c>;\nsay qq[x $s];\nmy $r = rx/ \\d+ /;\n"
	h := NewHighlighter()
	var want bytes.Buffer
	h.highlight(&want, "raku", code)
	if !strings.Contains(want.String(), `class="`) {
		t.Fatalf("raku not highlighted: %s", want.String())
	}
	got := make([]string, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			for range 20 {
				var b bytes.Buffer
				h.highlight(&b, "raku", code)
				if b.String() != want.String() {
					got[i] = b.String()
					return
				}
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != "" {
			t.Errorf("goroutine %d: got\n%s\nwant\n%s", i, g, want.String())
		}
	}
}

// fuzzLexers are the lexers FuzzRuleLexerIsChromas tries: the languages
// portfolios hold, and a few whose rules lean on what the first-rune filter
// reads (empty matches, lookaround, non-ASCII classes, states pushed and
// popped).
var fuzzLexers = []string{"go", "yaml", "hcl", "json", "bash", "python", "sql", "rego", "html", "markdown", "typescript", "java", "docker", "toml", "xml", "css", "rust", "c"}

// FuzzRuleLexerIsChromas holds archfolio's run of a lexer's rules to chroma's
// on any text (go test -fuzz FuzzRuleLexerIsChromas ./generator/mdext).
func FuzzRuleLexerIsChromas(f *testing.F) {
	for i, code := range lexSamples {
		f.Add(uint8(i), code)
	}
	f.Fuzz(func(t *testing.T, which uint8, code string) {
		l := lexers.Get(fuzzLexers[int(which)%len(fuzzLexers)])
		table := rulesOf(l)
		if table == nil || table.states == nil {
			return
		}
		want := tokensOf(t, &guardedLexer{Lexer: reference(l)}, code)
		rl := table.ruleLexer(false)
		if got := tokensOf(t, &guardedLexer{Lexer: rl}, code); !slices.Equal(got, want) {
			t.Fatalf("%s on %q:\n got %v\nwant %v", l.Config().Name, code, got, want)
		}
	})
}
