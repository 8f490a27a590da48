package generator_test

import (
	"archfolio/generator"
	"strconv"
	"strings"
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

// Humanize remembers what it made of short values, and says the same the second
// time; it remembers at most MaxHumanized of them, and none longer than
// MaxHumanizedLen bytes, so free text cannot grow it without end.
func TestHumanizeRemembersFewShortValues(t *testing.T) {
	long := strings.Repeat("data_owner ", generator.MaxHumanizedLen/10+1)
	for range 2 {
		if got, want := generator.Humanize("sdlc-gate"), "SDLC gate"; got != want {
			t.Errorf("Humanize(%q) = %q, want %q", "sdlc-gate", got, want)
		}
		if got := generator.Humanize(long); !strings.HasPrefix(got, "Data owner data owner") {
			t.Errorf("Humanize of a long value = %q", got)
		}
	}
	for i := range generator.MaxHumanized + 10 {
		if got, want := generator.Humanize("x_"+strconv.Itoa(i)), "X "+strconv.Itoa(i); got != want {
			t.Fatalf("Humanize(x_%d) = %q, want %q", i, got, want)
		}
	}
	if n := generator.HumanizedCount(); n != generator.MaxHumanized {
		t.Errorf("Humanize remembers %d values, want at most and here exactly %d", n, generator.MaxHumanized)
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
