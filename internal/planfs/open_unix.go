//go:build unix

package planfs

import (
	"io"
	"io/fs"
	"syscall"
)

// openRead opens a file that resolve has checked, for ReadFile, with the
// one system call it needs (os.Open also sets the file non-blocking and
// offers it to the poller). It does not follow a link in the last part of
// the path, nor wait on a pipe, should one be put in place of the file
// after the check.
func openRead(name string) (io.ReadCloser, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return rawFile(fd), nil
	}
}

// rawFile is an open file descriptor, read with read(2).
type rawFile int

func (f rawFile) Read(b []byte) (int, error) {
	for {
		n, err := syscall.Read(int(f), b)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(b) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f rawFile) Close() error { return syscall.Close(int(f)) }
