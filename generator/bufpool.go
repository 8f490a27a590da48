package generator

import (
	"bytes"
	"html/template"
	"sync"
	"unsafe"
)

// bufferPool keeps byte buffers for reuse: the page buffers and the scratch
// buffers the Go-written parts of pages (grid rows, panel rows, panels) write
// into; each run has its own (siteRenderer.bufs, builder.bufs). Unlike
// sync.Pool it survives garbage collections, which a large build at its memory
// limit runs often: with sync.Pool every collection dropped the buffers, and
// each page grew new ones from nothing.
type bufferPool struct {
	mu   sync.Mutex
	free []*bytes.Buffer
}

const (
	poolBuffers   = 32      // buffers kept at most
	poolBufferCap = 4 << 20 // a bigger buffer (a page of the whole portfolio) is let go
)

// get returns an empty buffer; a nil pool makes a new one.
func (p *bufferPool) get() *bytes.Buffer {
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

// put gives b back; its contents must no longer be used.
func (p *bufferPool) put(b *bytes.Buffer) {
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

// html returns b's contents as HTML (a copy) and gives b back.
func (p *bufferPool) html(b *bytes.Buffer) template.HTML {
	s := template.HTML(b.String())
	p.put(b)
	return s
}

// lend returns b's contents as HTML for the page being rendered, without a
// copy: b stays the page's until its layout has run (writePage), then goes back
// to the pool. The parts of a page written in Go (the document block, panels,
// rows) are copied once, into the page, instead of twice. Only the page's own
// template may hold the HTML, and it copies it into the page as it runs; a
// fragment cached across pages must use bufferPool.html. Outside a render it
// copies.
func (pg *Page) lend(b *bytes.Buffer) template.HTML {
	if pg.renderer == nil {
		return template.HTML(b.String())
	}
	pg.scratch = append(pg.scratch, b)
	return template.HTML(unsafe.String(unsafe.SliceData(b.Bytes()), b.Len()))
}

// giveBack returns the buffers lent while rendering the page to the pool.
func (pg *Page) giveBack() {
	for i, b := range pg.scratch {
		pg.renderer.bufs.put(b)
		pg.scratch[i] = nil
	}
	pg.scratch = pg.scratch[:0]
}
