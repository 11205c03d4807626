package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/gittest"
	"github.com/trellis-pl/trellis/internal/testplan"
)

func TestDiff(t *testing.T) {
	dir, _ := gittest.CedarValley(t)
	const (
		outcome = `  goal "Every student reads on grade level by the end of grade 3": outcome for Year 2 changed from "60% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 48%." to "62% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 50%."` + "\n"
		added   = `  activity "Reading coaching cycles" added` + "\n"
		rating  = `  partner "Northstar Literacy Collaborative": rating of "Help clients understand student and family contexts and …" changed from "2 (Emerging)" to "3 (Established)"` + "\n"
	)
	// The working tree drops the new activity again.
	if err := os.Remove(filepath.Join(dir, "activities", "reading-coaching.md")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"last version to the working tree", nil,
			"Changes to the plan from plan-2025 (June 10, 2025) to the working tree:\n\n" + outcome + rating + "\n2 changes.\n"},
		{"last version to HEAD", []string{"plan-2025", "HEAD"},
			"Changes to the plan from plan-2025 (June 10, 2025) to HEAD (November 20, 2025):\n\n" + outcome + added + rating + "\n3 changes.\n"},
		{"one commit", []string{"HEAD~1", "HEAD"},
			"Changes to the plan from HEAD~1 (September 15, 2025) to HEAD (November 20, 2025):\n\n" + added + rating + "\n2 changes.\n"},
		{"HEAD to the working tree", []string{"HEAD"},
			"Changes to the plan from HEAD (November 20, 2025) to the working tree:\n\n" + `  activity "Reading coaching cycles" removed` + "\n\n1 change.\n"},
		{"nothing", []string{"HEAD", "HEAD"},
			"No changes to the plan from HEAD (November 20, 2025) to HEAD (November 20, 2025).\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := trellis(t, append([]string{"diff", "-C", dir}, tc.args...)...)
			if code != 0 || stdout != tc.want {
				t.Errorf("exit %d, stderr %q\ngot:\n%s\nwant:\n%s", code, stderr, stdout, tc.want)
			}
		})
	}
}

func TestDiffErrors(t *testing.T) {
	dir, _ := gittest.CedarValley(t)
	plain := testplan.Copy(t, "cedar-valley")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown revision", []string{"-C", dir, "plan-1999"}, 1, `trellis: unknown revision "plan-1999": reference not found` + "\n"},
		{"outside git", []string{"-C", plain}, 1, "trellis: " + plain + " is not in a git repository with commits: trellis diff compares versions of the plan kept in git\n"},
		{"three revisions", []string{"-C", dir, "a", "b", "c"}, 2, "trellis diff: expected at most two revisions, got 3\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := trellis(t, append([]string{"diff"}, tc.args...)...)
			if code != tc.code || !strings.HasPrefix(stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr starting:\n%s", code, stderr, tc.code, tc.want)
			}
		})
	}
}

func TestBuildVersions(t *testing.T) {
	dir, _ := gittest.CedarValley(t)
	stdout, stderr, code := trellis(t, "build", dir, "--versions")
	if code != 0 || !strings.HasPrefix(stdout, "built ") || strings.Contains(stderr, "note:") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "versions", "plan-2025", "index.html")); err != nil {
		t.Error(err)
	}
	plain := testplan.Copy(t, "cedar-valley")
	_, stderr, code = trellis(t, "build", plain)
	want := "note: the plan folder is not in a git repository with commits, so pages show no last-updated dates and there is no Changes page\n"
	if code != 0 || !strings.HasSuffix(stderr, want) {
		t.Errorf("outside git: exit %d, stderr:\n%s\nwant it to end with:\n%s", code, stderr, want)
	}
}
