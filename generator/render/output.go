package render

import "archfolio/generator/publish"

// Output receives the files of a rendered site (package publish).
type Output = publish.Output

// MemOutput keeps a rendered site in memory (package publish).
type MemOutput = publish.MemOutput

// OutputMarker is the file at the top of every output folder (publish.Marker).
const OutputMarker = publish.Marker
