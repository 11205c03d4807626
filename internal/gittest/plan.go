package gittest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// CedarValley puts a copy of the cedar-valley example in a new repository
// (as its folder cedar-valley/, beside a README) with three commits at
// fixed dates:
//
//   - June 10, 2025, "Adopt the plan", tagged plan-2025, with
//     version_tags = "plan-*";
//   - September 15, 2025: goal 1's outcome for Year 2 raised from 60% to 62%
//     (and 48% to 50%);
//   - November 20, 2025: the activity "Reading coaching cycles" added, and
//     Northstar's rating of rc-student-family-contexts raised from 2 to 3.
//
// It returns the plan folder and the repository.
func CedarValley(t *testing.T) (string, *Repo) {
	t.Helper()
	dir := testplan.Copy(t, "cedar-valley")
	edit := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(file))
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q (%v)", file, old, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("trellis.toml", "\nyears = 3\n", "\nyears = 3\nversion_tags = \"plan-*\"\n")
	r := Init(t, filepath.Dir(dir))
	r.Write(map[string]string{"README.md": "Plans of the district.\n"})
	r.Commit("Adopt the plan", Day(2025, 6, 10))
	r.Tag("plan-2025")
	edit("goals/01-early-literacy.md", `outcome = "60% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 48%."`,
		`outcome = "62% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 50%."`)
	r.Commit("Raise the Year 2 outcome of early literacy", Day(2025, 9, 15))
	b, err := os.ReadFile(filepath.Join(dir, "activities", "literacy-data-teams.md"))
	if err != nil {
		t.Fatal(err)
	}
	r.Write(map[string]string{"cedar-valley/activities/reading-coaching.md": strings.Replace(string(b),
		`title = "Grade-level literacy data teams"`, `title = "Reading coaching cycles"`, 1)})
	edit("partners/northstar-literacy.md", "item = \"rc-student-family-contexts\"\nrating = 2", "item = \"rc-student-family-contexts\"\nrating = 3")
	r.Commit("Add reading coaching; Northstar's review", Day(2025, 11, 20))
	return dir, r
}
