package generator

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestResourceYearShown checks that a resource bought in several plan
// years is listed once a year with its year, so that the goal page and the
// printed plan do not show what looks like the same line three times.
func TestResourceYearShown(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	for _, page := range []string{"goals/early-literacy/index.html", "plan/index.html"} {
		var items []string
		for _, li := range find(parse(t, filepath.Join(site, filepath.FromSlash(page))), tag("li")) {
			if s := strings.Join(strings.Fields(text(li)), " "); strings.Contains(s, "Substitute teachers for two of the four institute days") {
				items = append(items, s)
			}
		}
		want := []string{
			"Year 1: Substitute teachers for two of the four institute days ($12,800, Title II, Part A)",
			"Year 2: Substitute teachers for two of the four institute days ($12,800, Title II, Part A)",
			"Year 3: Substitute teachers for two of the four institute days ($12,800, Title II, Part A)",
		}
		if strings.Join(items, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s lists:\n%s\nwant:\n%s", page, strings.Join(items, "\n"), strings.Join(want, "\n"))
		}
	}
}
