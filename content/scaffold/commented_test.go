package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/trellis-pl/trellis/content"
)

// commentedKey matches a commented-out line of TOML in a starter file:
// "# cost = 1000" or "# [[approvals]]".
var commentedKey = regexp.MustCompile(`^# ((\[\[?[a-z_.]+\]\]?)|([a-z_]+ = .+))$`)

// TestNewPlanCommentedKeys uncomments every optional key that the starter
// plan shows commented out, and checks that the plan still loads without
// errors: a key the model does not have, or a sample value of the wrong
// kind, would mislead the author who uncomments it. A comment line that is
// prose ("# status = "not-started", "in-progress" ...") does not parse as
// TOML and stays a comment.
func TestNewPlanCommentedKeys(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	written, err := NewPlan(dir, Options{Today: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	uncommented := 0
	for _, name := range written {
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i, line := range lines {
			m := commentedKey.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			var v map[string]any
			if m[3] != "" && toml.Unmarshal([]byte(m[3]), &v) != nil {
				continue
			}
			lines[i] = m[1]
			uncommented++
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if uncommented < 10 {
		t.Errorf("uncommented %d lines; the starter plan shows more optional keys than that", uncommented)
	}
	_, diags := content.LoadDir(dir)
	for _, d := range diags {
		if d.Severity == content.Error {
			t.Errorf("%s [%s]", d, d.Code)
		}
	}
}
