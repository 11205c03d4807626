//go:build unix

package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// lockOut takes the lock of builds of out: a file beside it, locked with
// flock, which the system releases when the build ends, killed or not. A
// second build of the same folder fails at once. The file is removed when
// the build ends; a build that locked a file removed meanwhile tries again.
func lockOut(out string) (unlock func(), err error) {
	dir, base := filepath.Split(out)
	name := filepath.Join(dir, "."+base+".trellis-lock")
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, fmt.Errorf("another build is writing %s; wait for it to finish and build again", out)
			}
			return nil, err
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() { os.Remove(name); f.Close() }, nil
		}
		f.Close()
	}
}
