package diagram

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendNum writes from whole tenths what strconv's shortest formatting writes
// for the rounded value, for coordinates and for any other float.
func TestAppendNumMatchesShortestFormatting(t *testing.T) {
	t.Parallel()
	want := func(v float64) string {
		v = math.Round(v*10) / 10
		if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return "0"
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	vs := []float64{0, math.Copysign(0, -1), 0.04, -0.04, 0.05, -0.05, 0.95, 1, -1, 12.3, 12.25, 99.99, 1e6 + 0.1, -123456.75,
		1 << 52, 1 << 53, 1e300, -1e300, math.NaN(), math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		switch rng.IntN(3) {
		case 0:
			vs = append(vs, rng.Float64()*4000-1000) // coordinates
		case 1:
			vs = append(vs, float64(rng.IntN(100000)-50000)/10) // exact tenths
		default:
			vs = append(vs, math.Float64frombits(rng.Uint64())) // anything
		}
	}
	for _, v := range vs {
		if got, w := string(appendNum(nil, v)), want(v); got != w {
			t.Fatalf("appendNum(%v) = %q, want %q", v, got, w)
		}
	}
}
