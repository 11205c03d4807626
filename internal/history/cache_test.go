package history_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/gittest"
	"github.com/trellis-pl/trellis/internal/history"
)

// summary is what a log tells the pages, as text to compare.
func summary(t *testing.T, dir string) string {
	t.Helper()
	l, err := history.Open(dir, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "state %v\n", l.State)
	for _, c := range l.Commits {
		fmt.Fprintf(&b, "%s %s %q %v\n", c.Hash[:7], c.When.Format(time.RFC3339+" MST"), c.Subject, c.Files)
	}
	for _, f := range []string{"trellis.toml", "goals/", "activities/coach.md"} {
		when, ok := l.LastChanged(f)
		fmt.Fprintf(&b, "%s: %s %v\n", f, when.Format(time.RFC3339), ok)
	}
	return b.String()
}

// cacheFiles lists the history caches in a repository's git folder.
func cacheFiles(t *testing.T, r *gittest.Repo) []string {
	files, err := filepath.Glob(filepath.Join(r.Dir, ".git", "trellis", "history-*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// uncached reads the history with no cache, as the first build does.
func uncached(t *testing.T, r *gittest.Repo, dir string) string {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(r.Dir, ".git", "trellis")); err != nil {
		t.Fatal(err)
	}
	return summary(t, dir)
}

// A second Open reads the commits since the first from git and the rest
// from the cache, and tells the same history as a walk from scratch: after
// new commits, after a rewrite that drops the cached HEAD, and with a
// cache file that is damaged.
func TestHistoryCache(t *testing.T) {
	r := repo(t)
	dir := filepath.Join(r.Dir, "plan")
	first := summary(t, dir)
	if n := len(cacheFiles(t, r)); n != 1 {
		t.Fatalf("%d cache files after the first read, want 1", n)
	}
	if again := summary(t, dir); again != first {
		t.Errorf("read again from the cache:\n%s\nwant:\n%s", again, first)
	}

	r.Write(map[string]string{"plan/trellis.toml": "b", "plan/partners/p.md": "p"})
	before := r.Commit("Add a partner", time.Date(2025, 7, 4, 9, 30, 0, 0, time.FixedZone("", -5*3600)))
	r.Write(map[string]string{"README.md": "r3", "plan/goals/01-read.md": "g1 again"})
	r.Commit("Dropped later", gittest.Day(2025, 8, 1))
	incremental := summary(t, dir)
	if want := uncached(t, r, dir); incremental != want {
		t.Errorf("after new commits, with the cache:\n%s\nwant:\n%s", incremental, want)
	}
	if !strings.Contains(incremental, `"Add a partner"`) || !strings.Contains(incremental, "-05:00") {
		t.Errorf("the new commit, in its time zone, is missing:\n%s", incremental)
	}

	summary(t, dir) // the cache now stands at the newest commit
	r.ResetHard(before)
	r.Write(map[string]string{"plan/goals/02-math.md": "g2"})
	r.Commit("Rewritten: add mathematics", gittest.Day(2025, 9, 1))
	rewritten := summary(t, dir)
	if want := uncached(t, r, dir); rewritten != want || strings.Contains(rewritten, "Dropped later") {
		t.Errorf("after a rewrite, with the cache:\n%s\nwant:\n%s", rewritten, want)
	}

	summary(t, dir)
	for _, f := range cacheFiles(t, r) {
		if err := os.WriteFile(f, []byte(`{"Version": 1, "Head": `), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if damaged := summary(t, dir); damaged != rewritten {
		t.Errorf("with a damaged cache:\n%s\nwant:\n%s", damaged, rewritten)
	}
}

// The cache is used: what it says of the commits before its HEAD is taken
// as it is (here, a subject changed in the file).
func TestHistoryCacheIsRead(t *testing.T) {
	r := repo(t)
	dir := filepath.Join(r.Dir, "plan")
	summary(t, dir)
	files := cacheFiles(t, r)
	if len(files) != 1 {
		t.Fatalf("%d cache files, want 1", len(files))
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "Add coaching", "Told by the cache", 1)
	if edited == string(data) {
		t.Fatalf("the cache does not hold the subject:\n%s", data)
	}
	if err := os.WriteFile(files[0], []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := summary(t, dir); !strings.Contains(got, "Told by the cache") {
		t.Errorf("the cache was not read:\n%s", got)
	}
}
