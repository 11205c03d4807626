package content

import (
	"regexp"
	"strings"
	"testing"
)

// studentDataPattern is the regular expression citesStudentData replaced:
// the two must agree on every text.
var studentDataPattern = regexp.MustCompile(`student|learner|pupil|child|assessment|test|exam|score|proficien|achievement|attendance|absen|graduat|dropout|grades|gpa|discipline|suspension|referral|screener|benchmark|dibels|i-ready|iready|reading level|kindergarten|grade \d|grade-level|\d(st|nd|rd|th) grade|%|percent`)

func FuzzCitesStudentData(f *testing.F) {
	for _, s := range []string{
		"Grade 3 state reading assessment, spring 2025: 41% proficient",
		"Teacher survey, May 2025", "grade 3", "grade x", "3rd grade team", "3rd graders", "2nd  grade",
		"11th grade", "grade", "1st", "walkthrough notes", "grade 4th grade", "x9th grade",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := strings.ToLower(s)
		if got, want := citesStudentData(e), studentDataPattern.MatchString(e); got != want {
			t.Errorf("citesStudentData(%q) = %v, the pattern says %v", e, got, want)
		}
	})
}
