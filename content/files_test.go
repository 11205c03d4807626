//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// diskPlan writes the base plan into a temporary folder and returns it,
// with a second folder outside it.
func diskPlan(t *testing.T) (plan, outside string) {
	t.Helper()
	root := t.TempDir()
	plan, outside = filepath.Join(root, "plan"), filepath.Join(root, "outside")
	for name, f := range basePlan(t) {
		p := filepath.Join(plan, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("+++\ntitle = \"x\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return plan, outside
}

// The plan folder is a boundary, and files that cannot be read as plan
// files are reported, each with what is wrong.
func TestSpecialFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, plan, outside string) error
		want  string
	}{
		{"link outside", func(t *testing.T, plan, outside string) error {
			return os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(plan, "goals/secret.md"))
		}, "goals/secret.md: error: goals/secret.md is a symbolic link to OUT/secret.md, outside the folder PLAN; Trellis reads nothing outside it [link-outside]"},
		{"link to /dev/zero", func(t *testing.T, plan, outside string) error {
			return os.Symlink("/dev/zero", filepath.Join(plan, "goals/zero.md"))
		}, "goals/zero.md: error: goals/zero.md is a symbolic link to /dev/zero, outside the folder PLAN; Trellis reads nothing outside it [link-outside]"},
		{"folder link outside", func(t *testing.T, plan, outside string) error {
			if err := os.RemoveAll(filepath.Join(plan, "partners")); err != nil {
				return err
			}
			return os.Symlink(outside, filepath.Join(plan, "partners"))
		}, "partners/: error: partners is a symbolic link to OUT, outside the folder PLAN; Trellis reads nothing outside it [link-outside]"},
		{"named pipe", func(t *testing.T, plan, outside string) error {
			return syscall.Mkfifo(filepath.Join(plan, "goals/pipe.md"), 0o644)
		}, "goals/pipe.md: error: goals/pipe.md is not a regular file (it is a named pipe); Trellis reads only regular files and folders [not-a-file]"},
		{"dangling link", func(t *testing.T, plan, outside string) error {
			return os.Symlink("gone.md", filepath.Join(plan, "goals/dangling.md"))
		}, "goals/dangling.md: error: goals/dangling.md is a symbolic link to gone.md, which does not exist [broken-link]"},
		{"link loop", func(t *testing.T, plan, outside string) error {
			if err := os.Symlink("b.md", filepath.Join(plan, "goals/a.md")); err != nil {
				return err
			}
			return os.Symlink("a.md", filepath.Join(plan, "goals/b.md"))
		}, "goals/a.md: error: goals/a.md is a symbolic link to b.md, and the links form a loop or do not resolve [broken-link]\n" +
			"goals/b.md: error: goals/b.md is a symbolic link to a.md, and the links form a loop or do not resolve [broken-link]"},
		{"folder named like a file", func(t *testing.T, plan, outside string) error {
			return os.Mkdir(filepath.Join(plan, "goals/math.md"), 0o755)
		}, "goals/math.md/: error: this is a folder named like a Markdown file; Trellis loads files only [not-a-file]"},
		{"sub-folder", func(t *testing.T, plan, outside string) error {
			return os.Mkdir(filepath.Join(plan, "goals/archive"), 0o755)
		}, "goals/archive/: warning: Trellis reads only the .md files directly in goals/; nothing in this folder is published [ignored-folder]"},
		{"too large", func(t *testing.T, plan, outside string) error {
			return os.WriteFile(filepath.Join(plan, "goals/big.md"), []byte("+++\n+++\n"+strings.Repeat("word ", 1<<20)), 0o644)
		}, "goals/big.md: error: goals/big.md is 5.0 MB; a plan file may be at most 4.0 MB [file-too-large]"},
		{"district.md outside", func(t *testing.T, plan, outside string) error {
			if err := os.Remove(filepath.Join(plan, "district.md")); err != nil {
				return err
			}
			return os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(plan, "district.md"))
		}, "district.md: error: district.md is a symbolic link to OUT/secret.md, outside the folder PLAN; Trellis reads nothing outside it [link-outside]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, outside := diskPlan(t)
			if err := tt.setup(t, plan, outside); err != nil {
				t.Fatal(err)
			}
			_, diags := LoadDir(plan)
			want := strings.NewReplacer("OUT", outside, "PLAN", plan).Replace(tt.want)
			got := lines(diags)
			if strings.Join(got, "\n") != want {
				t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
			}
		})
	}
}

// Links that stay inside the plan folder are followed.
func TestLinkInsidePlan(t *testing.T) {
	plan, _ := diskPlan(t)
	if err := os.Rename(filepath.Join(plan, "goals"), filepath.Join(plan, "shared-goals")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("shared-goals", filepath.Join(plan, "goals")); err != nil {
		t.Fatal(err)
	}
	p, diags := LoadDir(plan)
	if len(diags) > 0 || len(p.Goals) == 0 {
		t.Fatalf("%d goals, diagnostics:\n%s", len(p.Goals), strings.Join(lines(diags), "\n"))
	}
}
