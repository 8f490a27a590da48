package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// minMemoryLimit is the least soft memory limit build sets: high enough that the
// collector runs seldom on a large portfolio, below the 1 GiB a 10,000-document
// build is meant to stay under.
const minMemoryLimit = 900 << 20

// tuneMemory sets how the Go runtime trades memory for CPU during a build, a
// check or serve, unless GOGC or GOMEMLIMIT say otherwise. A build keeps every
// rendered body until its page is written (a few bytes per byte of content) and
// makes a lot of short-lived garbage besides. A soft memory limit of eight bytes
// per byte of content, and at least minMemoryLimit, lets the collector run less
// often (gcPercent instead of 100) while the heap stays under the limit, so a
// large build peaks lower than with Go's defaults for no more CPU, and check,
// which keeps far less, runs faster. A limit close to what the build really needs
// would make the collector run without pause, so the limit follows the live heap
// up: to one and a half times the heap the last collection kept, short of 1 GiB
// (limitFor; following at twice the heap raised the peak and saved no CPU that
// could be measured). cmd/archfolio-bench/README.md has the figures.
func tuneMemory(site string, gcPercent int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	base := memoryLimit(contentBytes(site))
	debug.SetMemoryLimit(base)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	go followLiveHeap(base)
}

// followLiveHeap raises the soft memory limit with the live heap, for the life of
// the process (a command runs one build).
func followLiveHeap(limit int64) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(20 * time.Millisecond) {
		metrics.Read(live)
		if live[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if next := limitFor(limit, live[0].Value.Uint64()); next > limit {
			limit = next
			debug.SetMemoryLimit(limit)
		}
	}
}

// limitCap is the highest limit that following the live heap sets while the
// heap leaves minHeadroom under it: one and a half times a heap of 640 to 700
// MiB, as a 10,000-document build of the hub-heavy shape keeps at its peak
// depending on when its collections fall, would let the process reach 1 GiB.
const (
	limitCap    = 960 << 20
	minHeadroom = 256 << 20
)

// limitFor is the soft memory limit for a live heap: the current limit, or one and
// a half times the live heap when that is more, but no more than limitCap while
// that leaves the heap minHeadroom (a larger heap gets one and a half times).
func limitFor(limit int64, live uint64) int64 {
	l := int64(min(live, 1<<61))
	next := l + l/2
	if next > limitCap && l+minHeadroom <= limitCap {
		next = limitCap
	}
	return max(limit, next)
}

// memoryLimit is the soft memory limit for a site of content bytes.
func memoryLimit(content int64) int64 { return max(minMemoryLimit, 8*content) }

// contentBytes is the size of the files under SITE/content.
func contentBytes(site string) int64 {
	var total int64
	_ = filepath.WalkDir(filepath.Join(site, "content"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
}
