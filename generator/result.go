package generator

import "archfolio/generator/diag"

// Result is a view's typed place on every Portfolio, where its analysis keeps
// what its pages, and other views, read. A view declares its Result in a
// package variable (NewResult), so every Portfolio has room for all of them.
type Result[T any] struct{ slot int }

// numResults counts the Results declared.
var numResults int

// NewResult declares a view's Result. It must be called while the program
// initialises (a package variable).
func NewResult[T any]() Result[T] {
	numResults++
	return Result[T]{slot: numResults - 1}
}

// Get returns the view's result on p: the zero T before its analysis ran.
func (r Result[T]) Get(p *Portfolio) T {
	var zero T
	if r.slot >= len(p.results) {
		return zero
	}
	v, ok := p.results[r.slot].(T)
	if !ok {
		return zero
	}
	return v
}

// Earlier returns the view's result on the portfolio the same Loader returned
// last, while the analyses of p run; otherwise (a first load, Load, or after the
// analyses) the zero T. An analysis may reuse parts of it that it can prove
// unchanged: the documents of a file whose bytes did not change share their
// Fields (the same pointer) with the earlier load's copies, but every Document
// is new, so what is reused must point to this load's documents. Nothing of it
// may be modified: the earlier portfolio may still be served.
func (r Result[T]) Earlier(p *Portfolio) T {
	if p.earlier == nil {
		var zero T
		return zero
	}
	return r.Get(p.earlier)
}

// Set keeps v as the view's result on p.
func (r Result[T]) Set(p *Portfolio, v T) {
	if r.slot >= len(p.results) { // a Portfolio made by hand, in a test
		p.results = append(p.results, make([]any, r.slot+1-len(p.results))...)
	}
	p.results[r.slot] = v
}

// analyses lists the views' analyses in the order the views were registered;
// the staleness of documents is built in and comes first. Like the views, it
// is complete once the program has initialised.
var analyses = []analysis{{"stale", analyseStale}}

type analysis struct {
	name string
	run  func(p *Portfolio) diag.Diagnostics
}

// RegisterAnalysis adds a view's analysis to every Load: a pure function of the
// linked portfolio and Today that keeps its result in the view's Result and
// reads no other view's (they run side by side). It must be called while the
// program initialises (a view's registration does it); a name registered twice
// panics.
func RegisterAnalysis(name string, run func(p *Portfolio) diag.Diagnostics) {
	for _, a := range analyses {
		if a.name == name {
			panic("generator: analysis " + name + " registered twice")
		}
	}
	analyses = append(analyses, analysis{name, run})
}

// siteChecks are the checks of a loaded site that are not a view's (the
// theme's overrides); Load runs them after the analyses.
var siteChecks []func(opts Options, p *Portfolio) diag.Diagnostics

// RegisterSiteCheck adds a check to every Load. It must be called while the
// program initialises.
func RegisterSiteCheck(check func(opts Options, p *Portfolio) diag.Diagnostics) {
	siteChecks = append(siteChecks, check)
}
