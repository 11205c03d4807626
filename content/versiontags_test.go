package content

import (
	"strings"
	"testing"
)

func TestVersionTags(t *testing.T) {
	const settings = "-- trellis.toml --\ndistrict = \"Test District\"\nstandards = \"standards.toml\"\nfirst_year = 2025\nyears = 2\n"
	tests := []struct {
		glob, want, hint string
	}{
		{`"plan-*"`, "", ""},
		{`"plan-202[5-9]*"`, "", ""},
		{`"plan-[*"`, "trellis.toml:5:16: error: `version_tags` \"plan-[*\" is not a valid pattern of tag names [invalid-value]",
			`* stands for any text and ? for one character; [ ] must come in pairs: version_tags = "plan-*"`},
		{`"plan *"`, "trellis.toml:5:16: error: `version_tags` \"plan *\" has spaces, which tag names cannot have [invalid-value]",
			`version_tags = "plan-*"`},
	}
	for _, tc := range tests {
		t.Run(tc.glob, func(t *testing.T) {
			plan, diags := Load(withChanges(t, settings+"version_tags = "+tc.glob+"\n"))
			if got := strings.Join(lines(diags), "\n"); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			if tc.want == "" {
				if plan.Settings.VersionTags != strings.Trim(tc.glob, `"`) {
					t.Errorf("version_tags = %q", plan.Settings.VersionTags)
				}
				return
			}
			if diags[0].Hint != tc.hint {
				t.Errorf("hint %q, want %q", diags[0].Hint, tc.hint)
			}
		})
	}
}
