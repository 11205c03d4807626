package history_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// BenchmarkOpen reads the history of the cedar-valley example in the
// Trellis repository itself (skipped outside a git checkout): from scratch,
// as a first build does (its cache removed each time), and from the cache
// a build leaves in the git folder, as the next builds do.
func BenchmarkOpen(b *testing.B) {
	dir := testplan.Dir("cedar-valley")
	l, err := history.Open(dir, history.Options{})
	if err != nil || l.State == history.Absent {
		b.Skip("not in a git checkout")
	}
	b.ReportMetric(float64(len(l.Commits)), "commits")
	gitDir, err := exec.Command("git", "-C", dir, "rev-parse", "--absolute-git-dir").Output()
	if err != nil {
		b.Skip("no git command to find the git folder")
	}
	cache := filepath.Join(strings.TrimSpace(string(gitDir)), "trellis")
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			if err := os.RemoveAll(cache); err != nil {
				b.Fatal(err)
			}
			if _, err := history.Open(dir, history.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := history.Open(dir, history.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
