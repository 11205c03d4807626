// Package synth writes synthetic portals of realistic district plans for
// benchmarks, the same files for the same seed, either as a Trellis portal
// or as an ordinary Hugo site with the same content files.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/trellis-pl/trellis/content"
)

// Write writes n district plans into dir, which must not exist, and
// returns the number of files written.
func Write(dir string, n int, seed uint64, hugo bool) (int, error) {
	if _, err := os.Stat(dir); err == nil {
		return 0, fmt.Errorf("%s exists; remove it or choose another folder", dir)
	}
	sets := map[string]*content.StandardsSet{}
	for _, id := range content.BuiltinStandards() {
		set, err := content.Builtin(id)
		if err != nil {
			return 0, err
		}
		sets[id] = set
	}
	root := dir
	if hugo {
		if err := writeHugoSkeleton(root); err != nil {
			return 0, err
		}
		root = filepath.Join(root, "content")
	} else if err := writeFile(filepath.Join(root, content.PortalFile), fmt.Sprintf("title = \"Synthetic Professional Learning Plans (%d districts)\"\nagency = \"Synthetic State Department of Education\"\n", n)); err != nil {
		return 0, err
	}
	files := 0
	for i := 0; i < n; i++ {
		d := newDistrict(seed, i, sets)
		for name, text := range d.files(hugo) {
			if hugo {
				text = hugoKeys.Replace(text)
			}
			if err := writeFile(filepath.Join(root, d.slug, filepath.FromSlash(name)), text); err != nil {
				return files, err
			}
			files++
		}
	}
	return files, nil
}

// hugoKeys renames the two front-matter keys that Hugo reserves for its
// own use (a page's kind, and page resources); everything else is the same.
var hugoKeys = strings.NewReplacer("\nkind = ", "\npartner_kind = ", "[[resources]]", "[[pl_resources]]")

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
