//go:build !unix

package generator_test

import "errors"

// mkfifo reports that this platform has no FIFOs (the case is skipped).
func mkfifo(string) error { return errors.New("no FIFOs") }
