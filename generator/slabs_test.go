package generator

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"archfolio/generator/frontmatter"
)

// boxOf is where an interface value's box is: two values with the same box
// share it.
func boxOf(v any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] }

// Mappings and lists handed out of one document's slabs are neighbours in
// memory; growing one past its room must move it, never write over the next.
func TestValueSlabsGiveEachValueItsOwnRoom(t *testing.T) {
	items := frontmatter.Map{
		{Key: "a", Value: frontmatter.Map{{Key: "x", Value: 1}, {Key: "y", Value: 2}}},
		{Key: "b", Value: frontmatter.Map{{Key: "z", Value: 3}}},
		{Key: "l", Value: []any{"p", "q"}},
		{Key: "m", Value: []any{"r"}},
	}
	s := newValueSlabs(items)
	if cap(s.objs) != 3 || cap(s.keys) != 7 || cap(s.vals) != 10 {
		t.Fatalf("room for %d mappings, %d keys, %d values; want 3, 7 and 10", cap(s.objs), cap(s.keys), cap(s.vals))
	}
	a, b := s.object(2), s.object(1)
	a.Set("x", 1)
	a.Set("y", 2)
	b.Set("z", 3)
	a.Set("w", 4) // past a's room
	if !slices.Equal(b.Keys, []string{"z"}) || b.Get("z") != 3 {
		t.Errorf("b after a grew: %v = %v, want [z] = 3", b.Keys, b.Get("z"))
	}
	if !slices.Equal(a.Keys, []string{"x", "y", "w"}) || a.Get("w") != 4 || a.Get("x") != 1 {
		t.Errorf("a: keys %v, x %v, w %v", a.Keys, a.Get("x"), a.Get("w"))
	}
	l, m := s.list(2), s.list(1)
	l = append(l, "p", "q")
	m = append(m, "r")
	l = append(l, "past its room")
	if !slices.Equal(m, []any{"r"}) || len(l) != 3 || l[1] != "q" {
		t.Errorf("lists after the first grew: %v and %v", l, m)
	}
	// The top-level mapping was counted too, so the slabs are full now: a
	// mapping the count did not foresee gets an allocation of its own.
	s.object(1)
	extra := s.object(2)
	extra.Set("unforeseen", 5)
	if slices.Contains(s.keys[:cap(s.keys)], "unforeseen") || extra.Get("unforeseen") != 5 {
		t.Errorf("an unforeseen mapping was given room the slabs did not have: %v", extra.Keys)
	}
}

// A document's front matter read through the slabs holds the values a plain
// conversion gives, short forms and unknown fields included.
func TestFrontMatterThroughSlabs(t *testing.T) {
	p, diags := loadTestSite(t, map[string]string{
		"content/blueprints/a.md": "---\nkind: blueprint\ntitle: A\nowner: Team\nlayers: {channel: web, services: api}\n" +
			"depends_on: [b, {id: b, via: gateway}]\ntags: [x, y]\nextra: {k: [1, {num: 2}]}\n---\nBody.\n",
		"content/blueprints/b.md": "---\nkind: blueprint\ntitle: B\nowner: Team\n---\nBody.\n",
	}, "2026-11-27")
	a := p.ByID["a"]
	if a == nil {
		t.Fatal(diagLines(diags))
	}
	if got := a.Fields.Obj("layers").String("services"); got != "api" {
		t.Errorf("layers.services = %q", got)
	}
	deps := a.Fields.List("depends_on")
	if len(deps) != 2 || deps[1].(*Object).String("via") != "gateway" {
		t.Errorf("depends_on = %v", deps)
	}
	if got := a.Fields.Obj("extra").List("k"); len(got) != 2 || got[1].(*Object).Get("num") != 2 {
		t.Errorf("extra.k = %v", got)
	}
	if !slices.Equal(a.Tags, []string{"x", "y"}) {
		t.Errorf("tags = %v", a.Tags)
	}
	if len(a.Refs) < 2 || a.Refs[1].Attrs == nil || a.Refs[1].Attrs.String("via") != "gateway" {
		t.Errorf("the second reference's attributes: %+v", a.Refs)
	}
}

// Equal dates of a run are one value; a text that is no date fails every time
// it is written, not only the first.
func TestEqualDatesShareOneValue(t *testing.T) {
	c := frontmatter.NewScalars()
	first, err := frontmatter.Convert(c, TypeDate, "2026-04-01", parseDate)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := frontmatter.Convert(c, TypeDate, "2026-04-01", parseDate)
	if boxOf(first) != boxOf(again) {
		t.Error("one date written twice: two values, want one")
	}
	if d, ok := again.(Date); !ok || d.String() != "2026-04-01" {
		t.Errorf("got %#v", again)
	}
	other, _ := frontmatter.Convert(c, TypePeriod, "2026-04-01", ParsePeriod)
	if _, ok := other.(Period); !ok {
		t.Errorf("the same text as a period: %#v, want a Period", other)
	}
	for range 2 {
		if _, err := frontmatter.Convert(c, TypeDate, "2026-13-01", parseDate); err == nil {
			t.Error("a month 13 was taken as a date")
		}
	}
	calls := 0
	long := strings.Repeat("9", frontmatter.MaxShared+1)
	for range 2 {
		_, _ = frontmatter.Convert(c, TypeDate, long, func(v any) (Date, error) {
			calls++
			return Date{}, errors.New("no")
		})
	}
	if calls != 2 {
		t.Errorf("a text over frontmatter.MaxShared was converted %d times, want each time", calls)
	}
	p, diags := loadTestSite(t, map[string]string{
		"content/blueprints/a.md": "---\nkind: blueprint\ntitle: A\nreview: {last: 2026-04-01, every: P6M}\n---\nBody.\n",
		"content/blueprints/b.md": "---\nkind: blueprint\ntitle: B\nreview: {last: 2026-04-01, every: P6M}\n---\nBody.\n",
	}, "2026-11-27")
	ra, rb := p.ByID["a"].Fields.Obj("review"), p.ByID["b"].Fields.Obj("review")
	if ra == nil || rb == nil {
		t.Fatal(diagLines(diags))
	}
	if boxOf(ra.Get("last")) != boxOf(rb.Get("last")) || boxOf(ra.Get("every")) != boxOf(rb.Get("every")) {
		t.Error("two blueprints reviewed the same day: two values, want one")
	}
}

// What repeats from document to document in what the build keeps (a
// reference's front-matter path, a heading id, a wikilink's target) is one
// string for the run.
func TestRepeatedPathsAndHeadingsShareText(t *testing.T) {
	doc := func(title string) string {
		return "---\nkind: blueprint\ntitle: " + title + "\ndepends_on: [core-service]\n---\n## Context\n\nSee [[core-service]].\n"
	}
	p, diags := loadTestSite(t, map[string]string{
		"content/blueprints/a.md":            doc("A"),
		"content/blueprints/b.md":            doc("B"),
		"content/blueprints/core-service.md": "---\nkind: blueprint\ntitle: C\n---\nBody.\n",
	}, "2026-11-27")
	a, b := p.ByID["a"], p.ByID["b"]
	if a == nil || b == nil || len(a.Refs) == 0 || len(b.Refs) == 0 || len(a.TOC) == 0 || len(b.TOC) == 0 || len(a.links) == 0 || len(b.links) == 0 {
		t.Fatalf("refs %v %v, headings %v %v\n%s", a.Refs, b.Refs, a.TOC, b.TOC, diagLines(diags))
	}
	same := func(what, x, y string) {
		t.Helper()
		if x != y || unsafe.StringData(x) != unsafe.StringData(y) {
			t.Errorf("%s: %q and %q, two strings, want one", what, x, y)
		}
	}
	same("depends_on[0]", a.Refs[0].Field, b.Refs[0].Field)
	same("the heading id", a.TOC[0].ID, b.TOC[0].ID)
	same("the wikilink", a.links[0].dest, b.links[0].dest)
}

// Checking a value keeps the box its text was decoded into, so equal values
// of two documents stay one box (plain or quoted, a text, a reference).
func TestCheckedValuesKeepTheirSharedBox(t *testing.T) {
	p, diags := loadTestSite(t, map[string]string{
		"content/blueprints/a.md":            "---\nkind: blueprint\ntitle: A\nstatus: implemented\nowner: Identity Team\ndomain: identity\ndepends_on: [core-service]\n---\nBody.\n",
		"content/blueprints/b.md":            "---\nkind: blueprint\ntitle: B\nstatus: 'implemented'\nowner: \"Identity Team\"\ndomain: identity\ndepends_on: [core-service]\n---\nBody.\n",
		"content/blueprints/core-service.md": "---\nkind: blueprint\ntitle: C\n---\nBody.\n",
	}, "2026-11-27")
	a, b := p.ByID["a"], p.ByID["b"]
	if a == nil || b == nil {
		t.Fatal(diagLines(diags))
	}
	for _, key := range []string{"status", "owner", "domain"} {
		if va, vb := a.Fields.Get(key), b.Fields.Get(key); va != vb || boxOf(va) != boxOf(vb) {
			t.Errorf("%s: %v and %v, two boxes, want one", key, va, vb)
		}
	}
	da, db := a.Fields.List("depends_on"), b.Fields.List("depends_on")
	if len(da) != 1 || len(db) != 1 {
		t.Fatalf("depends_on: %v and %v", da, db)
	}
	ia, ib := da[0].(*Object).Get("id"), db[0].(*Object).Get("id") // the short form of {id: …}
	if ia != "core-service" || boxOf(ia) != boxOf(ib) {
		t.Errorf("depends_on[0].id: %v and %v, two boxes, want one", ia, ib)
	}
}
