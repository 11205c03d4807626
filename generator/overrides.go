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
// default theme's: raw HTML in its Markdown, or, if own, layouts of its
// own (hasOverrides of its folder).
func rawMarkup(plan *content.Plan, own bool) bool {
	return plan.Settings.UnsafeHTML || own
}

// hasOverrides reports whether a folder has layouts/, static/ or i18n/ of
// its own; no folder ("") has none.
func hasOverrides(dir string) bool {
	if dir == "" {
		return false
	}
	for _, sub := range []string{"layouts", "static", "i18n"} {
		if info, err := os.Stat(filepath.Join(dir, sub)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}
