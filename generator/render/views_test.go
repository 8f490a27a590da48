package render_test

// The internal tests of this package build whole sites: they need every view,
// which generator/views registers (an external test file may import it, as
// the view packages import this one).
import _ "archfolio/generator/views"
