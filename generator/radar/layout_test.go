package radar

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"testing"

	"archfolio/generator"
)

// many returns a radar of n quadrants and count blips spread over its cells,
// plus crowd more in one ring of one quadrant, in the radar's order.
func many(n, count, crowd int) *Radar {
	r := &Radar{}
	for q := range n {
		r.Quadrants = append(r.Quadrants, fmt.Sprintf("Quadrant %c with a long name", 'A'+q))
	}
	add := func(i, q, ring int) {
		id := fmt.Sprintf("tech-%03d", i)
		r.Blips = append(r.Blips, &Blip{Doc: &generator.Document{ID: id, Title: id, URL: "vendors/" + id + "/"}, Quadrant: q, Ring: ring})
	}
	for i := range count {
		add(i, i%n, (i/n)%len(Rings))
	}
	for i := range crowd {
		add(count+i, 0, 1)
	}
	sortBlips(r.Blips)
	for i, b := range r.Blips {
		b.Number = i + 1
		b.Movement = Movement(i % 5)
	}
	return r
}

var (
	dotRE   = regexp.MustCompile(`<a href="[^"]*" class="rd-blip rq-(\d)[^"]*"[^>]*><title>[^<]*</title><circle class="rd-dot" cx="([\d.]+)" cy="([\d.]+)" r="10"/>(?:<path[^>]*/>)?<text class="rd-num" x="([\d.]+)" y="([\d.]+)"[^>]*>(\d+)</text></a>`)
	ringRE  = regexp.MustCompile(`<circle class="rd-ring rd-ring-([a-z]+)" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/>`)
	rectRE  = regexp.MustCompile(`<rect class="rd-ring-label-bg" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"`)
	quadRE  = regexp.MustCompile(`<text class="rd-quadrant-label rq-\d" x="([\d.]+)" y="([\d.]+)" text-anchor="([a-z]+)" font-size="([\d.]+)">([^<]*)</text>`)
	sizeRE  = regexp.MustCompile(`viewBox="0 0 ([\d.]+) ([\d.]+)"`)
	fontsRE = regexp.MustCompile(`font-size="([\d.]+)"`)
)

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNothingOverlaps draws crowded radars of one to eight quadrants and reads
// the geometry back from the SVG: no two blips (with their movement marks)
// touch, no blip touches a label, no two labels overlap, every blip is in its
// own ring and quadrant with its number on it, everything is inside the
// picture, and no text is under 11 px.
func TestNothingOverlaps(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ n, count, crowd int }{
		{4, 20, 40}, {4, 60, 0}, {1, 60, 30}, {2, 60, 25}, {3, 60, 20}, {5, 60, 20}, {6, 60, 20}, {7, 60, 15}, {8, 60, 15}, {4, 0, 300},
	} {
		t.Run(fmt.Sprintf("%dq-%d+%d", c.n, c.count, c.crowd), func(t *testing.T) {
			r := many(c.n, c.count, c.crowd)
			svg := string(r.SVG("radar/"))
			checkGeometry(t, r, svg)
		})
	}
}

func checkGeometry(t *testing.T, r *Radar, svg string) {
	t.Helper()
	size := sizeRE.FindStringSubmatch(svg)
	width, height := atof(t, size[1]), atof(t, size[2])
	canvas := rect{0, 0, width, height}
	var c point
	radii := map[string]float64{}
	for _, m := range ringRE.FindAllStringSubmatch(svg, -1) {
		c = point{atof(t, m[2]), atof(t, m[3])}
		radii[m[1]] = atof(t, m[4])
	}
	var labels []rect
	for _, m := range rectRE.FindAllStringSubmatch(svg, -1) {
		x, y := atof(t, m[1]), atof(t, m[2])
		labels = append(labels, rect{x, y, x + atof(t, m[3]), y + atof(t, m[4])})
	}
	for _, m := range quadRE.FindAllStringSubmatch(svg, -1) {
		labels = append(labels, textBox(m[5], point{atof(t, m[1]), atof(t, m[2])}, m[3], atof(t, m[4])))
	}
	if len(labels) != len(Rings)+len(r.Quadrants) {
		t.Fatalf("%d labels, want %d", len(labels), len(Rings)+len(r.Quadrants))
	}
	dots := dotRE.FindAllStringSubmatch(svg, -1)
	if len(dots) != len(r.Blips) {
		t.Fatalf("%d blips drawn, want %d", len(dots), len(r.Blips))
	}
	const reach = markR + 1 // a blip's disc and its mark's stroke
	at := make([]point, len(dots))
	for i, m := range dots {
		b := r.Blips[i]
		p := point{atof(t, m[2]), atof(t, m[3])}
		at[i] = p
		if m[6] != strconv.Itoa(b.Number) || math.Abs(atof(t, m[4])-p.X) > 0.1 || math.Abs(atof(t, m[5])-p.Y) > numSize {
			t.Errorf("blip %d: number %s at %s,%s is not on its disc at %v", b.Number, m[6], m[4], m[5], p)
		}
		rho := math.Hypot(p.X-c.X, p.Y-c.Y)
		inner := 0.0
		if b.Ring > 0 {
			inner = radii[Rings[b.Ring-1]]
		}
		if rho-reach < inner || rho+reach > radii[Rings[b.Ring]] {
			t.Errorf("blip %d at radius %.1f leaves its ring %s (%.1f to %.1f)", b.Number, rho, b.RingName(), inner, radii[Rings[b.Ring]])
		}
		start, theta := sector(b.Quadrant, len(r.Quadrants))
		phi := math.Mod(math.Atan2(p.Y-c.Y, p.X-c.X)-start+4*math.Pi, 2*math.Pi)
		if phi > theta || (len(r.Quadrants) > 1 && rho*math.Sin(min(phi, theta-phi, math.Pi/2)) < reach) {
			t.Errorf("blip %d is not inside quadrant %d, clear of its edges", b.Number, b.Quadrant)
		}
		if !inside(canvas, p, reach) {
			t.Errorf("blip %d at %v leaves the picture", b.Number, p)
		}
		for j := range i {
			if d := math.Hypot(p.X-at[j].X, p.Y-at[j].Y); d < 2*reach {
				t.Errorf("blips %d and %d are %.1f apart", r.Blips[j].Number, b.Number, d)
			}
		}
		for _, l := range labels {
			if touches(l, p, reach) {
				t.Errorf("blip %d touches the label at %v", b.Number, l)
			}
		}
	}
	for i, a := range labels {
		if a.X0 < 0 || a.Y0 < 0 || a.X1 > width || a.Y1 > height {
			t.Errorf("label %v leaves the %gx%g picture", a, width, height)
		}
		for _, b := range labels[:i] {
			if a.overlaps(b) {
				t.Errorf("labels %v and %v overlap", a, b)
			}
		}
	}
	for _, m := range fontsRE.FindAllStringSubmatch(svg, -1) {
		if atof(t, m[1]) < 11 {
			t.Errorf("text of %s px", m[1])
		}
	}
}

// touches reports whether a circle of radius rad at p meets rectangle b.
func touches(b rect, p point, rad float64) bool {
	dx := max(b.X0-p.X, 0, p.X-b.X1)
	dy := max(b.Y0-p.Y, 0, p.Y-b.Y1)
	return dx*dx+dy*dy < rad*rad
}

func inside(b rect, p point, rad float64) bool {
	return p.X-rad >= b.X0 && p.X+rad <= b.X1 && p.Y-rad >= b.Y0 && p.Y+rad <= b.Y1
}

// The same radar is drawn the same way every time, and blips keep their place
// when the others in other cells change.
func TestLayoutIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := many(4, 60, 10).SVG("radar/"), many(4, 60, 10).SVG("radar/")
	if a != b {
		t.Error("two drawings of one radar differ")
	}
}

// shareOut gives each row a share of the blips as large as its room, never
// more than it holds, using the inner rows first.
func TestShareOut(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		count int
		fits  []int
		want  string
	}{
		{0, []int{3, 5}, "[0 0]"},
		{2, []int{3, 5}, "[2 0]"},
		{3, []int{3, 5}, "[3 0]"},
		{4, []int{3, 5}, "[2 2]"},
		{8, []int{3, 5}, "[3 5]"},
		{7, []int{1, 2, 4}, "[1 2 4]"},
		{5, []int{1, 2, 4}, "[1 1 3]"},
	} {
		if got := fmt.Sprint(shareOut(c.count, c.fits)); got != c.want {
			t.Errorf("shareOut(%d, %v) = %s, want %s", c.count, c.fits, got, c.want)
		}
	}
}
