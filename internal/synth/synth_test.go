package synth

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/trellis-pl/trellis/content"
)

// TestSynthPlansAreCleanAndDeterministic checks that every synthetic plan
// passes check with no warnings, and that a seed always writes the same
// files.
func TestSynthPlansAreCleanAndDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	n, err := Write(a, 12, 7, false)
	if err != nil || n != 12*17 {
		t.Fatalf("wrote %d files: %v", n, err)
	}
	if _, err := Write(b, 12, 7, false); err != nil {
		t.Fatal(err)
	}
	p, diags := content.OpenPortal(a)
	if len(diags) > 0 || len(p.Districts) != 12 {
		t.Fatal(diags)
	}
	diags = p.EachDistrict(2, nil)
	for _, d := range diags {
		t.Errorf("%s", d.String())
	}
	filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, _ := os.ReadFile(path)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		return nil
	})
	if _, err := Write(a, 1, 1, false); err == nil {
		t.Error("writing into an existing folder did not fail")
	}
	h := filepath.Join(t.TempDir(), "h")
	if _, err := Write(h, 2, 7, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(h, "hugo.toml")); err != nil {
		t.Error("no hugo.toml")
	}
}
