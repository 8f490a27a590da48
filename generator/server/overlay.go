package server

import (
	"archfolio/generator/diag"
	"bytes"
	_ "embed"
	"fmt"
	"hash/fnv"
	"html/template"
)

//go:embed assets/overlay.html
var overlaySource string

// overlayTemplates holds "snippet" (injected into HTML responses: the error
// overlay or the warnings badge, and the live-reload script) and "failure" (the
// page served when no build has rendered). Parsed once; never modified.
var overlayTemplates = template.Must(template.New("overlay").Parse(overlaySource))

// overlayView is what the overlay templates receive.
type overlayView struct {
	Base, Build string
	Overlay     bool   // errors: show the overlay; otherwise warnings show as a badge
	Failure     string // why the build could not render
	Errors      int
	Stale       bool
	Diags       []diagView
	// Folded are the errors in references between documents, shown folded
	// under Diags when Diags has errors of files, fields or archfolio.yaml:
	// one typo in a kind or an id makes every reference to that document an
	// error, and the cause must come first.
	Folded     []diagView
	WarningKey string // identifies the set of warnings a dismissal applies to
}

// diagView is one diagnostic of the overlay; Code and Rule ("AF101",
// "unknown-kind") are empty for a diagnostic without a code.
type diagView struct {
	Pos, Severity, Message, Code, Rule string
}

func newOverlayView(base string, st *siteState) overlayView {
	v := overlayView{Base: base, Build: st.id, Overlay: st.hasErrors(), Errors: st.diags.Errors(), Stale: st.stale}
	if st.failure != nil {
		v.Failure = st.failure.Error()
	}
	fold := false
	for _, d := range st.diags {
		fold = fold || (v.Overlay && d.Severity == diag.Error && !isReference(d.Code))
	}
	key := fnv.New64a()
	for _, d := range st.diags {
		if !v.Overlay && d.Severity != diag.Warning {
			continue
		}
		dv := diagView{Pos: position(d), Severity: d.Severity.String(), Message: d.Message,
			Code: d.Code.String(), Rule: d.Code.Name()}
		if fold && isReference(d.Code) {
			v.Folded = append(v.Folded, dv)
		} else {
			v.Diags = append(v.Diags, dv)
		}
		fmt.Fprintln(key, d.String())
	}
	v.WarningKey = fmt.Sprintf("%x", key.Sum64())
	return v
}

// isReference reports whether a code is of a reference between documents
// (AF2xx), which an error elsewhere (an unknown kind, a broken id) can cause.
func isReference(c diag.Code) bool { return c >= 200 && c < 300 }

// position is a diagnostic's path:line:col, as in every other output.
func position(d diag.Diagnostic) string {
	pos := d.Path
	if pos == "" {
		pos = "archfolio"
	}
	if d.Line > 0 {
		pos += fmt.Sprintf(":%d:%d", d.Line, max(d.Col, 1))
	}
	return pos
}

// renderSnippet renders what a build injects into HTML responses.
func (s *Server) renderSnippet(st *siteState) []byte {
	return s.execOverlay("snippet", st)
}

// failurePage is served when no build has rendered yet.
func (s *Server) failurePage(st *siteState) []byte {
	return s.execOverlay("failure", st)
}

func (s *Server) execOverlay(name string, st *siteState) []byte {
	var buf bytes.Buffer
	if err := overlayTemplates.ExecuteTemplate(&buf, name, newOverlayView(s.BasePath, st)); err != nil {
		// The templates are fixed and their data plain strings; this cannot happen
		// short of a bug, and the page must still be served.
		s.logf("overlay: %v", err)
	}
	return buf.Bytes()
}
