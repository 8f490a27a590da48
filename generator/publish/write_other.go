//go:build !unix

package publish

import "os"

// writeFile writes data to a new file at name (truncating one that is there).
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
