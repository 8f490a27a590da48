package generator

import (
	"archfolio/generator/diag"
	"bytes"
	"unicode/utf8"
)

// posAt converts a byte offset in src to a 1-based line and character column.
func posAt(src []byte, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	line := bytes.Count(src[:off], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line, Col: utf8.RuneCount(src[lineStart:off]) + 1}
}

// position converts ascending byte offsets to positions in one pass; an offset
// before the previous one starts again from the top.
type position struct {
	off int
	pos diag.Pos
}

func (p *position) of(src []byte, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	if off < p.off {
		*p = position{}
	}
	if p.off == 0 {
		p.pos = diag.Pos{Line: 1, Col: 1}
	}
	// Whole lines at once: a newline is never part of another character, so the
	// character walk below would stop on each one.
	if nl := bytes.LastIndexByte(src[p.off:off], '\n'); nl >= 0 {
		p.pos.Line += bytes.Count(src[p.off:p.off+nl+1], []byte("\n"))
		p.pos.Col = 1
		p.off += nl + 1
	}
	for p.off < off {
		r, size := utf8.DecodeRune(src[p.off:])
		if r == '\n' {
			p.pos.Line, p.pos.Col = p.pos.Line+1, 1
		} else {
			p.pos.Col++
		}
		p.off += size
	}
	return p.pos
}

// Pos returns the position of the front-matter path p (or of its nearest
// ancestor that was written), falling back to the document's first line.
func (d *Document) Pos(p string) diag.Pos { return d.positions.Pos(p) }

// Written reports whether the front matter has the path p, even with a value the
// schema rejected (which is then reported already).
func (d *Document) Written(p string) bool { return d.positions.Written(p) }

// literal returns a scalar that YAML 1.1 read as a boolean exactly as written at path p.
func (d *Document) literal(p string) (string, bool) { return d.positions.Literal(p) }
