package generator_test

import (
	"cmp"
	"context"
	"html"
	"maps"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"archfolio/generator"
	"archfolio/themes"
)

// Raw field values must not reach readers: every page of the sample
// portfolio is read as a reader sees it (its text, tooltips and labels,
// without code, which shows what writers type) and searched for the forms
// the front matter writes values in rather than words.

var (
	// hiddenText is what a reader does not read as prose: scripts, styles,
	// and code, which quotes what writers type on purpose.
	hiddenText = regexp.MustCompile(`(?s)<(script|style|code|pre|kbd)\b[^>]*>.*?</(script|style|code|pre|kbd)>`)
	// shownAttr is an attribute a reader sees or hears: a tooltip or a label.
	shownAttr = regexp.MustCompile(`\s(?:title|aria-label|alt|placeholder)="([^"]*)"`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
	webURL    = regexp.MustCompile(`https?://\S+`)
	// tooltip is an SVG element's title, which a reader sees on hovering.
	tooltip = regexp.MustCompile(`<title>([^<]*)</title>`)
	// controlRow is a control's row on a controls page, with its title if any.
	controlRow = regexp.MustCompile(`<th scope="row"><code>([^<]*)</code> [^<]*(<span class="control-title">)?`)
	// cell is a table cell's or a description's whole text.
	cell = regexp.MustCompile(`(?s)<(td|th|dd)\b[^>]*>(.*?)</(td|th|dd)>`)
)

// visibleText returns what a reader sees of a page: its text and the values of
// its tooltips and labels, entities decoded, web addresses left out.
func visibleText(page string) string {
	page = hiddenText.ReplaceAllString(page, " ")
	var b strings.Builder
	for _, m := range shownAttr.FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1])
		b.WriteString("\n")
	}
	b.WriteString(anyTag.ReplaceAllString(page, " "))
	return webURL.ReplaceAllString(html.UnescapeString(b.String()), " ")
}

// rawForms are the forms of front-matter values that must not reach a reader,
// each with what it stands for.
var rawForms = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\bP\d+[YMWD](\d+[MWD])*\b`), "an ISO 8601 duration (write it in words: every 6 months)"},
	{regexp.MustCompile(`\b(Nfrs?|Kpis?|Iam|Sdlc|Pocs?|Adrs?|Slas?|Jira|Nist|Stride)\b`), "an acronym humanized as a word"},
}

func TestNoRawValuesReachReaders(t *testing.T) {
	t.Parallel()
	out, _ := sharedRender(t, "..")
	today, _ := time.Parse(time.DateOnly, goldenToday)
	p, _, err := generator.Load(context.Background(), generator.Options{Site: os.DirFS(".."), Theme: themes.Default(), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	hyphenated, fieldNames := schemaWords(p)
	var frameworkIDs []string
	for id := range p.Config.Frameworks {
		frameworkIDs = append(frameworkIDs, id, generator.Humanize(id))
	}
	sort.Strings(frameworkIDs)
	jira := jiraKeys(p)
	found := map[string][]string{} // what → pages
	note := func(what, name string) {
		if pages := found[what]; len(pages) == 0 || pages[len(pages)-1] != name {
			found[what] = append(pages, name)
		}
	}
	pages := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		b, _ := out.File(name)
		page := string(b)
		text := visibleText(page)
		for _, f := range rawForms {
			for _, m := range f.re.FindAllString(text, 3) {
				note(f.what+": "+m, name)
			}
		}
		for _, m := range fieldNames.FindAllString(text, 3) {
			note("a snake_case field name (Humanize it): "+m, name)
		}
		for _, id := range frameworkIDs {
			if strings.Contains(text, id) {
				note("a framework named by its id, not its frameworks: title: "+id, name)
			}
		}
		for _, m := range cell.FindAllStringSubmatch(hiddenText.ReplaceAllString(page, " "), -1) {
			v := strings.TrimSpace(html.UnescapeString(anyTag.ReplaceAllString(m[2], " ")))
			if hyphenated[v] {
				note("an enum value as written in a table cell: "+v, name)
			}
		}
		_, body, _ := strings.Cut(page, "<body")
		for _, m := range tooltip.FindAllStringSubmatch(body, -1) {
			for _, w := range strings.FieldsFunc(html.UnescapeString(m[1]), func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
				if hyphenated[w] {
					note("an enum value as written in a tooltip: "+w, name)
				}
			}
		}
		for _, m := range cell.FindAllStringSubmatch(page, -1) {
			key := strings.TrimSpace(anyTag.ReplaceAllString(m[2], ""))
			if url, ok := jira[key]; ok && !strings.Contains(m[2], `href="`+html.EscapeString(url)+`"`) {
				note("a JIRA key shown without its link: "+key, name)
			}
		}
	}
	// The sample's archfolio.yaml titles every control its standards map to,
	// and the controls pages name each control by its title too.
	for _, name := range out.Names() {
		if !strings.HasPrefix(name, "matrix/controls/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		b, _ := out.File(name)
		for _, m := range controlRow.FindAllStringSubmatch(string(b), -1) {
			if m[2] == "" {
				note("a control without its title: "+m[1], name)
			}
		}
	}
	if pages < 100 {
		t.Fatalf("read %d pages of the sample portfolio, want all of them", pages)
	}
	for _, what := range slices.Sorted(maps.Keys(found)) {
		names := found[what]
		t.Errorf("%s, on %d pages: %s", what, len(names), strings.Join(names[:min(len(names), 4)], " "))
	}
}

// schemaWords returns the enum values of the schema written with a hyphen
// (mission-critical, in-progress, phase-out), which a page writes in words,
// and a pattern of the field names written with an underscore
// (data_classification, applies_to), which a page names in words.
func schemaWords(p *generator.Portfolio) (map[string]bool, *regexp.Regexp) {
	hyphenated, snake := map[string]bool{}, map[string]bool{}
	values := func(vs []string) {
		for _, v := range vs {
			if strings.Contains(v, "-") {
				hyphenated[v] = true
			}
		}
	}
	var walk func(fs generator.Fields)
	walk = func(fs generator.Fields) {
		for name, f := range fs.ByName {
			if strings.Contains(name, "_") {
				snake[regexp.QuoteMeta(name)] = true
			}
			for f != nil {
				values(f.Values)
				walk(f.Fields)
				f = cmp.Or(f.Of, f.Value)
			}
		}
	}
	walk(p.Schema.Common)
	for _, k := range p.Schema.Kinds {
		values(k.Statuses)
		walk(k.Fields)
	}
	return hyphenated, regexp.MustCompile(`\b(` + strings.Join(slices.Sorted(maps.Keys(snake)), "|") + `)\b`)
}

// jiraKeys are the JIRA keys of the portfolio's documents and their links.
func jiraKeys(p *generator.Portfolio) map[string]string {
	out := map[string]string{}
	for _, d := range p.Docs {
		if key := d.Fields.String("jira"); key != "" {
			out[key] = p.Config.JiraURL(key)
		}
	}
	return out
}
