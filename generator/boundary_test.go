package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A plan's static/ and layouts/ may hold symbolic links that stay inside
// the plan folder; a link that leaves it stops the build, naming the link
// and its target, and nothing is published.
func TestThemeLinksStayInsidePlan(t *testing.T) {
	tests := []struct {
		name string
		link func(dir, outside string) (link, target string)
		want string
	}{
		{"static file", func(dir, outside string) (string, string) {
			return filepath.Join(dir, "static", "secret.txt"), filepath.Join(outside, "secret.txt")
		}, "static/secret.txt is a symbolic link to OUT/secret.txt, outside the folder PLAN; Trellis reads nothing outside it"},
		{"static folder", func(dir, outside string) (string, string) {
			return filepath.Join(dir, "static"), outside
		}, "static is a symbolic link to OUT, outside the folder PLAN; Trellis reads nothing outside it"},
		{"layout override", func(dir, outside string) (string, string) {
			return filepath.Join(dir, "layouts", "home.html"), filepath.Join(outside, "secret.txt")
		}, "layouts/home.html is a symbolic link to OUT/secret.txt, outside the folder PLAN; Trellis reads nothing outside it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyPlan(t, "magnolia-county")
			outside := t.TempDir()
			writeFile(t, filepath.Join(outside, "secret.txt"), "private")
			link, target := tt.link(dir, outside)
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "site")
			_, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir})
			want := strings.NewReplacer("OUT", outside, "PLAN", dir).Replace(tt.want)
			if err == nil || err.Error() != want {
				t.Fatalf("error %v, want %s", err, want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the site was published")
			}
		})
	}
}

func TestThemeLinksInsidePlanAreFollowed(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	writeFile(t, filepath.Join(dir, "media", "logo.txt"), "logo")
	writeFile(t, filepath.Join(dir, "static", "ok.txt"), "public")
	if err := os.Symlink("../media/logo.txt", filepath.Join(dir, "static", "logo.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../media", filepath.Join(dir, "static", "media")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ok.txt", "logo.txt", "media/logo.txt"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s was not published: %v", name, err)
		}
	}
}
