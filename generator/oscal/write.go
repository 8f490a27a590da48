package oscal

import (
	"archfolio/generator/diag"
	"archfolio/generator/matrix"
	_ "archfolio/generator/views" // an import is checked as a whole site
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"archfolio/generator"
)

// importedFrontMatter is the front matter of an imported standard, in writing order.
type importedFrontMatter struct {
	ID         string              `yaml:"id"`
	Kind       string              `yaml:"kind"`
	Title      string              `yaml:"title"`
	Status     string              `yaml:"status"`
	Summary    string              `yaml:"summary"`
	Tags       flowList            `yaml:"tags"`
	Family     string              `yaml:"family"`
	Version    string              `yaml:"version,omitempty"`
	Statements []importedStatement `yaml:"statements"`
	// OutsideBaseline lists the family's controls that the baseline imported
	// leaves out (import oscal --catalog).
	OutsideBaseline flowList            `yaml:"outside_baseline,omitempty"`
	MapsTo          map[string]flowList `yaml:"maps_to"`
}

type importedStatement struct {
	ID       string        `yaml:"id"`
	Text     statementText `yaml:"text"`
	Level    string        `yaml:"level"`
	Guidance statementText `yaml:"guidance,omitempty"`
}

// statementText is a statement's text, its items on lines of their own, written
// as a literal block unless one of its lines is only dashes: such a line, even
// indented, ends the front matter for the site's reader (goldmark-meta's rule),
// so that text is written double-quoted, on one line. FuzzStandards found it.
type statementText string

// MarshalYAML writes the text as a string, double-quoted when it must be.
func (t statementText) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(t)}
	for line := range strings.SplitSeq(string(t), "\n") {
		if l := strings.TrimSpace(line); l != "" && strings.Trim(l, "-") == "" {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n, nil
}

// flowList is a list written on one line: [ac-1, ac-2].
type flowList []string

// MarshalYAML writes the list in flow style.
func (l flowList) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range l {
		// Tagged as strings, so that the encoder quotes an id that would read as
		// something else (null, ~, 1e3, 0x1F, .inf).
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	}
	return n, nil
}

// standardMarkdown writes one family as a standard document: front matter through
// yaml.v3 (which quotes and escapes every value) and a markdown body whose
// catalogue text is escaped.
func standardMarkdown(cat *oscalCatalog, fam oscalFamily, fw string, params map[string]oscalParam, outside []string) ([]byte, importedFrontMatter, error) {
	title := oneLine(fam.Title)
	if title == "" {
		title = strings.ToUpper(fam.ID)
	}
	fm := importedFrontMatter{ID: fw + "-" + generator.Slug(fam.ID), Kind: "standard",
		Title:   title + " (" + strings.ToUpper(fam.ID) + ")",
		Status:  "draft",
		Summary: oneLine(fmt.Sprintf("The %s controls of %s, imported from OSCAL.", strings.ToUpper(fam.ID), catalogueName(cat))),
		Tags:    flowList{"oscal", fw}, Family: generator.Slug(title), Version: oneLine(cat.Metadata.Version),
		MapsTo: map[string]flowList{fw: nil}, OutsideBaseline: outside}
	for _, c := range fam.Controls {
		fm.Statements = append(fm.Statements, importedStatement{ID: oneLine(oscalLabel(c)), Text: statementText(controlText(c, params)), Level: "must",
			Guidance: statementText(controlGuidance(c, params))})
		fm.MapsTo[fw] = append(fm.MapsTo[fw], c.ID)
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fm, err
	}
	if err := enc.Close(); err != nil {
		return nil, fm, err
	}
	buf.WriteString("---\n\n")
	kind := "catalogue"
	if resolvedProfile(cat) {
		kind = "resolved profile"
	}
	fmt.Fprintf(&buf, "Imported from the OSCAL %s *%s*", kind, mdEscape(catalogueName(cat)))
	if v := strings.TrimSpace(cat.Metadata.Version); v != "" {
		fmt.Fprintf(&buf, " (version %s", mdEscape(v))
		if lm := strings.TrimSpace(cat.Metadata.LastModified); lm != "" {
			fmt.Fprintf(&buf, ", last modified %s", mdEscape(lm))
		}
		buf.WriteString(")")
	}
	fmt.Fprintf(&buf, " by `archfolio import oscal`. Each statement is a control of the %s family; `maps_to` lists their ids under `%s`.\n\n", mdEscape(title), fw)
	buf.WriteString("Review it before approving: set `status` and an `owner`, and add `applies_to` so that the blueprints in scope show as gaps until they record their alignment.\n\n")
	buf.WriteString("## Controls\n\n")
	for _, c := range fam.Controls {
		fmt.Fprintf(&buf, "- **%s** %s\n", mdEscape(oscalLabel(c)), mdEscape(strings.TrimSpace(c.Title)))
	}
	return buf.Bytes(), fm, nil
}

// controlGuidance is a control's guidance (NIST's "discussion"): the prose of
// its guidance parts, a paragraph each, parameters written out.
func controlGuidance(c oscalControl, params map[string]oscalParam) string {
	var paras []string
	var walk func(ps []oscalPart)
	walk = func(ps []oscalPart) {
		for _, p := range ps {
			if p.Name != "guidance" {
				continue
			}
			if prose := oneLine(insertParams(p.Prose, params, 0)); prose != "" {
				paras = append(paras, prose)
			}
			walk(p.Parts)
		}
	}
	walk(c.Parts)
	return strings.Join(paras, "\n\n")
}

func catalogueName(cat *oscalCatalog) string {
	if t := strings.TrimSpace(cat.Metadata.Title); t != "" {
		return t
	}
	return "an untitled catalogue"
}

func resolvedProfile(cat *oscalCatalog) bool {
	for _, p := range cat.Metadata.Props {
		if p.Name == "resolution-tool" {
			return true
		}
	}
	for _, l := range cat.Metadata.Links {
		if l.Rel == "source-profile" {
			return true
		}
	}
	return false
}

// oscalLabel is a control's display label: its label prop (the one without a
// class, as NIST marks the SP 800-53A form with one), else its id in capitals.
func oscalLabel(c oscalControl) string {
	label := ""
	for _, p := range c.Props {
		if p.Name == "label" && strings.TrimSpace(p.Value) != "" {
			if p.Class == "" {
				return strings.TrimSpace(p.Value)
			}
			if label == "" {
				label = strings.TrimSpace(p.Value)
			}
		}
	}
	if label != "" {
		return label
	}
	return matrix.ControlLabel(c.ID)
}

func partLabel(p oscalPart) string {
	for _, pr := range p.Props {
		if pr.Name == "label" && pr.Class == "" {
			return strings.TrimSpace(pr.Value)
		}
	}
	for _, pr := range p.Props {
		if pr.Name == "label" {
			return strings.TrimSpace(pr.Value)
		}
	}
	return ""
}

// controlText is a statement's text: the control's title, then its statement part
// with nested items on their own lines, parameters written out.
func controlText(c oscalControl, params map[string]oscalParam) string {
	var lines []string
	head := strings.TrimSpace(c.Title)
	for _, p := range c.Parts {
		if p.Name != "statement" {
			continue
		}
		if prose := oneLine(insertParams(p.Prose, params, 0)); prose != "" {
			head += ": " + prose
		}
		for _, item := range p.Parts {
			lines = appendItem(lines, item, params, 0)
		}
	}
	if len(lines) > 0 && !strings.HasSuffix(head, ":") {
		head += ":"
	}
	return strings.Join(append([]string{head}, lines...), "\n")
}

func appendItem(lines []string, p oscalPart, params map[string]oscalParam, depth int) []string {
	if p.Name != "item" && p.Name != "statement" {
		return lines
	}
	text := strings.TrimSpace(partLabel(p) + " " + oneLine(insertParams(p.Prose, params, 0)))
	if text != "" {
		lines = append(lines, strings.Repeat("  ", depth)+text)
	}
	for _, sub := range p.Parts {
		lines = appendItem(lines, sub, params, depth+1)
	}
	return lines
}

// oneLine collapses runs of white space, so that a statement's lines are its items,
// and drops control characters (a NUL would make the document binary).
func oneLine(s string) string { return strings.Join(strings.Fields(dropControls(s)), " ") }

// dropControls removes the C0 controls but tab and line feed, and DEL.
func dropControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool { return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f }

var insertRE = regexp.MustCompile(`\{\{\s*insert:\s*([a-z-]+)\s*,\s*([^\s}]+)\s*\}\}`)

// maxExpansion bounds the text that writing out the parameters of one prose adds:
// a parameter whose choices insert parameters could otherwise grow without end.
const maxExpansion = 16 << 10

// insertParams writes out {{ insert: param, id }}: the values a profile set, else
// "[Selection: …]" or "[Assignment: label]" as NIST prints them. Parameters are
// written out four deep and up to maxExpansion bytes; past that, as "[id]".
func insertParams(s string, params map[string]oscalParam, depth int) string {
	budget := maxExpansion
	return expandParams(s, params, depth, &budget)
}

func expandParams(s string, params map[string]oscalParam, depth int, budget *int) string {
	return insertRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := insertRE.FindStringSubmatch(m)
		p, ok := params[sub[2]]
		if sub[1] != "param" || !ok || depth > 4 || *budget <= 0 {
			return "[" + sub[2] + "]"
		}
		out := expandParam(p, params, depth, budget)
		*budget -= len(out)
		return out
	})
}

func expandParam(p oscalParam, params map[string]oscalParam, depth int, budget *int) string {
	switch {
	case len(p.Values) > 0:
		return strings.Join(p.Values, ", ")
	case p.Select != nil:
		var choices []string
		for _, c := range p.Select.Choice {
			if *budget <= 0 {
				choices = append(choices, "…")
				break
			}
			choices = append(choices, expandParams(c, params, depth+1, budget))
		}
		how := ""
		if p.Select.HowMany == "one-or-more" {
			how = " (one or more)"
		}
		return "[Selection" + how + ": " + strings.Join(choices, "; ") + "]"
	case p.Label != "":
		return "[Assignment: " + p.Label + "]"
	}
	return "[Assignment: " + p.ID + "]"
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "!", `\!`, "\n", " ", "\r", " ")

// mdEscape makes catalogue text literal in markdown.
func mdEscape(s string) string { return mdEscaper.Replace(dropControls(s)) }

// Result says what an OSCAL import did with one family.
type Result struct {
	Path     string // relative to the site root
	ID       string
	Controls int
	Written  bool
	Reason   string // why it was skipped
	// Updated is set when Options.Update merged the family into the standard
	// an earlier import wrote; Changes says what changed (it may be nothing).
	Updated bool
	Changes Changes
	// Problems are the errors check reports for the written file: an import
	// whose documents the site then rejects fails (a site schema can make that
	// happen, adding required fields to standards).
	Problems diag.Diagnostics
}

// Import writes the standards Standards makes into the site's standards
// folder. It never overwrites a file, and skips a family whose id another document
// already uses; with Options.Update, it merges a family into the standard an
// earlier import wrote (merge) instead of skipping it.
func Import(ctx context.Context, siteDir, name string, data []byte, opts Options) ([]Result, error) {
	stds, err := Standards(name, data, opts)
	if err != nil {
		return nil, err
	}
	site, err := generator.OpenSite(siteDir)
	if err != nil {
		return nil, err
	}
	p, _, err := generator.Load(ctx, generator.Options{Site: site, CheckOnly: true})
	if err != nil {
		return nil, err
	}
	section := "standards"
	if k := p.Schema.Kinds["standard"]; k != nil {
		section = strings.Split(k.Section, "/")[0]
	}
	var out []Result
	for _, s := range stds {
		rel := path.Join(generator.ContentDir, section, s.ID+".md")
		res := Result{Path: rel, ID: s.ID, Controls: s.Controls}
		if d := p.ByID[s.ID]; d != nil && d.Path != rel {
			res.Reason = "id " + `"` + s.ID + `"` + " is already used by " + d.Path
			out = append(out, res)
			continue
		}
		file := filepath.Join(siteDir, filepath.FromSlash(rel))
		if opts.Update && p.ByID[s.ID] != nil {
			res.Updated = true
			if res.Changes, res.Reason, err = updateFile(file, s); err != nil {
				return out, err
			}
			res.Written = res.Reason == "" && !res.Changes.Empty()
			out = append(out, res)
			continue
		}
		res.Written, res.Reason, err = writeNew(file, s.Markdown)
		if err != nil {
			return out, err
		}
		if !res.Written && !opts.Update {
			res.Reason += "; or run with --update to merge this catalogue into it"
		}
		out = append(out, res)
	}
	return out, checkWritten(ctx, site, out)
}

// checkWritten gives each written document the errors check reports for it.
func checkWritten(ctx context.Context, site fs.FS, results []Result) error {
	var written []string
	for _, r := range results {
		if r.Written {
			written = append(written, r.Path)
		}
	}
	errs, err := generator.ErrorsIn(ctx, site, written)
	for i := range results {
		if results[i].Written {
			results[i].Problems = errs[results[i].Path]
		}
	}
	return err
}

// updateFile merges s into the standard in file, replacing the file only when
// something changed (a new file beside it, renamed over it, so a failure leaves
// the old one). A standard the merge cannot read is skipped with the reason.
func updateFile(file string, s ImportedStandard) (Changes, string, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return Changes{}, "", err
	}
	merged, ch, err := merge(src, s)
	if err != nil {
		return ch, err.Error(), nil
	}
	if ch.Empty() {
		return ch, "", nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".archfolio-update-*")
	if err != nil {
		return ch, "", err
	}
	_, err = tmp.Write(merged)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if fi, serr := os.Stat(file); serr == nil {
			err = os.Chmod(tmp.Name(), fi.Mode().Perm())
		}
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return ch, "", err
}

// writeNew creates a file that must not exist yet.
func writeNew(file string, data []byte) (bool, string, error) {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return false, "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, "the file already exists; archfolio import never overwrites (delete it to import again)", nil
	}
	if err != nil {
		return false, "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err == nil, "", err
}
