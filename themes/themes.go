// Package themes holds the site themes, embedded in the binary. A theme is
// a folder with layouts/ (Go html/template files) and static/ (files copied
// to the site as they are). A plan's own layouts/ and static/ folders
// replace theme files of the same path.
package themes

import (
	"embed"
	"io/fs"
	"sync"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme: the same value each time, so that
// what is read from it once can be kept.
var Default = sync.OnceValue(func() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
})
