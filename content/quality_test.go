package content

import (
	"strings"
	"testing"
)

const activityHead = `-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "reading"
standards = ["data", "learning-designs"]

[initial]
who = "Tutors"
what = "Phonics"
how = "Workshop"
`

const goalHead = `-- goals/reading.md --
+++
title = "Read well"
rationale = "Scores are low."
impact = "Students read more."
outcome = "Most students read on grade level."
years = [{ year = 1, outcome = "Half." }, { year = 2, outcome = "Most." }]
`

func TestQualityChecks(t *testing.T) {
	tests := []struct {
		name    string
		changes string
		want    []string
	}{
		{"a one-week workshop with its follow-up in the same week", activityHead + `
[follow_up]
who = "Coaches"
what = "Coaching"
how = "One visit"

[duration]
when = "June"
start = 2026-06-08
end = 2026-06-12
+++
`, []string{`activities/tutoring.md:19:7: warning: activity "tutoring" runs 5 days, from 2026-06-08 to 2026-06-12, so its follow-up is not spread over time [short-activity]`}},
		{"a short activity with no follow-up is one-shot, once", activityHead + `
[duration]
when = "June"
start = 2026-06-08
end = 2026-06-12
+++
`, []string{`activities/tutoring.md:6:1: warning: activity "tutoring" has no follow-up, so it is one-shot learning [one-shot-activity]`}},
		{"two weeks are enough", activityHead + `
[follow_up]
who = "Coaches"
what = "Coaching"
how = "Visits"

[duration]
when = "June"
start = 2026-06-01
end = 2026-06-14
+++
`, nil},
		{"a start before the plan", activityHead + `
[follow_up]
who = "Coaches"
what = "Coaching"
how = "Visits"

[duration]
when = "All year"
start = 2025-05-31
end = 2026-05-01
+++
`, []string{`activities/tutoring.md:18:9: warning: activity "tutoring" starts on 2025-05-31, before the plan's first year (and the summer before it) [outside-plan-years]`}},
		{"the summer before Year 1 belongs to the plan", activityHead + `
[follow_up]
who = "Coaches"
what = "Coaching"
how = "Visits"

[duration]
when = "All year"
start = 2025-06-01
end = 2027-06-30
+++
`, nil},
		{"an end after the plan", activityHead + `
[follow_up]
who = "Coaches"
what = "Coaching"
how = "Visits"

[duration]
when = "All year"
start = 2026-08-01
end = 2027-07-01
+++
`, []string{`activities/tutoring.md:19:7: warning: activity "tutoring" ends on 2027-07-01, after the plan's last year ends [outside-plan-years]`}},
		{"measures taken once a year", goalHead + `evidence = ["State test"]
[[measures]]
measure = "State test"
frequency = "Annually"
[[measures]]
measure = "Survey"
frequency = "Each spring."
+++
`, []string{`goals/reading.md:8:1: warning: goal "reading" measures success only once a year ("Annually", "Each spring.") [measured-once-a-year]`}},
		{"one measure taken more often is enough", goalHead + `evidence = ["State test"]
[[measures]]
measure = "State test"
frequency = "Annually"
[[measures]]
measure = "Screener"
frequency = "Fall and spring"
+++
`, nil},
		{"evidence with no student data", goalHead + `evidence = ["Teacher survey, 2025", "Budget review"]
[[measures]]
measure = "Screener"
frequency = "Three times a year"
+++
`, []string{`goals/reading.md:7:12: warning: goal "reading" cites no student data in its evidence [no-student-data]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, tt.changes))
			got := lines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestOnceAYear(t *testing.T) {
	for freq, want := range map[string]bool{
		"Annually": true, "once a year": true, "Each spring": true, "Yearly, in May": true,
		"End of year": true, "spring": true, "Every year.": true,
		"Three times a year": false, "Fall and spring": false, "Twice a year": false,
		"Quarterly": false, "Monthly": false, "Each semester": false, "Weekly progress monitoring": false,
		"When the state releases it": false,
	} {
		if got := onceAYear(freq); got != want {
			t.Errorf("onceAYear(%q) = %v, want %v", freq, got, want)
		}
	}
}
