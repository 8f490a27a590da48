package diag

import "testing"

func TestDidYouMeanPrefersTheClosestCandidate(t *testing.T) {
	t.Parallel()
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
		if got := DidYouMean(tc.s, tc.candidates); got != tc.want {
			t.Errorf("DidYouMean(%q, %v) = %q, want %q", tc.s, tc.candidates, got, tc.want)
		}
	}
}

func TestDidYouMeanTieBreaks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
	}{
		{"critcality", []string{"criticality", "capabilities"}, ` (did you mean "criticality"?)`},
		{"critcality", []string{"capabilities", "criticality"}, ` (did you mean "criticality"?)`},
		// Equally close candidates: the alphabetically first wins, whatever the order.
		{"T-9", []string{"T-2", "T-1"}, ` (did you mean "T-1"?)`},
		{"zzzzzz", []string{"criticality"}, ""},
		{"same", []string{"same"}, ""},
	} {
		if got := DidYouMean(tc.s, tc.candidates); got != tc.want {
			t.Errorf("DidYouMean(%q, %q) = %q, want %q", tc.s, tc.candidates, got, tc.want)
		}
	}
}
