package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// loadLocated is Load locating the keys of every file, as Load did before
// it located only the files with diagnostics.
func loadLocated(fsys fs.FS) (*Plan, Diagnostics) {
	l := newLoader(fsys, nil, newReads(), nil)
	l.locateAll = true
	if !l.isPlan() {
		return nil, l.diags
	}
	l.load()
	l.diags.Sort()
	return l.plan, l.diags
}

// lazyCases are plans whose diagnostics point into several files, or into
// one file from the checks of another.
var lazyCases = []struct{ name, changes string }{
	{"unknown references", `-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "writing"
standards = ["data", "datta", "data"]

[initial]
who = "Tutors"
what = "Phonics"
how = "Workshop"
+++
`},
	{"duplicate ids across files", `-- goals/reading-again.md --
+++
id = "reading"
title = "Read well"
rationale = "Scores are low."
evidence = ["State test"]
impact = "Students read more."
outcome = "Most students read on grade level."
years = [{ year = 1, outcome = "Half." }]

[[measures]]
measure = "Screener"
frequency = "Three times a year"
+++
`},
	{"ratings", `-- partners/acme.md --
+++
name = "Acme Learning"
kind = "vendor"
services = "Tutor training"
reviewed = 2026-06-01
recommendation = "continue"

[[ratings]]
item = "uses-data"
evidence = "Shares reports."

[[ratings]]
item = "nothing"
rating = 7
+++
`},
	{"settings and standards", `-- trellis.toml --
district = "Test District"
standards = "standards.toml"
first_year = 2025
years = 2
current_year = 3
colour = "red"
-- standards.toml --
id = "Test Set"
name = "Test Standards"
publisher = "Trellis tests"
source = "Written for the tests"
summary = "Two standards."

[[standards]]
id = "data"
name = "Data"
summary = "Use data."

[[standards]]
id = "data"
name = "Data again"
summary = "Use data."
`},
	{"missing files and keys", `-- beliefs.md --
DELETE
-- district.md --
+++
enrollment = "512"
[[schools]]
name = "Test Elementary"
grades = "K-5"
enrollment = -1
+++
`},
}

// TestLazyPositionsAreExact checks that locating only the files with
// diagnostics gives the same diagnostics, positions and source lines
// included, as locating every file.
func TestLazyPositionsAreExact(t *testing.T) {
	type plan struct {
		name string
		fsys fs.FS
	}
	var plans []plan
	for _, c := range lazyCases {
		plans = append(plans, plan{c.name, withChanges(t, c.changes)})
	}
	for _, ex := range []string{"cedar-valley", "magnolia-county"} { // warnings of whole files: no translation
		plans = append(plans, plan{ex, os.DirFS("../examples/" + ex)})
	}
	files, err := filepath.Glob("testdata/mistakes/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := basePlan(t)
		for _, f := range a.Files {
			if !strings.HasPrefix(f.Name, "want.") {
				m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
			}
		}
		plans = append(plans, plan{filepath.Base(file), m})
	}
	withDiags := 0
	for _, p := range plans {
		_, lazy := Load(p.fsys)
		_, exact := loadLocated(p.fsys)
		if len(exact) > 0 {
			withDiags++
		}
		if !reflect.DeepEqual(lazy, exact) {
			t.Errorf("%s: lazy:\n\t%s\nexact:\n\t%s", p.name, strings.Join(lines(lazy), "\n\t"), strings.Join(lines(exact), "\n\t"))
		}
	}
	if withDiags < len(plans)*9/10 {
		t.Errorf("only %d of %d plans have diagnostics", withDiags, len(plans))
	}
}

// TestLazyIndex checks that a load locates the keys of the files with a
// diagnostic, and of no other.
func TestLazyIndex(t *testing.T) {
	fsys := withChanges(t, `-- beliefs.md --
+++
mission = "Teach."
vison = "Learn."
+++
`)
	c := NewCache()
	_, diags := LoadCached(fsys, c)
	if got := lines(diags); len(got) != 1 || got[0] != "beliefs.md:3:1: error: unknown key `vison` [unknown-key]" {
		t.Fatalf("diagnostics: %q", got)
	}
	for name, e := range c.files {
		if indexed := e.parsed.index != nil; indexed != (name == BeliefsFile) {
			t.Errorf("%s: indexed = %v", name, indexed)
		}
	}
	if len(c.files) < 6 {
		t.Errorf("the cache holds %d files", len(c.files))
	}
}

// TestLazyIndexWholeFileWarnings checks that warnings of whole files (no
// line to point at, such as a missing translation) locate no keys: the
// example has nine and needs no second pass.
func TestLazyIndexWholeFileWarnings(t *testing.T) {
	c := NewCache()
	_, diags := LoadCached(os.DirFS("../examples/cedar-valley"), c)
	whole := 0
	for _, d := range diags {
		if d.Pos.IsValid() {
			t.Fatalf("the example has a diagnostic at a place: %s", d)
		}
		whole++
	}
	if whole == 0 {
		t.Fatal("the example has no warnings of whole files")
	}
	parsed := 0
	for name, e := range c.files {
		if e.parsed != nil {
			parsed++
			if e.parsed.index != nil {
				t.Errorf("%s: keys located", name)
			}
		}
	}
	if parsed < 10 {
		t.Fatalf("the cache holds %d parsed files of the example, want its plan files", parsed)
	}
}
