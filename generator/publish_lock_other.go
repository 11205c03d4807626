//go:build !unix

package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// lockOut takes the lock of builds of out: a file beside it, created
// exclusively. A build killed while holding it leaves it behind; the
// message says to remove it.
func lockOut(out string) (unlock func(), err error) {
	dir, base := filepath.Split(out)
	name := filepath.Join(dir, "."+base+".trellis-lock")
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another build is writing %s; wait for it to finish and build again (if no build is running, remove %s)", out, name)
	}
	if err != nil {
		return nil, err
	}
	return func() { f.Close(); os.Remove(name) }, nil
}
