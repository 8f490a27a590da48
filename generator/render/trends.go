package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"archfolio/generator"
	"archfolio/generator/diagram"
)

// The home page's trends: each key figure at the past month ends that
// Portfolio.Trends holds, then today, as a small chart in its card and as a
// table for readers without images.

// Trends is the home page's table of key figures by date: a row per card
// that has a number, a column per month end, then today.
type Trends struct {
	Dates []time.Time // the month ends
	Rows  []TrendRow
}

// TrendRow is one figure's values at Trends.Dates, then today's ("" where the
// site at that date had no such figure).
type TrendRow struct {
	Card   Card
	Values []string
}

// Trend chart geometry, in px.
const (
	trendW, trendH = 168.0, 40.0
	trendPad       = 5.0
)

// CardNumber reads a card's value as a number ("82%" is 82); ok is false for
// a value that is not one ("–").
func CardNumber(value string) (v float64, ok bool) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(value, "%"), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// CardNumbers returns the value of each card that has a number, by title:
// what a TrendPoint holds.
func CardNumbers(cards []Card) map[string]float64 {
	out := map[string]float64{}
	for _, c := range cards {
		if v, ok := CardNumber(c.Value); ok {
			out[c.Title] = v
		}
	}
	return out
}

// addTrends gives each card with a number its chart over p.Trends and
// today, and returns the table of them all; nil without trends.
func addTrends(p *generator.Portfolio, cards []Card) *Trends {
	if len(p.Trends) == 0 {
		return nil
	}
	t := &Trends{}
	for _, pt := range p.Trends {
		t.Dates = append(t.Dates, pt.Date)
	}
	for i := range cards {
		c := &cards[i]
		now, ok := CardNumber(c.Value)
		if !ok {
			continue
		}
		row := TrendRow{Values: make([]string, 0, len(t.Dates)+1)}
		var pts []trendPoint
		for _, pt := range p.Trends {
			v, ok := pt.Values[c.Title]
			row.Values = append(row.Values, figureText(v, ok, c.Value))
			if ok {
				pts = append(pts, trendPoint{pt.Date, v})
			}
		}
		row.Values = append(row.Values, c.Value)
		pts = append(pts, trendPoint{p.Today, now})
		c.Trend = trendChart(c, pts)
		row.Card = *c
		t.Rows = append(t.Rows, row)
	}
	return t
}

type trendPoint struct {
	date  time.Time
	value float64
}

// figureText writes a past value as the card writes today's: with "%" when
// today's has one; "" when unknown.
func figureText(v float64, ok bool, today string) string {
	if !ok {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.HasSuffix(today, "%") {
		s += "%"
	}
	return s
}

// trendChart draws a card's points as a line with a dot per point, each dot
// a link to the card's page named by its date and value. Values are scaled
// between the series' least and greatest; a flat series is drawn midway.
func trendChart(c *Card, pts []trendPoint) template.HTML {
	lo, hi := pts[0].value, pts[0].value
	for _, p := range pts {
		lo, hi = min(lo, p.value), max(hi, p.value)
	}
	x := func(i int) float64 {
		if len(pts) == 1 {
			return trendW / 2
		}
		return trendPad + float64(i)*(trendW-2*trendPad)/float64(len(pts)-1)
	}
	y := func(v float64) float64 {
		if hi == lo {
			return trendH / 2
		}
		return trendH - trendPad - (v-lo)*(trendH-2*trendPad)/(hi-lo)
	}
	unit := ""
	if strings.HasSuffix(c.Value, "%") {
		unit = "%"
	}
	text := func(p trendPoint) string {
		return p.date.Format(time.DateOnly) + ": " + strconv.FormatFloat(p.value, 'f', -1, 64) + unit
	}
	var w diagram.Writer
	label := c.Title + " over time, from " + text(pts[0]) + " to " + text(pts[len(pts)-1])
	w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "trend", "viewBox", "0 0 "+diagram.Num(trendW)+" "+diagram.Num(trendH),
		"width", diagram.Num(trendW), "height", diagram.Num(trendH), "role", "group", "aria-label", label)
	var line strings.Builder
	for i, p := range pts {
		if i > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(diagram.Num(x(i)) + "," + diagram.Num(y(p.value)))
	}
	w.Empty("polyline", "class", "trend-line", "points", line.String(), "fill", "none")
	for i, p := range pts {
		w.Open("a", "href", c.URL, "aria-label", c.Title+" on "+text(p)) // the home page is at the root: card URLs are relative to it
		w.Open("circle", "class", "trend-point", "cx", diagram.Num(x(i)), "cy", diagram.Num(y(p.value)), "r", "3.5")
		w.Text("title", text(p))
		w.Close("circle")
		w.Close("a")
	}
	w.Close("svg")
	return w.HTML()
}
