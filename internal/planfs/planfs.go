// Package planfs reads a plan folder, or a portal folder, as a boundary:
// symbolic links are followed only while they stay inside it, and only
// regular files and folders are read. Every reader of a plan's files (the
// loader, the theme's layouts/ and static/, the preview) goes through it,
// so the rules of docs/limits.md hold everywhere.
package planfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// MaxFileSize is the largest plan file (Markdown, TOML) that the loader
// reads: far above any real plan file, far below what would exhaust memory.
const MaxFileSize = 4 << 20

// FS is a folder read within a boundary. It implements fs.FS, fs.StatFS,
// fs.ReadDirFS and fs.ReadFileFS.
type FS struct {
	boundary string // absolute, links resolved
	dir      string // absolute, links resolved; inside boundary
	shown    string // dir as given, for messages
	rel      string // dir relative to boundary, slash-separated, "." for itself
	maxSize  int64  // 0: no limit

	mu   sync.Mutex
	dirs map[string]bool // folders below dir found to be folders, not links (see plain)
}

// Error is a file that exists but may not be read. Code is the diagnostic
// code that reports it; Hint says how to fix it.
type Error struct {
	Code, Msg, Hint string
}

func (e *Error) Error() string { return e.Msg }

// Dir returns the folder dir as an FS whose boundary is dir itself. Files
// larger than maxSize bytes are refused (0: no limit).
func Dir(dir string, maxSize int64) (*FS, error) { return Within(dir, dir, maxSize) }

// Within returns the folder dir, which must lie inside boundary (a portal
// folder holding the plan), as an FS whose boundary is boundary.
func Within(boundary, dir string, maxSize int64) (*FS, error) {
	b, err := realAbs(boundary)
	if err != nil {
		return nil, err
	}
	d := b // Dir: the folder is its own boundary
	if dir != boundary {
		if d, err = realAbs(dir); err != nil {
			return nil, err
		}
	}
	rel, ok := inside(b, d)
	if !ok {
		return nil, &Error{Code: "link-outside", Msg: fmt.Sprintf("%s leads to %s, outside %s", dir, d, boundary),
			Hint: "move the folder inside, or copy it in instead of linking to it"}
	}
	return &FS{boundary: b, dir: d, shown: dir, rel: rel, maxSize: maxSize}, nil
}

func realAbs(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// inside reports whether p is root or below it, and gives its slash path
// relative to root.
func inside(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// resolve returns the real path of name and its file info, or an error
// that says which link is at fault.
func (f *FS) resolve(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	real, info, err := f.plain(name)
	if err == nil {
		return real, info, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: unwrap(err)} // what the Lstat below would say
	}
	full := filepath.Join(f.dir, filepath.FromSlash(name))
	if _, err := os.Lstat(full); err != nil {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
	}
	real, err = filepath.EvalSymlinks(full)
	if err != nil {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: f.brokenLink(name)}
	}
	if _, ok := inside(f.boundary, real); !ok {
		link, target := f.firstLink(name)
		return "", nil, &fs.PathError{Op: op, Path: name, Err: &Error{Code: "link-outside",
			Msg:  fmt.Sprintf("%s is a symbolic link to %s, outside the folder %s; Trellis reads nothing outside it", link, target, f.shown),
			Hint: "copy the file into the folder instead of linking to it"}}
	}
	info, err = os.Stat(real)
	if err != nil {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: &Error{Code: "not-a-file",
			Msg:  fmt.Sprintf("%s is not a regular file (it is %s); Trellis reads only regular files and folders", name, kind(info.Mode())),
			Hint: "replace it with an ordinary file, or remove it"}}
	}
	return real, info, nil
}

// plain resolves name without following links: when no part of its path
// below the folder is a link and it is a regular file or a folder, its
// real path is the folder's joined with it. The folders found so are
// kept, so that each is looked at once per FS. A missing name below plain
// folders gives Lstat's error; anything else (a link, a device) gives
// errNotPlain, and is left to resolve's slower path and its messages.
func (f *FS) plain(name string) (string, fs.FileInfo, error) {
	if name == "." { // the folder itself, resolved when the FS was made
		info, err := os.Lstat(f.dir)
		if err != nil || !info.IsDir() {
			return "", nil, errNotPlain
		}
		return f.dir, info, nil
	}
	for i := range len(name) {
		if name[i] == '/' && !f.isPlainDir(name[:i]) {
			return "", nil, errNotPlain
		}
	}
	full := filepath.Join(f.dir, filepath.FromSlash(name))
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil, err
	case err != nil || !info.Mode().IsRegular() && !info.IsDir():
		return "", nil, errNotPlain
	}
	return full, info, nil
}

// errNotPlain is plain's answer for a name it leaves to resolve.
var errNotPlain = errors.New("not a plain path")

// isPlainDir reports whether the folder dir (a slash path below the
// folder) is a folder and not a link to one.
func (f *FS) isPlainDir(dir string) bool {
	f.mu.Lock()
	known := f.dirs[dir]
	f.mu.Unlock()
	if known {
		return true
	}
	info, err := os.Lstat(filepath.Join(f.dir, filepath.FromSlash(dir)))
	if err != nil || !info.IsDir() {
		return false
	}
	f.mu.Lock()
	if f.dirs == nil {
		f.dirs = map[string]bool{}
	}
	f.dirs[dir] = true
	f.mu.Unlock()
	return true
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a file"
}

// firstLink returns the first symbolic link on the way to name (itself or
// a folder above it, relative to the FS) and what it points to.
func (f *FS) firstLink(name string) (string, string) {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := path.Join(parts[:i+1]...)
		full := filepath.Join(f.dir, filepath.FromSlash(p))
		if info, err := os.Lstat(full); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(full)
			return p, target
		}
	}
	return name, name
}

// brokenLink explains why name's links do not resolve: one points to
// nothing, or they form a loop.
func (f *FS) brokenLink(name string) *Error {
	link, target := f.firstLink(name)
	dest := target
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(filepath.Dir(filepath.Join(f.dir, filepath.FromSlash(link))), dest)
	}
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return &Error{Code: "broken-link", Msg: fmt.Sprintf("%s is a symbolic link to %s, which does not exist", link, target),
			Hint: "fix or remove the link"}
	}
	return &Error{Code: "broken-link", Msg: fmt.Sprintf("%s is a symbolic link to %s, and the links form a loop or do not resolve", link, target),
		Hint: "fix or remove the link"}
}
