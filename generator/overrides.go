package generator

import (
	"io/fs"
	"os"
	"path/filepath"
)

// themeOverrides is the folder whose layouts/ and static/ replace theme
// files: a plan's or a portal's folder (nil: none).
func themeOverrides(dir string) fs.FS {
	if dir == "" {
		return nil
	}
	return os.DirFS(dir)
}

// hasOverrides reports whether a folder has layouts/ or static/ of its own.
func hasOverrides(dir string) bool {
	for _, sub := range []string{"layouts", "static"} {
		if info, err := os.Stat(filepath.Join(dir, sub)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}
