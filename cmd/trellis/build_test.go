package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// TestBuildWarnsOfUnminifiedPages: with --minify-html, a page whose text
// the minifier would change is published unminified, with a warning naming its plan file.
func TestBuildWarnsOfUnminifiedPages(t *testing.T) {
	dir := testplan.Small(t, "")
	settings, err := os.ReadFile(filepath.Join(dir, "trellis.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "trellis.toml"), append(settings, "unsafe_html = true\n"...), 0o644)
	f, err := os.OpenFile(filepath.Join(dir, "goals", "reading.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nSee </option> these words.\n")
	f.Close()
	stdout, stderr, code := trellis(t, "build", dir, "--minify-html")
	want := filepath.Join(dir, "goals/reading.md") + ": warning: minifying goals/reading/index.html would change its text, so it is published unminified\n"
	if code != 0 || !strings.HasPrefix(stderr, want) || !strings.HasPrefix(stdout, "built ") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s\nwant stderr to start with %s", code, stdout, stderr, want)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "goals", "reading", "index.html"))
	if err != nil || !strings.Contains(string(page), "these words.") {
		t.Errorf("the page lost its text (%v)", err)
	}
}
