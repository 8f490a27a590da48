package server

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"archfolio/generator/diag"
	"archfolio/generator/render"
)

// settleLimit bounds the debounce: files that never stay quiet (a long git
// checkout) are rebuilt at least this often.
const settleLimit = time.Second

// siteState is what the server serves between two builds. It is never modified
// once published.
type siteState struct {
	id string // the build's identity, sent to browsers, unique across restarts
	// files is what is served: this build, or the last good one when this build has
	// errors; nil when no build has rendered yet. Its pages are rendered when first
	// asked for.
	files *render.LazySite
	// stale is set when files come from an earlier build.
	stale   bool
	diags   diag.Diagnostics // of this build
	failure error            // why this build could not render
	took    time.Duration
	snippet []byte // what is injected into HTML responses
}

// hasErrors reports whether the build needs the error overlay.
func (st *siteState) hasErrors() bool { return st.failure != nil || st.diags.Errors() > 0 }

// buildResult is one finished build.
type buildResult struct {
	out   *render.LazySite // nil when rendering failed
	diags diag.Diagnostics
	err   error
	took  time.Duration
}

// build loads the site again (incrementally: see generator.Loader) and prepares it
// for rendering on demand. It returns nil when ctx ended.
func (s *Server) build(ctx context.Context) *buildResult {
	start := time.Now()
	p, diags, err := s.loader.Load(ctx)
	if err != nil {
		return nil
	}
	out, err := render.NewLazySite(ctx, p, s.Options)
	if ctx.Err() != nil {
		return nil
	}
	return &buildResult{out: out, diags: diags, err: err, took: time.Since(start)}
}

// publish makes a finished build the served state and tells the browsers.
func (s *Server) publish(res *buildResult) {
	s.builds++
	st := &siteState{id: fmt.Sprintf("%s.%d", s.instance, s.builds), diags: res.diags,
		failure: res.err, took: res.took}
	prev := s.state.Load()
	if res.out != nil {
		s.rendered = res.out
		if !st.hasErrors() {
			s.good = res.out
		}
	}
	st.files = s.rendered
	if st.hasErrors() && s.good != nil {
		st.files, st.stale = s.good, true
	}
	st.snippet = s.renderSnippet(st)
	s.state.Store(st)
	s.hub.notify()
	s.logBuild(prev, st)
}

func (s *Server) logBuild(prev, st *siteState) {
	took := st.took.Round(time.Millisecond)
	switch {
	case st.failure != nil:
		s.logf("build failed after %s: %v", took, st.failure)
	default:
		s.logf("built in %s: %d errors, %d warnings", took, st.diags.Errors(), st.diags.Warnings())
	}
	if prev == nil || !slices.Equal(prev.diags, st.diags) {
		var buf bytes.Buffer
		_ = diag.WriteDiagnostics(&buf, st.diags, "text")
		if buf.Len() > 0 {
			s.logf("%s", bytes.TrimRight(buf.Bytes(), "\n"))
		}
	}
	if st.stale {
		s.logf("serving the last build without errors until they are fixed")
	}
}

// rebuildLoop rebuilds after every change until ctx ends.
func (s *Server) rebuildLoop(ctx context.Context, changes <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-changes:
		}
		for s.settle(ctx, changes) {
			res, superseded := s.buildUnlessChanged(ctx, changes)
			if !superseded {
				if res != nil {
					s.publish(res)
				}
				break
			}
		}
	}
}

// settle waits until no change has arrived for Debounce (or settleLimit has
// passed); it returns false when ctx ends.
func (s *Server) settle(ctx context.Context, changes <-chan struct{}) bool {
	quiet := time.NewTimer(s.Debounce)
	defer quiet.Stop()
	limit := time.NewTimer(settleLimit)
	defer limit.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-changes:
			quiet.Reset(s.Debounce)
		case <-quiet.C:
			return true
		case <-limit.C:
			return true
		}
	}
}

// buildUnlessChanged builds the site, cancelling the build when a newer change
// arrives (superseded). The result is nil when ctx ended.
func (s *Server) buildUnlessChanged(ctx context.Context, changes <-chan struct{}) (res *buildResult, superseded bool) {
	bctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan *buildResult, 1)
	go func() { done <- s.build(bctx) }()
	select {
	case res := <-done:
		return res, false
	case <-changes:
		cancel()
		<-done
		return nil, true
	}
}
