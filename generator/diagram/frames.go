package diagram

import (
	"bytes"
	"cmp"
	"slices"
	"unicode/utf8"
)

// Frame is a labelled region of a Layered drawing that holds the nodes whose
// Group is its ID and the frames nested in it (a trust boundary of a
// data-flow diagram). Frames are drawn as nested rectangles: a frame's nodes
// sit in a band of their own, its nested frames' bands follow it, and each
// frame's label has a line of its own above everything it holds.
type Frame struct {
	ID, Label string
	Parent    string // the ID of the frame it is nested in; "" for an outermost frame
}

// FrameBox is a frame placed in the drawing, with the line of its label.
type FrameBox struct {
	Frame
	Depth      int // 1 for an outermost frame
	X, Y, W, H float64
}

const (
	frameInset     = 12.0 // horizontal room each level of frames takes on either side
	frameLabelRoom = 22.0 // a frame's label line
	frameGap       = 8.0  // room under a frame's last band, per frame ending there
)

// frameLayout is where each band's frames start and end.
type frameLayout struct {
	order  []Frame        // preorder: each frame before the ones nested in it
	depth  map[string]int // frame ID → depth
	starts [][]int        // band → frames (index in order) whose first band it is, outermost first
	ends   [][]int        // band → frames whose last band it is, innermost first
	first  []int          // frame → its first band, -1 when it holds no node
	last   []int
	deep   int // the deepest frame holding a node
}

// frameOrder lists frames in preorder, the outermost and each frame's nested
// frames in the order given; a frame whose parent is unknown is outermost, and
// a frame in a loop of parents is left out.
func frameOrder(frames []Frame) ([]Frame, map[string]int) {
	known := map[string]bool{}
	for _, f := range frames {
		known[f.ID] = true
	}
	var order []Frame
	depth := map[string]int{}
	var visit func(parent string, d int)
	visit = func(parent string, d int) {
		for _, f := range frames {
			root := f.Parent == "" || !known[f.Parent]
			if _, seen := depth[f.ID]; seen || (parent == "" && !root) || (parent != "" && f.Parent != parent) {
				continue
			}
			depth[f.ID] = d
			order = append(order, f)
			visit(f.ID, d+1)
		}
	}
	visit("", 1)
	return order, depth
}

// bandOrder returns the frames' groups in the order of their bands.
func (fl *frameLayout) bandOrder() []string {
	out := make([]string, len(fl.order))
	for i, f := range fl.order {
		out[i] = f.ID
	}
	return out
}

// place finds each frame's bands, once the bands are known.
func (fl *frameLayout) place(bands []string) {
	rank := map[string]int{}
	for b, g := range bands {
		rank[g] = b
	}
	fl.starts, fl.ends = make([][]int, len(bands)), make([][]int, len(bands))
	fl.first, fl.last = make([]int, len(fl.order)), make([]int, len(fl.order))
	for i, f := range fl.order {
		fl.first[i], fl.last[i] = -1, -1
		d := fl.depth[f.ID]
		// preorder: the frame's subtree is it and the frames after it that are deeper
		for j := i; j < len(fl.order) && (j == i || fl.depth[fl.order[j].ID] > d); j++ {
			if b, ok := rank[fl.order[j].ID]; ok {
				if fl.first[i] < 0 {
					fl.first[i] = b
				}
				fl.last[i] = b
			}
		}
		if fl.first[i] >= 0 {
			fl.starts[fl.first[i]] = append(fl.starts[fl.first[i]], i)
			fl.ends[fl.last[i]] = append(fl.ends[fl.last[i]], i)
			fl.deep = max(fl.deep, d)
		}
	}
	for _, e := range fl.ends {
		slices.SortStableFunc(e, func(a, b int) int { return cmp.Compare(fl.depth[fl.order[b].ID], fl.depth[fl.order[a].ID]) })
	}
}

// pad is the room above and below band b: a label line per frame starting
// there, a gap per frame ending there.
func (fl *frameLayout) pad(b int) (top, bottom float64) {
	return frameGap + frameLabelRoom*float64(len(fl.starts[b])), frameGap + frameGap*float64(len(fl.ends[b]))
}

// boxes places the frames that hold a node.
func (fl *frameLayout) boxes(bandTop, bandRoom []float64, width float64) []FrameBox {
	var out []FrameBox
	for i, f := range fl.order {
		if fl.first[i] < 0 {
			continue
		}
		d := fl.depth[f.ID]
		b, e := fl.first[i], fl.last[i]
		top, _ := fl.pad(b)
		y := bandTop[b] - top + frameLabelRoom*float64(slices.Index(fl.starts[b], i)) + frameGap/2
		bottom := bandTop[e] + bandRoom[e] + frameGap/2 + frameGap*float64(slices.Index(fl.ends[e], i))
		x := margin/2 + frameInset*float64(d-1)
		out = append(out, FrameBox{Frame: f, Depth: d, X: x, Y: y, W: width - 2*x, H: bottom - y})
	}
	return out
}

// label is the frame's label as written, cut to the frame's width.
func (f FrameBox) label() string { return truncate(f.Label, int((f.W-16)/charWidth)) }

// labelRect is the room of a frame's label: its text, on the frame's first line.
func (f FrameBox) labelRect() rect {
	return rect{f.X, f.Y, f.X + 8 + charWidth*float64(utf8.RuneCountInString(f.label())) + 4, f.Y + frameLabelRoom}
}

// writeFrames writes the frames, outermost first, each a dashed rectangle
// with its label at its top left.
func writeFrames(b *bytes.Buffer, d *Drawing, s Style) {
	if len(d.Frames) == 0 {
		return
	}
	b.WriteString(`<g class="frames">` + "\n")
	for _, f := range d.Frames {
		writeAll(b, `<g class="frame depth-`, num(float64(f.Depth)), class(call(s.FrameClass, f.ID)), `"`)
		if id := call(s.FrameID, f.ID); id != "" {
			writeAll(b, ` id="`, esc(id), `"`)
		}
		writeAll(b, `><rect x="`, num(f.X), `" y="`, num(f.Y), `" width="`, num(f.W), `" height="`, num(f.H),
			`" rx="6" fill="none" stroke="#cf222e" stroke-dasharray="6 4"/>`)
		writeAll(b, `<text class="frame-label" x="`, num(f.X+8), `" y="`, num(f.Y+16), `" font-weight="600">`, esc(f.label()), "</text></g>\n")
	}
	b.WriteString("</g>\n")
}
