package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// TestCheckWarningsFalse gives a plan one error and one warning and checks
// that --warnings=false leaves the warning out of text and JSON output.
func TestCheckWarningsFalse(t *testing.T) {
	dir := testplan.OneLanguage(t, testplan.Copy(t, "cedar-valley"))
	activity := filepath.Join(dir, "activities", "learning-walks.md")
	data, _ := os.ReadFile(activity)
	cut, end := bytes.Index(data, []byte("[follow_up]")), bytes.Index(data, []byte("[duration]"))
	data = append(append([]byte{}, data[:cut]...), data[end:]...)
	data = bytes.Replace(data, []byte("title ="), []byte("titel ="), 1)
	if err := os.WriteFile(activity, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rel := dir + "/activities/learning-walks.md"
	_, stderr, code := trellis(t, "check", dir)
	if code != 1 || !bytes.Contains([]byte(stderr), []byte("warning: activity \"learning-walks\" has no follow-up")) {
		t.Fatalf("with warnings: exit %d\n%s", code, stderr)
	}
	_, stderr, code = trellis(t, "check", "--warnings=false", dir)
	if code != 1 || bytes.Contains([]byte(stderr), []byte("warning:")) {
		t.Errorf("--warnings=false: exit %d, stderr shows a warning:\n%s", code, stderr)
	}
	wantLast := "1 error and 1 warning; the first error is at " + rel + ":2:1 (warnings not shown)\n"
	if !bytes.HasSuffix([]byte(stderr), []byte(wantLast)) {
		t.Errorf("--warnings=false: summary, want %q, got:\n%s", wantLast, stderr)
	}
	stdout, _, _ := trellis(t, "check", "--warnings=false", "--format", "json", dir)
	var report struct {
		Diagnostics []struct{ Severity, Code string }
		Errors      int
		Warnings    int
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Diagnostics) != 1 || report.Diagnostics[0].Code != "unknown-key" || report.Errors != 1 || report.Warnings != 0 {
		t.Errorf("json --warnings=false: %+v", report)
	}
}

// TestCheckStarterPlanStrict: a plan fresh from `trellis new` checks with
// warnings naming its starter text, and fails with --strict.
func TestCheckStarterPlanStrict(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	if _, stderr, code := trellis(t, "new", dir); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	want := dir + "/beliefs.md:3:12: warning: starter text of `trellis new` is still in `mission`, `vision` and `body`\n"
	_, stderr, code := trellis(t, "check", dir)
	if code != 0 || !bytes.Contains([]byte(stderr), []byte(want)) {
		t.Errorf("check: exit %d, want 0 and %q in:\n%s", code, want, stderr)
	}
	if _, _, code := trellis(t, "check", "--strict", dir); code != 1 {
		t.Errorf("check --strict: exit %d, want 1", code)
	}
}

// TestBuildWarningsFalse: build --warnings=false leaves the warnings out
// but still counts them.
func TestBuildWarningsFalse(t *testing.T) {
	dir := testplan.OneLanguage(t, testplan.Copy(t, "cedar-valley"))
	activity := filepath.Join(dir, "activities", "learning-walks.md")
	data, _ := os.ReadFile(activity)
	cut, end := bytes.Index(data, []byte("[follow_up]")), bytes.Index(data, []byte("[duration]"))
	if err := os.WriteFile(activity, append(append([]byte{}, data[:cut]...), data[end:]...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	_, stderr, code := trellis(t, "build", dir, "-o", out, "--warnings=false")
	if code != 0 || stderr != "1 warning (warnings not shown)\n" {
		t.Errorf("build --warnings=false: exit %d, stderr %q", code, stderr)
	}
}
