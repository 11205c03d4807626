package content

import (
	"strings"
	"testing"
)

func TestDemographicsHint(t *testing.T) {
	const district = `-- district.md --
+++
enrollment = 512
per_pupil_expenditure = 12000
schools = [{ name = "Test Elementary", grades = "K-5", enrollment = 512 }]
[[demographics]]
group = "English learners"
`
	tests := []struct {
		name, group, want string
	}{
		{"neither", "", `district.md:5:1: error: the group "English learners" has neither a percent nor a count [invalid-value]` + "\n  hint: give one of `percent = 41.5` or `count = 120`"},
		{"both", "percent = 10\ncount = 51\n", `district.md:5:1: error: the group "English learners" has both a percent and a count [invalid-value]` + "\n  hint: give `percent` or `count`, not both"},
		{"one", "count = 51\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, district+tt.group+"+++\n"))
			got := lines(diags)
			for i, d := range diags {
				got[i] += "\n  hint: " + d.Hint
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

func TestValueBounds(t *testing.T) {
	const resources = `-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "reading"
standards = ["data", "learning-designs"]
initial = { who = "Tutors", what = "Phonics", how = "Workshop" }
follow_up = { who = "Coaches", what = "Coaching", how = "Cycles" }
duration = { when = "Fall" }
`
	tests := []struct {
		name, changes string
		want          []string
	}{
		{"an enrollment past its bound", `-- district.md --
+++
enrollment = 20000000000
per_pupil_expenditure = 12000
schools = [{ name = "A", grades = "K-5", enrollment = 512 }]
+++
`, []string{"district.md:2:14: error: `enrollment` must be from 0 to 10000000, not 20000000000 [out-of-range]"}},
		{"schools that add up to too many students", `-- district.md --
+++
enrollment = 512
per_pupil_expenditure = 12000
[[schools]]
name = "A"
grades = "K-5"
enrollment = 6000000
[[schools]]
name = "B"
grades = "6-8"
enrollment = 6000000
+++
`, []string{`district.md:11:14: error: the schools' enrollments add up to more than 10000000 by this school ("B") [out-of-range]`}},
		{"a cost past its bound", resources + `[[resources]]
item = "Books"
cost = 1e12
+++
`, []string{"activities/tutoring.md:10:8: error: `cost` must be from 0 to 1000000000, not 1000000000000 [out-of-range]"}},
		{"costs that add up to too much", resources + strings.Repeat("[[resources]]\nitem = \"Books\"\ncost = 1e9\n", 11) + "+++\n",
			[]string{`activities/tutoring.md:38:1: error: the plan's costs add up to more than 10000000000 by this resource ("Books") [out-of-range]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, tt.changes))
			if got := lines(diags); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
