//go:build !race

package dependencies_test

const raceDetector = false
