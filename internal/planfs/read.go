package planfs

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Open opens a file or folder of the FS, after the checks of resolve. A
// named pipe is refused before it is opened, so that no read can block.
func (f *FS) Open(name string) (fs.File, error) {
	real, _, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(real)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	return file, nil
}

// Stat returns the file info of name, with links resolved.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	_, info, err := f.resolve("stat", name)
	return info, err
}

// ReadDir lists a folder. Entries that are links keep their link type;
// Stat them to see where they lead.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	real, _, err := f.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return entries, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	return entries, nil
}

// ReadFile reads a whole regular file, refusing one above the size limit
// (also one that grows past it while being read).
func (f *FS) ReadFile(name string) ([]byte, error) {
	real, info, err := f.resolve("read", name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &Error{Code: "not-a-file",
			Msg: fmt.Sprintf("%s is a folder, not a file", name), Hint: "rename the folder"}}
	}
	if f.maxSize > 0 && info.Size() > f.maxSize {
		return nil, f.tooLarge(name, info.Size())
	}
	file, err := openRead(real)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
	}
	defer file.Close()
	var r io.Reader = file
	if f.maxSize > 0 {
		r = io.LimitReader(file, f.maxSize+1)
	}
	data, err := readAll(r, info.Size())
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
	}
	if f.maxSize > 0 && int64(len(data)) > f.maxSize {
		return nil, f.tooLarge(name, int64(len(data)))
	}
	return data, nil
}

// readAll reads r to its end into a buffer of the size the file had when
// it was looked at, plus a byte to see its end: one read and the one that
// finds nothing more, where io.ReadAll would grow its buffer from 512
// bytes, a read each time.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), MaxFileSize)+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // it grew: make room
		}
	}
}

func (f *FS) tooLarge(name string, size int64) error {
	return &fs.PathError{Op: "read", Path: name, Err: &Error{Code: "file-too-large",
		Msg:  fmt.Sprintf("%s is %s; a plan file may be at most %s", name, mb(size), mb(f.maxSize)),
		Hint: "split the text into several files, or move large content (data, images) into static/"}}
}

func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
