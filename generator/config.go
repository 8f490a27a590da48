package generator

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"reflect"
	"strings"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/frontmatter"
	"archfolio/generator/mdext"

	"gopkg.in/yaml.v3"
)

// ConfigFile is the name of the optional site configuration at the site root. A
// site may name it .archfolio.yaml instead (this repository does, to keep its top
// level to code); archfolio.yaml wins when both exist.
const ConfigFile = "archfolio.yaml"

// hiddenConfigFile is the alternative name of the site configuration.
const hiddenConfigFile = "." + ConfigFile

// IsConfigFile reports whether a slash path relative to the site root names the site
// configuration.
func IsConfigFile(rel string) bool { return rel == ConfigFile || rel == hiddenConfigFile }

// ConfigPath returns the name of the configuration file a site uses ("archfolio.yaml"
// when it has none, for messages).
func ConfigPath(site fs.FS) string {
	if _, err := fs.Stat(site, ConfigFile); err != nil {
		if _, err := fs.Stat(site, hiddenConfigFile); err == nil {
			return hiddenConfigFile
		}
	}
	return ConfigFile
}

// Config is the site configuration read from archfolio.yaml.
type Config struct {
	Title      string     `yaml:"title"`
	BaseURL    string     `yaml:"base_url"`
	Theme      string     `yaml:"theme"`
	UnsafeHTML bool       `yaml:"unsafe_html"`
	Jira       JiraConfig `yaml:"jira"`
	// EditURL is the link to edit a document where its source is kept: an
	// http(s) URL with {path}, the document's path under content/.
	EditURL    string               `yaml:"edit_url"`
	SLA        map[string]int       `yaml:"sla"`
	Frameworks map[string]Framework `yaml:"frameworks"`
	Kinds      yaml.Node            `yaml:"kinds"`
	Defaults   yaml.Node            `yaml:"defaults"`

	// Path is the file the configuration came from, for diagnostics.
	Path string `yaml:"-"`
	// Capabilities describes roadmap lanes by capability id, as written: the
	// roadmap view reads and checks it (roadmap/roadmap_capability.go).
	Capabilities yaml.Node `yaml:"capabilities"`
	// Trends sets how many months of the key figures' history build and serve
	// draw on the home page (0, the default: none).
	Trends TrendsConfig `yaml:"trends"`
	// Waivers is the waiver policy `check --since` holds extensions to.
	Waivers WaiverPolicy `yaml:"waivers"`
	// Radar declares the technology radar's quadrants, as written: the radar
	// view reads and checks it (radar/config.go).
	Radar yaml.Node `yaml:"radar"`
	// Changes is the Changes page's setting (since: the revision it compares
	// with), as written: package generator/changes reads and checks it.
	Changes yaml.Node `yaml:"changes"`

	defaults []defaultRule // Defaults, read (defaults.go)
}

// TrendsConfig is the trends setting: the number of months, counted back from
// today's month, whose ends the home page's trends show.
type TrendsConfig struct {
	Months int `yaml:"months"`

	at diag.Pos // where archfolio.yaml sets it, for AF910
}

// WaiverPolicy is the waivers setting: how many days an extension may move a
// waiver's expiry without approving it again (0, the default: none, so
// `check --since` warns of every extension, AF315).
type WaiverPolicy struct {
	MaxExtensionDays int `yaml:"max_extension_days"`
}

// JiraConfig says how a JIRA key becomes a link: URL holds {key}.
type JiraConfig struct {
	URL string `yaml:"url"`
}

// Framework names an external control framework that standards map to.
type Framework struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	// Controls titles the framework's controls by id, as standards' maps_to
	// write them ("ac-2": "Account management").
	Controls map[string]string `yaml:"controls"`
}

// DefaultSLA is the remediation SLA in days per severity when archfolio.yaml sets none.
var defaultSLA = map[string]int{"critical": 30, "high": 30, "medium": 90, "low": 180}

// JiraURL returns the link for a JIRA key, or "" when no template is configured.
func (c *Config) JiraURL(key string) string {
	if c.Jira.URL == "" || key == "" {
		return ""
	}
	return strings.ReplaceAll(c.Jira.URL, "{key}", key)
}

// EditLink returns the link to edit the document at path (relative to the site
// root, under content/), or "" when edit_url is not set: {path} replaced by the
// path under content/, each segment escaped.
func (c *Config) EditLink(path string) string {
	if c.EditURL == "" {
		return ""
	}
	segs := strings.Split(strings.TrimPrefix(path, "content/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.ReplaceAll(c.EditURL, "{path}", strings.Join(segs, "/"))
}

// FrameworkTitle names a framework that standards map to: its title in
// frameworks:, else its id as standards write it.
func (c *Config) FrameworkTitle(id string) string {
	if c != nil && c.Frameworks[id].Title != "" {
		return c.Frameworks[id].Title
	}
	return id
}

// ControlTitle is the title frameworks: gives a framework's control, or "".
func (c *Config) ControlTitle(framework, id string) string {
	if c == nil {
		return ""
	}
	return c.Frameworks[framework].Controls[id]
}

// SLADays returns the SLA in days for a remediation severity.
func (c *Config) SLADays(severity string) int {
	if d, ok := c.SLA[severity]; ok {
		return d
	}
	return defaultSLA[severity]
}

// loadConfig reads archfolio.yaml if present; problems are diagnostics on it.
func loadConfig(site fs.FS) (*Config, diag.Diagnostics) {
	cfg := &Config{Title: "Architecture portfolio", Path: ConfigPath(site)}
	data, err := fs.ReadFile(site, cfg.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	sink := &diag.DiagSink{Path: cfg.Path}
	if err != nil {
		sink.Report(diag.CodeUnreadableFile, diag.Pos{}, "cannot read: %v", err)
		return cfg, sink.Diags
	}
	decodeConfig(data, cfg, sink)
	cfg.defaults = readDefaults(&cfg.Defaults, sink)
	if cfg.Title == "" {
		cfg.Title = "Architecture portfolio"
	}
	cfg.Path = sink.Path
	for sev, days := range cfg.SLA {
		if _, ok := defaultSLA[sev]; !ok || days <= 0 {
			sink.Report(diag.CodeInvalidSLA, diag.Pos{}, "sla: %q: want critical, high, medium or low with a positive number of days", sev)
		}
	}
	switch {
	case cfg.Jira.URL == "":
	case !IsHTTPURL(cfg.Jira.URL):
		sink.Report(diag.CodeInvalidJiraURL, diag.Pos{}, "jira.url %q must be an http:// or https:// URL; JIRA keys are shown without links", cfg.Jira.URL)
		cfg.Jira.URL = ""
	case !strings.Contains(cfg.Jira.URL, "{key}"):
		sink.Report(diag.CodeInvalidJiraURL, diag.Pos{}, "jira.url %q has no {key} placeholder", cfg.Jira.URL)
	}
	switch {
	case cfg.EditURL == "":
	case !IsHTTPURL(cfg.EditURL) || !strings.Contains(cfg.EditURL, "{path}"):
		sink.Report(diag.CodeInvalidEditURL, diag.Pos{}, "edit_url %q must be an http:// or https:// URL with a {path} placeholder; pages are shown without an edit link", cfg.EditURL)
		cfg.EditURL = ""
	}
	if cfg.BaseURL != "" && !IsHTTPURL(cfg.BaseURL) && !strings.HasPrefix(cfg.BaseURL, "/") {
		sink.Report(diag.CodeInvalidBaseURL, diag.Pos{}, "base_url %q must be an http:// or https:// URL or a path starting with /; it is left out", cfg.BaseURL)
		cfg.BaseURL = ""
	}
	return cfg, sink.Diags
}

// IsHTTPURL reports whether s is an absolute http or https URL with a host.
func IsHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// decodeConfig reads archfolio.yaml with one yaml.v3 parse: a syntax error is
// placed as the front matter's are (frontmatter.SyntaxError), an unknown setting at its
// key (unknownSettings), and a value of the wrong type at the value; each setting
// is decoded on its own, so one bad value does not hide the others.
func decodeConfig(data []byte, cfg *Config, sink *diag.DiagSink) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		for _, p := range frontmatter.SyntaxError(err) {
			sink.Report(diag.CodeInvalidConfig, diag.Pos{Line: p.Line, Col: min(p.Line, 1)}, "invalid YAML: %s", p.Msg)
		}
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		sink.Report(diag.CodeInvalidConfig, nodeFilePos(root), "invalid YAML: archfolio.yaml must be a mapping of settings")
		return
	}
	unknownSettings(root, reflect.TypeFor[Config](), "", sink)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "trends" {
			cfg.Trends.at = nodeFilePos(root.Content[i])
		}
		setting := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: root.Content[i : i+2]}
		if err := setting.Decode(cfg); err != nil {
			var te *yaml.TypeError
			if !errors.As(err, &te) {
				sink.Report(diag.CodeInvalidConfig, nodeFilePos(root.Content[i+1]), "invalid YAML: %v", err)
				continue
			}
			for _, e := range te.Errors {
				// "line N: cannot unmarshal …": the line is the value's, which the node has.
				if _, msg, ok := strings.Cut(e, ": "); ok && strings.HasPrefix(e, "line ") {
					e = msg
				}
				sink.Report(diag.CodeInvalidConfig, nodeFilePos(root.Content[i+1]), "invalid YAML: %s: %s", root.Content[i].Value, e)
			}
		}
	}
}

// nodeFilePos is the file position of a node of archfolio.yaml.
func nodeFilePos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// unknownSettings reports the keys of mapping n that type t (a struct) has no
// field for, at each key, and looks inside the fields and map values that are
// structs in turn, and inside kinds: as Kind and Field read it (a kind's keys,
// each field definition's, an object's fields, a list's of, a map's value).
func unknownSettings(n *yaml.Node, t reflect.Type, where string, sink *diag.DiagSink) {
	// A type that decodes itself (Capability) checks its own keys.
	if n.Kind != yaml.MappingNode || t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(reflect.TypeFor[yaml.Unmarshaler]()) {
		return
	}
	fields := map[string]reflect.Type{}
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			sink.Report(diag.CodeUnknownSetting, nodeFilePos(k), "unknown setting %q%s", where+k.Value, diag.DidYouMean(k.Value, names))
			continue
		}
		switch {
		case k.Value == "kinds" && ft == reflect.TypeFor[yaml.Node]():
			// The schema's own shape: each kind, then each field definition.
			forEachEntry(v, func(name string, def *yaml.Node) {
				unknownSettings(def, reflect.TypeFor[Kind](), where+"kinds."+name+".", sink)
			})
		case ft == reflect.TypeFor[yaml.Node]():
		case ft == reflect.TypeFor[Fields]():
			forEachEntry(v, func(name string, def *yaml.Node) {
				unknownSettings(def, reflect.TypeFor[Field](), where+k.Value+"."+name+".", sink)
			})
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			unknownSettings(v, ft.Elem(), where+k.Value+".", sink)
		case ft.Kind() == reflect.Struct:
			unknownSettings(v, ft, where+k.Value+".", sink)
		case ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct && v.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(v.Content); j += 2 {
				unknownSettings(v.Content[j+1], ft.Elem(), where+k.Value+"."+v.Content[j].Value+".", sink)
			}
		}
	}
}

// forEachEntry calls fn with each key and value of the mapping n.
func forEachEntry(n *yaml.Node, fn func(key string, value *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i].Value, n.Content[i+1])
	}
}

// Options are the inputs of one run that do not come from the site's files.
type Options struct {
	// Site is the site root: archfolio.yaml, content/, themes/, static/.
	Site fs.FS
	// Theme is the default theme, replaced file by file by the site's own theme.
	Theme fs.FS
	// BaseURL overrides archfolio.yaml's base_url when set.
	BaseURL string
	// Today pins the date used for every overdue / expired / slipped computation.
	Today time.Time
	// Drafts includes documents marked draft: true.
	Drafts bool
	// Audience, when set (public, internal, confidential or restricted), builds
	// the site for readers cleared to that level: a document classified above
	// it is left out with every trace of it, and a reference to it from a
	// document that stays reads "restricted reference" (audience.go).
	Audience string
	// PublishWithErrors makes Build publish a portfolio that has errors; without
	// it, such a build leaves the destination as it was.
	PublishWithErrors bool
	// Highlights remembers highlighted code blocks by content, so that no block is
	// highlighted twice; nil means a new in-memory cache for this run. Keep one
	// across rebuilds (serve), or use mdext.NewCache(dir) to keep blocks on disk.
	Highlights mdext.HighlightCache
	// LastChanged, when set, returns the date of the last commit that changed
	// each document, by its path (as Document.Path); generator/history reads it
	// from git. It is called once per load, after the documents are parsed, so
	// git can run meanwhile. A document it has no date for shows none.
	LastChanged func() map[string]time.Time
	// Trends, when set, returns the home page's key figures at the ends of
	// the last months (generator/trends reads them from git), oldest first;
	// months is archfolio.yaml's trends.months, which the function may
	// override. It is called once per load; its error (no git, not a
	// repository) becomes a warning (AF910), and the site builds without.
	Trends func(months int) ([]TrendPoint, error)
	// CheckOnly makes Load skip rendering the bodies (it still reads every heading and
	// link): for check, which wants only the diagnostics. Such a portfolio cannot be
	// rendered.
	CheckOnly bool
	// Changes, when set, runs after the analyses of every load that renders
	// (not CheckOnly): build and serve set it (package generator/changes) to
	// compare the portfolio with an earlier revision of the site for the
	// Changes page, which keeps the comparison on the portfolio. Its
	// diagnostics join the load's.
	Changes func(ctx context.Context, opts Options, p *Portfolio) diag.Diagnostics
}

// changes runs Options.Changes on a load that renders.
func (o Options) changes(ctx context.Context, p *Portfolio) diag.Diagnostics {
	if o.Changes == nil || o.CheckOnly {
		return nil
	}
	return o.Changes(ctx, o, p)
}
