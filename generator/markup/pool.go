package markup

import (
	"bytes"
	"html/template"
	"sync"
)

// Pool keeps byte buffers for reuse: the page buffers and the scratch
// buffers the Go-written parts of pages (grid rows, panel rows, panels) write
// into; each run has its own. Unlike
// sync.Pool it survives garbage collections, which a large build at its memory
// limit runs often: with sync.Pool every collection dropped the buffers, and
// each page grew new ones from nothing.
type Pool struct {
	mu   sync.Mutex
	free []*bytes.Buffer
}

const (
	poolBuffers   = 32      // buffers kept at most
	poolBufferCap = 4 << 20 // a bigger buffer (a page of the whole portfolio) is let go
)

// Get returns an empty buffer; a nil pool makes a new one.
func (p *Pool) Get() *bytes.Buffer {
	if p == nil {
		return new(bytes.Buffer)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return new(bytes.Buffer)
}

// Put gives b back; its contents must no longer be used.
func (p *Pool) Put(b *bytes.Buffer) {
	if p == nil || b.Cap() > poolBufferCap {
		return
	}
	b.Reset()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < poolBuffers {
		p.free = append(p.free, b)
	}
}

// HTML returns b's contents as HTML (a copy) and gives b back.
func (p *Pool) HTML(b *bytes.Buffer) template.HTML {
	s := template.HTML(b.String())
	p.Put(b)
	return s
}
