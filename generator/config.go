package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

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
	Title      string               `yaml:"title"`
	BaseURL    string               `yaml:"base_url"`
	Theme      string               `yaml:"theme"`
	UnsafeHTML bool                 `yaml:"unsafe_html"`
	Jira       JiraConfig           `yaml:"jira"`
	SLA        map[string]int       `yaml:"sla"`
	Frameworks map[string]Framework `yaml:"frameworks"`
	Kinds      yaml.Node            `yaml:"kinds"`

	// Path is the file the configuration came from, for diagnostics.
	Path string `yaml:"-"`
	// Capabilities describes roadmap lanes by capability id (roadmap_capability.go).
	Capabilities map[string]Capability `yaml:"capabilities"`
}

// JiraConfig says how a JIRA key becomes a link: URL holds {key}.
type JiraConfig struct {
	URL string `yaml:"url"`
}

// Framework names an external control framework that standards map to.
type Framework struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
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

// SLADays returns the SLA in days for a remediation severity.
func (c *Config) SLADays(severity string) int {
	if d, ok := c.SLA[severity]; ok {
		return d
	}
	return defaultSLA[severity]
}

var (
	yamlLineRE       = regexp.MustCompile(`line (\d+): (.*)`)
	yamlUnknownKeyRE = regexp.MustCompile(`^field (\S+) not found in type generator\.(\w+)$`)
)

// configKeys are the settings archfolio.yaml may have, for suggestions.
var configKeys = []string{"title", "base_url", "theme", "unsafe_html", "jira", "sla", "frameworks", "kinds"}

// loadConfig reads archfolio.yaml if present; problems are diagnostics on it.
func loadConfig(site fs.FS) (*Config, Diagnostics) {
	cfg := &Config{Title: "Architecture portfolio", Path: ConfigPath(site)}
	data, err := fs.ReadFile(site, cfg.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	sink := &diagSink{path: cfg.Path}
	if err != nil {
		sink.report(codeUnreadableFile, Pos{}, "cannot read: %v", err)
		return cfg, sink.diags
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		sink.diags = append(sink.diags, yamlErrorDiagnostics(cfg.Path, err, 0, codeInvalidConfig)...)
	}
	if cfg.Title == "" {
		cfg.Title = "Architecture portfolio"
	}
	cfg.Path = sink.path
	for sev, days := range cfg.SLA {
		if _, ok := defaultSLA[sev]; !ok || days <= 0 {
			sink.report(codeInvalidSLA, Pos{}, "sla: %q: want critical, high, medium or low with a positive number of days", sev)
		}
	}
	switch {
	case cfg.Jira.URL == "":
	case !httpURL(cfg.Jira.URL):
		sink.report(codeInvalidJiraURL, Pos{}, "jira.url %q must be an http:// or https:// URL; JIRA keys are shown without links", cfg.Jira.URL)
		cfg.Jira.URL = ""
	case !strings.Contains(cfg.Jira.URL, "{key}"):
		sink.report(codeInvalidJiraURL, Pos{}, "jira.url %q has no {key} placeholder", cfg.Jira.URL)
	}
	if cfg.BaseURL != "" && !httpURL(cfg.BaseURL) && !strings.HasPrefix(cfg.BaseURL, "/") {
		sink.report(codeInvalidBaseURL, Pos{}, "base_url %q must be an http:// or https:// URL or a path starting with /; it is left out", cfg.BaseURL)
		cfg.BaseURL = ""
	}
	return cfg, sink.diags
}

// httpURL reports whether s is an absolute http or https URL with a host.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// yamlErrorDiagnostics turns a YAML library error into diagnostics at file lines:
// the library counts lines from the start of the YAML text, which begins offset
// lines into the file (1 for front matter after its opening ---). code is the
// diagnostics' code, but for unknown settings of archfolio.yaml.
func yamlErrorDiagnostics(path string, err error, offset int, code Code) Diagnostics {
	var ds Diagnostics
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	text = strings.TrimPrefix(text, "unmarshal errors:\n")
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		d := newDiagnostic(code, path, Pos{}, "invalid YAML: "+line)
		if m := yamlLineRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			d.Line, d.Col = n+offset, 1
			d.Message = "invalid YAML: " + m[2]
			if u := yamlUnknownKeyRE.FindStringSubmatch(m[2]); u != nil {
				d.Message = fmt.Sprintf("unknown setting %q%s", u[1], didYouMean(u[1], configKeys))
				d.Code, d.Severity = codeUnknownSetting, codeUnknownSetting.severity()
			}
		}
		ds = append(ds, d)
	}
	return ds
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
	// PublishWithErrors makes Build publish a portfolio that has errors; without
	// it, such a build leaves the destination as it was.
	PublishWithErrors bool
	// Highlights remembers highlighted code blocks by content, so that no block is
	// highlighted twice; nil means a new in-memory cache for this run. Keep one
	// across rebuilds (serve), or use mdext.NewCache(dir) to keep blocks on disk.
	Highlights mdext.HighlightCache
	// CheckOnly makes Load skip rendering the bodies (it still reads every heading and
	// link): for check, which wants only the diagnostics. Such a portfolio cannot be
	// rendered.
	CheckOnly bool
}
