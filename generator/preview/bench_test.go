package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/synth"
)

// BenchmarkRebuildOneFile measures the work after a one-file save: the
// plan reloaded through the cache and the affected pages rendered.
func BenchmarkRebuildOneFile(b *testing.B) {
	dir := copyPlan(b, "cedar-valley")
	srv, err := Start(Options{Dir: dir, Port: 0})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.ln.Close()
	h := &harness{t: b, dir: dir, srv: srv}
	orig := h.read("activities/learning-walks.md")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.write("activities/learning-walks.md", fmt.Sprintf("%s\nEdit number %d.\n", orig, i))
		srv.rebuild([]string{"activities/learning-walks.md"})
	}
	b.StopTimer()
	if srv.problems != "" {
		b.Fatal(srv.problems)
	}
}

// BenchmarkSaveToReload measures from writing a file to the reload event
// reaching an open page: the file system event, the quiet period that
// coalesces bursts, the rebuild, and the event stream.
func BenchmarkSaveToReload(b *testing.B) {
	h := start(b, Options{Port: 0})
	es := h.events()
	<-es.events // hello
	orig := h.read("activities/learning-walks.md")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.write("activities/learning-walks.md", fmt.Sprintf("%s\nEdit number %d.\n", orig, i))
		deadline := time.After(10 * time.Second)
	wait:
		for {
			select {
			case e := <-es.events:
				if e[0] == "reload" {
					break wait
				}
			case <-deadline:
				b.Fatal("no reload within 10s")
			}
		}
	}
}

// BenchmarkPortalRebuildOneFile measures, on a synthetic portal of 1,000
// districts, the work after one file of one district is saved: that
// district reloaded and re-rendered, and the portal's own pages.
func BenchmarkPortalRebuildOneFile(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "portal")
	if _, err := synth.Write(dir, 1000, 1, false); err != nil {
		b.Fatal(err)
	}
	srv, err := Start(Options{Dir: dir, Port: 0})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.ln.Close()
	if srv.problems != "" {
		b.Fatal(srv.problems)
	}
	h := &harness{t: b, dir: dir, srv: srv}
	const file = "district-00500/activities/goal-2-activity-1.md"
	orig := h.read(file)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.write(file, fmt.Sprintf("%s\nEdit number %d.\n", orig, i))
		srv.rebuild([]string{file})
	}
	b.StopTimer()
	if srv.problems != "" {
		b.Fatal(srv.problems)
	}
}

// BenchmarkPortalServeMemory starts serve on a synthetic portal of 1,000
// districts and reports its resident memory (after a collection) once the
// first build is done and again after 100 one-file edits, and the time of
// an edit's rebuild. The targets are 250 MiB and 50 ms (issue 16). With
// TRELLIS_HEAP_PROFILE=FILE it writes a heap profile after the edits, for
// `go tool pprof -inuse_space`.
func BenchmarkPortalServeMemory(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "portal")
	if _, err := synth.Write(dir, 1000, 1, false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		srv, err := Start(Options{Dir: dir, Port: 0})
		if err != nil {
			b.Fatal(err)
		}
		if srv.problems != "" {
			b.Fatal(srv.problems)
		}
		first := residentMiB()
		h := &harness{t: b, dir: dir, srv: srv}
		const file = "district-00500/activities/goal-2-activity-1.md"
		orig := h.read(file)
		start := time.Now()
		for i := 0; i < 100; i++ {
			h.write(file, fmt.Sprintf("%s\nEdit number %d.\n", orig, i))
			srv.rebuild([]string{file})
		}
		perEdit := time.Since(start) / 100
		after := residentMiB()
		if name := os.Getenv("TRELLIS_HEAP_PROFILE"); name != "" { // what holds the memory
			f, err := os.Create(name)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		if page, ok := srv.proj.file("district-00500/goals/index.html"); !ok || !strings.Contains(string(page), "<h1>") {
			b.Fatalf("a district's goals page: %v\n%s", ok, page)
		}
		srv.ln.Close()
		b.ReportMetric(first, "MiB-after-build")
		b.ReportMetric(after, "MiB-after-100-edits")
		b.ReportMetric(float64(perEdit.Microseconds())/1000, "ms/edit")
	}
}

// residentMiB collects garbage, returns freed memory to the system, and
// reads the process's resident set size.
func residentMiB() float64 {
	debug.FreeOSMemory()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kib, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kib) / 1024
		}
	}
	return 0
}
