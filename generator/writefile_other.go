//go:build !unix

package generator

import "os"

// writeSiteFile writes a site file (see writefile_unix.go).
func writeSiteFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
