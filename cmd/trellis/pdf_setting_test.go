package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/generator"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// TestBuildPDFSettingWithoutBrowser checks that when plan.pdf is asked for
// by `pdf = true` in trellis.toml, not by --pdf, the one line about the
// missing browser names the setting to remove, not the flag.
func TestBuildPDFSettingWithoutBrowser(t *testing.T) {
	dir := testplan.Copy(t, "magnolia-county")
	settings := filepath.Join(dir, "trellis.toml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings, append([]byte("pdf = true\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := generator.FindBrowser(); err == nil {
		t.Skip("a browser is installed outside PATH")
	}
	want := strings.Replace(generator.ErrNoBrowser.Error(), "build without --pdf", "remove `pdf = true` from trellis.toml", 1) + "\n"
	if want == generator.ErrNoBrowser.Error()+"\n" {
		t.Fatalf("ErrNoBrowser no longer says %q: %s", "build without --pdf", want)
	}
	_, stderr, code := trellis(t, "build", dir, "-o", filepath.Join(t.TempDir(), "site"))
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}
