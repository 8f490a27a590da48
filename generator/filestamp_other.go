//go:build !linux

package generator

import "io/fs"

func sysStamp(fs.FileInfo) (ino uint64, changeNsec int64) { return 0, 0 }
