package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNewFilePrintsWhatToFill(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	if _, stderr, code := trellis(t, "new", dir); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := trellis(t, "new", "activity", "Math coaching")
	want := `wrote activities/math-coaching.md (id "math-coaching")
  goal names goal "student-achievement" (Raise student achievement in reading and mathematics): change it if it is not the right one
  to fill in (the text starting with TODO:): initial.who, initial.what, initial.how, follow_up.who, follow_up.what, follow_up.how, duration.when, resources.item, body
`
	if code != 0 || stdout != want {
		t.Errorf("exit %d, stderr %s\ngot:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
}
