// Package diag is what archfolio reports about a portfolio: the Diagnostic (a
// path, a 1-based line and column, a severity, a message and a stable Code), the
// table of codes with their help (codes.go), the four output formats of
// `archfolio check` (text, JSON, SARIF, GitHub workflow commands), and the
// "did you mean" suggestion that ends a message about an unknown name. It
// depends on nothing else of archfolio, so every package can report.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity says whether a Diagnostic fails the build (Error) or only informs (Warning).
type Severity int

const (
	// Error makes build and check exit 1.
	Error Severity = iota
	// Warning never fails build; check --strict fails on it.
	Warning
)

// String returns "error" or "warning", the word used in every output format.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem in a portfolio, positioned at a file's line and column
// (1-based; 0 when the problem concerns the whole file or the site).
type Diagnostic struct {
	Path     string // slash-separated, relative to the site root
	Line     int
	Col      int
	Severity Severity
	Message  string
	Code     Code // what kind of problem it is (codes.go)
}

// NewDiagnostic makes a diagnostic of the code's severity. Every diagnostic
// archfolio reports is made here or by a DiagSink, so that each has a code.
func NewDiagnostic(code Code, path string, at Pos, msg string) Diagnostic {
	if at.File != "" {
		path = at.File
	}
	return Diagnostic{Path: path, Line: at.Line, Col: at.Col, Severity: code.severity(), Message: msg, Code: code}
}

// String renders the diagnostic as path:line:col: severity: message [AF101]; the
// position is left out when there is none, the code when it is zero.
func (d Diagnostic) String() string {
	pos := printable(d.Path)
	if pos == "" {
		pos = "archfolio"
	}
	if d.Line > 0 {
		pos += fmt.Sprintf(":%d:%d", d.Line, max(d.Col, 1))
	}
	if d.Code == 0 {
		return fmt.Sprintf("%s: %s: %s", pos, d.Severity, printable(d.Message))
	}
	return fmt.Sprintf("%s: %s: %s [%s]", pos, d.Severity, printable(d.Message), d.Code)
}

// printable writes the control characters of s (C0, DEL, C1) and bytes that are
// not UTF-8 as Go escapes (\n, \x1b, \u0085), so that a file name or a value
// quoted in a message can neither start a new line that a CI runner reads as a
// command of its own nor send escape sequences to a terminal.
func printable(s string) string { return escapeControls(s, false) }

// escapeControls is printable, but keeps CR and LF as they are when lines is
// set (for a format that escapes them its own way).
func escapeControls(s string, lines bool) string {
	isControl := func(r rune) bool {
		return (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) && !(lines && (r == '\n' || r == '\r'))
	}
	clean := true
	for _, r := range s {
		if isControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case isControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Diagnostics is the collected problems of a run.
type Diagnostics []Diagnostic

// Sort orders diagnostics by path, line, column, severity, message and code, and drops exact
// duplicates, so that every run prints the same list in the same order.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Code, b.Code))
	})
	return slices.Compact(ds)
}

// Errors counts the diagnostics of severity Error.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() int { return len(ds) - ds.Errors() }

// DiagSink collects diagnostics for one file.
type DiagSink struct {
	Path  string
	Diags Diagnostics
}

// report adds a diagnostic of the code's severity at p.
func (s *DiagSink) Report(code Code, p Pos, format string, args ...any) {
	s.Diags = append(s.Diags, NewDiagnostic(code, s.Path, p, fmt.Sprintf(format, args...)))
}

// Pos is a 1-based line and column in a file: the one the diagnostic is about,
// unless File names another (archfolio.yaml, for a field its defaults: gave a
// document).
type Pos struct {
	Line, Col int
	File      string
}
