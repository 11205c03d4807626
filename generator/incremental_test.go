package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
)

// TestIncrementalMatchesFullBuild edits a plan in several ways and checks
// after each edit that the incremental update renders fewer pages where it
// can, and gives byte for byte the site a full render gives.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	dir := copyPlan(t, "cedar-valley")
	cache := content.NewCache()
	inc := NewIncremental(dir, PreviewOptions{})
	load := func() *content.Plan {
		plan, diags := content.LoadCached(os.DirFS(dir), cache)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return plan
	}
	first, err := inc.Update(load(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Full || first.Rendered != first.Pages || first.Pages != 59 { // 30 in English, 29 in Spanish
		t.Fatalf("first update: rendered %d of %d pages, full %v", first.Rendered, first.Pages, first.Full)
	}
	// The in-memory site has the same files as the site on disk.
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(load(), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	onDisk := map[string][]byte{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != marker {
			rel, _ := filepath.Rel(out, p)
			onDisk[filepath.ToSlash(rel)] = []byte(mustRead(t, p))
		}
		return err
	})
	compareSites(t, "first update", first.Files, onDisk)

	edit := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(file))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Pages are rendered in English and in Spanish: a change to a main
	// file shows in both, a change to a translation in its language only.
	tests := []struct {
		name     string
		change   func() []string
		maxPages int // at most this many pages rendered
		full     bool
	}{
		{"activity text", func() []string {
			edit("activities/learning-walks.md", "Monthly learning walks", "Monthly learning walks and reflections")
			return []string{"activities/learning-walks.md"}
		}, 26, false},
		{"activity moves to another standard", func() []string {
			edit("activities/learning-walks.md", `standards = ["leadership", "evidence", "resources"]`, `standards = ["leadership", "evidence", "equity-foundations"]`)
			return []string{"activities/learning-walks.md"}
		}, 28, false},
		{"goal title", func() []string {
			edit("goals/02-english-learners.md", "grow one proficiency level", "grow at least one proficiency level")
			return []string{"goals/02-english-learners.md"}
		}, 32, false},
		{"translation of a goal: its language's pages only", func() []string {
			edit("goals/01-early-literacy.es.md", "Todos los estudiantes leen", "Cada estudiante lee")
			return []string{"goals/01-early-literacy.es.md"}
		}, 18, false}, // of the 29 Spanish pages; the goal's title shows on 18
		{"partner rating", func() []string {
			edit("partners/westbrook-induction-center.md", "rating = 2\nevidence = \"Session materials", "rating = 3\nevidence = \"Session materials")
			return []string{"partners/westbrook-induction-center.md"}
		}, 14, false},
		{"new activity", func() []string {
			data := []byte(mustRead(t, filepath.Join(dir, "activities", "learning-walks.md")))
			os.WriteFile(filepath.Join(dir, "activities", "book-study.md"), bytes.Replace(data, []byte("Principal learning walks"), []byte("Principal book study"), 1), 0o644)
			return []string{"activities/book-study.md"}
		}, 59, true},
		{"settings", func() []string {
			edit("trellis.toml", "current_year = 2", "current_year = 3")
			return []string{"trellis.toml"}
		}, 59, true},
		{"layout override", func() []string {
			writeFile(t, filepath.Join(dir, "layouts", "partials", "extra.html"), `{{define "extra"}}x{{end}}`)
			return []string{"layouts/partials/extra.html"}
		}, 59, true},
	}
	for _, tt := range tests {
		changed := tt.change()
		cache.Forget(changed...)
		plan := load()
		up, err := inc.Update(plan, changed)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		t.Logf("%s: rendered %d of %d pages in %s", tt.name, up.Rendered, up.Pages, up.Elapsed)
		if up.Full != tt.full || up.Rendered > tt.maxPages {
			t.Errorf("%s: rendered %d of %d pages (full %v)", tt.name, up.Rendered, up.Pages, up.Full)
		}
		fresh, err := NewIncremental(dir, PreviewOptions{}).Update(plan, nil)
		if err != nil {
			t.Fatal(err)
		}
		compareSites(t, tt.name, up.Files, fresh.Files)
	}
}

func compareSites(t *testing.T, name string, got, want map[string][]byte) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: no files to compare", name)
	}
	var diff []string
	for f, w := range want {
		if g, ok := got[f]; !ok {
			diff = append(diff, "missing "+f)
		} else if !bytes.Equal(g, w) {
			diff = append(diff, "stale "+f)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok {
			diff = append(diff, "extra "+f)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s: incremental site differs from a full render: %s", name, strings.Join(diff, ", "))
	}
}

func TestIncrementalRemovesPages(t *testing.T) {
	dir := copyPlan(t, "cedar-valley")
	inc := NewIncremental(dir, PreviewOptions{})
	plan := load(t, dir)
	if _, err := inc.Update(plan, nil); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "partners", "northstar-literacy.md"))
	up, err := inc.Update(load(t, dir), []string{"partners/northstar-literacy.md"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := up.Files["partners/northstar-literacy/index.html"]; ok {
		t.Error("the removed partner's page is still there")
	}
	if _, ok := up.Files["partners/westbrook-induction-center/index.html"]; !ok {
		t.Error("the other partner's page is gone")
	}
}
