package backstage

import "testing"

func TestParseRef(t *testing.T) {
	for _, tc := range []struct {
		text, defaultKind, namespace string
		want                         string // "" for an error
		id                           string
	}{
		{"payments-guild", "group", "default", "group:default/payments-guild", "payments-guild"},
		{"group:default/payments-guild", "group", "retail", "group:default/payments-guild", "payments-guild"},
		{"default/team-a", "group", "alternative", "group:default/team-a", "team-a"},
		{"Component:Retail/Checkout", "", "default", "component:retail/checkout", "retail-checkout"},
		{"resource:artists-db", "", "retail", "resource:retail/artists-db", "retail-artists-db"},
		{"api:payments_v2.api", "api", "default", "api:default/payments_v2.api", "payments-v2-api"},
		{"ledger", "", "default", "", ""},
		{"component:", "", "default", "", ""},
		{"a/b/c", "group", "default", "", ""},
		{"  ", "group", "default", "", ""},
	} {
		r, err := ParseRef(tc.text, tc.defaultKind, tc.namespace)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("ParseRef(%q) = %s, want an error", tc.text, r)
		case tc.want != "" && (err != nil || r.String() != tc.want || r.ID() != tc.id):
			t.Errorf("ParseRef(%q) = %s (id %s), %v; want %s (id %s)", tc.text, r, r.ID(), err, tc.want, tc.id)
		}
	}
}
