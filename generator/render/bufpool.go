package render

import (
	"bytes"
	"html/template"
	"unsafe"
)

// lend returns b's contents as HTML for the page being rendered, without a
// copy: b stays the page's until its layout has run (writePage), then goes back
// to the pool. The parts of a page written in Go (the document block, panels,
// rows) are copied once, into the page, instead of twice. Only the page's own
// template may hold the HTML, and it copies it into the page as it runs; a
// fragment cached across pages must use markup.Pool.html. Outside a render it
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
		pg.renderer.bufs.Put(b)
		pg.scratch[i] = nil
	}
	pg.scratch = pg.scratch[:0]
}
