package generator

import (
	"io/fs"
	"syscall"
)

func sysStamp(info fs.FileInfo) (ino uint64, changeNsec int64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ino, st.Ctim.Nano()
	}
	return 0, 0
}
