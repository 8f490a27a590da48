package generator_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// alertStyles reads, in the page, the colours a reader sees for each selector
// that matches: the text colour, the background it sits on (the nearest
// ancestor's that is not transparent), their contrast, and the left border.
const alertStyles = `(function (sels) {
  function rgb(s) { var m = s.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
  function lum(c) {
    var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function bg(el) {
    for (; el; el = el.parentElement) {
      var c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  }
  var out = {};
  sels.forEach(function (sel) {
    var el = document.querySelector(sel);
    if (!el) return;
    var s = getComputedStyle(el), a = lum(rgb(s.color)), b = lum(bg(el));
    out[sel] = {color: s.color, border: s.borderLeftColor + " " + s.borderLeftWidth,
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
  });
  return JSON.stringify(out);
})`

type shownStyle struct {
	Color, Border string
	Contrast      float64
}

// TestAlertLevelsLookDifferentInChromium opens the matrix fixture's home page
// and alignment waivers in headless Chromium, in the light and the dark
// scheme: a warning card and a critical card have different stripes, valid,
// expiring and expired waivers different colours, and each waiver's state
// reads at 4.5:1 or more on its background.
func TestAlertLevelsLookDifferentInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	dir := writeSite(t, renderMatrixSite(t))
	read := func(page string, sels ...string) map[string]shownStyle {
		t.Helper()
		arg, _ := json.Marshal(sels)
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(dir, page)))); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](alertStyles+"("+string(arg)+")"))
		if err != nil {
			t.Fatal(err)
		}
		styles := map[string]shownStyle{}
		if err := json.Unmarshal([]byte(got), &styles); err != nil {
			t.Fatal(err)
		}
		for _, s := range sels {
			if _, ok := styles[s]; !ok {
				t.Fatalf("%s has no %s", page, s)
			}
		}
		return styles
	}
	for _, scheme := range []string{"light", "dark"} {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		if err != nil {
			t.Fatal(err)
		}
		cards := read("index.html", ".alert-warning > a", ".alert-critical > a")
		if w, c := cards[".alert-warning > a"].Border, cards[".alert-critical > a"].Border; w == c {
			t.Errorf("%s: warning and critical cards have one stripe, %s", scheme, w)
		}
		states := []string{".waiver-state-valid", ".waiver-state-expiring", ".waiver-state-expired"}
		waivers := read("matrix/waivers/index.html", states...)
		seen := map[string]string{}
		for _, s := range states {
			st := waivers[s]
			if other, ok := seen[st.Color]; ok {
				t.Errorf("%s: %s and %s are both %s", scheme, other, s, st.Color)
			}
			seen[st.Color] = s
			if st.Contrast < 4.5 {
				t.Errorf("%s: %s has contrast %.2f:1, under 4.5:1", scheme, s, st.Contrast)
			}
		}
	}
}
