package history_test

import (
	"testing"

	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// BenchmarkOpen reads the history of the cedar-valley example in the
// Trellis repository itself (skipped outside a git checkout).
func BenchmarkOpen(b *testing.B) {
	dir := testplan.Dir("cedar-valley")
	l, err := history.Open(dir, history.Options{})
	if err != nil || l.State == history.Absent {
		b.Skip("not in a git checkout")
	}
	b.ReportMetric(float64(len(l.Commits)), "commits")
	for b.Loop() {
		if _, err := history.Open(dir, history.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
