//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// syncDisks flushes the file system, so a run does not pay for the previous one's writes.
func syncDisks() { syscall.Sync() }

// peakRSS returns the child's peak resident set size in bytes, from its rusage.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // KiB on Linux and the BSDs
}
