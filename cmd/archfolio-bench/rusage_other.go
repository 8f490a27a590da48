//go:build !unix

package main

import "os"

// peakRSS is unknown where rusage is not available.
func peakRSS(*os.ProcessState) int64 { return 0 }

// syncDisks does nothing where there is no sync(2).
func syncDisks() {}
