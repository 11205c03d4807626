package content_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/synth"
)

// BenchmarkLoadPortal loads every plan of a synthetic portal, one after
// the other: 1,000 districts (17,001 files), or TRELLIS_BENCH_DISTRICTS.
// The plans are valid and draw no warning, so no file needs the places of
// its keys.
func BenchmarkLoadPortal(b *testing.B) {
	n := 1000
	if s := os.Getenv("TRELLIS_BENCH_DISTRICTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := filepath.Join(b.TempDir(), "portal")
	if _, err := synth.Write(dir, n, 1, false); err != nil {
		b.Fatal(err)
	}
	p, diags := content.OpenPortal(dir)
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range p.Districts {
			if _, diags := d.Load(); len(diags) > 0 {
				b.Fatal(diags[0].String())
			}
		}
	}
}
