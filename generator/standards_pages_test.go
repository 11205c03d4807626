package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatementsAndOpenAnswers builds the 2011 example and checks that a
// standard's page quotes its official statement with the credit, and that a
// partner's page shows the answers to open questions as text.
func TestStatementsAndOpenAnswers(t *testing.T) {
	out := buildExample(t, "magnolia-county", BuildOptions{})
	tests := []struct {
		page string
		want []string
		not  []string
	}{
		{"standards/data/index.html", []string{
			"<blockquote><p>Professional learning that increases educator effectiveness and results for all students uses a variety of sources and types of student, educator, and system data to plan, assess, and evaluate professional learning.</p></blockquote>",
			"<figcaption>The standard's statement, from Learning Forward, Standards for Professional Learning (2011), as quoted in the Mississippi Department of Education&#39;s Standards for Professional Learning Overview.</figcaption>",
		}, nil},
		{"partners/brightpath-reading-software/index.html", []string{
			`<th scope="row">What resources are provided?</th><td class="num" data-label="Rating"><span class="muted">Open question</span></td><td data-label="Answer">Licenses and two training days a year; extra coaching costs more.</td>`,
		}, []string{"Not rated"}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(out, tt.page))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s does not contain %s", tt.page, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(page, n) {
				t.Errorf("%s contains %q", tt.page, n)
			}
		}
	}
}
