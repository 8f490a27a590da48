package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// DiagnosticFormats lists the names WriteDiagnostics accepts.
var DiagnosticFormats = []string{"text", "json", "sarif", "github"}

// WriteDiagnostics prints ds (already sorted) to w in one of DiagnosticFormats:
// text (one path:line:col: severity: message [AF101] per line), json (an array of
// objects with the code and its rule name), sarif (SARIF 2.1.0, one run, the codes
// as rule ids) or github (workflow commands that annotate a pull request, titled
// with the code).
func WriteDiagnostics(w io.Writer, ds Diagnostics, format string) error {
	switch format {
	case "", "text":
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
		}
		return nil
	case "json":
		return writeJSON(w, jsonDiagnostics(ds))
	case "sarif":
		return writeJSON(w, newSARIFLog(ds))
	case "github":
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, githubCommand(d)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(DiagnosticFormats, ", "))
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

type jsonDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"` // AF101
	Rule     string `json:"rule"` // unknown-kind
	Message  string `json:"message"`
}

func jsonDiagnostics(ds Diagnostics) []jsonDiagnostic {
	out := make([]jsonDiagnostic, 0, len(ds))
	for _, d := range ds {
		out = append(out, jsonDiagnostic{d.Path, d.Line, d.Col, d.Severity.String(), d.Code.String(), d.Code.Name(), d.Message})
	}
	return out
}

// githubCommand renders d as a GitHub Actions workflow command, titled with its
// code and name; the message is escaped as the runner requires (%, CR and LF in
// data; also : and , in properties).
func githubCommand(d Diagnostic) string {
	props := "file=" + escapeGitHubProperty(printable(d.Path))
	if d.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", d.Line, max(d.Col, 1))
	}
	if d.Code != 0 {
		props += ",title=" + escapeGitHubProperty(strings.TrimSpace(d.Code.String()+" "+d.Code.Name()))
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, props, escapeGitHubData(escapeControls(d.Message, true)))
}

func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// The parts of SARIF 2.1.0 that archfolio writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name  string      `json:"name"`
		Rules []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name"`
		ShortDescription     sarifText          `json:"shortDescription"`
		Help                 sarifText          `json:"help"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId,omitempty"`
		RuleIndex *int            `json:"ruleIndex,omitempty"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
)

// newSARIFLog builds a SARIF 2.1.0 log with one run of archfolio. Its rules are
// the whole table, in code order, so a rule's index is the same in every log and
// a code scanner learns every rule, not only those of this run.
func newSARIFLog(ds Diagnostics) sarifLog {
	driver := sarifDriver{Name: "archfolio", Rules: make([]sarifRule, len(rules))}
	index := make(map[Code]int, len(rules))
	for i, r := range rules {
		index[r.Code] = i
		driver.Rules[i] = sarifRule{
			ID:                   r.Code.String(),
			Name:                 r.Name,
			ShortDescription:     sarifText{r.Help},
			Help:                 sarifText{r.Code.String() + " " + r.Name + ": " + r.Help + " `archfolio help codes` lists every code."},
			DefaultConfiguration: sarifConfiguration{sarifLevel(r.Severity)},
		}
	}
	results := make([]sarifResult, 0, len(ds))
	for _, d := range ds {
		res := sarifResult{Level: sarifLevel(d.Severity), Message: sarifText{d.Message}}
		if i, ok := index[d.Code]; ok {
			res.RuleID, res.RuleIndex = d.Code.String(), &i
		}
		loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifact{d.Path}}
		if d.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Line, StartColumn: max(d.Col, 1)}
		}
		res.Locations = []sarifLocation{{loc}}
		results = append(results, res)
	}
	return sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{driver}, Results: results}},
	}
}

// sarifLevel is SARIF's name for a severity: "error" or "warning".
func sarifLevel(s Severity) string { return s.String() }
