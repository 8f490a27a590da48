// Package themes embeds archfolio's default theme: layouts/ (html/template files)
// and static/ (copied to the site's assets/). A site's themes/NAME folder replaces
// any of these files one by one.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the default theme as a file system rooted at its folder.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the folder is embedded at compile time; it cannot be missing
	}
	return sub
}
