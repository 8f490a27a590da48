package themes

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var cssVar = regexp.MustCompile(`--([a-z0-9-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)`)

// palettes reads the light and dark colour variables: each is written
// light-dark(LIGHT, DARK).
func palettes(t *testing.T) (light, dark map[string]string) {
	css, err := fs.ReadFile(Default(), "static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	light, dark = map[string]string{}, map[string]string{}
	for _, v := range cssVar.FindAllStringSubmatch(string(css), -1) {
		light[v[1]], dark[v[1]] = v[2], v[3]
	}
	if len(dark) == 0 {
		t.Fatal("style.css has no dark palette")
	}
	return light, dark
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(a, b string) float64 {
	x, y := luminance(a), luminance(b)
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

// TestPaletteContrastMeetsWCAGAA checks every text colour of the default theme
// against the backgrounds it is used on, in both colour schemes (4.5:1 for text).
func TestPaletteContrastMeetsWCAGAA(t *testing.T) {
	t.Parallel()
	light, dark := palettes(t)
	pairs := [][2]string{{"fg", "bg"}, {"fg", "panel"}, {"muted", "bg"}, {"muted", "panel"}, {"accent", "bg"},
		{"accent", "panel"}, {"ok", "ok-bg"}, {"warn", "warn-bg"}, {"bad", "bad-bg"}, {"info", "info-bg"},
		{"neutral", "neutral-bg"}, {"accent-fg", "accent"},
		// status words on the page (flags, waivers, a critical card's detail)
		{"ok", "bg"}, {"warn", "bg"}, {"bad", "bg"}, {"bad", "panel"}}
	for name, pal := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			fg, bg := pal[p[0]], pal[p[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s palette lacks --%s or --%s", name, p[0], p[1])
				continue
			}
			if c := contrast(fg, bg); c < 4.5 {
				t.Errorf("%s: --%s on --%s has contrast %.2f:1, under WCAG AA's 4.5:1", name, p[0], p[1], c)
			}
		}
	}
}

// TestAlertStripesStandOut checks the home cards' alert stripes, which are not
// text, against the card they edge in both colour schemes (3:1, WCAG's
// non-text contrast), and that the warning and critical stripes differ.
func TestAlertStripesStandOut(t *testing.T) {
	t.Parallel()
	light, dark := palettes(t)
	for name, pal := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, stripe := range []string{"warn", "bad"} {
			for _, bg := range []string{"panel", "bg"} {
				if c := contrast(pal[stripe], pal[bg]); c < 3 {
					t.Errorf("%s: the --%s stripe on --%s has contrast %.2f:1, under 3:1", name, stripe, bg, c)
				}
			}
		}
		if pal["warn"] == pal["bad"] {
			t.Errorf("%s: warning and critical stripes have one colour", name)
		}
	}
}

// TestStylesheetsAreBalanced catches a lost brace (say, from a merge), which would
// silently swallow every rule after it into an @media block.
func TestStylesheetsAreBalanced(t *testing.T) {
	t.Parallel()
	err := fs.WalkDir(Default(), "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".css") {
			return err
		}
		css, err := fs.ReadFile(Default(), p)
		if err != nil {
			return err
		}
		depth, line := 0, 1
		inComment := false
		for i := 0; i < len(css); i++ {
			switch {
			case inComment && css[i] == '*' && i+1 < len(css) && css[i+1] == '/':
				inComment = false
				i++
			case inComment:
			case css[i] == '/' && i+1 < len(css) && css[i+1] == '*':
				inComment = true
				i++
			case css[i] == '{':
				depth++
			case css[i] == '}':
				depth--
				if depth < 0 {
					t.Errorf("%s:%d: unmatched }", p, line)
					depth = 0
				}
			}
			if css[i] == '\n' {
				line++
				// A section comment at the start of a line should sit at the top level.
				if depth > 0 && i+2 < len(css) && css[i+1] == '/' && css[i+2] == '*' {
					t.Errorf("%s:%d: a top-level comment inside an open block: a } is missing above", p, line)
				}
			}
		}
		if depth != 0 {
			t.Errorf("%s: %d unclosed {", p, depth)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
