package generator

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder next in place of out. On Linux the two folders are
// exchanged in one step (renameat2 with RENAME_EXCHANGE), so out is never
// missing; the old site is then at next, and is moved to old. Where the
// file system cannot exchange, swap falls back to two renames.
func swap(next, out, old string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(next, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, next, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if err == nil {
		return os.Rename(next, old)
	}
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return swapByRenames(next, out, old)
	}
	return err
}
