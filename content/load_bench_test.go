package content_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/synth"
)

// synthPortal writes a synthetic portal of 1,000 districts (17,001 files),
// or TRELLIS_BENCH_DISTRICTS. Its plans are valid and draw no warning, so
// no file needs the places of its keys.
func synthPortal(b *testing.B) *content.Portal {
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
	return p
}

// BenchmarkLoadPortal loads every plan of a synthetic portal from disk, one
// after the other.
func BenchmarkLoadPortal(b *testing.B) {
	p := synthPortal(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	defer reportCPU(b, start)
	for i := 0; i < b.N; i++ {
		for _, d := range p.Districts {
			if _, diags := d.Load(); len(diags) > 0 {
				b.Fatal(diags[0].String())
			}
		}
	}
}

// BenchmarkLoadPortalMemory is BenchmarkLoadPortal with the files read into
// memory first: what is left is parsing, decoding and checking.
func BenchmarkLoadPortalMemory(b *testing.B) {
	p := synthPortal(b)
	plans := make([]fstest.MapFS, len(p.Districts))
	for i, d := range p.Districts {
		m := fstest.MapFS{}
		err := filepath.WalkDir(d.Path, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(d.Path, path)
			m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		plans[i] = m
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	defer reportCPU(b, start)
	for i := 0; i < b.N; i++ {
		for _, m := range plans {
			if _, diags := content.Load(m); len(diags) > 0 {
				b.Fatal(diags[0].String())
			}
		}
	}
}

// reportCPU reports the CPU time per operation since start (user and
// system, all threads), which waiting for a busy machine does not inflate.
func reportCPU(b *testing.B, start int64) {
	if start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
