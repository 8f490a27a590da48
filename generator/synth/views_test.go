package synth_test

// The tests build whole sites, with every view.
import _ "archfolio/generator/views"
