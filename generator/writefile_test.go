package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSiteFile makes a file readable by all, replaces a longer one whole,
// and names the file when it cannot write it.
func TestWriteSiteFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "index.html")
	if err := writeSiteFile(name, []byte("a longer first version")); err != nil {
		t.Fatal(err)
	}
	if err := writeSiteFile(name, []byte("second")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil || string(got) != "second" {
		t.Errorf("read %q, %v; want %q", got, err, "second")
	}
	if info, err := os.Stat(name); err != nil || info.Mode().Perm()&0o444 != 0o444 {
		t.Errorf("mode %v, %v: want readable by all", info.Mode(), err)
	}
	missing := filepath.Join(t.TempDir(), "no-such-folder", "index.html")
	err = writeSiteFile(missing, []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("writing into a missing folder: %v", err)
	}
}
