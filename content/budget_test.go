package content

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// activityWith is the base plan's activity with the given resource tables.
func activityWith(resources string) string {
	return `-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "reading"
standards = ["data", "learning-designs"]

[initial]
who = "Tutors"
what = "Phonics"
how = "Workshop"

[follow_up]
who = "Coaches"
what = "Coaching"
how = "Cycles"

[duration]
when = "Fall"
` + resources + "+++\n"
}

const settingsHead = `-- trellis.toml --
district = "Test District"
standards = "standards.toml"
first_year = 2025
years = 2
`

func TestBudgetDiagnostics(t *testing.T) {
	tests := []struct {
		name    string
		changes string
		want    []string
		hints   []string
	}{
		{
			name: "resource year past the plan",
			changes: activityWith(`
[[resources]]
item = "Substitutes"
cost = 100
year = 3
`),
			want:  []string{"activities/tutoring.md:22:8: error: year 3 is past the end of the plan [out-of-range]"},
			hints: []string{"the plan covers 2 years (trellis.toml: years = 2)"},
		},
		{
			name: "resource year of the wrong type",
			changes: activityWith(`
[[resources]]
item = "Substitutes"
year = "2"
`),
			want: []string{"activities/tutoring.md:21:8: error: `year` must be a whole number, not text (\"2\") [wrong-type]"},
		},
		{
			name: "cost in fractions of a cent",
			changes: activityWith(`
[[resources]]
item = "Substitutes"
cost = 100.255
`),
			want:  []string{"activities/tutoring.md:21:8: error: cost 100.255 is not a whole number of cents up to $1,000,000,000 [invalid-value]"},
			hints: []string{"give dollars and cents, at most $1,000,000,000: cost = 100.25"},
		},
		{
			name: "funding not in funding_sources",
			changes: settingsHead + `funding_sources = ["Title I, Part A", "Title II, Part A"]
` + activityWith(`
[[resources]]
item = "Substitutes"
cost = 100
funding = "Title II Part A"
`),
			want:  []string{"activities/tutoring.md:22:11: error: unknown funding source \"Title II Part A\" (trellis.toml: funding_sources) [unknown-reference]"},
			hints: []string{"did you mean `Title II, Part A`?"},
		},
		{
			name: "near-duplicate funding names without funding_sources",
			changes: activityWith(`
[[resources]]
item = "Substitutes"
cost = 100
funding = "Title II, Part A"

[[resources]]
item = "Books"
cost = 50
funding = "Title I, Part A"

[[resources]]
item = "Stipends"
cost = 50
funding = "title ii part a"

[[resources]]
item = "Snacks"
funding = "Genral fund"

[[resources]]
item = "Retreat"
funding = "General fund"
`),
			want: []string{
				"activities/tutoring.md:32:11: warning: funding source \"title ii part a\" is nearly the same as \"Title II, Part A\"; the budget counts them as two sources [funding-near-duplicate]",
				"activities/tutoring.md:40:11: warning: funding source \"General fund\" is nearly the same as \"Genral fund\"; the budget counts them as two sources [funding-near-duplicate]",
			},
			hints: []string{
				`write it the same way everywhere: funding = "Title II, Part A", or list the sources in trellis.toml: funding_sources = [...]`,
				`write it the same way everywhere: funding = "Genral fund", or list the sources in trellis.toml: funding_sources = [...]`,
			},
		},
		{
			name: "funding_sources of the wrong type, duplicated, empty",
			changes: settingsHead + `funding_sources = ["IDEA", "", "IDEA"]
`,
			want: []string{
				"trellis.toml:5:28: error: a funding source has no name [invalid-value]",
				"trellis.toml:5:32: error: funding source \"IDEA\" is listed twice [duplicate-id]",
			},
			hints: []string{`remove the empty entry, or give a name such as "Title II, Part A"`, "list each funding source once"},
		},
		{
			name: "approvals out of order and incomplete",
			changes: settingsHead + `
[[approvals]]
date = 2026-06-01
by = "Board"

[[approvals]]
date = 2025-06-01
by = "Board"
note = "Amended"

[[approvals]]
note = "Amended again"
`,
			want: []string{
				"trellis.toml:11:8: error: approval of 2025-06-01 comes after the later approval of 2026-06-01 [invalid-value]",
				"trellis.toml:15:1: error: missing required key `by` in [[approvals]] [missing-key]",
				"trellis.toml:15:1: error: missing required key `date` in [[approvals]] [missing-key]",
			},
		},
		{
			name: "unknown key in an approval",
			changes: settingsHead + `
[[approvals]]
date = 2025-06-01
by = "Board"
notes = "Adopted"
`,
			want:  []string{"trellis.toml:9:1: error: unknown key `notes` in [[approvals]] [unknown-key]"},
			hints: []string{"did you mean `note`?"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, tt.changes))
			got := lines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			for i, h := range tt.hints {
				if i < len(diags) && diags[i].Hint != h {
					t.Errorf("hint %d = %q, want %q", i, diags[i].Hint, h)
				}
			}
		})
	}
}

func TestCentsOf(t *testing.T) {
	tests := []struct {
		dollars float64
		want    Cents
		ok      bool
	}{
		{0, 0, true},
		{14750.5, 1475050, true},
		{0.1 + 0.2, 30, true},
		{19.99, 1999, true},
		{MaxCost, MaxCost * 100, true},
		{100.255, 0, false},
		{1234567.891, 0, false},
		{123456789.34, 12345678934, true},
		{-1, 0, false},
		{MaxCost + 1, 0, false},
		{math.NaN(), 0, false},
		{math.Inf(1), 0, false},
	}
	for _, tt := range tests {
		got, ok := CentsOf(tt.dollars)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CentsOf(%v) = %d, %v; want %d, %v", tt.dollars, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCentsString(t *testing.T) {
	tests := map[Cents]string{0: "$0", 5: "$0.05", 1475050: "$14,750.50", 38445050: "$384,450.50", 100000000: "$1,000,000", -250: "−$2.50"}
	for c, want := range tests {
		if got := c.String(); got != want {
			t.Errorf("Cents(%d).String() = %q, want %q", int64(c), got, want)
		}
	}
}

func TestAddOverflows(t *testing.T) {
	if _, err := add(math.MaxInt64-1, 2); err != errOverflow {
		t.Errorf("add past MaxInt64: err = %v, want %v", err, errOverflow)
	}
	if s, err := add(math.MaxInt64-2, 2); err != nil || s != math.MaxInt64 {
		t.Errorf("add up to MaxInt64 = %d, %v", s, err)
	}
	var total, cell Cents = math.MaxInt64 - 10, 0
	if err := addTo(&cell, &total, 11); err != errOverflow {
		t.Errorf("addTo past MaxInt64: err = %v", err)
	}
}

// TestCedarValleyBudget checks the example's sums against totals added up by
// hand from its activities' resources.
func TestCedarValleyBudget(t *testing.T) {
	plan, diags := LoadDir("../examples/cedar-valley")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b, err := NewBudget(plan)
	if err != nil {
		t.Fatal(err)
	}
	d := func(dollars ...float64) []Cents { // whole plan, Year 1, 2, 3
		out := make([]Cents, len(dollars))
		for i, x := range dollars {
			out[i] = Cents(math.Round(x * 100))
		}
		return out
	}
	sources := []BudgetLine{
		{Name: "Title I, Part A", ByYear: d(0, 7100, 7100, 7100), Total: 21300_00},
		{Name: "Title II, Part A", ByYear: d(0, 50300, 34200, 34200), Total: 118700_00},
		{Name: "Title III, Part A", ByYear: d(0, 3000, 16200, 16300), Total: 35500_00},
		{Name: "State literacy grant", ByYear: d(0, 14750.50, 0, 0), Total: 14750_50},
		{Name: "State teacher retention grant", ByYear: d(0, 62000, 62000, 62000), Total: 186000_00},
		{Name: "General fund", ByYear: d(8200, 0, 0, 0), Total: 8200_00},
	}
	goals := []BudgetLine{
		{Name: plan.Goals[0].Title, Goal: "early-literacy", ByYear: d(0, 34650.50, 19900, 19900), Total: 74450_50},
		{Name: plan.Goals[1].Title, Goal: "english-learners", ByYear: d(0, 3000, 22600, 22700), Total: 48300_00},
		{Name: plan.Goals[2].Title, Goal: "early-career-teachers", ByYear: d(8200, 99500, 77000, 77000), Total: 261700_00},
	}
	if !reflect.DeepEqual(b.Sources, sources) {
		t.Errorf("by source:\ngot  %+v\nwant %+v", b.Sources, sources)
	}
	if !reflect.DeepEqual(b.Goals, goals) {
		t.Errorf("by goal:\ngot  %+v\nwant %+v", b.Goals, goals)
	}
	if want := d(8200, 137150.50, 119500, 119600); !reflect.DeepEqual(b.ByYear, want) || b.Total != 384450_50 {
		t.Errorf("totals = %v, %d; want %v, 38445050", b.ByYear, b.Total, want)
	}
	unfunded := []UnfundedResource{
		{"family-learning-nights", "Family liaisons (existing positions)", true, false},
		{"literacy-data-teams", "Common planning time for K–3 teams (built into the master schedule)", true, true},
		{"literacy-institute", "Four literacy coaches (existing positions)", true, false},
		{"teacher-leader-academy", "Budget training materials from the business office", true, true},
	}
	if !reflect.DeepEqual(b.Unfunded, unfunded) {
		t.Errorf("unfunded:\ngot  %+v\nwant %+v", b.Unfunded, unfunded)
	}
}

func TestBudgetWithoutFundingSources(t *testing.T) {
	plan, diags := Load(withChanges(t, activityWith(`
[[resources]]
item = "Books"
cost = 0.10
funding = "Title I, Part A"
year = 2

[[resources]]
item = "Substitutes"
cost = 0.20

[[resources]]
item = "Stipends"
cost = 1000
funding = "Title I, Part A"
year = 1
`)))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b, err := NewBudget(plan)
	if err != nil {
		t.Fatal(err)
	}
	want := []BudgetLine{
		{Name: "Title I, Part A", ByYear: []Cents{0, 100000, 10}, Total: 100010},
		{Name: NoFunding, ByYear: []Cents{20, 0, 0}, Total: 20},
	}
	if !reflect.DeepEqual(b.Sources, want) || b.Total != 100030 || b.GoalTotal("reading") != 100030 {
		t.Errorf("budget = %+v", b)
	}
	if len(b.Unfunded) != 1 || b.Unfunded[0].Item != "Substitutes" || !b.Unfunded[0].NoFunding || b.Unfunded[0].NoCost {
		t.Errorf("unfunded = %+v", b.Unfunded)
	}
}
