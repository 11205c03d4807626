package scaffold

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/content"
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
