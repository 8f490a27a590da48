//go:build race

package dependencies_test

// raceDetector is true when the tests run with -race, which makes the
// 10,000-blueprint build ten times slower and checks nothing about sizes;
// .ci/run runs TestImpactPagesStayLinear once more without it.
const raceDetector = true
