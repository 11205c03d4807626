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

func TestOpenQuestions(t *testing.T) {
	base := string(basePlan(t)["standards.toml"].Data)
	standards := "-- standards.toml --\n" + strings.Replace(base, "text = \"Is learning active?\"\n", "text = \"How is learning active?\"\nopen = true\n", 1)
	partner := func(ratings string) string {
		return standards + `-- partners/acme.md --
+++
name = "Acme Learning"
kind = "vendor"
services = "Tutor training"
reviewed = 2026-06-01
recommendation = "continue"
[[ratings]]
item = "uses-data"
` + ratings + "+++\n"
	}
	tests := []struct {
		name, ratings string
		want          []string
	}{
		{"a rating and an answer", "rating = 3\nevidence = \"Reports.\"\n[[ratings]]\nitem = \"active\"\nanswer = \"Through role plays.\"\n", nil},
		{"an open question rated", "rating = 3\nevidence = \"Reports.\"\n[[ratings]]\nitem = \"active\"\nrating = 4\n",
			[]string{`partners/acme.md:13:1: error: "active" is an open question, answered in words, not rated 1 to 4 [invalid-value]`}},
		{"an open question without an answer", "rating = 3\nevidence = \"Reports.\"\n[[ratings]]\nitem = \"active\"\n",
			[]string{`partners/acme.md:11:1: warning: Acme Learning: the open question "active" has no answer [incomplete-evaluation]`}},
		{"an answer to an item on the scale", "answer = \"Yes.\"\n[[ratings]]\nitem = \"active\"\nanswer = \"Through role plays.\"\n",
			[]string{`partners/acme.md:9:1: error: "uses-data" is rated 1 to 4; only open questions take an answer [invalid-value]`}},
		{"no rating", "evidence = \"Reports.\"\n[[ratings]]\nitem = \"active\"\nanswer = \"Through role plays.\"\n",
			[]string{"partners/acme.md:7:1: error: the rating for \"uses-data\" has no `rating` [missing-key]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, partner(tt.ratings)))
			if got := lines(diags); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestStatementNeedsCredit(t *testing.T) {
	base := string(basePlan(t)["standards.toml"].Data)
	changes := "-- standards.toml --\n" + strings.Replace(base, "summary = \"Use data.\"\n", "summary = \"Use data.\"\nstatement = \"Professional learning uses data.\"\n", 1)
	_, diags := Load(withChanges(t, changes))
	want := "standards.toml:7:1: error: standard \"data\" has a statement, but the set has no `statement_credit` [missing-key]"
	if got := strings.Join(lines(diags), "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	_, diags = Load(withChanges(t, strings.Replace(changes, "summary = \"Two standards.\"\n", "summary = \"Two standards.\"\nstatement_credit = \"The tests\"\n", 1)))
	if len(diags) != 0 {
		t.Errorf("with a credit: %s", strings.Join(lines(diags), "\n"))
	}
}
