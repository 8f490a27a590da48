package roadmap

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"archfolio/generator"
	"archfolio/generator/diagram"
)

// The roadmap's pictures, drawn at build time: the swimlane timeline of a track
// and the small strip on an item's page. Colours come from the theme's stylesheet
// through classes; status is also shown by a symbol in each label and a pattern
// (dashed, hatched, struck through), slipped items by a warning sign and a dashed
// tail to today, and milestones by the fill of their diamond.

// Timeline layout, in SVG user units (pixels at 100%).
const (
	tlLaneW    = 244.0 // the lane header column
	tlQuarterW = 100.0
	tlYearH    = 20.0
	tlQuarterH = 22.0
	tlRowH     = 40.0 // a bar, and under it the room for its milestones
	tlBarH     = 18.0
	tlMsH      = 10.0 // a milestone diamond's height, hung under its bar
	tlLanePad  = 8.0
	tlLaneMinH = 52.0
	tlRightPad = 12.0
	tlCharW    = 6.8 // the average width of a character at 12px, for fitting labels
	tlSmallW   = 6.1 // the same at 11px
	stripW     = 640.0
	stripRowY  = 48.0
)

// timelineGeom maps dates to x coordinates over a window of quarters.
type timelineGeom struct {
	first, last int     // quarter indexes
	x0, qw      float64 // x of the window's start, width of a quarter
}

// x returns the x of the start of day t, clamped to the window.
func (g timelineGeom) x(t time.Time) float64 {
	q := quarterOf(t)
	switch {
	case q < g.first:
		return g.x0
	case q > g.last:
		return g.right()
	}
	qs, qe := quarterStart(q), quarterStart(q+1)
	frac := t.Sub(qs).Hours() / qe.Sub(qs).Hours()
	return g.x0 + (float64(q-g.first)+frac)*g.qw
}

// xEnd returns the x of the end of day t (a bar's inclusive last day).
func (g timelineGeom) xEnd(t time.Time) float64 { return g.x(t.AddDate(0, 0, 1)) }

func (g timelineGeom) right() float64 { return g.x0 + float64(g.last-g.first+1)*g.qw }

// inWindow reports whether day t is inside the window.
func (g timelineGeom) inWindow(t time.Time) bool {
	q := quarterOf(t)
	return q >= g.first && q <= g.last
}

// statusSymbol is the symbol that shows an item's status in labels, beside colour.
func statusSymbol(status string) string {
	switch status {
	case "done":
		return "✓"
	case "in-progress":
		return "▶"
	case "planned":
		return "○"
	case "proposed":
		return "◇"
	case "on-hold":
		return "‖"
	case "cancelled":
		return "✕"
	}
	return "•"
}

// barBox is where an item's bar is drawn.
type barBox struct {
	x1, x2, y float64 // y is the bar's top
}

func (b barBox) mid() float64 { return b.y + tlBarH/2 }

// TimelineSVG draws a track's swimlane timeline for the page at pageURL: lanes with
// their maturity, quarter columns under year labels, a linked bar per dated item,
// milestones, dependency arrows, today's line and slipped items marked.
func TimelineSVG(t *Track, today time.Time, pageURL string) template.HTML {
	id := "rmt-" + t.Slug
	g, boxes, laneY := timelineLayout(t)
	top := laneY[0]
	bottom := laneY[len(laneY)-1]
	height := bottom + 20
	width := g.right() + tlRightPad
	w := &diagram.Writer{}
	w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "rm-timeline", "id", id,
		"viewBox", "0 0 "+diagram.Num(width)+" "+diagram.Num(height), "width", diagram.Num(width), "height", diagram.Num(height),
		"role", "group", "aria-labelledby", id+"-title "+id+"-desc", "font-size", "12")
	w.Newline()
	w.Text("title", t.Title+": timeline", "id", id+"-title")
	w.Text("desc", timelineDesc(t, today, g), "id", id+"-desc")
	w.Newline()
	writeDefs(w, id)
	writeQuarterGrid(w, g, 0, bottom, true)
	writeLaneHeads(w, t, laneY, width)
	writeDependencyArrows(w, t, boxes, id)
	w.Open("g", "class", "rm-items")
	w.Newline()
	var labels []textBox
	for _, it := range t.Items {
		if b, ok := boxes[it]; ok {
			labels = append(labels, writeBar(w, it, b, g, today, id, generator.RelURL(pageURL, it.Doc.URL)))
		}
	}
	w.Close("g")
	w.Newline()
	writeToday(w, g, today, top, bottom, labels)
	w.Close("svg")
	return w.HTML()
}

// timelineLayout places a track's timeline: its quarters, its bars and the
// top of each lane, then the bottom of the last (see layoutLanes).
func timelineLayout(t *Track) (timelineGeom, map[*RoadmapItem]barBox, []float64) {
	g := timelineGeom{first: t.First, last: t.Last, x0: tlLaneW, qw: tlQuarterW}
	boxes, laneY := layoutLanes(t, g, tlYearH+tlQuarterH)
	return g, boxes, laneY
}

// layoutLanes gives every dated item of the track a row of its own within its
// lane and returns the bars and each lane's top, then the bottom of the last
// lane. A lane is also tall enough for its head in the narrow lane column
// (LaneHeadsSVG), which shares these lanes.
func layoutLanes(t *Track, g timelineGeom, top float64) (map[*RoadmapItem]barBox, []float64) {
	boxes := map[*RoadmapItem]barBox{}
	y := top
	laneY := make([]float64, 0, len(t.Lanes)+1)
	for _, l := range t.Lanes {
		laneY = append(laneY, y)
		row := 0
		for _, it := range l.Items {
			if !it.Dated {
				continue
			}
			by := y + tlLanePad + float64(row)*tlRowH + (tlRowH-tlBarH)/2
			boxes[it] = barBox{x1: g.x(it.From), x2: max(g.xEnd(it.To), g.x(it.From)+4), y: by}
			row++
		}
		y += max(tlLaneMinH, 2*tlLanePad+float64(row)*tlRowH, narrowHead(l).height())
	}
	laneY = append(laneY, y)
	return boxes, laneY
}

func timelineDesc(t *Track, today time.Time, g timelineGeom) string {
	dated := len(t.Items) - t.Undated
	s := fmt.Sprintf("%d %s in %d capability %s from %s to %s. Today is %s.", dated, generator.PluralWord(dated, "item", "items"),
		len(t.Lanes), generator.PluralWord(len(t.Lanes), "lane", "lanes"), quarterName(g.first), quarterName(g.last), day(today))
	if n := len(t.Slipped); n > 0 {
		s += fmt.Sprintf(" %d %s slipped.", n, generator.PluralWord(n, "item has", "items have"))
	}
	return s
}

// quarterName names a quarter index: "2026 Q3".
func quarterName(q int) string { return fmt.Sprintf("%04d Q%d", q/4, q%4+1) }

func writeDefs(w *diagram.Writer, id string) {
	w.Open("defs")
	for _, m := range []struct{ suffix, class string }{{"-arrow", "rm-arrowhead"}, {"-arrow-warn", "rm-arrowhead rm-arrowhead-warn"}} {
		w.Open("marker", "id", id+m.suffix, "viewBox", "0 0 8 8", "refX", "7", "refY", "4",
			"markerWidth", "7", "markerHeight", "7", "orient", "auto")
		w.Empty("path", "d", "M0,0 L8,4 L0,8 z", "class", m.class)
		w.Close("marker")
	}
	w.Open("pattern", "id", id+"-hatch", "width", "6", "height", "6", "patternUnits", "userSpaceOnUse",
		"patternTransform", "rotate(45)")
	w.Empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "class", "rm-hatch-line")
	w.Close("pattern")
	w.Close("defs")
	w.Newline()
}

// writeQuarterGrid draws the quarter columns from top to bottom with their labels
// above: year labels (when years is true) and quarter labels.
func writeQuarterGrid(w *diagram.Writer, g timelineGeom, top, bottom float64, years bool) {
	w.Open("g", "class", "rm-grid")
	w.Newline()
	qy := top
	if years {
		qy += tlYearH
	}
	for q := g.first; q <= g.last; q++ {
		x := g.x0 + float64(q-g.first)*g.qw
		class := "rm-col"
		if q%2 == 1 {
			class += " rm-col-alt"
		}
		w.Empty("rect", "class", class, "x", diagram.Num(x), "y", diagram.Num(qy), "width", diagram.Num(g.qw), "height", diagram.Num(bottom-qy))
		w.Text("text", "Q"+strconv.Itoa(q%4+1), "class", "rm-quarter", "x", diagram.Num(x+g.qw/2), "y", diagram.Num(qy+15), "text-anchor", "middle")
		if q%4 == 0 || q == g.first {
			yearEnd := min(g.last, q-q%4+3)
			if years {
				xe := g.x0 + float64(yearEnd-g.first+1)*g.qw
				w.Text("text", strconv.Itoa(q/4), "class", "rm-year", "x", diagram.Num((x+xe)/2), "y", diagram.Num(top+14), "text-anchor", "middle")
			}
			lineClass := "rm-year-line"
			if q == g.first { // the timeline's left edge, which a frozen lane column draws instead (style.css)
				lineClass += " rm-start-line"
			}
			w.Empty("line", "class", lineClass, "x1", diagram.Num(x), "y1", diagram.Num(top), "x2", diagram.Num(x), "y2", diagram.Num(bottom))
		}
		w.Newline()
	}
	w.Close("g")
	w.Newline()
}

// writeLaneHeads draws each lane's band and header: title and maturity.
func writeLaneHeads(w *diagram.Writer, t *Track, laneY []float64, width float64) {
	w.Open("g", "class", "rm-lanes")
	w.Newline()
	for i, l := range t.Lanes {
		y, h := laneY[i], laneY[i+1]-laneY[i]
		w.Open("g", "class", "rm-lane")
		tip := l.Title
		if l.Description != "" {
			tip += ": " + l.Description
		}
		w.Text("title", tip+" — maturity "+cmp.Or(l.Maturity.Arrow(), "not stated"))
		w.Empty("rect", "class", "rm-lane-band", "x", "0", "y", diagram.Num(y), "width", diagram.Num(width), "height", diagram.Num(h))
		w.Empty("rect", "class", "rm-lane-head", "x", "0", "y", diagram.Num(y), "width", diagram.Num(tlLaneW-4), "height", diagram.Num(h))
		w.Text("text", fitText(l.Title, tlLaneW-20, tlCharW), "class", "rm-lane-title", "x", "10", "y", diagram.Num(y+20))
		w.Text("text", fitText("Maturity: "+cmp.Or(l.Maturity.Arrow(), "not stated"), tlLaneW-20, tlSmallW),
			"class", "rm-lane-maturity", "x", "10", "y", diagram.Num(y+38))
		w.Close("g")
		w.Newline()
	}
	w.Close("g")
	w.Newline()
}

// fitText shortens s with an ellipsis to fit width, at charW per character.
func fitText(s string, width, charW float64) string {
	n := int(width / charW)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 2 {
		return "…"
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * tlCharW }

// writeDependencyArrows draws an elbow arrow from the end of each dependency's bar
// to the start of the bar that depends on it; an item starting before its
// dependency ends gets a dashed warning arrow.
func writeDependencyArrows(w *diagram.Writer, t *Track, boxes map[*RoadmapItem]barBox, id string) {
	w.Open("g", "class", "rm-deps")
	w.Newline()
	for _, it := range t.Items {
		to, ok := boxes[it]
		if !ok {
			continue
		}
		for _, dep := range it.DependsOn {
			from, ok := boxes[dep]
			if !ok {
				continue
			}
			class, marker, tip := "rm-dep", id+"-arrow", it.Doc.Title+" depends on "+dep.Doc.Title
			if startsBeforeEnd(it, dep) {
				class, marker = "rm-dep rm-dep-warn", id+"-arrow-warn"
				tip += ", but starts before it ends"
			}
			w.Open("path", "class", class, "d", arrowPath(from, to), "marker-end", "url(#"+marker+")")
			w.Text("title", tip)
			w.Close("path")
			w.Newline()
		}
	}
	w.Close("g")
	w.Newline()
}

// arrowPath routes a dependency arrow from the end of from to the start of to:
// right, down, right when there is room; else through the gap above to's row and
// in from its left.
func arrowPath(from, to barBox) string {
	start := "M" + diagram.Num(from.x2) + "," + diagram.Num(from.mid()) + " h8 V"
	if to.x1-from.x2 >= 16 {
		return start + diagram.Num(to.mid()) + " H" + diagram.Num(to.x1-1)
	}
	gap := to.y - (tlRowH-tlBarH)/2
	if to.y < from.y {
		gap = to.y + tlBarH + (tlRowH-tlBarH)/2
	}
	return start + diagram.Num(gap) + " H" + diagram.Num(to.x1-10) + " V" + diagram.Num(to.mid()) + " H" + diagram.Num(to.x1-1)
}

// itemTip is the full description of an item's bar, for its <title>.
func itemTip(it *RoadmapItem) string {
	s := it.Doc.Title + " — " + generator.Humanize(cmp.Or(it.Status, "no status"))
	if it.Slipped {
		s += ", slipped: ended " + day(it.To) + " and not done"
	}
	s += " — " + it.Start.Text + " to " + it.End.Text
	if it.Start.Text != day(it.From) || it.End.Text != day(it.To) {
		s += " (" + day(it.From) + " to " + day(it.To) + ")"
	}
	return s
}

// writeBar draws one item: a link around its bar, status pattern, label (inside
// the bar when it fits, else beside it), slip tail and milestones.
func writeBar(w *diagram.Writer, it *RoadmapItem, b barBox, g timelineGeom, today time.Time, id, href string) textBox {
	class := "rm-item rm-status-" + generator.Slug(cmp.Or(it.Status, "none"))
	if it.Slipped {
		class += " rm-slipped"
	}
	w.Open("a", "href", href, "class", class, "id", id+"-"+it.Doc.ID)
	w.Text("title", itemTip(it))
	after := b.x2 // where a label beside the bar may start
	if it.Slipped && g.inWindow(today) && g.x(today) > b.x2 {
		w.Empty("rect", "class", "rm-slip-tail", "x", diagram.Num(b.x2), "y", diagram.Num(b.y), "width", diagram.Num(g.x(today)-b.x2), "height", diagram.Num(tlBarH))
		after = g.x(today)
	}
	writeBarShape(w, it, b, id)
	label := statusSymbol(it.Status) + " " + it.Doc.Title
	if it.Slipped {
		label = "⚠ " + label
	}
	box := writeLabel(w, label, b, after, g)
	w.Close("a")
	writeMilestones(w, it.Milestones, b, g)
	w.Newline()
	return box
}

// textBox is the room a label takes, as estimated from its characters: what
// today's line leaves a gap for.
type textBox struct{ x1, x2, y1, y2 float64 }

func writeBarShape(w *diagram.Writer, it *RoadmapItem, b barBox, id string) {
	rect := []string{"x", diagram.Num(b.x1), "y", diagram.Num(b.y), "width", diagram.Num(b.x2 - b.x1), "height", diagram.Num(tlBarH)}
	w.Empty("rect", append([]string{"class", "rm-bar"}, append(rect, "rx", "3")...)...)
	switch it.Status {
	case "on-hold":
		w.Empty("rect", append([]string{"class", "rm-hatch", "fill", "url(#" + id + "-hatch)"}, rect...)...)
	case "cancelled":
		w.Empty("line", "class", "rm-strike", "x1", diagram.Num(b.x1), "y1", diagram.Num(b.mid()), "x2", diagram.Num(b.x2), "y2", diagram.Num(b.mid()))
	}
}

// labelGap keeps a label beside a bar clear of the dependency arrows that leave
// its end and enter its start (their elbows are 8 and 10 units out).
const labelGap = 13.0

// writeLabel puts the label inside the bar when it fits, else after the bar (and
// its slip tail, which ends at after), else before it, else inside it
// shortened, and returns the room it takes.
func writeLabel(w *diagram.Writer, label string, b barBox, after float64, g timelineGeom) textBox {
	y := diagram.Num(b.mid() + 4)
	tw := textWidth(label)
	box := textBox{y1: b.y, y2: b.y + tlBarH}
	switch {
	case tw+10 <= b.x2-b.x1:
		w.Text("text", label, "class", "rm-label", "x", diagram.Num(b.x1+5), "y", y)
		box.x1, box.x2 = b.x1+5, b.x1+5+tw
	case after+labelGap+tw <= g.right():
		w.Text("text", label, "class", "rm-label rm-label-out", "x", diagram.Num(after+labelGap), "y", y)
		box.x1, box.x2 = after+labelGap, after+labelGap+tw
	case b.x1-labelGap-tw >= g.x0:
		w.Text("text", label, "class", "rm-label rm-label-out", "x", diagram.Num(b.x1-labelGap), "y", y, "text-anchor", "end")
		box.x1, box.x2 = b.x1-labelGap-tw, b.x1-labelGap
	default:
		w.Text("text", fitText(label, b.x2-b.x1-10, tlCharW), "class", "rm-label", "x", diagram.Num(b.x1+5), "y", y)
		box.x1, box.x2 = b.x1+5, b.x2-5
	}
	return box
}

// writeMilestones draws a diamond per milestone hung under the bar, clear of
// its label: filled when done, hollow when due, hollow and crossed when missed.
func writeMilestones(w *diagram.Writer, ms []Milestone, b barBox, g timelineGeom) {
	for _, m := range ms {
		if !g.inWindow(m.Date) {
			continue
		}
		const r = tlMsH / 2
		x, y := (g.x(m.Date)+g.xEnd(m.Date))/2, b.y+tlBarH+1+r // the diamond's centre
		w.Open("g", "class", "rm-milestone rm-ms-"+m.State)
		w.Text("title", "Milestone: "+m.Name+" — "+day(m.Date)+" — "+m.State)
		w.Empty("path", "d", "M"+diagram.Num(x)+","+diagram.Num(y-r)+" l5,5 l-5,5 l-5,-5 z")
		if m.State == "missed" {
			w.Empty("path", "class", "rm-ms-cross", "d", "M"+diagram.Num(x-2.5)+","+diagram.Num(y-2.5)+" l5,5 m0,-5 l-5,5")
		}
		w.Close("g")
	}
}

// writeToday draws today's line from top (under the quarter labels) to bottom,
// labelled below, when today is inside the window. It breaks where one of the
// labels would be under it, so it crosses no text.
func writeToday(w *diagram.Writer, g timelineGeom, today time.Time, top, bottom float64, labels []textBox) {
	if !g.inWindow(today) {
		return
	}
	at := g.x(today)
	x := diagram.Num(at)
	w.Open("g", "class", "rm-today")
	w.Text("title", "Today: "+day(today))
	const clear = 3.0 // room left around a label
	slices.SortFunc(labels, func(a, b textBox) int { return cmp.Compare(a.y1, b.y1) })
	y := top
	for _, l := range labels {
		if at < l.x1-clear || at > l.x2+clear || l.y2 <= y {
			continue
		}
		if l.y1-clear > y {
			w.Empty("line", "x1", x, "y1", diagram.Num(y), "x2", x, "y2", diagram.Num(l.y1-clear))
		}
		y = l.y2 + clear
	}
	if y < bottom {
		w.Empty("line", "x1", x, "y1", diagram.Num(y), "x2", x, "y2", diagram.Num(bottom))
	}
	lx := g.x(today)
	if g.right()-g.x0 > 120 {
		lx = min(max(lx, g.x0+56), g.right()-56) // keep the label inside the picture
	}
	w.Text("text", "Today "+day(today), "x", diagram.Num(lx), "y", diagram.Num(bottom+14), "text-anchor", "middle")
	w.Close("g")
	w.Newline()
}

// ItemStripSVG draws an item's place in its track's timeline: one row across the
// track's quarters with the item's bar, its milestones and today's line.
func ItemStripSVG(it *RoadmapItem, t *Track, today time.Time) template.HTML {
	w := &diagram.Writer{}
	n := float64(t.Last - t.First + 1)
	g := timelineGeom{first: t.First, last: t.Last, x0: 8, qw: (stripW - 16) / n}
	bottom := stripRowY + tlBarH + tlMsH + 4
	height := bottom + 20
	w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "rm-timeline rm-strip",
		"viewBox", "0 0 "+diagram.Num(stripW)+" "+diagram.Num(height), "width", diagram.Num(stripW), "height", diagram.Num(height),
		"role", "img", "aria-labelledby", "rms-title", "font-size", "12")
	w.Text("title", "Timeline of "+it.Doc.Title+": "+itemTip(it), "id", "rms-title")
	w.Newline()
	writeDefs(w, "rms")
	writeQuarterGrid(w, g, 4, bottom, true)
	if it.Dated {
		b := barBox{x1: g.x(it.From), x2: max(g.xEnd(it.To), g.x(it.From)+4), y: stripRowY}
		class := "rm-item rm-status-" + generator.Slug(cmp.Or(it.Status, "none"))
		if it.Slipped {
			class += " rm-slipped"
		}
		w.Open("g", "class", class)
		writeBarShape(w, it, b, "rms")
		w.Close("g")
		writeMilestones(w, it.Milestones, b, g)
		w.Newline()
	}
	writeToday(w, g, today, 4+tlYearH+tlQuarterH, bottom, nil)
	w.Close("svg")
	return w.HTML()
}
