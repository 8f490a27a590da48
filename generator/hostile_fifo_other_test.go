//go:build !unix

package generator

import "errors"

// mkfifo reports that this platform has no FIFOs (the case is skipped).
func mkfifo(string) error { return errors.New("no FIFOs") }
