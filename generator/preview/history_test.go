package preview

import (
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/gittest"
)

// TestServeHistory: an edit marks its pages as not committed, and a commit
// updates the history without a restart.
func TestServeHistory(t *testing.T) {
	CommitCheck = 20 * time.Millisecond
	t.Cleanup(func() { CommitCheck = time.Second })
	dir, r := gittest.CedarValley(t)
	h := start(t, Options{Dir: dir})
	h.page("/", `The plan last changed on <time datetime="2025-11-20">November 20, 2025</time>.`)
	h.page("/goals/early-career-teachers/", `This page last changed on <time datetime="2025-06-10">June 10, 2025</time>. <a`)
	es := h.events()
	es.next(t, "hello")

	h.write("goals/03-early-career-teachers.md", h.read("goals/03-early-career-teachers.md")+"\nA new last paragraph.\n")
	es.next(t, "reload")
	h.page("/goals/early-career-teachers/", "June 10, 2025</time>; it has changes that are not committed yet.")
	h.page("/", "November 20, 2025</time>; it has changes that are not committed yet.")
	if body := h.page("/goals/early-literacy/", "November 20, 2025"); strings.Contains(body, "not committed") {
		t.Error("a page whose files are committed is marked as not committed")
	}

	r.Commit("A new first paragraph for goal 3", gittest.Day(2026, 1, 5))
	// serve may look while the commit is being written, and read the
	// history again at its next look: a few reloads at most.
	const updated = `This page last changed on <time datetime="2026-01-05">January 5, 2026</time>.`
	for i := 0; ; i++ {
		es.next(t, "reload")
		if _, _, body := h.get("/goals/early-career-teachers/"); strings.Contains(body, updated) || i == 4 {
			break
		}
	}
	body := h.page("/goals/early-career-teachers/", updated)
	if strings.Contains(body, "not committed") {
		t.Error("still marked as not committed after the commit")
	}
	h.page("/changes/", "A new first paragraph for goal 3")
}
