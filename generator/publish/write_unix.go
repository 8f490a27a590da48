//go:build unix

package publish

import (
	"io"
	"os"
	"syscall"
)

// writeFile writes data to a new file at name (truncating one that is there),
// as os.WriteFile does but with three system calls: os.File also asks the
// runtime's poller to take the file (two fcntl calls and an epoll_ctl that a
// regular file always refuses), which in a 10,000-document build was a sixth
// of the time spent writing files.
func writeFile(name string, data []byte) error {
	fd, err := open(name)
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			_ = syscall.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func open(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
