package generator_test

// The tests of this package load whole sites: they need every view's analysis,
// which generator/views registers (through generator/render). This external
// test file imports it, as the view packages import this one, so that the
// internal tests and benchmarks get the views too.
import _ "archfolio/generator/views"
