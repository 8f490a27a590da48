package generator

import "time"

// A TrendPoint is the home page's key figures as they stood at a past date
// (the end of a month), worked out from the site as it was in git at that
// date by generator/trends. The home page draws each figure's points, and
// its value today, as a small chart.
type TrendPoint struct {
	Date   time.Time          // the day the figures are worked out at
	Commit string             // the commit the site was read from
	Values map[string]float64 // each figure's value, by the title of its home card
}
