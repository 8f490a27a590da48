package roadmap

import (
	"cmp"
	"html/template"
	"strings"
	"unicode/utf8"

	"archfolio/generator/diagram"
)

// The lane column a narrow screen freezes beside the timeline. The timeline
// carries its own 244-unit lane column, which is right on a laptop and on
// paper but, scrolling away with the bars, leaves a phone about 120 px of
// timeline and no lane names once scrolled. On a narrow screen the theme
// shows this narrow column instead, outside the scrolling box, and moves the
// timeline's own column out of that box's reach: lane names stay in view,
// and most of the screen is timeline. Its titles and maturity wrap to fit,
// and the lanes are tall enough for them (layoutLanes).

// Narrow lane column layout, in SVG user units.
const (
	headsW      = 104.0 // the whole column, its right edge included
	headsPadL   = 8.0   // text starts here
	headsPadR   = 6.0   // and keeps this far from the edge
	headsBoldW  = 7.4   // the average width of a bold character at 12px
	headsTitleH = 15.0  // from one title line's baseline to the next
	headsMatH   = 14.0  // the same for the 11px maturity lines
)

// laneHead is a lane's title and maturity broken into the lines of the
// narrow column.
type laneHead struct{ title, maturity []string }

// narrowHead wraps a lane's title (bold, at most 3 lines) and its maturity
// (under a "Maturity:" line, at most 2 more) to the narrow column's width.
func narrowHead(l *Lane) laneHead {
	room := headsW - headsPadL - headsPadR
	return laneHead{
		title:    wrapText(l.Title, room, headsBoldW, 3),
		maturity: append([]string{"Maturity:"}, wrapText(cmp.Or(l.Maturity.Arrow(), "not stated"), room, tlSmallW, 2)...),
	}
}

// baselines returns the y of each title line and of each maturity line, for
// a lane whose top is at y.
func (h laneHead) baselines(y float64) (title, maturity []float64) {
	at := y + 18
	for range h.title {
		title = append(title, at)
		at += headsTitleH
	}
	at += 16 - headsTitleH
	for range h.maturity {
		maturity = append(maturity, at)
		at += headsMatH
	}
	return title, maturity
}

// height is the room the head needs in its lane: down to the last line's
// descenders, and a margin.
func (h laneHead) height() float64 {
	_, m := h.baselines(0)
	return m[len(m)-1] + 8
}

// wrapText breaks s into lines of at most width at charW per character,
// word by word, and at most maxLines of them: a word longer than a line is
// hyphenated, and the last line ends with an ellipsis when the text goes on.
func wrapText(s string, width, charW float64, maxLines int) []string {
	n := int(width / charW)
	var lines []string
	for _, word := range hyphenate(strings.Fields(s), n) {
		last := len(lines) - 1
		if last >= 0 && utf8.RuneCountInString(lines[last])+1+utf8.RuneCountInString(word) <= n {
			lines[last] += " " + word
		} else {
			lines = append(lines, word)
		}
	}
	if len(lines) > maxLines {
		last := fitText(strings.Join(lines[maxLines-1:], " "), width, charW)
		lines[maxLines-1] = strings.Replace(last, "-…", "…", 1)
		lines = lines[:maxLines]
	}
	for i, line := range lines {
		lines[i] = fitText(line, width, charW)
	}
	return lines
}

// hyphenate cuts each word longer than n characters into as few pieces of
// even length as fit n with a hyphen, which each piece but the last gets.
func hyphenate(words []string, n int) []string {
	if n < 2 {
		return words
	}
	var out []string
	for _, word := range words {
		r := []rune(word)
		if len(r) <= n {
			out = append(out, word)
			continue
		}
		pieces := (len(r) + n - 2) / (n - 1)
		size := (len(r) + pieces - 1) / pieces
		for len(r) > size {
			out = append(out, string(r[:size])+"-")
			r = r[size:]
		}
		out = append(out, string(r))
	}
	return out
}

// LaneHeadsSVG draws the narrow lane column of a track's timeline: each
// lane's title and maturity beside the lane of the same height and place in
// TimelineSVG. It repeats the timeline's lane heads, so it is hidden from
// assistive technology; the theme shows it on narrow screens only.
func LaneHeadsSVG(t *Track) template.HTML {
	_, _, laneY := timelineLayout(t)
	bottom := laneY[len(laneY)-1]
	height := bottom + 20
	w := &diagram.Writer{}
	w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "rm-heads",
		"viewBox", "0 0 "+diagram.Num(headsW)+" "+diagram.Num(height), "width", diagram.Num(headsW), "height", diagram.Num(height),
		"aria-hidden", "true", "font-size", "12")
	w.Newline()
	w.Empty("rect", "class", "rm-lane-head", "x", "0", "y", "0", "width", diagram.Num(headsW), "height", diagram.Num(height))
	w.Newline()
	for i, l := range t.Lanes {
		y := laneY[i]
		h := narrowHead(l)
		titleY, matY := h.baselines(y)
		w.Open("g", "class", "rm-lane")
		w.Empty("rect", "class", "rm-lane-band", "x", "0", "y", diagram.Num(y), "width", diagram.Num(headsW), "height", diagram.Num(laneY[i+1]-y))
		writeLines(w, "rm-lane-title", h.title, titleY)
		writeLines(w, "rm-lane-maturity", h.maturity, matY)
		w.Close("g")
		w.Newline()
	}
	w.Empty("line", "class", "rm-heads-edge", "x1", diagram.Num(headsW-1), "y1", "0", "x2", diagram.Num(headsW-1), "y2", diagram.Num(height))
	w.Close("svg")
	return w.HTML()
}

// writeLines writes lines as one text of one tspan a line, at the baselines ys.
func writeLines(w *diagram.Writer, class string, lines []string, ys []float64) {
	w.Open("text", "class", class)
	for i, line := range lines {
		w.Text("tspan", line, "x", diagram.Num(headsPadL), "y", diagram.Num(ys[i]))
	}
	w.Close("text")
}
