// Package oscal imports OSCAL control catalogues (and resolved profiles) as
// enterprise standards: one standard document per control family, each control a
// statement, with maps_to naming the framework's control ids.
package oscal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"

	"gopkg.in/yaml.v3"
)

// maxOSCALSize bounds an OSCAL file; the whole SP 800-53 rev5 catalogue is ~10 MB.
const maxOSCALSize = 64 << 20

// The OSCAL catalog model (https://pages.nist.gov/OSCAL/), as far as the import
// reads it. A resolved profile is a catalog too.
type oscalFile struct {
	Catalog *oscalCatalog `json:"catalog"`
}

type oscalCatalog struct {
	UUID     string         `json:"uuid"`
	Metadata oscalMetadata  `json:"metadata"`
	Params   []oscalParam   `json:"params"`
	Controls []oscalControl `json:"controls"`
	Groups   []oscalGroup   `json:"groups"`
}

type oscalMetadata struct {
	Title        string      `json:"title"`
	Version      string      `json:"version"`
	LastModified string      `json:"last-modified"`
	Props        []oscalProp `json:"props"`
	Links        []oscalLink `json:"links"`
}

type oscalGroup struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Params   []oscalParam   `json:"params"`
	Groups   []oscalGroup   `json:"groups"`
	Controls []oscalControl `json:"controls"`
}

type oscalControl struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Params   []oscalParam   `json:"params"`
	Props    []oscalProp    `json:"props"`
	Parts    []oscalPart    `json:"parts"`
	Controls []oscalControl `json:"controls"`
}

type oscalPart struct {
	ID    string      `json:"id"`
	Name  string      `json:"name"`
	Prose string      `json:"prose"`
	Props []oscalProp `json:"props"`
	Parts []oscalPart `json:"parts"`
}

type oscalParam struct {
	ID     string       `json:"id"`
	Label  string       `json:"label"`
	Values []string     `json:"values"`
	Select *oscalSelect `json:"select"`
}

type oscalSelect struct {
	HowMany string   `json:"how-many"`
	Choice  []string `json:"choice"`
}

type oscalProp struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Class string `json:"class"`
}

type oscalLink struct {
	Href string `json:"href"`
	Rel  string `json:"rel"`
}

// Options choose what an OSCAL import writes.
type Options struct {
	// Families lists the control families (group ids, like ac) to import; all when
	// empty.
	Families []string
	// Framework is the maps_to key and the id prefix (nist-800-53r5). When empty it
	// is read from the catalogue's title.
	Framework string
	// Update merges each family into the standard an earlier import wrote
	// (Import): statements added, changed and withdrawn; every other field and
	// the body kept.
	Update bool
	// Catalog is the full catalogue a baseline (a resolved profile) selects
	// from, and CatalogName its file: each standard then lists, as
	// outside_baseline, its family's controls the baseline leaves out, so that
	// a record naming one is told so rather than offered a near miss.
	Catalog     []byte
	CatalogName string
}

// ImportedStandard is one standard document generated from a control family.
type ImportedStandard struct {
	ID       string
	Family   string // the group id
	Controls int
	Markdown []byte
	// What an update merges into an existing standard (Options.Update): the
	// statements, the labels of the family's withdrawn controls, the control
	// ids for maps_to, the framework and the catalogue's version.
	statements []importedStatement
	withdrawn  []string
	outside    []string // the family's controls of the full catalogue the baseline leaves out
	controls   []string
	framework  string
	version    string
}

// oscalModels are the other OSCAL root objects, for a helpful error.
var oscalModels = []string{"profile", "component-definition", "system-security-plan",
	"assessment-plan", "assessment-results", "plan-of-action-and-milestones", "mapping-collection"}

// parseOSCALCatalog decodes an OSCAL catalog or resolved profile catalog, in
// JSON or YAML (OSCAL's YAML is its JSON's structure). Errors name the file,
// and the line and column of a JSON mistake or the line of a YAML one; an XML
// file is told how to get the JSON.
func parseOSCALCatalog(name string, data []byte) (*oscalCatalog, error) {
	if len(data) > maxOSCALSize {
		return nil, fmt.Errorf("%s: %d bytes is over the %d byte limit for an OSCAL file", name, len(data), maxOSCALSize)
	}
	start := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(start) == 0:
		return nil, fmt.Errorf("%s: the file is empty; want an OSCAL catalog in JSON or YAML", name)
	case start[0] == '<':
		return nil, fmt.Errorf("%s: this is XML; archfolio reads OSCAL in JSON or YAML: take the catalogue's JSON edition "+
			"(NIST publishes each catalogue and baseline in json/, xml/ and yaml/ folders side by side), or convert this file with oscal-cli", name)
	case start[0] != '{' && start[0] != '[':
		j, err := yamlAsJSON(name, data)
		if err != nil {
			return nil, err
		}
		var f oscalFile
		if err := json.Unmarshal(j, &f); err != nil {
			// The positions are the converted JSON's: name the problem only.
			msg := jsonError("", j, err).Error()
			return nil, fmt.Errorf("%s: %s", name, msg[strings.Index(msg, ": ")+2:])
		}
		data = j
	}
	var f oscalFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, jsonError(name, data, err)
	}
	if f.Catalog == nil {
		var roots map[string]json.RawMessage
		_ = json.Unmarshal(data, &roots)
		for _, m := range oscalModels {
			if _, ok := roots[m]; !ok {
				continue
			}
			if m == "profile" {
				return nil, fmt.Errorf("%s: this is an OSCAL profile, not a catalog: import its resolved catalogue instead. NIST publishes each baseline resolved beside its profile "+
					"(NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json next to NIST_SP-800-53_rev5_MODERATE-baseline_profile.json); "+
					"resolve a profile of your own with oscal-cli's profile resolve", name)
			}
			return nil, fmt.Errorf("%s: this is an OSCAL %s, not a catalog", name, m)
		}
		return nil, fmt.Errorf("%s: no \"catalog\" object at the top: want an OSCAL catalog or resolved profile catalog in JSON or YAML", name)
	}
	return f.Catalog, nil
}

// yamlAsJSON reads an OSCAL YAML file as the JSON it stands for.
func yamlAsJSON(name string, data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		p := frontmatter.SyntaxError(err)[0]
		if p.Line > 0 {
			return nil, fmt.Errorf("%s:%d: invalid YAML: %s", name, p.Line, p.Msg)
		}
		return nil, fmt.Errorf("%s: invalid YAML: %s", name, p.Msg)
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, fmt.Errorf("%s: neither JSON nor a YAML mapping: want an OSCAL catalog in JSON or YAML", name)
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return j, nil
}

// jsonError turns a decoding error into "name:line:col: message". encoding/json
// reports the offset after the offending byte or value; the position is that of
// its last character.
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		at := generator.PosAt(data, max(int(syn.Offset)-1, 0))
		return fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, at.Line, at.Col, syn)
	case errors.As(err, &typ):
		at := generator.PosAt(data, max(int(typ.Offset)-1, 0))
		if typ.Field == "" {
			return fmt.Errorf("%s:%d:%d: the file holds a JSON %s; want an object with a \"catalog\"", name, at.Line, at.Col, typ.Value)
		}
		return fmt.Errorf("%s:%d:%d: %s: want %s, not a JSON %s", name, at.Line, at.Col, typ.Field, jsonKind(typ.Type), typ.Value)
	}
	return fmt.Errorf("%s: invalid JSON: %v", name, err)
}

// jsonKind names what a Go type decodes from, in JSON's words.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// oscalFamily is a control family to import: a top-level group, or the controls of
// an ungrouped catalogue sharing an id prefix.
type oscalFamily struct {
	ID, Title string
	Controls  []oscalControl // flattened: controls, then their enhancements, in order
}

// Standards turns an OSCAL catalog (or resolved profile catalog) into one
// standard document per control family: its controls as statements (ids from the
// catalogue's label props, like AC-2(1)), maps_to listing the control ids. Withdrawn
// controls are left out. It writes nothing.
func Standards(name string, data []byte, opts Options) ([]ImportedStandard, error) {
	cat, err := parseOSCALCatalog(name, data)
	if err != nil {
		return nil, err
	}
	fw := opts.Framework
	if fw == "" {
		if fw = frameworkFromTitle(cat.Metadata.Title); fw == "" {
			return nil, fmt.Errorf("%s: cannot tell the framework from the catalogue title %q: name it with --framework (like nist-800-53r5)", name, cat.Metadata.Title)
		}
	}
	if !generator.ValidID(fw) {
		return nil, fmt.Errorf("framework %q must be lower-kebab, like nist-800-53r5", fw)
	}
	families, err := catalogFamilies(name, cat)
	if err != nil {
		return nil, err
	}
	families, err = selectFamilies(name, families, opts.Families)
	if err != nil {
		return nil, err
	}
	params := map[string]oscalParam{}
	collectParams(cat, params)
	full, err := fullFamilies(opts)
	if err != nil {
		return nil, err
	}
	var out []ImportedStandard
	for _, fam := range families {
		live := fam
		live.Controls = slices.DeleteFunc(slices.Clone(fam.Controls), withdrawn)
		if len(live.Controls) == 0 {
			continue
		}
		md, fm, err := standardMarkdown(cat, live, fw, params, outsideBaseline(fam, full[fam.ID]))
		if err != nil {
			return nil, err
		}
		std := ImportedStandard{ID: fm.ID, Family: fam.ID, Controls: len(live.Controls), Markdown: md,
			statements: fm.Statements, outside: fm.OutsideBaseline, controls: fm.MapsTo[fw], framework: fw, version: fm.Version}
		for _, c := range fam.Controls {
			if withdrawn(c) {
				std.withdrawn = append(std.withdrawn, oneLine(oscalLabel(c)))
			}
		}
		out = append(out, std)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the catalogue has no controls to import (withdrawn controls are left out)", name)
	}
	return out, nil
}

var framework80053RE = regexp.MustCompile(`(?i)800-53\D{0,40}?\brev(?:ision)?\.?\s*(\d+)`)

// frameworkFromTitle recognises NIST SP 800-53 catalogues and baselines.
func frameworkFromTitle(title string) string {
	if m := framework80053RE.FindStringSubmatch(title); m != nil {
		return "nist-800-53r" + m[1]
	}
	return ""
}

// catalogFamilies lists the families: each top-level group with the controls of
// its subgroups, then ungrouped controls by id prefix. Control ids must be present
// and unique.
func catalogFamilies(name string, cat *oscalCatalog) ([]oscalFamily, error) {
	var out []oscalFamily
	seen := map[string]string{}
	for i, g := range cat.Groups {
		where := "catalog.groups[" + strconv.Itoa(i) + "]"
		fam := oscalFamily{ID: g.ID, Title: g.Title}
		if fam.ID == "" {
			fam.ID = generator.Slug(g.Title)
		}
		if g.ID == "" && g.Title == "" {
			return nil, fmt.Errorf("%s: %s: a group needs an id or a title", name, where)
		}
		if err := flattenGroup(name, where, g, &fam.Controls, seen); err != nil {
			return nil, err
		}
		out = append(out, fam)
	}
	byPrefix := map[string]int{}
	for i, c := range cat.Controls {
		where := "catalog.controls[" + strconv.Itoa(i) + "]"
		prefix := c.ID
		if j := strings.IndexAny(prefix, "-."); j > 0 {
			prefix = prefix[:j]
		}
		k, ok := byPrefix[prefix]
		if !ok {
			k = len(out)
			byPrefix[prefix] = k
			out = append(out, oscalFamily{ID: prefix, Title: strings.ToUpper(prefix)})
		}
		if err := flattenControl(name, where, c, &out[k].Controls, seen); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the catalogue has neither groups nor controls", name)
	}
	return out, nil
}

func flattenGroup(name, where string, g oscalGroup, out *[]oscalControl, seen map[string]string) error {
	for i, c := range g.Controls {
		if err := flattenControl(name, where+".controls["+strconv.Itoa(i)+"]", c, out, seen); err != nil {
			return err
		}
	}
	for i, sub := range g.Groups {
		if err := flattenGroup(name, where+".groups["+strconv.Itoa(i)+"]", sub, out, seen); err != nil {
			return err
		}
	}
	return nil
}

func flattenControl(name, where string, c oscalControl, out *[]oscalControl, seen map[string]string) error {
	switch {
	case c.ID == "":
		return fmt.Errorf("%s: %s: a control needs an id", name, where)
	case c.Title == "":
		return fmt.Errorf("%s: %s: control %q needs a title", name, where, c.ID)
	case seen[c.ID] != "":
		return fmt.Errorf("%s: %s: control id %q is used twice (also at %s)", name, where, c.ID, seen[c.ID])
	}
	seen[c.ID] = where
	*out = append(*out, c) // withdrawn ones too: an update marks them

	for i, e := range c.Controls {
		if err := flattenControl(name, where+".controls["+strconv.Itoa(i)+"]", e, out, seen); err != nil {
			return err
		}
	}
	return nil
}

func withdrawn(c oscalControl) bool {
	for _, p := range c.Props {
		if p.Name == "status" && (p.Value == "withdrawn" || p.Value == "Withdrawn") {
			return true
		}
	}
	return false
}

// selectFamilies keeps the families named by --family (group ids, case-insensitive).
func selectFamilies(name string, all []oscalFamily, want []string) ([]oscalFamily, error) {
	if len(want) == 0 {
		return all, nil
	}
	var ids []string
	byID := map[string]oscalFamily{}
	for _, f := range all {
		ids = append(ids, strings.ToLower(f.ID))
		byID[strings.ToLower(f.ID)] = f
	}
	var out []oscalFamily
	for _, w := range want {
		w = strings.ToLower(strings.TrimSpace(w))
		f, ok := byID[w]
		if !ok {
			return nil, fmt.Errorf("%s: no control family %q%s (the catalogue has: %s)", name, w, diag.DidYouMean(w, ids), strings.Join(ids, ", "))
		}
		if !slices.ContainsFunc(out, func(o oscalFamily) bool { return o.ID == f.ID }) {
			out = append(out, f)
		}
	}
	return out, nil
}

func collectParams(cat *oscalCatalog, params map[string]oscalParam) {
	add := func(ps []oscalParam) {
		for _, p := range ps {
			if p.ID != "" {
				params[p.ID] = p
			}
		}
	}
	var walkControl func(c oscalControl)
	walkControl = func(c oscalControl) {
		add(c.Params)
		for _, e := range c.Controls {
			walkControl(e)
		}
	}
	var walkGroup func(g oscalGroup)
	walkGroup = func(g oscalGroup) {
		add(g.Params)
		for _, c := range g.Controls {
			walkControl(c)
		}
		for _, s := range g.Groups {
			walkGroup(s)
		}
	}
	add(cat.Params)
	for _, g := range cat.Groups {
		walkGroup(g)
	}
	for _, c := range cat.Controls {
		walkControl(c)
	}
}

// fullFamilies reads Options.Catalog, the catalogue a baseline selects from,
// by family id; nil when there is none.
func fullFamilies(opts Options) (map[string]oscalFamily, error) {
	if opts.Catalog == nil {
		return nil, nil
	}
	cat, err := parseOSCALCatalog(opts.CatalogName, opts.Catalog)
	if err != nil {
		return nil, err
	}
	fams, err := catalogFamilies(opts.CatalogName, cat)
	if err != nil {
		return nil, err
	}
	out := map[string]oscalFamily{}
	for _, f := range fams {
		out[f.ID] = f
	}
	return out, nil
}

// outsideBaseline lists the labels of the controls of full, the family in
// the full catalogue, that fam, the same family in the baseline, leaves out
// (withdrawn ones too are left out: the catalogue no longer has them).
func outsideBaseline(fam, full oscalFamily) []string {
	in := map[string]bool{}
	for _, c := range fam.Controls {
		in[c.ID] = true
	}
	var out []string
	for _, c := range full.Controls {
		if !in[c.ID] && !withdrawn(c) {
			out = append(out, oneLine(oscalLabel(c)))
		}
	}
	return out
}
