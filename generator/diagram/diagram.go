// Package diagram lays out dependency graphs and writes them as SVG, at build time,
// so the pictures read without JavaScript.
//
// Two layouts are offered. Layered is a Sugiyama-style layout for the portfolio
// map: longest-path layering (cycles broken by reversing back edges, which are
// drawn as such), dummy nodes for edges that span layers, barycentric crossing
// reduction over a few sweeps, and coordinates from isotonic regression so that
// every box sits as near its neighbours as the order allows. Nodes may be grouped
// into horizontal bands (a blueprint's domain); a band holds its nodes in every
// layer. Bands may instead be drawn as nested frames (Options.Frames: a data-flow
// diagram's trust boundaries), each frame's bands following its own, with a line
// for its label above them. Columns is the linear layout of a neighbourhood map: the caller decides
// the columns (what depends on this → this → what this depends on) and the order
// in each; boxes are stacked and edges drawn, in time linear in the picture.
//
// Layers and columns run left to right: an edge From → To ("From depends on To")
// points right unless it closes a cycle. Output is deterministic: the same graph
// and options give the same Drawing and the same bytes of SVG.
//
// Legibility: the theme opens a drawing at its actual size (one SVG unit a CSS
// pixel), so no text is under 11 px at default zoom; an edge label is drawn
// whole where it overlaps no box and no other label, or not at all (the edge's
// <title> and the table beside every map keep it); each page explains, beside
// a drawing, every line style it uses. generator's TestDiagramsAreLegibleInChromium
// checks these rules with the browser's own text positions.
package diagram

import "archfolio/generator/graph"

// Options sets a drawing's geometry, in SVG user units (pixels).
type Options struct {
	NodeWidth  float64 // width of a box
	NodeHeight float64 // height of a box
	LayerGap   float64 // horizontal room between layers, for edges and their labels
	NodeGap    float64 // vertical room between boxes
	// Sweeps is how many crossing-reduction sweeps Layered makes (each one pass
	// left to right and one back); 0 means 4.
	Sweeps int
	// Bands groups a Layered drawing's nodes into horizontal bands by Node.Group.
	Bands bool
	// BandOrder lists groups in the order of their bands; the others follow by
	// name, and the empty group comes last.
	BandOrder []string
	// Frames draws a Layered drawing's groups as nested frames (Frame) instead
	// of bands; it implies Bands, and the frames give the bands' order.
	Frames []Frame
}

// DefaultOptions are the geometry of archfolio's maps: boxes for two lines of a
// title and a line of details.
func DefaultOptions() Options {
	return Options{NodeWidth: 184, NodeHeight: 50, LayerGap: 96, NodeGap: 14, Sweeps: 4}
}

const (
	margin      = 16.0
	bandPadTop  = 26.0 // room for the band's label
	bandPadBot  = 10.0
	dummyHeight = 2.0 // an edge passing through a layer
	dummyGap    = 6.0
	headerRoom  = 24.0 // room above the columns of a Columns drawing
)

// Point is a position in the drawing.
type Point struct{ X, Y float64 }

// Box is a node placed in the drawing: its top-left corner and size.
type Box struct {
	Node       graph.Node
	X, Y, W, H float64
}

// Route is the path of one edge, from a side of its From box to a side of its To
// box, passing through the gaps between layers. Each segment is drawn as a curve
// that leaves and arrives horizontally, so a segment between two points at the
// same height is straight.
type Route struct {
	Edge   graph.Edge
	Points []Point
	// Back is true when the edge runs right to left: it closes a cycle.
	Back bool
}

// Band is the horizontal strip of one group.
type Band struct {
	Group string
	Y, H  float64
}

// Header is the heading of a column.
type Header struct {
	Label string
	X, W  float64
}

// Drawing is a laid-out graph, ready to be written as SVG.
type Drawing struct {
	Width, Height float64
	Boxes         []Box
	Routes        []Route
	Bands         []Band
	Frames        []FrameBox // outermost first
	Headers       []Header
	// Crossings counts the edge crossings between adjacent layers that ordering
	// left (a measure of how readable the drawing is).
	Crossings int
}
