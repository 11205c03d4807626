package history_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/trellis-pl/trellis/internal/gittest"
	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/planfs"
)

// repo makes a repository whose plan folder is plan/, with three commits
// and two tags, and one commit outside the plan folder.
func repo(t *testing.T) *gittest.Repo {
	r := gittest.Init(t, t.TempDir())
	r.Write(map[string]string{"plan/trellis.toml": "a", "plan/goals/01-read.md": "g1", "README.md": "r"})
	r.Commit("Start the plan\n\nThe first draft.", gittest.Day(2025, 3, 1))
	r.Tag("plan-2025")
	r.Write(map[string]string{"README.md": "r2"})
	r.Commit("Tidy the README", gittest.Day(2025, 4, 1))
	r.Write(map[string]string{"plan/goals/01-read.md": "g1 changed", "plan/activities/coach.md": "a1"})
	r.Commit("Add coaching", gittest.Day(2025, 5, 2))
	r.AnnotatedTag("plan-2026", "Adopted", gittest.Day(2025, 6, 1))
	r.Tag("other")
	return r
}

func TestOpen(t *testing.T) {
	r := repo(t)
	l, err := history.Open(filepath.Join(r.Dir, "plan"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.State != history.Full || l.Note() != "" {
		t.Errorf("state %v, note %q; want full, no note", l.State, l.Note())
	}
	var got []string
	for _, c := range l.Commits {
		got = append(got, c.When.Format("2006-01-02")+" "+c.Subject+": "+strings.Join(c.Files, ", "))
	}
	want := []string{
		"2025-05-02 Add coaching: activities/coach.md, goals/01-read.md",
		"2025-03-01 Start the plan: goals/01-read.md, trellis.toml",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("commits:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{"trellis.toml"}, "2025-03-01"},
		{[]string{"trellis.toml", "goals/"}, "2025-05-02"},
		{nil, "2025-05-02"},
		{[]string{"partners/"}, ""},
	} {
		when, ok := l.LastChanged(tc.files...)
		if got := map[bool]string{true: when.Format("2006-01-02")}[ok]; got != tc.want {
			t.Errorf("LastChanged(%q) = %q, want %q", tc.files, got, tc.want)
		}
	}
	var tags []string
	for _, tg := range l.Versions("plan-*") {
		tags = append(tags, tg.Name+" "+tg.When.Format("2006-01-02"))
	}
	if want := []string{"plan-2025 2025-03-01", "plan-2026 2025-05-02"}; !reflect.DeepEqual(tags, want) {
		t.Errorf("versions %q, want %q", tags, want)
	}
}

func TestPlanAt(t *testing.T) {
	r := repo(t)
	l, err := history.Open(filepath.Join(r.Dir, "plan"), history.Options{MaxFileSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	h, err := l.Resolve("plan-2025")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := l.PlanAt(h)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"goals/01-read.md", "trellis.toml"}; !reflect.DeepEqual(files, want) {
		t.Errorf("files at plan-2025 %q, want %q (nothing outside plan/)", files, want)
	}
	if data, err := fs.ReadFile(fsys, "goals/01-read.md"); err != nil || string(data) != "g1" {
		t.Errorf("goal at plan-2025: %q, %v; want g1", data, err)
	}
	if _, err := fs.ReadFile(fsys, "../README.md"); err == nil {
		t.Error("read outside the plan folder")
	}
	h, _ = l.Resolve("plan-2026")
	fsys, _ = l.PlanAt(h)
	_, err = fs.ReadFile(fsys, "goals/01-read.md")
	var pe *planfs.Error
	if !asPlanfs(err, &pe) || pe.Code != "file-too-large" {
		t.Errorf("reading a file above the limit: %v; want file-too-large", err)
	}
}

func asPlanfs(err error, target **planfs.Error) bool {
	for err != nil {
		if e, ok := err.(*planfs.Error); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

func TestUncommitted(t *testing.T) {
	r := repo(t)
	r.Write(map[string]string{"plan/goals/01-read.md": "edited", "plan/partners/new.md": "p"})
	l, err := history.Open(filepath.Join(r.Dir, "plan"), history.Options{Uncommitted: []string{"goals/01-read.md", "partners/new.md", "trellis.toml"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"goals/01-read.md": true, "partners/new.md": true}
	if !reflect.DeepEqual(l.Uncommitted, want) {
		t.Errorf("uncommitted %v, want %v", l.Uncommitted, want)
	}
	if !l.HasUncommitted("goals/") || l.HasUncommitted("trellis.toml") {
		t.Error("HasUncommitted: want goals/ yes, trellis.toml no")
	}
}

func TestShallowAndAbsent(t *testing.T) {
	r := repo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	r.ShallowClone(clone, 1)
	l, err := history.Open(filepath.Join(clone, "plan"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.State != history.Partial || len(l.Commits) != 1 {
		t.Fatalf("shallow clone: state %v, %d commits; want partial, 1", l.State, len(l.Commits))
	}
	if want := "note: this is a shallow clone: the plan's history starts at 2025-05-02 (fetch the whole history, e.g. `git fetch --unshallow`, for all of it)"; l.Note() != want {
		t.Errorf("note %q\nwant %q", l.Note(), want)
	}
	r.Write(map[string]string{"other/trellis.toml": "x"})
	l, err = history.Open(filepath.Join(r.Dir, "other"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "note: no commit has changed the plan folder yet, so pages show no last-updated dates and there is no Changes page"; l.State != history.Full || l.Note() != want {
		t.Errorf("a plan folder not committed yet: state %v, note %q", l.State, l.Note())
	}
	l, err = history.Open(t.TempDir(), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.State != history.Absent || !strings.Contains(l.Note(), "not in a git repository") {
		t.Errorf("no git: state %v, note %q", l.State, l.Note())
	}
	if _, ok := l.LastChanged(); ok {
		t.Error("no git: a last change")
	}
}

// TestPlanAtConcurrent reads earlier versions from several goroutines at
// once, as a load does (its catalogues beside its other files) and as the
// languages' planners do. go-git's trees are not safe for that by
// themselves; run with -race.
func TestPlanAtConcurrent(t *testing.T) {
	r := repo(t)
	l, err := history.Open(filepath.Join(r.Dir, "plan"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"plan-2025": "g1", "plan-2026": "g1 changed"}
	var wg sync.WaitGroup
	for tag, goal := range want {
		h, err := l.Resolve(tag)
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := l.PlanAt(h)
		if err != nil {
			t.Fatal(err)
		}
		for range 4 {
			wg.Go(func() {
				if data, err := fs.ReadFile(fsys, "goals/01-read.md"); err != nil || string(data) != goal {
					t.Errorf("goal at %s: %q, %v; want %q", tag, data, err, goal)
				}
				if _, err := fs.Stat(fsys, "trellis.toml"); err != nil {
					t.Errorf("stat at %s: %v", tag, err)
				}
				if entries, err := fs.ReadDir(fsys, "goals"); err != nil || len(entries) != 1 {
					t.Errorf("goals/ at %s: %d entries, %v; want 1", tag, len(entries), err)
				}
				if _, err := l.PlanAt(h); err != nil {
					t.Errorf("PlanAt(%s) beside the reads: %v", tag, err)
				}
			})
		}
	}
	wg.Wait()
}

func TestPlanAtRepositoryRoot(t *testing.T) {
	r := gittest.Init(t, t.TempDir())
	r.Write(map[string]string{"trellis.toml": "a", "goals/a.md": "g"})
	r.Commit("Start", gittest.Day(2025, 1, 2))
	r.Remove("goals/a.md")
	r.Commit("Drop goal a", gittest.Day(2025, 1, 3))
	l, err := history.Open(r.Dir, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Commits) != 2 || strings.Join(l.Commits[0].Files, ",") != "goals/a.md" {
		t.Fatalf("commits %+v; want 2, the newest removing goals/a.md", l.Commits)
	}
	h, _ := l.Resolve("HEAD~1")
	fsys, err := l.PlanAt(h)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := fs.ReadFile(fsys, "goals/a.md"); err != nil || string(data) != "g" {
		t.Errorf("goals/a.md at HEAD~1: %q, %v", data, err)
	}
}

func TestPlanAtRefusesLinks(t *testing.T) {
	r := repo(t)
	if err := os.Symlink("../README.md", filepath.Join(r.Dir, "plan", "goals", "link.md")); err != nil {
		t.Skip(err)
	}
	h := r.Commit("A link out of the plan", gittest.Day(2025, 7, 1))
	l, err := history.Open(filepath.Join(r.Dir, "plan"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := l.PlanAt(h)
	if err != nil {
		t.Fatal(err)
	}
	_, err = fs.ReadFile(fsys, "goals/link.md")
	var pe *planfs.Error
	if !asPlanfs(err, &pe) || pe.Code != "not-a-file" || pe.Msg != "goals/link.md is a symbolic link, which is not followed in an earlier version" {
		t.Errorf("reading a link: %v; want not-a-file", err)
	}
}
