package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/trellis-pl/trellis/content"
)

// checkOut refuses output folders that would destroy the plan, be read as
// part of it, or replace files Trellis did not write, and returns the
// folder as an absolute path. An output folder that is a symbolic link is
// written through: the folder it points to is the one replaced.
func checkOut(out string, src source) (string, error) {
	if out == "" {
		return "", errors.New("no output folder given")
	}
	abs, err := realPath(out)
	if err != nil {
		return "", err
	}
	if src.dir != "" {
		if err := outsideSource(out, abs, src); err != nil {
			return "", err
		}
	}
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("the output folder %s is a file; choose a folder", out)
	}
	return abs, notTrellisFiles(out, abs)
}

// realPath returns the absolute path of p with symbolic links resolved, as
// far as p exists; a link to a folder not made yet resolves to its target.
func realPath(p string) (string, error) { return resolve(p, 0) }

func resolve(p string, depth int) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if depth > 40 {
		return "", fmt.Errorf("%s: too many symbolic links", p)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if target, err := os.Readlink(dir); err == nil { // a link to nothing yet
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(dir), target)
			}
			return resolve(filepath.Join(target, rest), depth+1)
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// outsideSource refuses an output folder that is the source folder,
// contains it, or lies inside a part of it that is read.
func outsideSource(out, abs string, src source) error {
	dir, err := realPath(src.dir)
	if err != nil {
		return err
	}
	suggest := filepath.Join(src.dir, "public")
	if abs == dir {
		return fmt.Errorf("the output folder %s is the plan folder; choose another, such as %s", out, suggest)
	}
	if rel, err := filepath.Rel(abs, dir); err == nil && !strings.HasPrefix(rel, "..") {
		return fmt.Errorf("the output folder %s contains the plan folder; choose another, such as %s", out, suggest)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, n := range src.names {
		if first == n {
			return fmt.Errorf("the output folder %s is inside %s, which is part of the plan; choose another, such as %s", out, filepath.Join(src.dir, n), suggest)
		}
	}
	return nil
}

// notTrellisFiles refuses a folder with files in it but no marker.
func notTrellisFiles(out, abs string) error {
	entries, err := os.ReadDir(abs)
	if err != nil || len(entries) == 0 {
		return err
	}
	if _, err := os.Stat(filepath.Join(abs, marker)); err == nil {
		return nil
	}
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, "...")
			break
		}
		names = append(names, e.Name())
	}
	return fmt.Errorf("the output folder %s has files that Trellis did not write (%s); choose an empty or new folder, or, to publish into this folder and keep its files, create an empty file %s in it", out, strings.Join(names, ", "), filepath.Join(out, marker))
}

// planSource is what a plan's output folder must stay out of.
func planSource(dir string) source {
	if dir == "" {
		return source{}
	}
	return source{dir: dir, names: []string{content.GoalsDir, content.ActivitiesDir, content.PartnersDir, "layouts", "static",
		content.SettingsFile, content.DistrictFile, content.BeliefsFile}}
}
