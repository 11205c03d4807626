package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// BenchmarkBuildCommand runs `trellis build examples/cedar-valley` in the
// process: loading the plan, reading its git history (when the example is
// in a checkout), building and publishing the site. The command's own
// start (package init, about 8 ms) is outside it; bench/oneplan.sh times
// the whole process.
func BenchmarkBuildCommand(b *testing.B) {
	dir := testplan.Dir("cedar-valley")
	out := filepath.Join(benchDir(b), "site")
	for b.Loop() {
		if err := runBuild([]string{dir, "-o", out}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// benchDir is a temporary folder under $TRELLIS_BENCH_DIR when it is set
// (a tmpfs, say), or the test's own.
func benchDir(b *testing.B) string {
	root := os.Getenv("TRELLIS_BENCH_DIR")
	if root == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(root, "bench")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
