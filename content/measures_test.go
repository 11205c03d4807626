package content

import (
	"strings"
	"testing"
)

// goalWith is the base plan's goal (a two-year plan, current_year 1) with
// the given [[measures]] and [[years]] tables in place of its own.
func goalWith(tables string) string {
	return `-- goals/reading.md --
+++
title = "Read well"
rationale = "Scores are low."
evidence = ["State test"]
impact = "Students read more."
outcome = "Most students read on grade level."
` + tables + `+++
`
}

const twoYears = `
[[years]]
year = 1
outcome = "Half read on grade level."

[[years]]
year = 2
outcome = "Most read on grade level."
`

func TestMeasureDiagnostics(t *testing.T) {
	tests := []struct {
		name   string
		tables string
		want   []string
		hint   string
	}{
		{
			name: "free text only",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
` + twoYears,
		},
		{
			name: "numbers, all in order",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
unit = "%"
baseline = 38
target = [50, 60]
actual = [53]
` + twoYears,
		},
		{
			name: "fewer targets than years",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
target = [50]
` + twoYears,
			want: []string{`goals/reading.md:11:10: warning: the measure "Screener" has targets for 1 of the plan's 2 years [missing-targets]`},
			hint: "add the target for Year 2: `target = [50, …]`",
		},
		{
			name: "more targets than years",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
target = [50, 60, 70]
` + twoYears,
			want: []string{`goals/reading.md:11:19: error: the measure "Screener" has 3 targets, but the plan covers 2 years [out-of-range]`},
			hint: "give one target per plan year: `target = [50, 60]`",
		},
		{
			name: "actual for a year not begun",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
target = [50, 60]
actual = [53, 58]
` + twoYears,
			want: []string{`goals/reading.md:12:15: error: the measure "Screener" reports 2 years, but the plan is in Year 1 (current_year = 1) [future-actual]`},
			hint: "give one actual value per year so far, `actual = [53]`, or set `current_year = 2` in trellis.toml",
		},
		{
			name: "percentage over 100",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
unit = "%"
target = [50, 150]
` + twoYears,
			want: []string{`goals/reading.md:12:15: error: the Year 2 target 150 of the measure "Screener" is not a percentage from 0 to 100 [out-of-range]`},
			hint: "a percentage runs from 0 to 100 (53 for 53%): check 150, or change `unit = \"%\"` if it is a count",
		},
		{
			name: "actual without a target",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"
actual = [53]
` + twoYears,
			want: []string{`goals/reading.md:8:1: error: the measure "Screener" has numbers but no ` + "`target`" + ` [missing-key]`},
			hint: "add `target = [...]` with the target of each of the plan's 2 years",
		},
		{
			name: "update outside its year",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"

[[years]]
year = 1
outcome = "Half read on grade level."

  [[years.updates]]
  date = 2025-11-15
  status = "in-progress"
  note = "Fall screening done."

  [[years.updates]]
  date = 2026-08-20
  status = "met"
  note = "Spring results."

[[years]]
year = 2
outcome = "Most read on grade level."
`,
			want: []string{`goals/reading.md:22:10: warning: the update dated 2026-08-20 is outside Year 1 (2025–26), July 1, 2025 to June 30, 2026 [update-outside-year]`},
			hint: "check the date, or move this update to the [[years]] table with `year = 2`",
		},
		{
			name: "update with a misspelt key",
			tables: `
[[measures]]
measure = "Screener"
frequency = "Three times a year"

[[years]]
year = 1
outcome = "Half read on grade level."

  [[years.updates]]
  date = 2025-11-15
  status = "in-progress"
  notes = "Fall screening done."
` + twoYears[strings.Index(twoYears, "[[years]]\nyear = 2"):],
			want: []string{
				"goals/reading.md:19:3: error: unknown key `notes` in [[years.updates]] [unknown-key]",
			},
			hint: "did you mean `note`?",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, goalWith(tt.tables)))
			got := lines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if tt.hint != "" && len(diags) > 0 && diags[0].Hint != tt.hint {
				t.Errorf("hint = %q, want %q", diags[0].Hint, tt.hint)
			}
		})
	}
}

// TestYearStatus checks the derived status of measures against statuses
// worked out by hand.
func TestYearStatus(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name string
		m    Measure
		want []string // Years 1 to 3
	}{
		{"free text", Measure{Measure: "Walkthroughs"}, []string{"", "", ""}},
		{"met, then not yet reported", Measure{Baseline: f(38), Target: []float64{50, 60, 70}, Actual: []float64{53}},
			[]string{MeasureMet, MeasureNotReported, MeasureNotReported}},
		{"met exactly, then not met", Measure{Target: []float64{50, 60, 70}, Actual: []float64{50, 59.5}},
			[]string{MeasureMet, MeasureNotMet, MeasureNotReported}},
		{"lower is better", Measure{Target: []float64{12, 10, 8}, Actual: []float64{11, 10.5, 8}, LowerIsBetter: true},
			[]string{MeasureMet, MeasureNotMet, MeasureMet}},
		{"fewer targets than actuals", Measure{Target: []float64{40}, Actual: []float64{42, 45}},
			[]string{MeasureMet, MeasureNoTarget, MeasureNotReported}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for y := 1; y <= 3; y++ {
				got = append(got, tt.m.YearStatus(y))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("statuses = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGoalSummary(t *testing.T) {
	g := &Goal{Measures: []Measure{
		{Measure: "Screener", Target: []float64{50, 60, 70}, Actual: []float64{53, 58}},
		{Measure: "State test", Target: []float64{44, 48, 60}, Actual: []float64{45}},
		{Measure: "Absences", Target: []float64{12, 10, 8}, Actual: []float64{11, 9}, LowerIsBetter: true},
		{Measure: "Walkthroughs"},
	}}
	// Year 2 is the latest reported: the screener missed 60, the state
	// test has no Year 2 value yet, absences (9) met 10.
	if got, want := g.Summary(), (MeasureSummary{Year: 2, Met: 1, Of: 3}); got != want {
		t.Errorf("Summary() = %+v, want %+v", got, want)
	}
	if got := (&Goal{Measures: []Measure{{Measure: "Walkthroughs"}}}).Summary(); got != (MeasureSummary{}) {
		t.Errorf("Summary() of free-text measures = %+v, want zero", got)
	}
}

func TestUpdatesSetStatus(t *testing.T) {
	plan, diags := Load(withChanges(t, goalWith(`
[[measures]]
measure = "Screener"
frequency = "Three times a year"

[[years]]
year = 1
outcome = "Half read on grade level."
status = "not-started"
adjustments = "Added a second tutoring block."

  [[years.updates]]
  date = 2026-03-01
  status = "not-met"
  note = "Winter screening below target."

  [[years.updates]]
  date = 2025-11-15
  status = "in-progress"
  note = "Fall screening done."

[[years]]
year = 2
outcome = "Most read on grade level."
`)))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %s", strings.Join(lines(diags), "\n"))
	}
	y := plan.Goals[0].Years[0]
	if y.Status != StatusNotMet || len(y.Updates) != 2 || y.Adjustments != "Added a second tutoring block." {
		t.Errorf("year 1: status %q (want the latest update's, not-met), %d updates, adjustments %q", y.Status, len(y.Updates), y.Adjustments)
	}
	if plan.Goals[0].Years[1].Status != "" {
		t.Errorf("year 2 status = %q, want none", plan.Goals[0].Years[1].Status)
	}
}
