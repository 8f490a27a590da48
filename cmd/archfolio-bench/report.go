package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

func wallOf(s sample) time.Duration { return s.wall }
func cpuOf(s sample) time.Duration  { return s.cpu }
func sysOf(s sample) time.Duration  { return s.sys }

// median of one measure over the samples (the mean of the middle two for an even count).
func median(ss []sample, of func(sample) time.Duration) time.Duration {
	if len(ss) == 0 {
		return 0
	}
	v := make([]time.Duration, len(ss))
	for i, s := range ss {
		v[i] = of(s)
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// peak is the highest peak RSS of the samples.
func peak(ss []sample) int64 {
	var p int64
	for _, s := range ss {
		p = max(p, s.rss)
	}
	return p
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func printSize(w io.Writer, n int, results map[string]*result, load string) {
	fmt.Fprintf(w, "\nN=%d (load average after: %s)\n", n, load)
	fmt.Fprintf(w, "  %-10s %12s %12s %12s %12s\n", "tool", "wall", "cpu", "(of it sys)", "peak RSS")
	for _, tool := range []string{"archfolio", "kept", "hugo", "floor"} {
		r := results[tool]
		if r == nil {
			continue
		}
		fmt.Fprintf(w, "  %-10s %12s %12s %12s %12s\n", tool, secs(median(r.samples, wallOf)), secs(median(r.samples, cpuOf)),
			secs(median(r.samples, sysOf)), mib(peak(r.samples)))
	}
	for _, tool := range []string{"archfolio", "kept"} {
		a := results[tool]
		if a == nil {
			continue
		}
		for _, other := range []string{"hugo", "floor"} {
			o := results[other]
			if o == nil {
				continue
			}
			fmt.Fprintf(w, "  %s/%-6s wall %s  cpu %s  rss %s  (run by run, wall: %s)\n", tool, other,
				ratio(median(a.samples, wallOf).Seconds(), median(o.samples, wallOf).Seconds()),
				ratio(median(a.samples, cpuOf).Seconds(), median(o.samples, cpuOf).Seconds()),
				ratio(float64(peak(a.samples)), float64(peak(o.samples))), pairedRatios(a.samples, o.samples, wallOf))
		}
	}
}

// pairedRatios is the ratio of each run's time (of: wall or CPU) to the other
// tool's run just before or after it (the runs alternate): on a host whose
// speed drifts, the spread of these says more than the ratio of the medians
// alone. Their median comes first.
func pairedRatios(a, o []sample, of func(sample) time.Duration) string {
	n := min(len(a), len(o))
	if n == 0 {
		return "n/a"
	}
	rs := make([]float64, n)
	for i := range n {
		rs[i] = of(a[i]).Seconds() / of(o[i]).Seconds()
	}
	sorted := slices.Sorted(slices.Values(rs))
	med := sorted[n/2]
	if n%2 == 0 {
		med = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	out := fmt.Sprintf("median %.2f of", med)
	for _, r := range rs {
		out += fmt.Sprintf(" %.2f", r)
	}
	return out
}

// printGrowth compares the largest size with the smallest: linear growth costs no
// more than the size ratio (10,000 / 1,000 → about 10×). The sizes run in the
// same rounds (measure), so each round's ratio is also given.
func printGrowth(w io.Writer, sizes []int, perN []map[string]*result) {
	if len(sizes) < 2 {
		return
	}
	lo, hi := slices.Index(sizes, slices.Min(sizes)), slices.Index(sizes, slices.Max(sizes))
	fmt.Fprintf(w, "\ngrowth N=%d → N=%d (×%.1f documents):\n", sizes[lo], sizes[hi], float64(sizes[hi])/float64(sizes[lo]))
	for _, tool := range []string{"archfolio", "kept", "hugo", "floor"} {
		a, b := perN[lo][tool], perN[hi][tool]
		if a == nil || b == nil {
			continue
		}
		fmt.Fprintf(w, "  %-10s wall ×%s  cpu ×%s  (round by round, wall: %s; cpu: %s)\n", tool,
			ratio(median(b.samples, wallOf).Seconds(), median(a.samples, wallOf).Seconds()),
			ratio(median(b.samples, cpuOf).Seconds(), median(a.samples, cpuOf).Seconds()),
			pairedRatios(b.samples, a.samples, wallOf), pairedRatios(b.samples, a.samples, cpuOf))
	}
	// The corpus itself need not grow in proportion (its dependency graph reaches
	// further at larger N), and the host drifts between rounds: archfolio's growth
	// over the floor's, measured in the same alternating runs, is what archfolio
	// adds. 1.00 means it grows exactly as the unavoidable work does.
	af, fl := [2]*result{perN[lo]["archfolio"], perN[hi]["archfolio"]}, [2]*result{perN[lo]["floor"], perN[hi]["floor"]}
	if af[0] != nil && af[1] != nil && fl[0] != nil && fl[1] != nil {
		growth := func(r [2]*result, of func(sample) time.Duration) float64 {
			return median(r[1].samples, of).Seconds() / median(r[0].samples, of).Seconds()
		}
		fmt.Fprintf(w, "  archfolio over the floor: wall ×%s  cpu ×%s\n",
			ratio(growth(af, wallOf), growth(fl, wallOf)), ratio(growth(af, cpuOf), growth(fl, cpuOf)))
	}
}
