//go:build unix

package generator_test

import (
	"os"
	"path/filepath"
	"syscall"
)

// mkfifo makes a FIFO at path, for the hostile catalogue's fifos.
func mkfifo(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return syscall.Mkfifo(path, 0o644)
}
