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
