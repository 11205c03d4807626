//go:build unix

package planfs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// openRead reads a file whole, and refuses a link put in its place.
func TestOpenRead(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "goal.md")
	if err := os.WriteFile(name, []byte("+++\ntitle = \"Read\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := openRead(name)
	if err != nil {
		t.Fatal(err)
	}
	data, err := readAll(f, 3)
	if err != nil || string(data) != "+++\ntitle = \"Read\"\n+++\n" {
		t.Errorf("read %q, %v", data, err)
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(name, link); err != nil {
		t.Fatal(err)
	}
	if f, err := openRead(link); !errors.Is(err, syscall.ELOOP) {
		if f != nil {
			f.Close()
		}
		t.Errorf("opening a link: %v, want ELOOP", err)
	}
	if _, err := openRead(filepath.Join(dir, "missing.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing file: %v", err)
	}
}
