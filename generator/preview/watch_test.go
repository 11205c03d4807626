package preview

import "testing"

func TestIgnored(t *testing.T) {
	for rel, want := range map[string]bool{
		"goals/01-reading.md":                false,
		"static/style.css":                   false,
		"district-a/activities/coaching.md":  false,
		".git/index":                         true,
		"goals/.01-reading.md.swp":           true,
		"goals/01-reading.md~":               true,
		"goals/#01-reading.md#":              true,
		"public/index.html":                  true,
		"district-a/public/goals/index.html": true,
		"goals/4913":                         true,
		"goals/01-reading.md___jb_tmp___":    true,
		"node_modules/axe-core/axe.min.js":   true,
		"layouts/partials/publications.html": false,
	} {
		if got := ignored(rel); got != want {
			t.Errorf("ignored(%q) = %v, want %v", rel, got, want)
		}
	}
}
