package generator

import "time"

// The internals that this package's external tests (package generator_test,
// which build whole sites through generator/render) check.

const (
	MaxFileSize     = maxFileSize
	MaxHumanized    = maxHumanized
	MaxHumanizedLen = maxHumanizedLen
)

// HumanizedCount is how many values Humanize remembers.
func HumanizedCount() int { return int(humanizedCount.Load()) }

var (
	MatchSegments = matchSegments
	LoadSchema    = loadSchema
	BenchSite     = benchSite
)

// SetRacyWindow sets how long after a file's change its timestamp cannot be
// trusted (racyWindow); tests whose edits are far apart set 0.
func (l *Loader) SetRacyWindow(d time.Duration) { l.window = d }

// Reads returns how many files the loader has read.
func (l *Loader) Reads() int64 { return l.reads.Load() }

// Parses returns how many files the loader has parsed.
func (l *Loader) Parses() int64 { return l.parses.Load() }

// SetToday sets the day the loader's next loads take as today.
func (l *Loader) SetToday(day time.Time) { l.opts.Today = day }
