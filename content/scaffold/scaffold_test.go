package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// starterWarnings loads the plan in dir, fails on errors, and returns the
// starter-text warnings as "file:line:col: message".
func starterWarnings(t *testing.T, dir string) []string {
	t.Helper()
	_, diags := content.LoadDir(dir)
	var out []string
	for _, d := range diags {
		if d.Severity == content.Error {
			t.Errorf("starter plan: %s", d)
		}
		if d.Code == content.CodeStarterText {
			out = append(out, d.String())
		}
	}
	return out
}

func TestNewPlanStarterText(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	if _, err := NewPlan(dir, Options{Today: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"activities/collaborative-planning.md:13:8: warning: starter text of `trellis new` is still in `initial.who`, `initial.what`, `initial.how`, `follow_up.who`, `follow_up.what`, `follow_up.how`, `duration.when`, `resources.item` and `body`",
		"beliefs.md:3:12: warning: starter text of `trellis new` is still in `mission`, `vision` and `body`",
		"district.md:10:9: warning: starter text of `trellis new` is still in `schools.name`, `schools.principal` and `body`",
		"goals/student-achievement.md:8:1: warning: starter text of `trellis new` is still in `rationale`, `evidence`, `impact`, `outcome`, `measures.measure`, `measures.frequency`, `years.outcome` and `body`",
		"partners/sample-partner.md:7:13: warning: starter text of `trellis new` is still in `services` and `body`",
	}
	got := starterWarnings(t, dir)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNewFileNumbersAndFills(t *testing.T) {
	dir := testplan.Copy(t, "cedar-valley")
	tests := []struct {
		kind, name string
		want       File
	}{
		{"goal", "Math Reasoning", File{Path: "goals/04-math-reasoning.md", ID: "math-reasoning",
			Fill: []string{"rationale", "evidence", "impact", "outcome", "measures.measure", "measures.frequency", "years.outcome", "body"}}},
		{"activity", "math-coaching", File{Path: "activities/math-coaching.md", ID: "math-coaching",
			Fill: []string{"initial.who", "initial.what", "initial.how", "follow_up.who", "follow_up.what", "follow_up.how", "duration.when", "resources.item", "body"},
			Refs: []string{`goal names goal "math-reasoning" (Math Reasoning); the plan's other goals: early-literacy, english-learners, early-career-teachers`}}},
		{"partner", "Acme Tutors", File{Path: "partners/acme-tutors.md", ID: "acme-tutors",
			Fill: []string{"services", "body"},
			Refs: []string{`goals names goal "math-reasoning" (Math Reasoning); the plan's other goals: early-literacy, english-learners, early-career-teachers`}}},
	}
	for _, tt := range tests {
		got, err := NewFile(dir, tt.kind, tt.name)
		if err != nil {
			t.Fatalf("NewFile(%s, %q): %v", tt.kind, tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NewFile(%s, %q) =\n%#v\nwant\n%#v", tt.kind, tt.name, got, tt.want)
		}
	}
	activity, _ := os.ReadFile(filepath.Join(dir, "activities", "math-coaching.md"))
	if !strings.Contains(string(activity), "\ngoal = \"math-reasoning\"\n") {
		t.Errorf("the activity does not name the new goal:\n%s", activity)
	}
	starterWarnings(t, dir) // no errors
}

func TestNextNumber(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{nil, ""},
		{[]string{"reading.md", "math.md"}, ""},
		{[]string{"01-reading.md", "03-math.md", "notes.txt"}, "04-"},
		{[]string{"009-reading.md"}, "010-"},
		{[]string{"1-reading.md", "2-math.md"}, "3-"},
		// "10-" and "100-" would sort before "9-" and "99-".
		{[]string{"8-reading.md", "9-math.md"}, ""},
		{[]string{"99-reading.md"}, ""},
		// An unnumbered file sorts after the numbered ones, and so would
		// the new one, numbered or not.
		{[]string{"01-reading.md", "art.md"}, ""},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for _, f := range tt.files {
			os.WriteFile(filepath.Join(dir, f), nil, 0o644)
		}
		if got := nextNumber(dir, "science"); got != tt.want {
			t.Errorf("nextNumber(%v) = %q, want %q", tt.files, got, tt.want)
		}
	}
}
