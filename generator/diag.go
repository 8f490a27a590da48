package generator

import (
	"cmp"
	"fmt"
	"slices"
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
}

// String renders the diagnostic as path:line:col: severity: message.
func (d Diagnostic) String() string {
	pos := d.Path
	if pos == "" {
		pos = "archfolio"
	}
	if d.Line > 0 {
		pos += fmt.Sprintf(":%d:%d", d.Line, max(d.Col, 1))
	}
	return fmt.Sprintf("%s: %s: %s", pos, d.Severity, d.Message)
}

// Diagnostics is the collected problems of a run.
type Diagnostics []Diagnostic

// Sort orders diagnostics by path, line, column, severity and message, and drops exact
// duplicates, so that every run prints the same list in the same order.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message))
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

// diagSink collects diagnostics for one file.
type diagSink struct {
	path  string
	diags Diagnostics
}

func (s *diagSink) add(sev Severity, line, col int, format string, args ...any) {
	s.diags = append(s.diags, Diagnostic{Path: s.path, Line: line, Col: col, Severity: sev,
		Message: fmt.Sprintf(format, args...)})
}

func (s *diagSink) errorf(p Pos, format string, args ...any) {
	s.add(Error, p.Line, p.Col, format, args...)
}

func (s *diagSink) warnf(p Pos, format string, args ...any) {
	s.add(Warning, p.Line, p.Col, format, args...)
}

// Pos is a 1-based line and column in a file.
type Pos struct{ Line, Col int }
