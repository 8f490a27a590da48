package generator

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// parseDate accepts YYYY-MM-DD (as text or as a YAML timestamp).
func parseDate(v any) (Date, error) {
	switch v := v.(type) {
	case time.Time:
		return Date{time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)}, nil
	case string:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return Date{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD, like 2026-07-01", v)
		}
		return Date{t}, nil
	}
	return Date{}, fmt.Errorf("%v is not a date: write YYYY-MM-DD, like 2026-07-01", v)
}

var quarterRE = regexp.MustCompile(`^(\d{4})-[Qq](\d+)$`)

// ParsePeriod accepts a quarter (2026-Q3, covering July 1 to September 30) or a date.
func ParsePeriod(v any) (Period, error) {
	s, ok := v.(string)
	if !ok {
		d, err := parseDate(v)
		if err != nil {
			return Period{}, fmt.Errorf("%v is not a quarter (2026-Q3) or a date (2026-07-01)", v)
		}
		return Period{Text: d.String(), Start: d.Time, End: d.Time}, nil
	}
	if m := quarterRE.FindStringSubmatch(s); m != nil {
		year, _ := strconv.Atoi(m[1])
		q, _ := strconv.Atoi(m[2])
		if q < 1 || q > 4 {
			return Period{}, fmt.Errorf("%q: a year has quarters Q1 to Q4", s)
		}
		start := time.Date(year, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return Period{Text: fmt.Sprintf("%d-Q%d", year, q), Start: start, End: start.AddDate(0, 3, -1)}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Period{}, fmt.Errorf("%q is not a quarter (2026-Q3) or a date (2026-07-01)", s)
	}
	return Period{Text: s, Start: d, End: d}, nil
}

// Duration is an ISO 8601 calendar duration such as P6M or P1Y2M10D.
type Duration struct {
	Text                string
	Years, Months, Days int
}

// String returns the duration as written.
func (d Duration) String() string { return d.Text }

// AddTo returns t moved forward by the duration.
func (d Duration) AddTo(t time.Time) time.Time { return t.AddDate(d.Years, d.Months, d.Days) }

var durationRE = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$`)

func parseDuration(v any) (Duration, error) {
	s, _ := v.(string)
	m := durationRE.FindStringSubmatch(s)
	if m == nil || s == "P" {
		return Duration{}, fmt.Errorf("%v is not a duration: write P6M (six months), P1Y or P90D", v)
	}
	n := func(i int) int { x, _ := strconv.Atoi(m[i]); return x }
	return Duration{Text: s, Years: n(1), Months: n(2), Days: 7*n(3) + n(4)}, nil
}

// WaiverWarningDays is how close to its expiry a waiver (of an alignment
// record or a remediation item) draws a warning.
const WaiverWarningDays = 30

// DaysBetween counts whole days from a to b (negative when b is before a).
func DaysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// DateField returns the date under key, or the zero time.
func DateField(o *Object, key string) time.Time {
	if d, ok := o.Get(key).(Date); ok {
		return d.Time
	}
	return time.Time{}
}
