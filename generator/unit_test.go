package generator

import (
	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in         any
		start, end string
		err        string
	}{
		{in: "2026-Q1", start: "2026-01-01", end: "2026-03-31"},
		{in: "2026-Q3", start: "2026-07-01", end: "2026-09-30"},
		{in: "2026-q4", start: "2026-10-01", end: "2026-12-31"},
		{in: "2026-07-15", start: "2026-07-15", end: "2026-07-15"},
		{in: "2026-Q5", err: "quarters Q1 to Q4"},
		{in: "2026-Q0", err: "quarters Q1 to Q4"},
		{in: "26-Q1", err: "not a quarter"},
		{in: "2026-02-30", err: "not a quarter"},
		{in: 2026, err: "not a quarter"},
	} {
		p, err := ParsePeriod(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParsePeriod(%v) error = %v, want one containing %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%v): %v", tc.in, err)
			continue
		}
		if got := p.Start.Format(time.DateOnly) + ".." + p.End.Format(time.DateOnly); got != tc.start+".."+tc.end {
			t.Errorf("ParsePeriod(%v) = %s, want %s..%s", tc.in, got, tc.start, tc.end)
		}
	}
}

func TestParseDuration(t *testing.T) {
	t.Parallel()
	base := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"P6M": "2026-07-31", "P1Y": "2027-01-31", "P90D": "2026-05-01", "P2W": "2026-02-14", "P1Y2M3D": "2027-04-03",
	} {
		d, err := parseDuration(in)
		if err != nil {
			t.Errorf("parseDuration(%q): %v", in, err)
			continue
		}
		if got := d.AddTo(base).Format(time.DateOnly); got != want {
			t.Errorf("%s after 2026-01-31 = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []any{"P", "6M", "six months", "PT5H", 6} {
		if _, err := parseDuration(bad); err == nil {
			t.Errorf("parseDuration(%v) accepted", bad)
		}
	}
}

func TestFindFrontMatter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src              string
		fmEnd, bodyStart int
	}{
		{"---\nkind: guide\n---\nbody", 3, 20},
		{"---\r\nkind: guide\r\n---\r\nbody", 3, 23},
		{"----\na: 1\n-----\n", 3, 16},
		{"---\na: 1\n---", 3, 12},
		{"# no front matter\n", 0, 0},
		{"---\na: 1\n\nbody never closed\n", 0, -1},
		{"", 0, 0},
	} {
		fmEnd, bodyStart := frontmatter.Find([]byte(tc.src))
		if fmEnd != tc.fmEnd || bodyStart != tc.bodyStart {
			t.Errorf("frontmatter.Find(%q) = %d, %d; want %d, %d", tc.src, fmEnd, bodyStart, tc.fmEnd, tc.bodyStart)
		}
	}
}

func TestPosAtCountsCharacters(t *testing.T) {
	t.Parallel()
	src := []byte("ab\nçé[x]\n")
	if got := posAt(src, bytes.IndexByte(src, '[')); got != (diag.Pos{Line: 2, Col: 3}) {
		t.Errorf("posAt = %+v, want line 2 col 3", got)
	}
}

func TestDidYouMean(t *testing.T) {
	t.Parallel()
	ids := []string{"payments-gateway", "customer-identity-platform", "claims-core"}
	for in, want := range map[string]string{
		"payment-gateway":   ` (did you mean "payments-gateway"?)`,
		"claims-cor":        ` (did you mean "claims-core"?)`,
		"totally-unrelated": "",
		"payments-gateway":  "",
	} {
		if got := diag.DidYouMean(in, ids); got != want {
			t.Errorf("DidYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYAMLBooleansKeepTheirTextWhereTextIsWanted(t *testing.T) {
	t.Parallel()
	p, diags := loadTestSite(t, siteArchive("sites/yaml-booleans-keep-their-text.txtar"), "2026-11-27")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diagLines(diags))
	}
	d := p.ByID["doc"]
	if got := d.Fields.String("domain"); got != "no" {
		t.Errorf("domain = %q, want \"no\"", got)
	}
	if len(d.Refs) != 1 || d.Refs[0].To != p.ByID["y"] {
		t.Errorf("depends_on [y] did not resolve to document y")
	}
}

func TestDiagnosticsSortAndDedupe(t *testing.T) {
	t.Parallel()
	ds := diag.Diagnostics{
		{Path: "b.md", Line: 1, Col: 1, Severity: diag.Error, Message: "m"},
		{Path: "a.md", Line: 10, Col: 1, Severity: diag.Warning, Message: "w"},
		{Path: "a.md", Line: 2, Col: 5, Severity: diag.Error, Message: "e"},
		{Path: "b.md", Line: 1, Col: 1, Severity: diag.Error, Message: "m"},
	}.Sort()
	want := "a.md:2:5: error: e\na.md:10:1: warning: w\nb.md:1:1: error: m\n"
	if got := diagLines(ds); got != want {
		t.Errorf("sorted =\n%s\nwant\n%s", got, want)
	}
}

func TestDiagnosticFormats(t *testing.T) {
	t.Parallel()
	ds := diag.Diagnostics{
		{Path: "content/a.md", Line: 3, Col: 7, Severity: diag.Error, Message: "unknown id \"x\": 100%, a,b", Code: diag.CodeUnknownID},
		{Path: "content/b.md", Severity: diag.Warning, Message: "line one\nline two", Code: diag.CodeUnknownField},
	}
	var text, gh, js, sarif bytes.Buffer
	for f, buf := range map[string]*bytes.Buffer{"text": &text, "github": &gh, "json": &js, "sarif": &sarif} {
		if err := diag.WriteDiagnostics(buf, ds, f); err != nil {
			t.Fatal(err)
		}
	}
	if want := "content/a.md:3:7: error: unknown id \"x\": 100%, a,b [AF201]\ncontent/b.md: warning: line one\\nline two [AF114]\n"; text.String() != want {
		t.Errorf("text =\n%q\nwant\n%q", text.String(), want)
	}
	if want := "::error file=content/a.md,line=3,col=7,title=AF201 unknown-id::unknown id \"x\": 100%25, a,b\n::warning file=content/b.md,title=AF114 unknown-field::line one%0Aline two\n"; gh.String() != want {
		t.Errorf("github =\n%q\nwant\n%q", gh.String(), want)
	}
	var arr []map[string]any
	if err := json.Unmarshal(js.Bytes(), &arr); err != nil || len(arr) != 2 || arr[0]["line"] != float64(3) ||
		arr[0]["code"] != "AF201" || arr[0]["rule"] != "unknown-id" || arr[1]["code"] != "AF114" {
		t.Errorf("json output %s: %v", js.String(), err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string                `json:"ruleId"`
				Level     string                `json:"level"`
				Message   struct{ Text string } `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           *struct {
							StartLine, StartColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "archfolio" {
		t.Fatalf("sarif header wrong: %s", sarif.String())
	}
	rules := map[string]bool{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules[r.ID] = true
	}
	res := log.Runs[0].Results
	if len(res) != 2 || res[0].Level != "error" || res[1].Level != "warning" {
		t.Fatalf("sarif results wrong: %s", sarif.String())
	}
	for _, r := range res {
		if !rules[r.RuleID] {
			t.Errorf("result rule %q is not declared in the driver's rules", r.RuleID)
		}
	}
	loc := res[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "content/a.md" || loc.Region == nil || loc.Region.StartLine != 3 || loc.Region.StartColumn != 7 {
		t.Errorf("sarif location wrong: %+v", loc)
	}
	if res[1].Locations[0].PhysicalLocation.Region != nil {
		t.Error("a diagnostic without a line must have no region")
	}
	if err := diag.WriteDiagnostics(&text, ds, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestCheckEncodingRejects(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"binary": {[]byte("---\x00\x01"), "binary"},
		"utf16":  {[]byte{0xFF, 0xFE, '-', 0}, "UTF-16"},
		"latin1": {[]byte("---\ntitle: caf\xe9\n"), "2:11: error: invalid UTF-8 byte 0xE9"},
		"huge":   {bytes.Repeat([]byte("a"), maxFileSize+1), "over the"},
	} {
		sink := &diag.DiagSink{Path: "f.md"}
		if _, ok := checkEncoding(tc.data, sink); ok {
			t.Errorf("%s: accepted", name)
			continue
		}
		if got := diagLines(sink.Diags); !strings.Contains(got, tc.want) {
			t.Errorf("%s: diagnostic %q lacks %q", name, got, tc.want)
		}
	}
	sink := &diag.DiagSink{Path: "f.md"}
	if src, ok := checkEncoding([]byte("\xEF\xBB\xBF---\n"), sink); !ok || string(src) != "---\n" {
		t.Errorf("a UTF-8 byte order mark was not stripped: %q", src)
	}
}

// Elide keeps a list of any length to nine entries.
func TestElide(t *testing.T) {
	t.Parallel()
	short := []string{"a", "b", "c"}
	if got := Elide(short, " → "); got != "a → b → c" {
		t.Errorf("Elide(short) = %q", got)
	}
	var long []string
	for i := range 10000 {
		long = append(long, strconv.Itoa(i))
	}
	if got, want := Elide(long, ", "), "0, 1, 2, 3, 4, … 9993 more, 9998, 9999"; got != want {
		t.Errorf("Elide(long) = %q, want %q", got, want)
	}
	if len(long) != 10000 || long[5] != "5" {
		t.Error("Elide changed its argument")
	}
}

func TestPositionMatchesPosAt(t *testing.T) {
	t.Parallel()
	src := []byte("---\ntitle: é\n---\n\nHé [[a]] — [b](b.md)\n\n日本 [[c]]\nend [[d]]")
	var offsets []int
	for i := range src {
		if src[i] == '[' || src[i] == '\n' || i == 0 {
			offsets = append(offsets, i)
		}
	}
	offsets = append(offsets, len(src), 5, 40, 2) // and some going backwards
	var at position
	for _, off := range offsets {
		if got, want := at.of(src, off), posAt(src, off); got != want {
			t.Errorf("offset %d: %v, posAt says %v", off, got, want)
		}
	}
}

// position.of counts whole lines at once; it must say what walking every
// character says, for any text (invalid UTF-8 too) and any sequence of offsets.
func TestPositionMatchesCharacterWalk(t *testing.T) {
	t.Parallel()
	walk := func(src []byte, off int) diag.Pos { // position.of as it was: character by character
		off = min(max(off, 0), len(src))
		pos, i := diag.Pos{Line: 1, Col: 1}, 0
		for i < off {
			r, size := utf8.DecodeRune(src[i:])
			if r == '\n' {
				pos.Line, pos.Col = pos.Line+1, 1
			} else {
				pos.Col++
			}
			i += size
		}
		return pos
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "日", "🙂", "\n", "\r\n", "\x80", "\xe6\x97", "\xff", " [[x]] "}
	for range 2000 {
		var src []byte
		for range rng.IntN(40) {
			src = append(src, pieces[rng.IntN(len(pieces))]...)
		}
		var at position
		for range 8 {
			off := rng.IntN(len(src)+3) - 1
			if got, want := at.of(src, off), walk(src, off); got != want {
				t.Fatalf("%q at %d: %v, the character walk says %v", src, off, got, want)
			}
		}
	}
}

// TestDedupeBacklinks: backlinks come out by relation, then source, one per source
// and relation, whether they come in their sources' order (as link appends them)
// or not.
func TestDedupeBacklinks(t *testing.T) {
	a, b, c := &Document{ID: "a", order: 0}, &Document{ID: "b", order: 1}, &Document{ID: "c", order: 2}
	ref := func(from *Document, rel string) *Ref { return &Ref{From: from, Inverse: rel} }
	text := func(refs []*Ref) string {
		var out []string
		for _, r := range refs {
			out = append(out, r.Inverse+":"+r.From.ID)
		}
		return strings.Join(out, " ")
	}
	const want = "depended on by:a depended on by:c mentioned by:a mentioned by:b"
	inOrder := []*Ref{ref(a, "mentioned by"), ref(a, "depended on by"), ref(a, "mentioned by"), ref(b, "mentioned by"), ref(c, "depended on by")}
	if got := text(dedupeBacklinks(inOrder)); got != want {
		t.Errorf("in the sources' order: %s, want %s", got, want)
	}
	shuffled := []*Ref{ref(c, "depended on by"), ref(b, "mentioned by"), ref(a, "mentioned by"), ref(a, "depended on by"), ref(a, "mentioned by")}
	if got := text(dedupeBacklinks(shuffled)); got != want {
		t.Errorf("in another order: %s, want %s", got, want)
	}
	one := []*Ref{ref(a, "depended on by"), ref(b, "depended on by"), ref(b, "depended on by")}
	if got := text(dedupeBacklinks(one)); got != "depended on by:a depended on by:b" {
		t.Errorf("one relation: %s", got)
	}
}

// TestValidIDIsLowerKebab holds ValidID to the regular expression it stands
// for: every string of up to five characters from an alphabet of each kind
// of character that matters (lower-case, digits, hyphen, upper-case, other
// ASCII, non-ASCII), and random longer ones.
func TestValidIDIsLowerKebab(t *testing.T) {
	t.Parallel()
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	alphabet := []string{"a", "z", "0", "9", "-", "A", "_", " ", "é", "\x00", "/"}
	check := func(s string) {
		if got, want := ValidID(s), kebab.MatchString(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
	var walk func(prefix string, n int)
	walk = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(prefix+c, n-1)
		}
	}
	walk("", 5)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 6 + rng.IntN(30) {
			if rng.IntN(8) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(alphabet[rng.IntN(5)])
			}
		}
		check(b.String())
	}
}
