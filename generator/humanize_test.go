package generator_test

import (
	"archfolio/generator"
	"testing"
)

// Humanize upper-cases the first letter, not the first byte.
func TestHumanizeKeepsUTF8(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"überweisungen": "Überweisungen", "Überweisungen": "Überweisungen", "depends_on": "Depends on",
		"": "", "ärztekammer-portal": "Ärztekammer portal", "名前": "名前", "\xff": "\xff",
		"nfrs": "NFRs", "kpi": "KPI", "iam": "IAM", "sdlc-gate": "SDLC gate", "data_id": "Data ID",
		"mission-critical": "Mission critical", "identity": "Identity",
	} {
		if got := generator.Humanize(in); got != want {
			t.Errorf("Humanize(%q) = %q, want %q", in, got, want)
		}
	}
}

// Durations read as words, never as ISO 8601.
func TestDurationWords(t *testing.T) {
	t.Parallel()
	for in, want := range map[generator.Duration]string{
		{Text: "P6M", Months: 6}: "6 months", {Text: "P1Y", Years: 1}: "1 year",
		{Text: "P2W", Days: 14}: "2 weeks", {Text: "P90D", Days: 90}: "90 days",
		{Text: "P1Y6M", Years: 1, Months: 6}: "1 year 6 months",
	} {
		if got := in.Words(); got != want {
			t.Errorf("%s.Words() = %q, want %q", in.Text, got, want)
		}
	}
}
