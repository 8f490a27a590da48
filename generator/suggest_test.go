package generator

import "testing"

func TestDidYouMeanPrefersTheClosestCandidate(t *testing.T) {
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
	}{
		// "description" is far from "titel"; it must not win a tie with a give-up.
		{"titel", []string{"title", "description", "maturity"}, ` (did you mean "title"?)`},
		{"titel", []string{"description", "title"}, ` (did you mean "title"?)`},
		{"ssso", []string{"sso", "mfa"}, ` (did you mean "sso"?)`},
		{"zzzzzz", []string{"title"}, ""},
	} {
		if got := didYouMean(tc.s, tc.candidates); got != tc.want {
			t.Errorf("didYouMean(%q, %v) = %q, want %q", tc.s, tc.candidates, got, tc.want)
		}
	}
}
