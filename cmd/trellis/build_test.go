package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// TestBuildWarnsOfUnminifiedPages: with --minify-html, a page whose text
// the minifier would change (here, a layout of the plan's own with a stray
// </option>; raw HTML in Markdown loses such tags to the sanitizer) is
// published unminified, with a warning naming its plan file.
func TestBuildWarnsOfUnminifiedPages(t *testing.T) {
	dir := testplan.Small(t, "")
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	layout := `{{define "main"}}<h1>Who we are</h1><p>See </option> these words.</p>{{end}}`
	if err := os.WriteFile(filepath.Join(dir, "layouts", "district.html"), []byte(layout), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := trellis(t, "build", dir, "--minify-html")
	want := filepath.Join(dir, "trellis.toml") + ": warning: minifying district/index.html would change its text, so it is published unminified\n"
	if code != 0 || !strings.HasPrefix(stderr, want) || !strings.HasPrefix(stdout, "built ") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s\nwant stderr to start with %s", code, stdout, stderr, want)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "district", "index.html"))
	if err != nil || !strings.Contains(string(page), "these words.") {
		t.Errorf("the page lost its text (%v)", err)
	}
}
