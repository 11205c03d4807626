package generator

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/trellis-pl/trellis/internal/planfs"

	"github.com/trellis-pl/trellis/content"
)

// themeOverrides is the folder whose layouts/ and static/ replace theme
// files: a plan's or a portal's folder (nil: none).
func themeOverrides(dir string) fs.FS {
	if dir == "" {
		return nil
	}
	fsys, err := planfs.Dir(dir, 0)
	if err != nil {
		return nil // no folder, nothing to lay over the theme
	}
	return fsys
}

// rawMarkup reports whether a plan's pages can have markup that is not the
// default theme's: raw HTML in its Markdown, or layouts of its own in dir.
func rawMarkup(plan *content.Plan, dir string) bool {
	return plan.Settings.UnsafeHTML || dir != "" && hasOverrides(dir)
}

// hasOverrides reports whether a folder has layouts/, static/ or i18n/ of
// its own.
func hasOverrides(dir string) bool {
	for _, sub := range []string{"layouts", "static", "i18n"} {
		if info, err := os.Stat(filepath.Join(dir, sub)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}
