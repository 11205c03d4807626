package history

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/trellis-pl/trellis/internal/planfs"
)

var errTooLarge = errors.New("too large")

// PlanAt returns the plan folder as it was at a commit (a hash from
// Resolve, a Commit or a Tag), as a read-only file system for
// content.Load. It holds the rules of internal/planfs: nothing outside the
// plan folder is reachable, symbolic links are not followed, and files
// above the size limit of Options.MaxFileSize are refused.
func (l *Log) PlanAt(commit string) (fs.FS, error) {
	if l == nil || l.repo == nil {
		return nil, errors.New("the plan folder is not in a git repository")
	}
	l.objects.Lock()
	defer l.objects.Unlock()
	c, err := l.repo.CommitObject(plumbing.NewHash(commit))
	if err != nil {
		return nil, fmt.Errorf("reading commit %s: %v", commit, err)
	}
	tree, err := l.planTree(c)
	if err != nil {
		return nil, err
	}
	if tree == nil {
		return nil, fmt.Errorf("the plan folder did not exist at commit %.7s", commit)
	}
	return &treeFS{tree: tree, when: c.Committer.When, max: l.maxSize, mu: &l.objects}, nil
}

// treeFS is a git tree as an fs.FS. It is safe for concurrent use (a
// load reads its catalogues beside its other files): go-git's trees and
// object storage are not, so every call holds the Log's lock on them.
type treeFS struct {
	tree *object.Tree
	when time.Time
	max  int64
	mu   *sync.Mutex // the Log's objects lock
}

func (t *treeFS) entry(op, name string) (*object.TreeEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return &object.TreeEntry{Name: ".", Mode: filemode.Dir, Hash: t.tree.Hash}, nil
	}
	e, err := t.tree.FindEntry(name)
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	switch e.Mode {
	case filemode.Dir, filemode.Regular, filemode.Executable, filemode.Deprecated:
		return e, nil
	case filemode.Symlink:
		return nil, &fs.PathError{Op: op, Path: name, Err: &planfs.Error{Code: "not-a-file",
			Msg:  fmt.Sprintf("%s is a symbolic link, which is not followed in an earlier version", name),
			Hint: "commit the file itself instead of a link to it"}}
	}
	return nil, &fs.PathError{Op: op, Path: name, Err: &planfs.Error{Code: "not-a-file",
		Msg: fmt.Sprintf("%s is a submodule, not a file", name), Hint: "keep the plan's files in the plan's own repository"}}
}

// Stat returns a file's info.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.entry("stat", name)
	if err != nil {
		return nil, err
	}
	return t.info(name, e)
}

func (t *treeFS) info(name string, e *object.TreeEntry) (fs.FileInfo, error) {
	fi := &info{name: path.Base(name), mode: 0o444, when: t.when}
	if e.Mode == filemode.Dir {
		fi.mode = fs.ModeDir | 0o555
		return fi, nil
	}
	size, err := t.tree.Size(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	fi.size = size
	return fi, nil
}

// ReadFile reads a whole file.
func (t *treeFS) ReadFile(name string) ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.readFile(name)
}

func (t *treeFS) readFile(name string) ([]byte, error) {
	e, err := t.entry("read", name)
	if err != nil {
		return nil, err
	}
	if e.Mode == filemode.Dir {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &planfs.Error{Code: "not-a-file",
			Msg: fmt.Sprintf("%s is a folder, not a file", name), Hint: "rename the folder"}}
	}
	f, err := t.tree.TreeEntryFile(e)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if t.max > 0 && f.Size > t.max {
		return nil, t.tooLarge(name, f.Size)
	}
	r, err := f.Reader()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	defer r.Close()
	data, err := readAll(r, t.max)
	if errors.Is(err, errTooLarge) {
		return nil, t.tooLarge(name, t.max+1)
	}
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

func (t *treeFS) tooLarge(name string, size int64) error {
	return &fs.PathError{Op: "read", Path: name, Err: &planfs.Error{Code: "file-too-large",
		Msg:  fmt.Sprintf("%s is %d bytes, more than the limit of %d", name, size, t.max),
		Hint: "split the file, or move large data out of the plan"}}
}

// ReadDir lists a folder, sorted by name.
func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.readDir(name)
}

func (t *treeFS) readDir(name string) ([]fs.DirEntry, error) {
	e, err := t.entry("readdir", name)
	if err != nil {
		return nil, err
	}
	if e.Mode != filemode.Dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	sub := t.tree
	if name != "." {
		if sub, err = t.tree.Tree(name); err != nil {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
		}
	}
	var out []fs.DirEntry
	for i := range sub.Entries {
		out = append(out, &dirEntry{t: t, dir: name, e: &sub.Entries[i]})
	}
	return out, nil // git sorts tree entries by name
}

// Open opens a file or folder.
func (t *treeFS) Open(name string) (fs.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.entry("open", name)
	if err != nil {
		return nil, err
	}
	fi, err := t.info(name, e)
	if err != nil {
		return nil, err
	}
	if e.Mode == filemode.Dir {
		entries, err := t.readDir(name)
		if err != nil {
			return nil, err
		}
		return &openDir{info: fi, entries: entries}, nil
	}
	data, err := t.readFile(name)
	if err != nil {
		return nil, err
	}
	return &openFile{info: fi, data: data}, nil
}

type info struct {
	name string
	size int64
	mode fs.FileMode
	when time.Time
}

func (i *info) Name() string       { return i.name }
func (i *info) Size() int64        { return i.size }
func (i *info) Mode() fs.FileMode  { return i.mode }
func (i *info) ModTime() time.Time { return i.when }
func (i *info) IsDir() bool        { return i.mode.IsDir() }
func (i *info) Sys() any           { return nil }

type dirEntry struct {
	t   *treeFS
	dir string
	e   *object.TreeEntry
}

func (d *dirEntry) Name() string { return d.e.Name }
func (d *dirEntry) IsDir() bool  { return d.e.Mode == filemode.Dir }
func (d *dirEntry) Type() fs.FileMode {
	switch d.e.Mode {
	case filemode.Dir:
		return fs.ModeDir
	case filemode.Symlink:
		return fs.ModeSymlink
	case filemode.Submodule:
		return fs.ModeIrregular
	}
	return 0
}
func (d *dirEntry) Info() (fs.FileInfo, error) { return d.t.Stat(path.Join(d.dir, d.e.Name)) }

type openFile struct {
	info fs.FileInfo
	data []byte
	off  int
}

func (f *openFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *openFile) Close() error               { return nil }
func (f *openFile) Read(b []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(b, f.data[f.off:])
	f.off += n
	return n, nil
}

type openDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
}

func (d *openDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *openDir) Close() error               { return nil }
func (d *openDir) Read([]byte) (int, error)   { return 0, errors.New("is a folder") }
func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	if n > len(d.entries) {
		n = len(d.entries)
	}
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}
