package preview

import (
	"fmt"
	"path/filepath"
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
