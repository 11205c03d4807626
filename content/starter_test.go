package content

import (
	"strings"
	"testing"
)

func TestStarterText(t *testing.T) {
	tests := []struct {
		name, changes string
		want          []string
	}{
		{"a comment does not count", "-- beliefs.md --\n+++\n# TODO: fill in\nmission = \"Teach.\"\nvision = \"Learn.\"\n+++\n", nil},
		{"a key, a table key, a multi-line string and the body", "-- beliefs.md --\n+++\nmission = \"\"\"\nTODO: the mission\n\"\"\"\nvision = \"TODO: the vision\"\n+++\n\nTODO: the beliefs\n",
			[]string{"beliefs.md:3:1: warning: starter text of `trellis new` is still in `mission`, `vision` and `body` [starter-text]"}},
		{"settings", "-- trellis.toml --\ndistrict = \"Test District\"\nstandards = \"standards.toml\"\nfirst_year = 2025\nyears = 2\n[contact]\nname = \"TODO: who answers\"\n",
			[]string{"trellis.toml:6:9: warning: starter text of `trellis new` is still in `contact.name` [starter-text]"}},
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
