//go:build !unix

package planfs

import (
	"io"
	"os"
)

// openRead opens a file that resolve has checked, for ReadFile.
func openRead(name string) (io.ReadCloser, error) { return os.Open(name) }
