package generator

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/trellis-pl/trellis/internal/async"
)

// marker is written into every output folder, so that Trellis never
// replaces a folder it did not write. It lists the files Trellis wrote;
// every other file of the folder belongs to the user and is kept.
const marker = ".trellis-site"

const markerHeader = "This folder is written by Trellis and replaced on every build.\n" +
	"Files not listed below are not Trellis's: they are kept across builds.\n\n"

// source is what an output folder must stay out of: the plan's or portal's
// folder, and the names in it that it reads.
type source struct {
	dir   string
	names []string // entries of dir that are its source: goals, static, ...
}

// published is what publish wrote.
type published struct {
	files int
	bytes int64
}

// publish writes a site with fill into a new folder beside out and puts it
// in place of out in one step, so that out holds a complete site at every
// instant: the old one, or the new one. Builds of the same out take turns
// through a lock; what a killed build left behind is removed first. Files
// of the old site that Trellis did not write are carried into the new one.
func publish(out string, src source, minify bool, fill func(f *folder) error) (published, error) {
	out, err := checkOut(out, src)
	if err != nil {
		return published{}, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return published{}, err
	}
	unlock, err := lockOut(out)
	if err != nil {
		return published{}, err
	}
	defer unlock()
	next, old := sideNames(out)
	if err := recoverLeftovers(out, next, old); err != nil {
		return published{}, err
	}
	if err := os.Mkdir(next, 0o755); err != nil {
		return published{}, err
	}
	defer os.RemoveAll(next)
	kept := async.Go(func() ([]string, error) { return keptFiles(out) }) // the old site is read while the new one is written
	f := &folder{root: next, minify: minify}
	err = fill(f)
	keptNames, kerr := kept()
	if err = cmp.Or(err, kerr); err != nil {
		return published{}, err
	}
	if err := finish(f, out, keptNames); err != nil {
		return published{}, err
	}
	if err := swap(next, out, old); err != nil {
		return published{}, err
	}
	// The new site is in place: if the old one cannot be removed now, the
	// next build removes it.
	_ = removeTree(old)
	return published{files: len(f.names) + 1, bytes: f.bytes + int64(len(markerHeader))}, nil // with the marker
}

// sideNames are the folders a build of out uses beside it: the new site
// while it is written, and the old one between the swap and its removal.
func sideNames(out string) (next, old string) {
	dir, base := filepath.Split(out)
	return filepath.Join(dir, "."+base+".trellis-new"), filepath.Join(dir, "."+base+".trellis-old")
}

// recoverLeftovers removes what a killed build of out left, and puts the
// old site back if a build was killed in the fallback swap's window.
func recoverLeftovers(out, next, old string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if _, err := os.Stat(filepath.Join(old, marker)); err == nil {
			if err := os.Rename(old, out); err != nil {
				return err
			}
		}
	}
	if err := removeTree(next); err != nil {
		return err
	}
	return removeTree(old)
}

// removeTree is os.RemoveAll of dir, with its entries shared out among
// the cores: the old site of a portal is tens of thousands of files. A
// symbolic link in dir's place is removed, not followed.
func removeTree(dir string) error {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return os.RemoveAll(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < 2 {
		return os.RemoveAll(dir) // nothing to share out, or not readable (RemoveAll says why)
	}
	next := make(chan string, len(entries))
	for _, e := range entries {
		next <- filepath.Join(dir, e.Name())
	}
	close(next)
	errs := make([]error, min(len(entries), runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			for p := range next {
				if err := os.RemoveAll(p); err != nil && errs[i] == nil {
					errs[i] = err
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return os.RemoveAll(dir)
}

// finish copies the user's files into the new site and writes the marker.
func finish(f *folder, out string, kept []string) error {
	written := make(map[string]bool, len(f.names))
	for _, n := range f.names {
		written[n] = true
	}
	for _, k := range kept {
		if written[k] {
			return fmt.Errorf("%s was not written by Trellis, and the new site has a file of that name; remove or rename one of the two, so that neither is lost", filepath.Join(out, filepath.FromSlash(k)))
		}
		if err := linkOrCopy(filepath.Join(out, filepath.FromSlash(k)), filepath.Join(f.root, filepath.FromSlash(k))); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString(markerHeader)
	for _, n := range sortedCopy(f.names) {
		b.WriteString(n + "\n")
	}
	if err := os.WriteFile(filepath.Join(f.root, marker), b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Chmod(f.root, 0o755)
}

// keptFiles lists the files of the site at out that Trellis did not write
// (slash paths), which the new site keeps.
func keptFiles(out string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(out, marker))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // no site yet, or an empty folder (checkOut saw to it)
	}
	if err != nil {
		return nil, err
	}
	ours := map[string]bool{marker: true}
	// An empty marker is the user's: every file is theirs. A marker of an
	// older Trellis lists nothing: only dot files and CNAME can be theirs.
	legacy := len(data) > 0 && !bytes.HasPrefix(data, []byte(markerHeader))
	sc := bufio.NewScanner(bytes.NewReader(data[min(len(markerHeader), len(data)):]))
	for sc.Scan() {
		ours[sc.Text()] = true
	}
	var kept []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == out {
			return err
		}
		rel := filepath.ToSlash(p[len(out)+1:])
		switch {
		case d.IsDir():
			return nil
		case legacy && !strings.HasPrefix(rel, ".") && rel != "CNAME":
			return nil
		case !ours[rel]:
			kept = append(kept, rel)
		}
		return nil
	})
	return kept, err
}

// linkOrCopy puts the file from at to, as a hard link when it can.
func linkOrCopy(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	info, err := os.Lstat(from)
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		return os.Symlink(target, to)
	}
	if os.Link(from, to) == nil {
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, info.Mode().Perm())
}

// swapByRenames moves out to old and next to out. If the second rename
// fails, the old site is put back.
func swapByRenames(next, out, old string) error {
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(next, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return nil
}
