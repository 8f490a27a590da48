package generator

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// DiagnosticFormats lists the names WriteDiagnostics accepts.
var DiagnosticFormats = []string{"text", "json", "sarif", "github"}

// WriteDiagnostics prints ds (already sorted) to w in one of DiagnosticFormats:
// text (one path:line:col: severity: message per line), json (an array), sarif
// (SARIF 2.1.0, one run) or github (workflow commands that annotate a pull request).
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
		return writeJSON(w, sarifLog(ds))
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
	Message  string `json:"message"`
}

func jsonDiagnostics(ds Diagnostics) []jsonDiagnostic {
	out := make([]jsonDiagnostic, 0, len(ds))
	for _, d := range ds {
		out = append(out, jsonDiagnostic{d.Path, d.Line, d.Col, d.Severity.String(), d.Message})
	}
	return out
}

// githubCommand renders d as a GitHub Actions workflow command; the message is
// escaped as the runner requires (%, CR and LF in data; also : and , in properties).
func githubCommand(d Diagnostic) string {
	props := "file=" + escapeGitHubProperty(d.Path)
	if d.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", d.Line, max(d.Col, 1))
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, props, escapeGitHubData(d.Message))
}

func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// sarifLog builds a minimal valid SARIF 2.1.0 log with one run of the archfolio tool.
func sarifLog(ds Diagnostics) map[string]any {
	results := make([]map[string]any, 0, len(ds))
	for _, d := range ds {
		level := "error"
		if d.Severity == Warning {
			level = "warning"
		}
		loc := map[string]any{"artifactLocation": map[string]any{"uri": d.Path}}
		if d.Line > 0 {
			loc["region"] = map[string]any{"startLine": d.Line, "startColumn": max(d.Col, 1)}
		}
		results = append(results, map[string]any{
			"ruleId":    "archfolio/" + level,
			"level":     level,
			"message":   map[string]any{"text": d.Message},
			"locations": []any{map[string]any{"physicalLocation": loc}},
		})
	}
	return map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "archfolio",
				"rules": []any{
					map[string]any{"id": "archfolio/error", "shortDescription": map[string]any{"text": "Portfolio error"}},
					map[string]any{"id": "archfolio/warning", "shortDescription": map[string]any{"text": "Portfolio warning"}},
				},
			}},
			"results": results,
		}},
	}
}
