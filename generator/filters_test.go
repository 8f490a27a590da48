package generator_test

import (
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/sitetest"
)

// A filter's value is the field as the front matter writes it, the same on
// every list that filters on the field, and its option shows the value's
// words: a link with ?domain=digital-channels filters a kind's index, the
// matrix and the dependency map alike, and so does ?domain=No%20domain, the
// documents of no domain. A name (an owner, a protocol) shows as written.
func TestAFilterLinkMeansTheSameOnEveryList(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/std.md":  "---\nkind: standard\ntitle: Std\nfamily: security\nstatements:\n  - {id: S-1, text: Do it, level: must}\n---\n",
		"content/core.md": "---\nkind: blueprint\ntitle: Core\ndomain: shared-platform\nowner: team-a\nstatus: implemented\n---\n",
		"content/app.md": "---\nkind: blueprint\ntitle: App\ndomain: digital-channels\nowner: team-a\nstatus: approved\n" +
			"depends_on:\n  - {id: core, protocol: mTLS over gRPC}\ncompliance:\n  - {standard: std, statement: S-1, status: implemented}\n---\n",
		"content/stray.md": "---\nkind: blueprint\ntitle: Stray\nowner: team-a\nstatus: approved\n" +
			"depends_on:\n  - {id: core}\ncompliance:\n  - {standard: std, statement: S-1, status: planned, planned: 2027-Q1}\n---\n",
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	selects := regexp.MustCompile(`<select data-filter="(domain|todomain|owner|protocol|status)">\s*<option value="">All</option>((?:<option[^>]*>[^<]*</option>)*)`)
	for page, want := range map[string][]string{
		"blueprints/index.html": {
			`status: <option value="approved">Approved</option><option value="implemented">Implemented</option>`,
			`owner: <option value="team-a">team-a</option>`,
			`domain: <option value="digital-channels">Digital channels</option><option value="shared-platform">Shared platform</option><option value="No domain">No domain</option>`,
		},
		"matrix/index.html": {
			`domain: <option value="digital-channels">Digital channels</option><option value="shared-platform">Shared platform</option><option value="No domain">No domain</option>`,
			`owner: <option value="team-a">team-a</option>`,
			`status: <option value="approved">Approved</option>`,
		},
		"dependencies/index.html": {
			`domain: <option value="digital-channels">Digital channels</option><option value="No domain">No domain</option>`,
			`todomain: <option value="shared-platform">Shared platform</option>`,
			`protocol: <option value="mTLS over gRPC">mTLS over gRPC</option>`,
		},
	} {
		data, ok := out.File(page)
		if !ok {
			t.Fatalf("no %s", page)
		}
		var got []string
		for _, m := range selects.FindAllStringSubmatch(string(data), -1) {
			got = append(got, m[1]+": "+m[2])
		}
		for _, w := range want {
			if !strings.Contains(strings.Join(got, "\n"), w) {
				t.Errorf("%s has no select %s; its selects:\n%s", page, w, strings.Join(got, "\n"))
			}
		}
	}
	// The rows hold the same values.
	for page, row := range map[string]string{
		"blueprints/index.html":   `data-status="approved" data-owner="team-a" data-domain="digital-channels"`,
		"dependencies/index.html": `data-domain="digital-channels" data-todomain="shared-platform" data-protocol="mTLS over gRPC"`,
	} {
		if data, _ := out.File(page); !strings.Contains(string(data), row) {
			t.Errorf("%s has no row with %s", page, row)
		}
	}
}

// Two values whose words are the same but for case each show their value too,
// on every list that filters on them (a value shown as written, PAYMENTS, needs
// nothing more); values whose words differ show their words alone.
func TestValuesOfTheSameWordsShowTheirValues(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/std.md": "---\nkind: standard\ntitle: Std\nfamily: security\nstatements:\n  - {id: S-1, text: Do it, level: must}\n---\n",
	}
	for id, domain := range map[string]string{"a": "digital-channels", "b": "digital_channels", "c": "payments", "d": "PAYMENTS"} {
		files["content/"+id+".md"] = "---\nkind: blueprint\ntitle: " + id + "\ndomain: " + domain + "\nowner: team-a\nstatus: approved\n" +
			"compliance:\n  - {standard: std, statement: S-1, status: implemented}\n---\n"
	}
	out, diags := sitetest.Render(t, files, goldenToday)
	if diags.Errors() > 0 {
		t.Fatalf("diagnostics:\n%s", sitetest.DiagLines(diags))
	}
	want := `<option value="PAYMENTS">PAYMENTS</option>` +
		`<option value="digital-channels">Digital channels (digital-channels)</option>` +
		`<option value="digital_channels">Digital channels (digital_channels)</option>` +
		`<option value="payments">Payments (payments)</option>`
	for _, page := range []string{"blueprints/index.html", "matrix/index.html"} {
		if data, _ := out.File(page); !strings.Contains(string(data), want) {
			t.Errorf("%s: no domain options %s", page, want)
		}
	}
}
