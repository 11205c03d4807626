package content

import (
	"strings"
	"testing"
)

// partnerWith is the base plan's partner with more TOML after its current
// ratings.
func partnerWith(more string) string {
	return `-- partners/acme.md --
+++
name = "Acme Learning"
kind = "vendor"
services = "Tutor training"
reviewed = 2026-06-01
recommendation = "continue"

[[ratings]]
item = "uses-data"
rating = 3
evidence = "Shares reports."

[[ratings]]
item = "active"
rating = 4
evidence = "Role plays."
` + more + `+++
`
}

func TestReviewDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		more string
		want []string
		hint string
	}{
		{
			name: "an earlier review, partly rated",
			more: `
[[reviews]]
reviewed = 2025-06-01
reviewers = "PL office"
recommendation = "revise"

  [[reviews.ratings]]
  item = "uses-data"
  rating = 2
`,
		},
		{
			name: "unknown item and rating out of range",
			more: `
[[reviews]]
reviewed = 2025-06-01
recommendation = "revise"

  [[reviews.ratings]]
  item = "uses-dta"
  rating = 2

  [[reviews.ratings]]
  item = "active"
  rating = 5
`,
			want: []string{
				`partners/acme.md:23:10: error: unknown evaluation item "uses-dta" in Test Standards [unknown-reference]`,
				"partners/acme.md:28:12: error: `rating` must be from 1 to 4, not 5 [out-of-range]",
			},
			hint: "did you mean `uses-data`?",
		},
		{
			name: "item rated twice",
			more: `
[[reviews]]
reviewed = 2025-06-01
recommendation = "revise"

  [[reviews.ratings]]
  item = "active"
  rating = 2

  [[reviews.ratings]]
  item = "active"
  rating = 3
`,
			want: []string{`partners/acme.md:27:10: error: item "active" is rated twice [duplicate-id]`},
			hint: "keep one [[reviews.ratings]] table for each item",
		},
		{
			name: "missing recommendation",
			more: `
[[reviews]]
reviewed = 2025-06-01
`,
			want: []string{"partners/acme.md:18:1: error: missing required key `recommendation` in [[reviews]] [missing-key]"},
		},
		{
			name: "earlier review dated after the current one",
			more: `
[[reviews]]
reviewed = 2026-09-01
recommendation = "revise"
`,
			want: []string{"partners/acme.md:19:12: warning: the earlier review dated 2026-09-01 is not before the current review (reviewed = 2026-06-01) [review-order]"},
			hint: "the top-level `reviewed`, `recommendation` and [[ratings]] are the current review: give the review of 2026-09-01 there, and keep the one of 2026-06-01 in [[reviews]]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, partnerWith(tt.more)))
			got := lines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if tt.hint != "" && len(diags) > 0 && diags[0].Hint != tt.hint {
				t.Errorf("hint = %q, want %q", diags[0].Hint, tt.hint)
			}
		})
	}
}

func TestPartnerHistory(t *testing.T) {
	plan, diags := Load(withChanges(t, partnerWith(`
[[reviews]]
reviewed = 2025-06-01
recommendation = "revise"

[[reviews]]
reviewed = 2024-06-01
recommendation = "end"
`)))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %s", strings.Join(lines(diags), "\n"))
	}
	var got []string
	for _, r := range plan.Partners[0].History() {
		got = append(got, r.Reviewed.String()+" "+r.Recommendation+" "+strings.Repeat("*", len(r.Ratings)))
	}
	want := []string{"2024-06-01 end ", "2025-06-01 revise ", "2026-06-01 continue **"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("History() = %q, want %q", got, want)
	}
}
