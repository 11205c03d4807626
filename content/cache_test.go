package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestCacheRereadsOnlyChangedFiles(t *testing.T) {
	m := basePlan(t)
	c := NewCache()
	plan, diags := LoadCached(m, c)
	if len(diags) != 0 || plan == nil {
		t.Fatalf("first load: %v", lines(diags))
	}
	if got := len(c.Reread()); got != len(m)-0 {
		t.Errorf("first load read %d files, want %d: %v", got, len(m), c.Reread())
	}
	if _, diags = LoadCached(m, c); len(diags) != 0 {
		t.Fatal(lines(diags))
	}
	if got := c.Reread(); len(got) != 0 {
		t.Errorf("second load read %v, want nothing", got)
	}

	// A changed file (new size and time) is read again, and only it.
	g := m["goals/reading.md"]
	m["goals/reading.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(g.Data), "Read well", "Read very well", 1)), ModTime: time.Now()}
	plan, _ = LoadCached(m, c)
	if got := strings.Join(c.Reread(), ","); got != "goals/reading.md" {
		t.Errorf("after an edit, read %q", got)
	}
	if plan.Goals[0].Title != "Read very well" {
		t.Errorf("title = %q", plan.Goals[0].Title)
	}

	// A file named to Forget is read again even if time and size match.
	c.Forget("beliefs.md")
	LoadCached(m, c)
	if got := strings.Join(c.Reread(), ","); got != "beliefs.md" {
		t.Errorf("after Forget, read %q", got)
	}

	// A new file is read; a removed one is gone from the plan.
	m["goals/writing.md"] = &fstest.MapFile{Data: g.Data}
	delete(m, "partners/acme.md")
	plan, _ = LoadCached(m, c)
	if got := strings.Join(c.Reread(), ","); got != "goals/writing.md" {
		t.Errorf("after adding a goal, read %q", got)
	}
	if len(plan.Goals) != 2 || len(plan.Partners) != 0 {
		t.Errorf("%d goals, %d partners", len(plan.Goals), len(plan.Partners))
	}
}

// TestCacheKeepsDiagnostics checks that a cached load reports exactly what
// a fresh one does, including syntax errors found when the file was parsed.
func TestCacheKeepsDiagnostics(t *testing.T) {
	m := withChanges(t, `-- goals/reading.md --
+++
title = Read well
+++
-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "readng"
standards = ["data", "learning-designs"]
[initial]
who = "Tutors"
what = "Phonics"
how = "Workshop"
[duration]
when = "Fall"
+++
`)
	_, fresh := Load(m)
	c := NewCache()
	LoadCached(m, c)
	_, cached := LoadCached(m, c)
	if len(c.Reread()) != 0 {
		t.Errorf("read %v", c.Reread())
	}
	if a, b := strings.Join(lines(fresh), "\n"), strings.Join(lines(cached), "\n"); a != b || a == "" {
		t.Errorf("fresh:\n%s\ncached:\n%s", a, b)
	}
}
