package content

import (
	"strings"
	"testing"
)

// TestOutOfRangeShowsTheNumberAsWritten checks that a number past its
// bound is quoted digit for digit, also past 2^53 where a float64 would
// round it.
func TestOutOfRangeShowsTheNumberAsWritten(t *testing.T) {
	district := func(enrollment, ppe string) string {
		return "-- district.md --\n+++\nenrollment = " + enrollment + "\nper_pupil_expenditure = " + ppe +
			"\nschools = [{ name = \"A\", grades = \"K-5\", enrollment = 512 }]\n+++\n"
	}
	tests := []struct {
		name, changes, want string
	}{
		{"an integer past 2^53", district("9007199254740993", "12000"),
			"district.md:2:14: error: `enrollment` must be from 0 to 10000000, not 9007199254740993 [out-of-range]"},
		{"the largest integer", district("9223372036854775807", "12000"),
			"district.md:2:14: error: `enrollment` must be from 0 to 10000000, not 9223372036854775807 [out-of-range]"},
		{"a negative integer past 2^53", district("-9007199254740993", "12000"),
			"district.md:2:14: error: `enrollment` must be from 0 to 10000000, not -9007199254740993 [out-of-range]"},
		{"an integer past 2^53 for a decimal field", district("512", "9007199254740993"),
			"district.md:3:25: error: `per_pupil_expenditure` must be from 0 to 1000000, not 9007199254740993 [out-of-range]"},
		{"a decimal", district("512", "1000000.5"),
			"district.md:3:25: error: `per_pupil_expenditure` must be from 0 to 1000000, not 1000000.5 [out-of-range]"},
		{"a huge decimal", district("512", "1e300"),
			"district.md:3:25: error: `per_pupil_expenditure` must be from 0 to 1000000, not 1e+300 [out-of-range]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, tt.changes))
			if got := strings.Join(lines(diags), "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestListKeyAbove(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"evidence = [\n  \"a\",\n  \"b\n", "evidence"},
		{"title = \"x\"\nevidence = [\n  \"b\n", "evidence"},
		{"evidence = [\"a\"]\n  \"b\n", ""},
		{"title = \"x\"\n  \"b\n", ""},
		{"  \"b\n", ""},
	}
	for _, tt := range tests {
		off := strings.LastIndex(tt.text, "  \"b")
		if got := listKeyAbove(tt.text, off); got != tt.want {
			t.Errorf("listKeyAbove(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestUnreadDateReportedOnce checks that a date that could not be read is
// reported once, and not again by the checks that compare dates (as
// "ends (0000-00-00) before it starts", or a warning that it "starts on
// 0000-00-00, before the plan's first year").
func TestUnreadDateReportedOnce(t *testing.T) {
	activity := func(duration string) string {
		return `-- activities/tutoring.md --
+++
title = "Tutoring training"
goal = "reading"
standards = ["data", "learning-designs"]
initial = { who = "Tutors", what = "Phonics", how = "Workshop" }
follow_up = { who = "Coaches", what = "Coaching", how = "Cycles" }

[duration]
when = "Fall"
` + duration + "+++\n"
	}
	tests := []struct {
		name, duration, want string
	}{
		{"end", "start = 2025-09-01\nend = \"May 26, 2026\"\nfollow_up_start = 2025-10-01\n",
			"activities/tutoring.md:11:7: error: `end` must be a date written year-month-day, not \"May 26, 2026\" [date-format]"},
		{"start", "start = \"Sept 1, 2025\"\nend = 2026-05-26\nfollow_up_start = 2025-10-01\n",
			"activities/tutoring.md:10:9: error: `start` must be a date written year-month-day, not \"Sept 1, 2025\" [date-format]"},
		{"follow-up start", "start = 2025-09-01\nend = 2026-05-26\nfollow_up_start = \"Oct 1, 2025\"\n",
			"activities/tutoring.md:12:19: error: `follow_up_start` must be a date written year-month-day, not \"Oct 1, 2025\" [date-format]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, activity(tt.duration)))
			if got := strings.Join(lines(diags), "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
