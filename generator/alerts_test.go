package generator_test

import (
	"archfolio/generator/render"
	"regexp"
	"testing"
)

// TestHomeCardsAlertByWhatTheyHold checks each home card's alert level: the
// matrix fixture has an expired waiver (critical) and open gaps (a warning);
// the sample portfolio's one expiring waiver is only a warning, beside its
// open critical risks.
func TestHomeCardsAlertByWhatTheyHold(t *testing.T) {
	t.Parallel()
	sample, _ := sharedRender(t, "..")
	for _, c := range []struct {
		name  string
		out   *render.MemOutput
		cards map[string]string // card title → class
	}{
		{"matrix", renderMatrixSite(t), map[string]string{"Alignment waivers": "card card-alert alert-critical", "Compliance": "card card-alert alert-warning"}},
		{"sample", sample, map[string]string{"Alignment waivers": "card card-alert alert-warning", "Residual critical/high risks": "card card-alert alert-critical", "Remediation waivers": "card"}},
	} {
		home, _ := c.out.File("index.html")
		for title, want := range c.cards {
			m := regexp.MustCompile(`<li class="([^"]*)">\s*<a[^>]*>\s*<span class="card-title">` + title + `<`).FindSubmatch(home)
			if m == nil {
				t.Errorf("%s: no %q card", c.name, title)
			} else if string(m[1]) != want {
				t.Errorf("%s: %q card has class %q, want %q", c.name, title, m[1], want)
			}
		}
	}
	for _, c := range []struct {
		critical, warning bool
		want              render.AlertLevel
	}{{true, true, render.AlertCritical}, {true, false, render.AlertCritical}, {false, true, render.AlertWarning}, {false, false, ""}} {
		if got := render.WorstAlert(c.critical, c.warning); got != c.want {
			t.Errorf("WorstAlert(%v, %v) = %q, want %q", c.critical, c.warning, got, c.want)
		}
	}
}
