package mdext

import (
	"errors"
	"math"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// A chroma regular-expression lexer finds each token by trying its state's
// rules in order until one matches where the last token ended, and the rule
// most tokens need (a name, say) is often the last of thirty: in a build that
// highlights, most of the time went to regular expressions failing on their
// first character. archfolio runs a lexer's rules itself (ruleLexer), with
// chroma's mutators and emitters and its own copy of chroma's compiled rules
// (rulesOf), in chroma's loop, but
// skips a rule when the rune at the position cannot start a match of it: the
// set of runes that can is regexp2's own analysis of the pattern (the one its
// unanchored search relies on). The tokens are chroma's, token for token
// (TestRuleLexerIsChromas, for every lexer chroma has), in about half the time
// (BenchmarkHighlight).
//
// Running the loop also lets archfolio end a lexer that goes round its rules
// without moving and without a token (a rule that matches the empty string and
// pushes a state whose rule matches it and pops): chroma's loop would never
// return. Such a lexer stalls, as one giving empty tokens without end does
// (guardedLexer), and its block is shown as written. A lexer that another
// lexer's rule calls by name (chroma's Using and UsingByGroup: HTML's script
// and style) runs in archfolio's loop too, through a registry of wrapped
// lexers (nestedRegistry), and its stall leaves the calling block as written;
// a lexer calling itself in another state (UsingSelf) does so in chroma's loop
// on archfolio's copy of its rules, unfiltered and unguarded but untimed; one
// calling a lexer it holds (UsingLexer), and a lexer chroma runs whole (one
// that is not a bare regular-expression lexer: Markdown, chroma's wrappers of
// template languages such as PHTML, ERB or Svelte), call past the registry
// into chroma's own loop and rules, unfiltered, unguarded and timed, so such a
// block can come out differently on a starved CPU.
//
// A lexer whose rules hold functions of their own (an EmitterFunc, a
// MutatorFunc: Raku, Haxe, reStructuredText) is run by chroma, on archfolio's
// copy, since a function may read what archfolio's loop does not fill (a
// state's named groups) or change the rules as it goes: Raku rewrites its
// compiled rules while it lexes, so its blocks are lexed one at a time
// (chroma's own data race, two Raku blocks at once). Called by another lexer,
// such a lexer runs in chroma's own loop and rules.

// lexerRules holds, per chroma lexer, how archfolio runs it. Lexers are
// chroma's process-wide values, so this is process-wide too.
var lexerRules sync.Map // *chroma.RegexLexer → *ruleTable

// A ruleTable is how archfolio runs a regular-expression lexer: by its rules,
// state by state, each with the runes its match can start with (states), or
// by chroma, one block at a time when its rules hold functions (serial).
// Either way it runs archfolio's own copy of the lexer (lexer): chroma's rules
// compiled again, without match timeouts, never shared with chroma.
type ruleTable struct {
	once     sync.Once
	lexer    *chroma.RegexLexer     // archfolio's copy of the lexer
	compiled chroma.CompiledRules   // lexer's compiled rules, the map its LexerState holds
	registry *chroma.LexerRegistry  // where the lexer's emitters find the lexers they call (nestedRegistry)
	states   map[string][]firstRule // nil: chroma runs the lexer
	serial   *sync.Mutex            // held while chroma runs a lexer whose rules hold functions
}

// firstRule is a compiled rule, the runes a match of it can start with, and
// what archfolio needs to read a match of it without chroma's help.
type firstRule struct {
	*chroma.CompiledRule
	first *syntax.CharSet // nil: any rune, or none (a match may be empty)
	// groups are the rule's group numbers in the order of regexp2's Groups
	// (its capture slots), which is the order of chroma's LexerState.Groups.
	groups []int
	// token is the rule's token type when its emitter is one (most rules): its
	// token is the whole match, given without an emitter or the groups.
	token chroma.TokenType
	plain bool
}

func newFirstRule(r *chroma.CompiledRule) firstRule {
	f := firstRule{CompiledRule: r, first: firstRunes(r.Regexp.String()), groups: r.Regexp.GetGroupNumbers()}
	f.token, f.plain = r.Type.(chroma.TokenType)
	return f
}

// rulesOf returns how archfolio runs l, or nil when l is not a
// regular-expression lexer or its compiled rules or registry are out of reach
// (a chroma upgrade that renames them: TestLexersAreUntimed fails); with nil,
// or a table without states, chroma runs l.
//
// The table's lexer is a copy of l made from l's rules, whose compiled rules
// have no match timeout. chroma gives every rule a 250 ms wall-clock timeout
// and silently skips a rule that times out, so a block highlighted on a
// starved CPU (a loaded CI machine, the race detector) came out differently,
// and two builds of the same input were not byte-identical. The timeouts are
// lifted on the copy before anything can run it; writing them on chroma's own
// rules raced with chroma running l elsewhere (a lexer another calls, a test).
// chroma keeps the compiled rules and the registry in unexported fields; this
// is the one place archfolio reaches into them.
func rulesOf(l chroma.Lexer) *ruleTable {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return nil
	}
	v, ok := lexerRules.Load(rl)
	if !ok { // once per lexer: a table is not made for every block
		v, _ = lexerRules.LoadOrStore(rl, new(ruleTable))
	}
	t := v.(*ruleTable)
	t.once.Do(func() {
		g := reflect.ValueOf(rl).Elem().FieldByName("registry")
		if !g.IsValid() || g.Type() != reflect.TypeFor[*chroma.LexerRegistry]() {
			return
		}
		registry := nestedRegistry(*(**chroma.LexerRegistry)(unsafe.Pointer(g.UnsafeAddr())))
		own, compiled := untimedCopy(rl, func(c *chroma.RegexLexer) { c.SetRegistry(registry) })
		if compiled == nil {
			return
		}
		states := make(map[string][]firstRule, len(compiled))
		for state, rules := range compiled {
			for _, r := range rules {
				states[state] = append(states[state], newFirstRule(r))
				if holdsFunctions(reflect.ValueOf(r.Type)) || holdsFunctions(reflect.ValueOf(r.Mutator)) {
					t.serial = new(sync.Mutex)
				}
			}
		}
		t.lexer, t.compiled, t.registry = own, compiled, registry
		if t.serial == nil {
			t.states = states
		}
	})
	if t.compiled == nil {
		return nil
	}
	return t
}

// untimedCopy makes a lexer of rl's rules, lets register give it a registry,
// compiles it and lifts every rule's match timeout before anything can run it.
// It returns the copy and its compiled rules, or nil rules when rl's cannot be
// had or compiled.
func untimedCopy(rl *chroma.RegexLexer, register func(*chroma.RegexLexer)) (*chroma.RegexLexer, chroma.CompiledRules) {
	raw, err := rl.Rules()
	if err != nil {
		return nil, nil
	}
	c, err := chroma.NewLexer(rl.Config(), func() chroma.Rules { return raw })
	if err != nil {
		return nil, nil
	}
	register(c)
	compiled := compiledRules(c)
	for _, rules := range compiled {
		for _, r := range rules {
			if r.Regexp == nil {
				return nil, nil
			}
			r.Regexp.MatchTimeout = time.Duration(math.MaxInt64) // regexp2's "never"
		}
	}
	return c, compiled
}

// compiledRules compiles l's rules and returns them, or nil when they cannot
// be compiled or reached.
func compiledRules(l *chroma.RegexLexer) chroma.CompiledRules {
	if _, err := l.Rules(); err != nil { // compiles the rules
		return nil
	}
	f := reflect.ValueOf(l).Elem().FieldByName("rules")
	if !f.IsValid() || f.Type() != reflect.TypeFor[map[string][]*chroma.CompiledRule]() {
		return nil
	}
	return *(*map[string][]*chroma.CompiledRule)(unsafe.Pointer(f.UnsafeAddr()))
}

// ruleLexer returns a lexer running t's rules in archfolio's loop; nested: for
// the text another lexer's rule gives it.
func (t *ruleTable) ruleLexer(nested bool) *ruleLexer {
	return &ruleLexer{RegexLexer: t.lexer, rules: t, nested: nested}
}

// holdsFunctions reports whether v, a rule's emitter or mutator, is or holds a
// function (an EmitterFunc, a MutatorFunc) other than the emitters
// chroma.UsingLexer makes (known by their function's name, which is the
// caller's where UsingLexer was inlined) or a function inside a lexer: those
// lex text from a state of their own and never look at this one.
func holdsFunctions(v reflect.Value) bool {
	if !v.IsValid() || v.Type().Implements(reflect.TypeFor[chroma.Lexer]()) {
		return false
	}
	switch v.Kind() {
	case reflect.Func:
		return !v.IsNil() && !strings.Contains(runtime.FuncForPC(v.Pointer()).Name(), ".UsingLexer.func")
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && holdsFunctions(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if holdsFunctions(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if holdsFunctions(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if holdsFunctions(it.Value()) {
				return true
			}
		}
	}
	return false
}

// firstRunes returns the runes a match of pattern, compiled as chroma compiles
// it, can start with, or nil when any can, a match can be empty, or the set is
// kept in one case only (a case-insensitive pattern: regexp2 folds the rune
// before it looks).
func firstRunes(pattern string) *syntax.CharSet {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil {
		return nil
	}
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil || code.FcPrefix.CaseInsensitive {
		return nil
	}
	code.PrepareCharSetASCIIBitmaps()
	return &code.FcPrefix.PrefixSet
}

// ruleLexer runs a regular-expression lexer's rules as chroma's LexerState
// does (see the top of this file): a block's tokens, or (nested) the tokens of
// the text another lexer's rule gives it.
type ruleLexer struct {
	*chroma.RegexLexer
	rules *ruleTable
	// nested: the lexer was called by another lexer's rule (through the
	// registry nestedRegistry makes), whose block must be left plain when this
	// one stalls: a stall panics (errStalled), which tokenise recovers from.
	nested  bool
	stalled bool // the rules went round maxIdle times without moving or a token
}

// errStalled is the panic of a nested lexer that stalled.
var errStalled = errors.New("a nested lexer went round its rules without moving")

// maxIdle is how many times in a row a lexer may go round its rules without
// moving and without a token before it is taken to have stalled. A lexer
// moving on does it a handful of times: a rule matching the empty string to
// change state.
const maxIdle = 1000

// Tokenise implements chroma.Lexer, as chroma's RegexLexer.Tokenise does.
func (r *ruleLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if opts == nil {
		// chroma's defaults: from the root state, every CR or CRLF made LF,
		// and a final LF added if the lexer asks for one (and not tokenised).
		opts = &chroma.TokeniseOptions{State: "root", EnsureLF: true}
	}
	if opts.EnsureLF && strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	added := false
	if !opts.Nested && r.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		added = true
	}
	it := &ruleIterator{lexer: r, state: chroma.LexerState{
		Lexer:          r.RegexLexer,
		Registry:       r.rules.registry,
		Text:           []rune(text),
		Stack:          []string{opts.State},
		Rules:          r.rules.compiled,
		MutatorContext: map[any]any{},
	}, from: opts.State}
	it.end = len(it.state.Text)
	if added {
		it.end--
	}
	return it.next, nil
}

// A lexer's rule calls another lexer through its state's registry (chroma's
// Using and UsingByGroup emitters: HTML's script and style). archfolio's loop
// gives the state a registry of its own, the lexers of the lexer's registry
// each wrapped (nestedLexer), so that the called lexer runs in archfolio's loop
// too, filtered and guarded. A lexer that calls itself (UsingSelf) or a lexer it
// holds (UsingLexer) does so past the registry, in chroma's loop; and a lexer
// archfolio does not run itself (Markdown, chroma's wrappers of template
// languages such as PHTML, ERB or Svelte) calls through chroma's own registry.
var nestedRegistries sync.Map // *chroma.LexerRegistry → *wrappedRegistry

type wrappedRegistry struct {
	from     int // how many lexers the wrapped registry had
	registry *chroma.LexerRegistry
}

// nestedRegistry returns reg with each of its lexers wrapped, made again when
// lexers were registered in reg since.
func nestedRegistry(reg *chroma.LexerRegistry) *chroma.LexerRegistry {
	if reg == nil {
		return nil
	}
	if w, ok := nestedRegistries.Load(reg); ok && w.(*wrappedRegistry).from == len(reg.Lexers) {
		return w.(*wrappedRegistry).registry
	}
	w := &wrappedRegistry{from: len(reg.Lexers), registry: chroma.NewLexerRegistry()}
	for _, l := range reg.Lexers {
		w.registry.Register(nestedLexer{l})
	}
	nestedRegistries.Store(reg, w)
	return w.registry
}

// nestedLexer is a lexer another lexer's rule calls: archfolio's loop runs its
// rules when it can, else chroma does.
type nestedLexer struct{ chroma.Lexer }

// SetRegistry keeps the wrapped lexer's registry (chroma.LexerRegistry.Register
// sets it).
func (n nestedLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return n }

func (n nestedLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if t := rulesOf(n.Lexer); t != nil && t.states != nil {
		return t.ruleLexer(true).Tokenise(opts, text)
	}
	return n.Lexer.Tokenise(opts, text)
}

// ruleIterator is chroma's LexerState.Iterator with the first-rune filter and
// the stall guard.
type ruleIterator struct {
	lexer   *ruleLexer
	state   chroma.LexerState
	pending []chroma.Iterator // the emitters' tokens not yet given
	end     int               // the text's end, less the LF Tokenise added
	from    string            // the state lexing started in (TokeniseOptions.State)
}

func (it *ruleIterator) next() chroma.Token {
	l := &it.state
	idle, at := 0, -1
	for l.Pos < it.end && len(l.Stack) > 0 {
		if t, ok := it.pendingToken(); ok {
			return t
		}
		if l.Pos != at {
			idle, at = 0, l.Pos
		} else if idle++; idle >= maxIdle {
			if it.lexer.nested {
				panic(errStalled)
			}
			it.lexer.stalled = true
			return chroma.EOF
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := it.lexer.rules.states[l.State]
		if !ok {
			panic("unknown state " + l.State) // as chroma's loop; tokenise recovers
		}
		index, length, groups := matchFirst(l.Text, l.Pos, rules)
		if index < 0 {
			// As Pygments (and chroma): a newline no rule matches empties the
			// stack, and lexing goes on from the state it started in (root,
			// but for a nested lexing asked to start elsewhere).
			if l.Text[l.Pos] == '\n' && l.State != it.from {
				l.Stack = []string{it.from}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		rule := &rules[index]
		l.Rule = index
		l.Groups = groups // nil for a plain rule: only emitters read them
		l.NamedGroups = nil
		start := l.Pos
		l.Pos += length
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.plain {
			// What rule.token.Emit's iterator would give, without it.
			if t := (chroma.Token{Type: rule.token, Value: string(l.Text[start : start+length])}); t.Type != chroma.Ignore && t != chroma.EOF {
				return t
			}
		} else if rule.Type != nil {
			it.pending = append(it.pending, rule.Type.Emit(l.Groups, l))
		}
	}
	if t, ok := it.pendingToken(); ok {
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// pendingToken returns the next token of the emitters, latest first.
func (it *ruleIterator) pendingToken() (chroma.Token, bool) {
	for len(it.pending) > 0 {
		n := len(it.pending) - 1
		t := it.pending[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			it.pending = it.pending[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// matchFirst returns the index of the first of rules to match at pos (or -1)
// and the length of its match, skipping the rules whose match cannot start
// with the rune there. For a rule that is not plain it returns the match's
// groups as chroma's matchRules does, but not the groups by name: chroma
// fills them at every match, a map a token, and only a function reads them
// (ByGroupNames, Raku's mutators), which a lexer archfolio runs has none of.
// The match is read where regexp2 keeps it (a MatchView), so that a token
// costs its text and no Match.
func matchFirst(text []rune, pos int, rules []firstRule) (index, length int, groups []string) {
	c := text[pos] // pos < end <= len(text)
	for i := range rules {
		rule := &rules[i]
		if rule.first != nil && !rule.first.Contains(c) {
			continue
		}
		found := false
		err := rule.Regexp.FindRunesMatches(text, pos, func(m regexp2.MatchView) bool {
			at, n, ok := m.GroupRange(0)
			if !ok || at != pos {
				return false
			}
			found, length = true, n
			if !rule.plain {
				groups = make([]string, m.GroupCount())
				for slot := range groups {
					num := slot
					if slot < len(rule.groups) {
						num = rule.groups[slot]
					}
					if at, n, ok := m.GroupRange(num); ok {
						groups[slot] = string(text[at : at+n])
					}
				}
			}
			return false
		})
		if found && err == nil {
			return i, length, groups
		}
		groups = nil
	}
	return -1, 0, nil
}
